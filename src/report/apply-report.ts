// The SPEC §8 JSON report of an apply run: each file's plan plus `apply: { outcome, forced, reasons, written, pending }`.
import type { ApplyFileResult } from '../apply/apply-file.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { MessageRef, Messages } from '../i18n/messages.js'
import { createRedactor, type Redactor } from '../redact/redactor.js'
import { formatRef } from './message-refs.js'
import { buildPlanReport } from './plan-report.js'
import type { Report } from './report.js'

/**
 * `refusedRun`: reasons that stopped every file before it was planned (then `results` is empty). Reasons and steps are
 * strings in the run's language (`messages`), like findings' `message`; the keys never change.
 */
export function buildApplyReport(
  results: readonly ApplyFileResult[],
  redactor: Redactor = createRedactor('never'),
  refusedRun: readonly MessageRef[] = [],
  messages: Messages = ENGLISH,
): Report {
  const report = buildPlanReport(
    results.map((r) => r.planned),
    redactor,
    messages,
  )
  const text = (m: MessageRef) => formatRef(messages, m, redactor)
  report.files.forEach((file, i) => {
    const r = results[i]!
    file.apply = {
      outcome: r.outcome,
      forced: r.forced,
      reasons: r.reasons.map(text),
      written: r.written.map(text),
      pending: r.pending.map(text),
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
    refusedRun: refusedRun.map(text),
  }
  return report
}

/** Whether the run must fail: a refusal of the run, or any file refused or failed. */
export function applyFailed(results: readonly ApplyFileResult[], refusedRun: readonly unknown[] = []): boolean {
  return refusedRun.length > 0 || results.some((r) => r.outcome === 'refused' || r.outcome === 'failed')
}
