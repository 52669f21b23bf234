// The JSON report of SPEC §8: what every output format (and the Action's `report` output) is built from.
import { countFindings, type Finding } from '../findings/finding.js'

/** One change of a plan as JSON: `field` is the portal's field name (`users` for the Users tab). */
export interface ReportChange {
  kind: 'add' | 'remove' | 'update'
  field: string
  key: string
  before?: Record<string, unknown>
  after?: Record<string, unknown>
}

/** The plan part of a file's report; filled by plan and apply (SPEC §5). Values are redacted when redaction is on. */
export interface ReportPlan {
  checksum: string
  safe: boolean
  hasChanges: boolean
  unsafeReasons: string[]
  /** The contact information fields a PATCH would name. */
  updateMask: string[]
  changes: ReportChange[]
}

export interface FileReport {
  file: string
  partnerId?: string
  findings: Finding[]
  /** plan/apply only: `planned`, `invalid` (error findings, not planned) or `failed` (the portal could not be read). */
  outcome?: 'planned' | 'invalid' | 'failed'
  /** `failed` only: what failed, in one line. */
  error?: string
  plan?: ReportPlan
  /** A manual portal only: the confirmed state the plan diffs against (`null`: never confirmed). */
  confirmed?: { by: string; at: string; commit?: string } | null
  /** apply only: what happened to this file. */
  apply?: ReportApply
}

/** The apply part of a file's report (SPEC §5): the outcome, and the writes done and not done, redacted like the rest. */
export interface ReportApply {
  /** `pending`: a manual portal; the steps are a person's task. */
  outcome: 'applied' | 'unchanged' | 'dry-run' | 'refused' | 'failed' | 'pending'
  forced: boolean
  reasons: string[]
  written: string[]
  pending: string[]
}

/** Machine-readable totals of a plan run: `hasChanges` is the signal scripts and outputs read. */
export interface ReportPlanSummary {
  hasChanges: boolean
  filesWithChanges: number
  changes: number
  unsafe: number
  invalid: number
  failed: number
}

/** Files by apply outcome, and the reasons that refused the whole run (no merged PR, approvals) before any file. */
export interface ReportApplySummary {
  applied: number
  unchanged: number
  dryRun: number
  refused: number
  failed: number
  pending: number
  refusedRun: string[]
}

export interface Report {
  version: 1
  files: FileReport[]
  summary: { files: number; errors: number; warnings: number; infos: number; plan?: ReportPlanSummary; apply?: ReportApplySummary }
}

export function buildReport(files: FileReport[]): Report {
  const all = files.flatMap((f) => f.findings)
  return { version: 1, files, summary: { files: files.length, ...countFindings(all) } }
}

export function allFindings(report: Report): Array<Finding & { file: string }> {
  return report.files.flatMap((f) => f.findings.map((finding) => ({ ...finding, file: f.file })))
}
