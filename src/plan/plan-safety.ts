// SPEC §5 safety: a plan that removes too much, empties a required field or drops the last administrator is unsafe.
import type { ContactsFile, Integration } from '../model/contacts.js'
import { requiredPageFields } from '../model/launch-checklist.js'
import { CONTACT_LIST_FIELDS, type ContactListField } from '../portal/types.js'
import { PORTAL_FIELD_OF, windowKey, type DesiredUser, type PortalState } from './mapping.js'
import { ref, type MessageRef } from '../i18n/messages.js'
import { planFieldRef, type Change, type PlanField } from './change.js'

export const DEFAULT_MAX_REMOVAL_RATIO = 0.3
/** Below this many entries a removal ratio says little (removing 1 of 2 is 50%): octoDNS and peribolos do the same. */
export const MIN_ENTRIES_FOR_RATIO = 4

export interface SafetyOptions {
  /** Share of a list's current entries a plan may remove; default 0.3. */
  maxRemovalRatio?: number
  /** Fields the portal requires for this account (see `requiredPortalFields`). */
  requiredFields: ReadonlyArray<ContactListField | 'operationalSupport'>
}

export interface SafetyInput {
  desired: PortalState
  current: PortalState
  changes: readonly Change[]
}

/** The portal page's required fields for a file, as the API names them (see `requiredPageFields`). */
export function requiredPortalFields(
  file: Pick<ContactsFile, 'environment' | 'integration'>,
  merchantIssues: Partial<Record<Integration, 'required' | 'optional'>> = {},
): Array<ContactListField | 'operationalSupport'> {
  return requiredPageFields(file, merchantIssues).map((field) => (field === 'support' ? 'operationalSupport' : PORTAL_FIELD_OF[field]))
}

/**
 * Why the plan is unsafe (`plan.unsafe.*` messages, formatted in the reader's language by the renderers), in field
 * order; empty when it is safe. Never part of the checksum.
 */
export function checkPlanSafety(input: SafetyInput, options: SafetyOptions): MessageRef[] {
  const ratio = options.maxRemovalRatio ?? DEFAULT_MAX_REMOVAL_RATIO
  const reasons: MessageRef[] = []
  const currentSizes = listSizes(input.current)
  const desiredSizes = listSizes(input.desired)
  const removals = new Map<PlanField, number>()
  for (const change of input.changes) if (change.kind === 'remove') removals.set(change.field, (removals.get(change.field) ?? 0) + 1)

  for (const [field, size] of currentSizes) {
    const removed = removals.get(field) ?? 0
    if (size >= MIN_ENTRIES_FOR_RATIO && removed / size > ratio) {
      reasons.push(ref('plan.unsafe.removesShare', { removed, size, field: planFieldRef(field), share: percent(removed / size), allowed: percent(ratio) }))
    }
  }
  for (const field of options.requiredFields) {
    if ((currentSizes.get(field) ?? 0) > 0 && (desiredSizes.get(field) ?? 0) === 0) {
      reasons.push(ref('plan.unsafe.emptiesRequired', { field: planFieldRef(field) }))
    }
  }
  if (input.desired.users && input.current.users && admins(input.current.users) > 0 && admins(input.desired.users) === 0) {
    reasons.push(ref('plan.unsafe.lastAdministrator'))
  }
  return reasons
}

function listSizes(state: PortalState): Map<PlanField, number> {
  const sizes = new Map<PlanField, number>()
  for (const field of CONTACT_LIST_FIELDS) sizes.set(field, state.contactInformation[field]?.length ?? 0)
  sizes.set('operationalSupport', new Set((state.contactInformation.operationalSupport?.windows ?? []).map(windowKey)).size)
  if (state.users) sizes.set('users', state.users.length)
  return sizes
}

function admins(users: readonly DesiredUser[]): number {
  return users.filter((u) => u.role === 'ADMINISTRATOR').length
}

/** A whole percentage; the message writes the `%`. */
function percent(value: number): number {
  return Math.round(value * 100)
}
