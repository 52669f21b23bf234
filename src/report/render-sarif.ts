// `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (rule help, repository-relative URIs, its result limit).
import { compareFindings, type Finding, type FindingRuleId, type Severity } from '../findings/finding.js'
import { jsonSafe } from '../output/terminal.js'
import { RULES } from '../rules/index.js'
import { docsUrl, type OptionSpec } from '../rules/rule.js'
import type { RuleId } from '../rules/rule-ids.js'
import { allFindings, type Report } from './report.js'

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const

const PRE_RULES: Record<string, string> = {
  'yaml-syntax': 'The YAML does not parse.',
  'yaml-unsafe': 'The YAML uses a feature or encoding that is refused for safety.',
  schema: 'The document does not match the contacts.yaml JSON Schema.',
}

/** GitHub code scanning rejects a run with more results than this; it shows the 5,000 most severe. */
export const SARIF_MAX_RESULTS = 25_000
export const GITHUB_SHOWN_RESULTS = 5_000

export interface SarifOptions {
  version: string
  /**
   * The artifact URI of a report's file, relative to the repository root (code scanning resolves
   * URIs against it, so a run from a subfolder must not give working-directory paths). Default: as given.
   */
  artifactUri?: (file: string) => string
  /** Test seam for the cap. */
  maxResults?: number
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

export function renderSarif(report: Report, options: SarifOptions): string {
  const ids: FindingRuleId[] = [...(Object.keys(PRE_RULES) as FindingRuleId[]), ...(Object.keys(RULES) as RuleId[])].sort()
  const rules = ids.map(ruleDescriptor)
  const uriOf = options.artifactUri ?? ((file: string) => file)
  const max = options.maxResults ?? SARIF_MAX_RESULTS
  // Most severe first, so a cap (ours or GitHub's 5,000 shown) drops the least important results.
  const findings = allFindings(report).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.file.localeCompare(b.file) || compareFindings(a, b))
  const kept = findings.slice(0, max)
  const results = kept.map((f) => result(f, uriOf(f.file), ids.indexOf(f.ruleId)))
  const notifications =
    findings.length > max
      ? [
          {
            level: 'warning',
            message: {
              text: `${findings.length - max} of ${findings.length} results were left out: GitHub code scanning accepts at most ${max} results per run. The ${max} most severe are kept; run 'partner-contacts validate' for all of them.`,
            },
          },
        ]
      : []
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'partner-contacts',
            informationUri: 'https://github.com/partner-contacts/partner-contacts',
            version: options.version,
            semanticVersion: options.version,
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
      },
    ],
  }
  return jsonSafe(JSON.stringify(sarif, null, 2)) + '\n'
}

/** What code scanning shows on an alert: a name that is not the ID, a full description and help with the rule's page. */
function ruleDescriptor(id: FindingRuleId) {
  const rule = RULES[id as RuleId]
  const description = ensurePeriod(rule?.meta.description ?? PRE_RULES[id] ?? id)
  const severity = rule ? rule.meta.defaultSeverity : 'error'
  const severityText = typeof severity === 'function' ? 'depends on the file (see the rule page)' : severity
  const options = Object.entries((rule?.meta.options ?? {}) as Record<string, OptionSpec>)
  const optionsText = options.map(([name, spec]) => `${name} (default ${JSON.stringify(spec.default)}): ${spec.description}`)
  const url = docsUrl(id)
  const full = `${description} Default severity: ${severityText}.`
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: description },
    fullDescription: { text: full },
    help: {
      text: [full, ...optionsText.map((o) => `Option ${o}`), `Documentation: ${url}`].join('\n'),
      markdown: [
        `**${full}**`,
        ...(optionsText.length > 0 ? ['', 'Options:', '', ...optionsText.map((o) => `- \`${o.replace(' (', '` (')}`)] : []),
        '',
        `[Rule documentation](${url})`,
      ].join('\n'),
    },
    helpUri: url,
    ...(typeof severity === 'string' && severity !== 'off' ? { defaultConfiguration: { level: LEVELS[severity] } } : {}),
    properties: { tags: ['partner-contacts', rule ? 'launch-rule' : 'syntax'] },
  }
}

function result(f: Finding & { file: string }, uri: string, ruleIndex: number) {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVELS[f.severity],
    message: { text: ensurePeriod(f.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(uri), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.column) },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: `${f.ruleId}:${f.path}` },
  }
}

/** `review-freshness` → `ReviewFreshness`: SARIF wants a readable name that differs from the ID. */
function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase())
}

/** SARIF messages are sentences (multitool SARIF2001). */
function ensurePeriod(text: string): string {
  return /[.!?]$/.test(text.trimEnd()) ? text : `${text}.`
}
