// A plan's unit: one add, remove or update of one keyed entry of one portal field, as a plain value.
import { CONTACT_FIELDS, FIELD_LABELS } from '../model/contacts.js'
import { fieldLabel, type MessageRef } from '../i18n/messages.js'
import { PORTAL_FIELD_OF, type DesiredUser } from './mapping.js'
import type { ContactListField, PortalContact, PortalSupportWindow } from '../portal/types.js'

export type ChangeKind = 'add' | 'remove' | 'update'

/** What a change touches: a contact list, the support windows, or the portal's users. */
export type PlanField = ContactListField | 'operationalSupport' | 'users'

/** Portal page order; users last because the Users tab is a separate page. */
export const PLAN_FIELDS: readonly PlanField[] = [...CONTACT_FIELDS.map((f) => PORTAL_FIELD_OF[f]), 'operationalSupport', 'users']

export interface ContactChange {
  kind: ChangeKind
  field: ContactListField
  /** The contact's normalised email. */
  key: string
  before?: PortalContact
  after?: PortalContact
}

/** Windows are compared as a set, so a changed window is a remove plus an add. */
export interface SupportChange {
  kind: 'add' | 'remove'
  field: 'operationalSupport'
  /** `windowKey()` of the window: days, start, end, zone. */
  key: string
  before?: PortalSupportWindow
  after?: PortalSupportWindow
}

export interface UserChange {
  kind: ChangeKind
  field: 'users'
  key: string
  before?: DesiredUser
  after?: DesiredUser
}

export type Change = ContactChange | SupportChange | UserChange

const FIELD_LABEL_OF: Record<PlanField, string> = {
  ...(Object.fromEntries(CONTACT_FIELDS.map((f) => [PORTAL_FIELD_OF[f], FIELD_LABELS[f]])) as Record<ContactListField, string>),
  operationalSupport: FIELD_LABELS.support,
  users: 'Users',
}

/** The portal page's label for a plan field, for reports and safety reasons. */
export function planFieldLabel(field: PlanField): string {
  return FIELD_LABEL_OF[field]
}

const FIELD_OF_PLAN: Record<PlanField, string> = {
  ...(Object.fromEntries(CONTACT_FIELDS.map((f) => [PORTAL_FIELD_OF[f], f])) as Record<ContactListField, string>),
  operationalSupport: 'support',
  users: 'users',
}

/** The portal page's label for a plan field as a message (`field.*`), for text in the reader's language. */
export function planFieldRef(field: PlanField): MessageRef {
  return fieldLabel(FIELD_OF_PLAN[field])
}

// Removals first: a reviewer's eye should land on what is about to disappear.
const KIND_ORDER: Record<ChangeKind, number> = { remove: 0, update: 1, add: 2 }

/**
 * The one order every output uses: portal page order of the field, then kind, then key. Sorting
 * (rather than keeping file or portal order) is what makes the checksum independent of how either
 * side happens to list its entries.
 */
export function compareChanges(a: Change, b: Change): number {
  return (
    PLAN_FIELDS.indexOf(a.field) - PLAN_FIELDS.indexOf(b.field) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  )
}
