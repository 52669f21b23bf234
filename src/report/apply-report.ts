// The SPEC §8 JSON report of an apply run: each file's plan plus `apply: { outcome, forced, reasons, written, pending }`.
import type { ApplyFileResult } from '../apply/apply-file.js'
import { createRedactor, type Redactor } from '../redact/redactor.js'
import { buildPlanReport } from './plan-report.js'
import type { Report } from './report.js'

/** `refusedRun`: reasons that stopped every file before it was planned (then `results` is empty). */
export function buildApplyReport(results: readonly ApplyFileResult[], redactor: Redactor = createRedactor('never'), refusedRun: readonly string[] = []): Report {
  const report = buildPlanReport(
    results.map((r) => r.planned),
    redactor,
  )
  report.files.forEach((file, i) => {
    const r = results[i]!
    file.apply = {
      outcome: r.outcome,
      forced: r.forced,
      reasons: r.reasons.map((t) => redactor.text(t)),
      written: r.written.map((t) => redactor.text(t)),
      pending: r.pending.map((t) => redactor.text(t)),
    }
  })
  const count = (outcome: ApplyFileResult['outcome']) => results.filter((r) => r.outcome === outcome).length
  report.summary.apply = {
    applied: count('applied'),
    unchanged: count('unchanged'),
    dryRun: count('dry-run'),
    refused: count('refused'),
    failed: count('failed'),
    pending: count('pending'),
    refusedRun: refusedRun.map((t) => redactor.text(t)),
  }
  return report
}

/** Whether the run must fail: a refusal of the run, or any file refused or failed. */
export function applyFailed(results: readonly ApplyFileResult[], refusedRun: readonly string[] = []): boolean {
  return refusedRun.length > 0 || results.some((r) => r.outcome === 'refused' || r.outcome === 'failed')
}
