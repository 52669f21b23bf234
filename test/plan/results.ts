// Builds PlanFileResult values by hand (no portal, no rules run), so renderer snapshots depend only on the renderers.
import type { Finding } from '../../src/findings/finding.js'
import type { ContactsFile } from '../../src/model/contacts.js'
import { toPortalState } from '../../src/plan/mapping.js'
import { computePlan } from '../../src/plan/compute-plan.js'
import type { PlanFileResult } from '../../src/plan/plan-files.js'
import { requiredPortalFields } from '../../src/plan/plan-safety.js'
import { launchChecklist } from '../../src/model/launch-checklist.js'
import { currentOf } from './fixtures.js'

export function finding(ruleId: Finding['ruleId'], severity: Finding['severity'], path: string, line: number, message: string): Finding {
  return { ruleId, severity, message, path, line, column: 5, endLine: line, endColumn: 20 }
}

/** A planned file: `model` is the desired side, `portal` what the portal holds. */
export function plannedResult(file: string, model: ContactsFile, portal: ContactsFile, findings: Finding[] = [], etag = 'etag-1'): PlanFileResult {
  const desired = toPortalState(model)
  const current = currentOf(toPortalState(portal), etag)
  if (!desired.users) delete current.users
  const plan = computePlan({ partnerId: model.partner.id, desired, current, safety: { requiredFields: requiredPortalFields(model) } })
  return { file, partnerId: model.partner.id, findings, model, outcome: 'planned', plan, checklist: launchChecklist(model, findings) }
}

export function invalidResult(file: string, model: ContactsFile, findings: Finding[]): PlanFileResult {
  return { file, partnerId: model.partner.id, findings, model, outcome: 'invalid', checklist: launchChecklist(model, findings) }
}

export function failedResult(file: string, model: ContactsFile, error: string): PlanFileResult {
  return { file, partnerId: model.partner.id, findings: [], model, outcome: 'failed', error, checklist: launchChecklist(model, []) }
}
