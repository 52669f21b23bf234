// Stage 3: the typed model → launch-rule findings, with configured severities and located paths.
import { ConfigError, type RulesConfig } from '../config/config.js'
import type { Finding, Severity, SeveritySetting } from '../findings/finding.js'
import type { ContactsFile, Integration } from '../model/contacts.js'
import { locate, type Locatable } from '../parse/locate.js'
import { DEFAULT_MERCHANT_ISSUES } from '../model/integrations.js'
import { RULES } from './index.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { ruleMessageId, type OptionSpec, type Rule, type RuleEnvironment, type RuleReport } from './rule.js'
import type { RuleId } from './rule-ids.js'

export interface PreparedRule {
  id: RuleId
  rule: Rule
  /** Set when the user configured the rule; otherwise the rule's default applies per file. */
  configured?: SeveritySetting
  options: Record<string, unknown>
}

export interface PreparedRules {
  rules: PreparedRule[]
  merchantIssues: RuleEnvironment['merchantIssues']
  /** The language findings are written in. */
  messages: Messages
}

/** Checks the configuration against the rules once per run; a bad option is a ConfigError. */
export function prepareRules(config: RulesConfig, messages: Messages = ENGLISH): PreparedRules {
  const rules: PreparedRule[] = []
  for (const [id, rule] of Object.entries(RULES) as Array<[RuleId, Rule]>) {
    const options = resolveOptions(id, rule.meta.options ?? {}, config.options[id] ?? {})
    const configured = config.severities[id]
    rules.push(configured === undefined ? { id, rule, options } : { id, rule, options, configured })
  }
  for (const id of Object.keys(config.options)) {
    if (!(id in RULES)) throw new ConfigError(`options given for unknown rule "${id}"`)
  }
  return { rules, messages, merchantIssues: { ...DEFAULT_MERCHANT_ISSUES, ...config.merchantIssues } as Record<Integration, 'required' | 'optional'> }
}

export interface RunRulesInput {
  file: ContactsFile
  located: Locatable
  now?: Date
  portalUsers?: ReadonlySet<string>
}

export async function runRules(prepared: PreparedRules, input: RunRulesInput): Promise<Finding[]> {
  const findings: Finding[] = []
  const env: RuleEnvironment = { now: input.now ?? new Date(), merchantIssues: prepared.merchantIssues }
  if (input.portalUsers) env.portalUsers = input.portalUsers
  for (const { id, rule, configured, options } of prepared.rules) {
    const base = configured ?? (typeof rule.meta.defaultSeverity === 'function' ? rule.meta.defaultSeverity(input.file) : rule.meta.defaultSeverity)
    if (base === 'off') continue
    const messageIds = rule.meta.messages as readonly string[]
    const report = (r: RuleReport<string>) => {
      if (!messageIds.includes(r.messageId)) throw new Error(`rule ${id} reported unknown messageId "${r.messageId}"`)
      const severity: Severity = configured === undefined && r.severity ? r.severity : base
      findings.push({
        ruleId: id,
        severity,
        message: prepared.messages.format(ruleMessageId(id, r.messageId), r.data),
        path: r.path,
        ...locate(input.located, r.path, r.target ?? 'value'),
      })
    }
    await rule.check({ file: input.file, options: options as never, env, report })
  }
  return findings
}

function resolveOptions(id: RuleId, specs: Record<string, OptionSpec>, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(specs)) out[name] = spec.default
  for (const [name, value] of Object.entries(given)) {
    const spec = specs[name]
    if (!spec) {
      const known = Object.keys(specs)
      throw new ConfigError(`rule "${id}" has no option "${name}"${known.length ? ` (options: ${known.join(', ')})` : ''}`)
    }
    if (spec.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || (spec.min !== undefined && value < spec.min)) {
        throw new ConfigError(`rule "${id}" option "${name}" must be a number${spec.min !== undefined ? ` of at least ${spec.min}` : ''}`)
      }
      out[name] = value
    } else {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw new ConfigError(`rule "${id}" option "${name}" must be a list of strings`)
      }
      // Lists extend the built-in defaults (extra paging or free-mail domains), never replace them.
      out[name] = [...spec.default, ...value.map((v) => v.toLowerCase())]
    }
  }
  return out
}
