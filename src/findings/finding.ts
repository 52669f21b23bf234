// The one shape every problem in a contacts file takes, from the YAML parser to the launch rules.
import type { RuleId } from '../rules/rule-ids.js'

export type Severity = 'error' | 'warning' | 'info'
export type SeveritySetting = Severity | 'off'

/** Findings raised before the launch rules run: by the parser and by the JSON Schema. */
export type PreRuleId = 'yaml-syntax' | 'yaml-unsafe' | 'schema'
export type FindingRuleId = PreRuleId | RuleId

/** 1-based, inclusive start and exclusive-ish end, as editors and SARIF expect. */
export interface Range {
  line: number
  column: number
  endLine: number
  endColumn: number
}

export interface Finding extends Range {
  ruleId: FindingRuleId
  severity: Severity
  message: string
  /** JSON pointer into the document ('' for the whole file). */
  path: string
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Stable order for every output: by position, then severity, then rule, then path. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    // The path before the message: the order must not change with the reader's language.
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.message.localeCompare(b.message)
  )
}

export interface FindingCounts {
  errors: number
  warnings: number
  infos: number
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 }
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++
    else if (f.severity === 'warning') counts.warnings++
    else counts.infos++
  }
  return counts
}
