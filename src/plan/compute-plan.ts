// desired (the YAML) vs current (the portal), both normalised → a Plan value. Computing a plan never writes.
import {
  normalizePortalContactInformation,
  normalizePortalUsers,
  windowKey,
  type DesiredContactInformation,
  type DesiredUser,
  type PortalState,
} from './mapping.js'
import {
  CONTACT_LIST_FIELDS,
  type ContactInformation,
  type ContactInformationField,
  type ContactListField,
  type PortalContact,
  type PortalUser,
} from '../portal/types.js'
import { compareChanges, type Change, type ContactChange, type SupportChange, type UserChange } from './change.js'
import { planChecksum, userListFingerprint, type PlanEtags } from './checksum.js'
import { checkPlanSafety, type SafetyOptions } from './plan-safety.js'
import type { MessageRef } from '../i18n/messages.js'

/** What the portal returned, as read: contact information with its etag, and the users when read. */
export interface CurrentPortalState {
  contactInformation: ContactInformation
  users?: readonly PortalUser[]
}

export interface ComputePlanInput {
  partnerId: string
  /** `toPortalState(file)`; normalised again here, so plain objects work too. */
  desired: PortalState
  current: CurrentPortalState
  safety: SafetyOptions
}

export type UserUpdateMask = Array<'role' | 'displayName'>

/** The user writes apply performs, derived from the user changes (each carries the portal's etag). */
export interface UserWrites {
  create: DesiredUser[]
  update: Array<{ email: string; user: Pick<PortalUser, 'role' | 'displayName'>; updateMask: UserUpdateMask; etag?: string }>
  delete: Array<{ email: string; etag?: string }>
}

export interface Plan {
  partnerId: string
  /** Normalised desired state; `users` only when the file manages users. */
  desired: PortalState
  /** Normalised current state; `users` only when the file manages users. */
  current: PortalState
  etags: PlanEtags
  /** Sorted by `compareChanges`. */
  changes: Change[]
  hasChanges: boolean
  checksum: string
  safe: boolean
  /** Why apply would refuse it (`plan.unsafe.*` messages); not part of the checksum. */
  unsafeReasons: MessageRef[]
  /** The contact information fields a PATCH must name (portal page order); empty when none changed. */
  updateMask: ContactInformationField[]
  userWrites: UserWrites
}

export function computePlan(input: ComputePlanInput): Plan {
  const desiredInfo = normalizePortalContactInformation(input.desired.contactInformation)
  const currentInfo = normalizePortalContactInformation(input.current.contactInformation)
  const managesUsers = input.desired.users !== undefined
  if (managesUsers && input.current.users === undefined) {
    throw new Error('computePlan: the file manages users, so the portal users must be read first')
  }
  const desired: PortalState = { contactInformation: desiredInfo }
  const current: PortalState = { contactInformation: currentInfo }
  const etags: PlanEtags = { contactInformation: input.current.contactInformation.etag }
  if (managesUsers) {
    desired.users = normalizePortalUsers(input.desired.users!)
    current.users = normalizePortalUsers(input.current.users!)
    etags.users = userListFingerprint(input.current.users!)
  }

  const changes: Change[] = []
  for (const field of CONTACT_LIST_FIELDS) changes.push(...diffContacts(field, currentInfo[field], desiredInfo[field]))
  changes.push(...diffWindows(currentInfo, desiredInfo))
  if (desired.users && current.users) changes.push(...diffUsers(current.users, desired.users))
  changes.sort(compareChanges)

  const unsafeReasons = checkPlanSafety({ desired, current, changes }, input.safety)
  const updateMask = [...CONTACT_LIST_FIELDS, 'operationalSupport' as const].filter((field) => changes.some((c) => c.field === field))
  return {
    partnerId: input.partnerId,
    desired,
    current,
    etags,
    changes,
    hasChanges: changes.length > 0,
    checksum: planChecksum({ partnerId: input.partnerId, desired, etags, changes }),
    safe: unsafeReasons.length === 0,
    unsafeReasons,
    updateMask,
    userWrites: userWrites(changes, input.current.users ?? []),
  }
}

function diffContacts(field: ContactListField, before: readonly PortalContact[], after: readonly PortalContact[]): ContactChange[] {
  const changes: ContactChange[] = []
  const old = new Map(before.map((c) => [c.email, c]))
  const now = new Map(after.map((c) => [c.email, c]))
  for (const [email, contact] of old) if (!now.has(email)) changes.push({ kind: 'remove', field, key: email, before: contact })
  for (const [email, contact] of now) {
    const previous = old.get(email)
    if (!previous) changes.push({ kind: 'add', field, key: email, after: contact })
    else if (previous.displayName !== contact.displayName || previous.phoneNumber !== contact.phoneNumber) {
      changes.push({ kind: 'update', field, key: email, before: previous, after: contact })
    }
  }
  return changes
}

function diffWindows(before: DesiredContactInformation, after: DesiredContactInformation): SupportChange[] {
  const field = 'operationalSupport' as const
  const old = new Map(before.operationalSupport.windows.map((w) => [windowKey(w), w]))
  const now = new Map(after.operationalSupport.windows.map((w) => [windowKey(w), w]))
  const changes: SupportChange[] = []
  for (const [key, window] of old) if (!now.has(key)) changes.push({ kind: 'remove', field, key, before: window })
  for (const [key, window] of now) if (!old.has(key)) changes.push({ kind: 'add', field, key, after: window })
  return changes
}

function diffUsers(before: readonly DesiredUser[], after: readonly DesiredUser[]): UserChange[] {
  const field = 'users' as const
  const old = new Map(before.map((u) => [u.email, u]))
  const now = new Map(after.map((u) => [u.email, u]))
  const changes: UserChange[] = []
  for (const [email, user] of old) if (!now.has(email)) changes.push({ kind: 'remove', field, key: email, before: user })
  for (const [email, user] of now) {
    const previous = old.get(email)
    if (!previous) changes.push({ kind: 'add', field, key: email, after: user })
    else if (previous.role !== user.role || previous.displayName !== user.displayName) {
      changes.push({ kind: 'update', field, key: email, before: previous, after: user })
    }
  }
  return changes
}

function userWrites(changes: readonly Change[], portalUsers: readonly PortalUser[]): UserWrites {
  const etagOf = new Map(portalUsers.map((u) => [u.email.trim().toLowerCase(), u.etag]))
  const writes: UserWrites = { create: [], update: [], delete: [] }
  for (const change of changes) {
    if (change.field !== 'users') continue
    const etag = etagOf.get(change.key)
    if (change.kind === 'add') writes.create.push(change.after!)
    else if (change.kind === 'remove') writes.delete.push({ email: change.key, ...(etag ? { etag } : {}) })
    else {
      const before = change.before!
      const after = change.after!
      const updateMask: UserUpdateMask = []
      if (before.role !== after.role) updateMask.push('role')
      if (before.displayName !== after.displayName) updateMask.push('displayName')
      const user: Pick<PortalUser, 'role' | 'displayName'> = { role: after.role, ...(after.displayName !== undefined ? { displayName: after.displayName } : {}) }
      writes.update.push({ email: change.key, user, updateMask, ...(etag ? { etag } : {}) })
    }
  }
  return writes
}
