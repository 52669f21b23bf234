// Policy: rule severities and options, and the merchant-issues table, from the config file and flags.
import type { SeveritySetting } from '../findings/finding.js'
import { normalizeRepoPath } from '../files/expand-files.js'
import { parseSeverity } from '../findings/severity.js'
import { LocalizedError } from '../i18n/localized-error.js'
import { ref } from '../i18n/messages.js'
import { INTEGRATIONS, type Integration } from '../model/contacts.js'
import { isRuleId, type RuleId } from '../rules/rule-ids.js'
import type { MerchantIssuesPolicy } from '../rules/rule.js'

export interface RulesConfig {
  severities: Partial<Record<RuleId, SeveritySetting>>
  options: Partial<Record<RuleId, Record<string, unknown>>>
  merchantIssues: Partial<Record<Integration, MerchantIssuesPolicy>>
  /** `language:` in `.partner-contacts.yaml`: the repository's default language (docs/i18n.md). */
  language?: string
  /** `messages:` in `.partner-contacts.yaml`: a partner's override catalogue per language, as paths from the working directory. */
  messageFiles?: Readonly<Record<string, string>>
  /** `partners:` of the config file: partner ID → the only paths that may declare it (SPEC §11 Ownership). */
  partners?: Readonly<Record<string, readonly string[]>>
}

export const EMPTY_CONFIG: RulesConfig = Object.freeze({ severities: {}, options: {}, merchantIssues: {} })

/** A usage error in configuration: the CLI exits 2 and the Action fails the step with this text. */
export class ConfigError extends LocalizedError {
  override name = 'ConfigError'
}

/**
 * Reads `rules:`-style settings: `id: severity`, or `id: { severity?, ...options }`.
 * `source` names where they came from, for the error message.
 */
export function parseRuleSettings(value: unknown, source: string): Pick<RulesConfig, 'severities' | 'options'> {
  const out: Pick<RulesConfig, 'severities' | 'options'> = { severities: {}, options: {} }
  if (value === undefined || value === null) return out
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(ref('cli.config.rulesShape', { source }))
  for (const [id, setting] of Object.entries(value)) {
    if (!isRuleId(id)) throw new ConfigError(ref('cli.config.unknownRule', { source, id }))
    if (typeof setting === 'string') {
      out.severities[id] = severityOrThrow(setting, { source, id })
    } else if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
      const { severity, ...options } = setting as Record<string, unknown>
      if (severity !== undefined) out.severities[id] = severityOrThrow(String(severity), { source, id })
      if (Object.keys(options).length > 0) out.options[id] = options
    } else {
      throw new ConfigError(ref('cli.config.ruleShape', { source, id }))
    }
  }
  return out
}

/** `--rule id=severity` flags and the Action's `rules` input lines use this form. */
export function parseRuleFlag(flag: string): [RuleId, SeveritySetting] {
  const match = /^\s*([a-z-]+)\s*[=:]\s*([a-z]+)\s*$/.exec(flag)
  if (!match) throw new ConfigError(ref('cli.config.ruleFlagShape', { flag }))
  const [, id, severity] = match as unknown as [string, string, string]
  if (!isRuleId(id)) throw new ConfigError(ref('cli.config.ruleFlagUnknown', { id }))
  return [id, severityOrThrow(severity, { id })]
}

export function parseIntegrationOverrides(value: unknown, source: string): RulesConfig['merchantIssues'] {
  const out: RulesConfig['merchantIssues'] = {}
  if (value === undefined || value === null) return out
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(ref('cli.config.integrationsShape', { source }))
  for (const [key, setting] of Object.entries(value)) {
    if (!(INTEGRATIONS as readonly string[]).includes(key)) throw new ConfigError(ref('cli.config.unknownIntegration', { source, key }))
    const policy = typeof setting === 'object' && setting !== null ? (setting as Record<string, unknown>)['merchantIssues'] : setting
    if (policy !== 'required' && policy !== 'optional') {
      throw new ConfigError(ref('cli.config.integrationPolicy', { source, key }))
    }
    out[key as Integration] = policy
  }
  return out
}

/**
 * `partners:` pins partner IDs to paths: `"10000001": partners/eats/contacts.yaml` (or a list, e.g. production and
 * sandbox files). Paths are repository paths as reports show them; a glob would defeat the pin, so none is allowed.
 */
export function parsePartnerPins(value: unknown, source: string): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>
  if (value === undefined || value === null) return out
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(ref('cli.config.partnersShape', { source }))
  for (const [id, paths] of Object.entries(value)) {
    if (!/^\d{1,20}$/.test(id)) throw new ConfigError(ref('cli.config.partnerId', { source, id: JSON.stringify(id) }))
    const list = typeof paths === 'string' ? [paths] : paths
    if (!Array.isArray(list) || list.length === 0 || !list.every((p) => typeof p === 'string' && p.trim() !== '')) {
      throw new ConfigError(ref('cli.config.partnerPaths', { source, id }))
    }
    const normalized = (list as string[]).map(normalizeRepoPath)
    const bad = normalized.find((p) => /[*?[\]{}]/.test(p) || p.split('/').includes('..') || p.startsWith('/'))
    if (bad !== undefined) throw new ConfigError(ref('cli.config.partnerPlainPath', { source, id, path: JSON.stringify(bad) }))
    out[id] = normalized
  }
  return out
}

/** Later layers win: the config file, then the Action input or CLI flags. */
export function mergeConfig(base: RulesConfig, override: Partial<RulesConfig>): RulesConfig {
  const options: RulesConfig['options'] = { ...base.options }
  for (const [id, o] of Object.entries(override.options ?? {})) options[id as RuleId] = { ...options[id as RuleId], ...o }
  return {
    severities: { ...base.severities, ...override.severities },
    options,
    merchantIssues: { ...base.merchantIssues, ...override.merchantIssues },
    ...((override.language ?? base.language) !== undefined ? { language: (override.language ?? base.language)! } : {}),
    ...((override.messageFiles ?? base.messageFiles) ? { messageFiles: { ...base.messageFiles, ...override.messageFiles } } : {}),
    // Pins come from the config file only: no flag or input overrides ownership.
    ...(base.partners ? { partners: base.partners } : {}),
  }
}

/** `source` is the config file; without it, the `--rule` flag. */
function severityOrThrow(value: string, where: { source?: string; id: string }): SeveritySetting {
  const severity = parseSeverity(value)
  if (!severity) throw new ConfigError(where.source !== undefined ? ref('cli.config.ruleSeverity', { source: where.source, id: where.id, value }) : ref('cli.config.ruleFlagSeverity', { id: where.id, value }))
  return severity
}
