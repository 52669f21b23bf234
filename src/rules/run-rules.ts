// Stage 3: the typed model → launch-rule findings, with configured severities and located paths.
import { ConfigError, type RulesConfig } from '../config/config.js'
import type { Finding, Severity, SeveritySetting } from '../findings/finding.js'
import type { ContactsFile, Integration } from '../model/contacts.js'
import { locate, type Locatable } from '../parse/locate.js'
import { DEFAULT_MERCHANT_ISSUES } from '../model/integrations.js'
import { RULES } from './index.js'
import { ENGLISH } from '../i18n/catalogue.js'
import { ref, type Messages } from '../i18n/messages.js'
import { ruleMessageId, type OptionSpec, type PartnerDeclaration, type Rule, type RuleEnvironment, type RuleReport } from './rule.js'
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
  /** `partners:` of the config file, for the cross-file rules. */
  pins: Readonly<Record<string, readonly string[]>>
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
    if (!(id in RULES)) throw new ConfigError(ref('cli.config.optionsUnknownRule', { id }))
  }
  return { rules, messages, merchantIssues: { ...DEFAULT_MERCHANT_ISSUES, ...config.merchantIssues } as Record<Integration, 'required' | 'optional'>, pins: config.partners ?? {} }
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
    if (!rule.check) continue
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

/**
 * The run-level pass: cross-file rules over what every file of the run declares. Returns each file's findings (by
 * path), located at its `partner.id`; callers add them to that file's own before deciding whether it may be planned.
 */
export function runRunRules(prepared: PreparedRules, declarations: readonly PartnerDeclaration[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>()
  const where = new Map(declarations.map((d) => [d.file, d]))
  for (const { id, rule, configured, options } of prepared.rules) {
    if (!rule.checkRun) continue
    const fallback = rule.meta.defaultSeverity
    if (typeof fallback === 'function') throw new Error(`rule ${id}: a cross-file rule's default severity cannot depend on one file`)
    const severity = configured ?? fallback
    if (severity === 'off') continue
    const messageIds = rule.meta.messages as readonly string[]
    rule.checkRun({
      declarations,
      pins: prepared.pins,
      options: options as never,
      report: ({ file, messageId, data }) => {
        const at = where.get(file)
        if (!messageIds.includes(messageId) || !at) throw new Error(`rule ${id} reported unknown messageId "${messageId}" or file`)
        const { line, column, endLine, endColumn } = at
        const list = byFile.get(file) ?? []
        list.push({ ruleId: id, severity, message: prepared.messages.format(ruleMessageId(id, messageId), data), path: '/partner/id', line, column, endLine, endColumn })
        byFile.set(file, list)
      },
    })
  }
  return byFile
}

function resolveOptions(id: RuleId, specs: Record<string, OptionSpec>, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(specs)) out[name] = spec.default
  for (const [name, value] of Object.entries(given)) {
    const spec = specs[name]
    if (!spec) {
      const known = Object.keys(specs)
      throw new ConfigError(known.length ? ref('cli.config.noOptionKnown', { id, name, known: known.join(', ') }) : ref('cli.config.noOption', { id, name }))
    }
    if (spec.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || (spec.min !== undefined && value < spec.min)) {
        throw new ConfigError(spec.min !== undefined ? ref('cli.config.optionMin', { id, name, min: String(spec.min) }) : ref('cli.config.optionNumber', { id, name }))
      }
      out[name] = value
    } else {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw new ConfigError(ref('cli.config.optionList', { id, name }))
      }
      // Lists extend the built-in defaults (extra paging or free-mail domains), never replace them.
      out[name] = [...spec.default, ...value.map((v) => v.toLowerCase())]
    }
  }
  return out
}
