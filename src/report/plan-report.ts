// The SPEC §8 JSON report of a plan run: findings plus `plan: { checksum, safe, hasChanges, changes, … }` per file.
import type { Change } from '../plan/change.js'
import type { Plan } from '../plan/compute-plan.js'
import type { PlanFileResult } from '../plan/plan-files.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { createRedactor, type Redactor } from '../redact/redactor.js'
import { formatRef } from './message-refs.js'
import { registerPlanValues } from './plan-format.js'
import { buildReport, type FileReport, type Report, type ReportChange, type ReportPlan } from './report.js'

/**
 * With redaction on, emails and phones in changes and messages are masked; checksums are of the real values.
 * `messages`: the language of the text fields (unsafe reasons), as findings' messages already are.
 */
export function buildPlanReport(results: readonly PlanFileResult[], redactor: Redactor = createRedactor('never'), messages: Messages = ENGLISH): Report {
  registerPlanValues(results, redactor)
  const files: FileReport[] = results.map((r) => {
    const file: FileReport = {
      file: r.file,
      ...(r.partnerId ? { partnerId: r.partnerId } : {}),
      findings: r.findings.map((f) => ({ ...f, message: redactor.text(f.message) })),
      outcome: r.outcome,
    }
    if (r.error !== undefined) file.error = redactor.text(r.error)
    if (r.plan) file.plan = reportPlan(r.plan, redactor, messages)
    if (r.confirmation !== undefined) {
      file.confirmed = r.confirmation && { by: r.confirmation.by, at: r.confirmation.at, ...(r.confirmation.commit ? { commit: r.confirmation.commit } : {}) }
    }
    return file
  })
  const report = buildReport(files)
  const planned = results.filter((r) => r.plan)
  const withChanges = planned.filter((r) => r.plan!.hasChanges)
  report.summary.plan = {
    hasChanges: withChanges.length > 0,
    filesWithChanges: withChanges.length,
    changes: planned.reduce((n, r) => n + r.plan!.changes.length, 0),
    unsafe: planned.filter((r) => !r.plan!.safe).length,
    invalid: results.filter((r) => r.outcome === 'invalid').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
  }
  return report
}

export function reportPlan(plan: Plan, redactor: Redactor, messages: Messages = ENGLISH): ReportPlan {
  return {
    checksum: plan.checksum,
    safe: plan.safe,
    hasChanges: plan.hasChanges,
    unsafeReasons: plan.unsafeReasons.map((reason) => formatRef(messages, reason, redactor)),
    updateMask: plan.updateMask,
    changes: plan.changes.map((c) => reportChange(c, redactor)),
  }
}

function reportChange(change: Change, redactor: Redactor): ReportChange {
  const mask = (value: object | undefined): Record<string, unknown> | undefined => {
    if (!value) return undefined
    const out: Record<string, unknown> = { ...value }
    if (typeof out['email'] === 'string') out['email'] = redactor.email(out['email'])
    if (typeof out['phoneNumber'] === 'string') out['phoneNumber'] = redactor.phone(out['phoneNumber'])
    return out
  }
  const key = change.field === 'operationalSupport' ? change.key : redactor.email(change.key)
  const out: ReportChange = { kind: change.kind, field: change.field, key }
  const before = mask(change.before)
  const after = mask(change.after)
  if (before) out.before = before
  if (after) out.after = after
  return out
}
