// The JSON report of SPEC §8: what every output format (and the Action's `report` output) is built from.
import { countFindings, type Finding } from '../findings/finding.js'

/** The plan part of a file's report; filled by plan and apply (SPEC §5). */
export interface ReportPlan {
  checksum: string
  safe: boolean
  unsafeReasons?: string[]
  changes: unknown[]
}

export interface FileReport {
  file: string
  partnerId?: string
  findings: Finding[]
  plan?: ReportPlan
}

export interface Report {
  version: 1
  files: FileReport[]
  summary: { files: number; errors: number; warnings: number; infos: number }
}

export function buildReport(files: FileReport[]): Report {
  const all = files.flatMap((f) => f.findings)
  return { version: 1, files, summary: { files: files.length, ...countFindings(all) } }
}

export function allFindings(report: Report): Array<Finding & { file: string }> {
  return report.files.flatMap((f) => f.findings.map((finding) => ({ ...finding, file: f.file })))
}
