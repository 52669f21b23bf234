// `--format codeclimate`: a Code Climate issue array, the report GitLab's Code Quality widget reads.
import { createHash } from 'node:crypto'
import type { Issue, Severity as CodeClimateSeverity } from 'codeclimate-types'
import type { Severity } from '../findings/finding.js'
import { jsonSafe } from '../output/terminal.js'
import { allFindings, type Report } from './report.js'

/** GitLab ranks issues by these; error and warning map the way ESLint's GitLab formatters do. */
const SEVERITIES: Record<Severity, CodeClimateSeverity> = { error: 'major', warning: 'minor', info: 'info' }

export interface CodeClimateOptions {
  /** The issue's path, relative to the repository root (GitLab resolves it there). Default: as given. */
  artifactPath?: (file: string) => string
}

export function renderCodeClimate(report: Report, options: CodeClimateOptions = {}): string {
  const pathOf = options.artifactPath ?? ((file: string) => file)
  const seen = new Map<string, number>()
  const issues: Issue[] = allFindings(report).map((f) => {
    const path = pathOf(f.file)
    // Stable across line moves (GitLab compares a merge request's issues with the target's by fingerprint);
    // a counter keeps two identical findings of one file apart.
    const key = JSON.stringify([path, f.ruleId, f.path, f.message])
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    return {
      type: 'issue',
      check_name: f.ruleId,
      // Code Climate descriptions are one line.
      description: f.message.replace(/\s*[\r\n]+\s*/g, ' '),
      categories: [f.ruleId === 'yaml-syntax' || f.ruleId === 'yaml-unsafe' || f.ruleId === 'schema' ? 'Bug Risk' : 'Compatibility'],
      severity: SEVERITIES[f.severity],
      location: { path, lines: { begin: f.line, end: Math.max(f.endLine, f.line) } },
      fingerprint: createHash('sha256').update(`${key}#${n}`).digest('hex').slice(0, 32),
    }
  })
  return jsonSafe(JSON.stringify(issues, null, 2)) + '\n'
}
