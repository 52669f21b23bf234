// The JSON Schema of `.partner-contacts.yaml`, built from the rule registry so editors offer exactly the
// rules, options and integrations the code knows. scripts/build.mjs writes it to schemas/config.schema.json.
import { INTEGRATIONS } from '../model/contacts.js'
import { RULES } from '../rules/index.js'
import { docsUrl, type OptionSpec } from '../rules/rule.js'
import type { RuleId } from '../rules/rule-ids.js'

/** The string form of a rule's setting: no title or description, so hover shows the rule's own. */
const SEVERITY_VALUES = { type: 'string', enum: ['error', 'warning', 'info', 'off'] } as const

const SEVERITY = {
  title: 'Severity',
  description: 'error fails the check, warning and info are reported, off turns the rule off.',
  markdownDescription: '`error` fails the check; `warning` and `info` are reported; `off` turns the rule off.',
  type: 'string',
  enum: ['error', 'warning', 'info', 'off'],
} as const

function optionSchema(name: string, spec: OptionSpec): Record<string, unknown> {
  const text = `${spec.description} Default: ${JSON.stringify(spec.default)}.`
  const common = { title: name, description: text, markdownDescription: `${spec.description} Default: \`${JSON.stringify(spec.default)}\`.`, default: spec.default }
  if (spec.type === 'number') return { ...common, type: 'number', ...(spec.min !== undefined ? { minimum: spec.min } : {}) }
  return { ...common, type: 'array', items: { type: 'string', minLength: 1 } }
}

function ruleSchema(id: RuleId): Record<string, unknown> {
  const meta = RULES[id].meta
  const options = Object.entries((meta.options ?? {}) as Record<string, OptionSpec>)
  const severityText = typeof meta.defaultSeverity === 'function' ? 'depends on the file' : meta.defaultSeverity
  return {
    title: id,
    description: `${meta.description} Default severity: ${severityText}.`,
    markdownDescription: `${meta.description}\n\nDefault severity: \`${severityText}\`. [Rule documentation](${docsUrl(id)})`,
    anyOf: [
      SEVERITY_VALUES,
      {
        type: 'object',
        additionalProperties: false,
        properties: { severity: SEVERITY, ...Object.fromEntries(options.map(([name, spec]) => [name, optionSchema(name, spec)])) },
      },
    ],
  }
}

/** A plain path from the repository root: no glob, no `..`, not absolute (as the config loader checks). */
const PIN_PATH = {
  type: 'string',
  minLength: 1,
  pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$))[^*?\\[\\]{}]+$',
  patternErrorMessage: 'A plain path from the repository root, such as partners/eats/contacts.yaml: no glob, no .., not absolute.',
} as const

const POLICY = { type: 'string', enum: ['required', 'optional'] } as const

export function configSchema(): Record<string, unknown> {
  const rules = Object.fromEntries((Object.keys(RULES) as RuleId[]).map((id) => [id, ruleSchema(id)]))
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://raw.githubusercontent.com/partner-contacts/partner-contacts/v1/schemas/config.schema.json',
    title: 'partner-contacts .partner-contacts.yaml',
    description: 'Policy for partner-contacts: rule severities and options, and which integrations require a merchant-issues contact. Generated from the rule registry.',
    markdownDescription: 'Policy for partner-contacts: rule **severities** and **options**, and which **integrations** require a merchant-issues contact. Put it at the repository root. See [Configuration](https://github.com/partner-contacts/partner-contacts#configuration).',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        title: 'Rules',
        description: 'rule-id: severity, or rule-id: { severity, options }.',
        markdownDescription: '`rule-id: severity` (`error`, `warning`, `info`, `off`), or `rule-id: { severity?, …options }`.',
        type: 'object',
        additionalProperties: false,
        properties: rules,
      },
      partners: {
        title: 'Partner pins',
        description: 'Pins partner IDs to the paths allowed to declare them: "partner ID": path, or a list of paths, from the repository root, no globs. Read at the pull request base commit.',
        markdownDescription: 'Pins partner IDs to the paths allowed to declare them: `"10000001": partners/eats/contacts.yaml` (or a list of paths), from the repository root, no globs. Apply reads it at the pull request\'s base commit. See [Ownership](https://github.com/partner-contacts/partner-contacts/blob/main/docs/security.md#ownership).',
        type: 'object',
        propertyNames: { pattern: '^[0-9]{1,20}$', patternErrorMessage: 'A partner ID is digits only, in quotes, e.g. "10000001".' },
        additionalProperties: {
          anyOf: [PIN_PATH, { type: 'array', minItems: 1, items: PIN_PATH }],
        },
      },
      language: {
        title: 'Language',
        description: 'Language of every message: en, it or zh-TW. The CLI --lang, LC_ALL/LC_MESSAGES/LANG and the Action input language come first.',
        markdownDescription: 'Language of every message: `en`, `it` or `zh-TW`. The CLI `--lang`, `LC_ALL`/`LC_MESSAGES`/`LANG` and the Action input `language` come first. See [docs/i18n.md](https://github.com/partner-contacts/partner-contacts/blob/main/docs/i18n.md).',
        enum: ['en', 'it', 'zh-TW'],
      },
      messages: {
        title: 'Message overrides',
        description: 'One override catalogue per language, relative to this file: e.g. it: i18n/it.yaml (message ID → ICU MessageFormat text).',
        markdownDescription: 'One override catalogue per language, relative to this file: `it: i18n/it.yaml` (message ID → ICU MessageFormat text). See [docs/i18n.md](https://github.com/partner-contacts/partner-contacts/blob/main/docs/i18n.md).',
        type: 'object',
        propertyNames: { enum: ['en', 'it', 'zh-TW'] },
        additionalProperties: { type: 'string', minLength: 1 },
      },
      integrations: {
        title: 'Integrations',
        description: 'Whether each integration requires the Operational contact for merchant issues: required or optional (overrides the built-in table).',
        markdownDescription: 'Whether each integration requires **Operational contact for merchant issues**: `required` or `optional`, overriding the built-in table.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          INTEGRATIONS.map((name) => [
            name,
            {
              title: name,
              description: `Whether ${name} requires the merchant-issues contact: required or optional, or { merchantIssues: required | optional }.`,
              anyOf: [POLICY, { type: 'object', additionalProperties: false, required: ['merchantIssues'], properties: { merchantIssues: POLICY } }],
            },
          ]),
        ),
      },
    },
  }
}
