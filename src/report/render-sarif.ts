// `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
import type { FindingRuleId } from '../findings/finding.js'
import { jsonSafe } from '../output/terminal.js'
import { RULES } from '../rules/index.js'
import { docsUrl } from '../rules/rule.js'
import type { RuleId } from '../rules/rule-ids.js'
import { allFindings, type Report } from './report.js'

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const

const PRE_RULES: Record<string, string> = {
  'yaml-syntax': 'The YAML does not parse.',
  'yaml-unsafe': 'The YAML uses a feature or encoding that is refused for safety.',
  schema: 'The document does not match the contacts.yaml JSON Schema.',
}

export interface SarifOptions {
  version: string
}

export function renderSarif(report: Report, options: SarifOptions): string {
  const findings = allFindings(report)
  const ids = [...new Set<FindingRuleId>(findings.map((f) => f.ruleId))].sort()
  const rules = ids.map((id) => {
    const rule = RULES[id as RuleId]
    const description = rule?.meta.description ?? PRE_RULES[id] ?? id
    return {
      id,
      name: id,
      shortDescription: { text: description },
      helpUri: docsUrl(id),
    }
  })
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ids.indexOf(f.ruleId),
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.column) },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: `${f.ruleId}:${f.path}` },
  }))
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
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
      },
    ],
  }
  return jsonSafe(JSON.stringify(sarif, null, 2)) + '\n'
}
