// The model mapping both ways: contacts.yaml (SPEC §2) ⇄ portal API shapes (SPEC §4), normalised.
import {
  CONTACT_FIELDS,
  DAYS,
  contactObject,
  normalizeEmail,
  type ContactEntry,
  type ContactField,
  type ContactsFile,
  type Day,
  type Role,
  type SupportWindow,
  type User,
} from '../model/contacts.js'
import { parseDays } from '../model/days.js'
import { formatMinutes, parseHours } from '../model/hours.js'
import { toE164 } from '../model/phone.js'
import { checkZone } from '../model/zones.js'
import type { ContactInformation, ContactListField, PortalContact, PortalDay, PortalRole, PortalSupportWindow, PortalUser } from '../portal/types.js'

/** `contacts.<field>` in the YAML → the portal's list field, in the portal page's order. */
export const PORTAL_FIELD_OF: Record<ContactField, ContactListField> = {
  alert: 'alertContacts',
  technicalEmergency: 'technicalEmergencyContacts',
  technicalNonEmergency: 'technicalNonEmergencyContacts',
  merchantIssues: 'merchantIssuesContacts',
  operationalForGoogle: 'operationalContactsForGoogle',
  operationalForUsers: 'operationalContactsForUsers',
}

export const PORTAL_DAYS: readonly PortalDay[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']

const ROLE_TO_PORTAL: Record<Role, PortalRole> = {
  'read-only': 'READ_ONLY',
  editor: 'EDITOR',
  administrator: 'ADMINISTRATOR',
  tester: 'TESTER',
}
const ROLE_FROM_PORTAL: Record<PortalRole, Role> = {
  READ_ONLY: 'read-only',
  EDITOR: 'editor',
  ADMINISTRATOR: 'administrator',
  TESTER: 'tester',
}

/** The writable part of ContactInformation: what a plan compares and a PATCH sends. */
export type DesiredContactInformation = Omit<ContactInformation, 'name' | 'etag' | 'updateTime'>
export type DesiredUser = Omit<PortalUser, 'name' | 'etag'>

export interface PortalState {
  contactInformation: DesiredContactInformation
  /** Present only when the file declares `users:` (users are managed from the file). */
  users?: DesiredUser[]
}

/**
 * The desired portal state of a validated file, normalised so that formatting-only edits map to
 * the same value: emails trimmed and lower-cased, phones in E.164, zones canonical, days expanded
 * in week order, `type` dropped. Lists keep file order; a repeated email keeps its first entry
 * (lists are sets keyed by email on the portal); identical support windows appear once.
 * Values that are invalid (the rules report them) are passed through trimmed, so the portal's 400
 * names the field rather than the mapping hiding it.
 */
export function toPortalState(file: ContactsFile): PortalState {
  const contactInformation = {} as DesiredContactInformation
  for (const field of CONTACT_FIELDS) {
    contactInformation[PORTAL_FIELD_OF[field]] = toPortalContacts(file.contacts?.[field] ?? [])
  }
  contactInformation.operationalSupport = { windows: toPortalWindows(file.support ?? []) }
  const state: PortalState = { contactInformation }
  if (file.users) state.users = toPortalUsers(file.users)
  return state
}

export function toPortalContacts(entries: readonly ContactEntry[]): PortalContact[] {
  const seen = new Set<string>()
  const contacts: PortalContact[] = []
  for (const entry of entries) {
    const contact = toPortalContact(entry)
    if (seen.has(contact.email)) continue
    seen.add(contact.email)
    contacts.push(contact)
  }
  return contacts
}

export function toPortalContact(entry: ContactEntry): PortalContact {
  const object = contactObject(entry)
  const contact: PortalContact = { email: normalizeEmail(object.email) }
  const name = object.name?.trim()
  if (name) contact.displayName = name
  if (object.phone !== undefined) contact.phoneNumber = normalizePhone(object.phone)
  return contact
}

export function toPortalUsers(users: readonly User[]): DesiredUser[] {
  const seen = new Set<string>()
  const result: DesiredUser[] = []
  for (const user of users) {
    const email = normalizeEmail(user.email)
    if (seen.has(email)) continue
    seen.add(email)
    const mapped: DesiredUser = { email, role: ROLE_TO_PORTAL[user.role] }
    const name = user.name?.trim()
    if (name) mapped.displayName = name
    result.push(mapped)
  }
  return result
}

export function toPortalWindows(windows: readonly SupportWindow[]): PortalSupportWindow[] {
  const seen = new Set<string>()
  const result: PortalSupportWindow[] = []
  for (const window of windows) {
    const mapped = toPortalWindow(window)
    const key = windowKey(mapped)
    if (seen.has(key)) continue
    seen.add(key)
    result.push(mapped)
  }
  return result
}

export function toPortalWindow(window: SupportWindow): PortalSupportWindow {
  const days = parseDays(window.days)
  const hours = parseHours(window.hours)
  const zone = checkZone(window.zone.trim())
  const [start = '', end = ''] = window.hours.trim().split('-')
  return {
    days: days.ok ? days.days.map(toPortalDay) : [],
    startTime: hours.ok ? formatMinutes(hours.start) : start,
    endTime: hours.ok ? formatMinutes(hours.end) : end,
    timeZone: zone.ok ? zone.canonical : window.zone.trim(),
  }
}

/** A stable identity for a window, for set comparison (plan) and de-duplication. */
export function windowKey(window: PortalSupportWindow): string {
  const days = PORTAL_DAYS.filter((d) => window.days.includes(d)).join(',')
  return `${days}|${window.startTime}|${window.endTime}|${window.timeZone}`
}

export function toPortalDay(day: Day): PortalDay {
  return PORTAL_DAYS[DAYS.indexOf(day)]!
}

export function fromPortalDay(day: PortalDay): Day {
  return DAYS[PORTAL_DAYS.indexOf(day)]!
}

export function toPortalRole(role: Role): PortalRole {
  return ROLE_TO_PORTAL[role]
}

export function fromPortalRole(role: PortalRole): Role {
  return ROLE_FROM_PORTAL[role]
}

/** E.164 when libphonenumber can read it; otherwise `+` and the digits, so a typo stays visible. */
export function normalizePhone(phone: string): string {
  const e164 = toE164(phone.trim())
  if (e164) return e164
  const digits = phone.replace(/[^0-9]/g, '')
  return phone.trim().startsWith('+') ? `+${digits}` : digits
}

/**
 * The same normalisation applied to what the portal returned (the "current" side of a plan):
 * a portal is not trusted to store values exactly as we would.
 */
export function normalizePortalContactInformation(info: DesiredContactInformation): DesiredContactInformation {
  const result = {} as DesiredContactInformation
  for (const field of CONTACT_FIELDS) {
    const list = info[PORTAL_FIELD_OF[field]] ?? []
    result[PORTAL_FIELD_OF[field]] = toPortalContacts(list.map(fromPortalContact))
  }
  result.operationalSupport = { windows: normalizePortalWindows(info.operationalSupport?.windows ?? []) }
  return result
}

export function normalizePortalWindows(windows: readonly PortalSupportWindow[]): PortalSupportWindow[] {
  return toPortalWindows(windows.map(fromPortalWindow))
}

export function normalizePortalUsers(users: readonly PortalUser[]): DesiredUser[] {
  return toPortalUsers(users.map(fromPortalUser))
}

// ---- portal → YAML values (import) ----

/** An email-only contact becomes the short string form; otherwise `{ email, name?, phone? }`. */
export function fromPortalContact(contact: PortalContact): ContactEntry {
  const email = normalizeEmail(contact.email)
  const name = contact.displayName?.trim()
  if (!name && !contact.phoneNumber) return email
  return {
    email,
    ...(name ? { name } : {}),
    ...(contact.phoneNumber ? { phone: normalizePhone(contact.phoneNumber) } : {}),
  }
}

export function fromPortalUser(user: PortalUser): User {
  const name = user.displayName?.trim()
  return { email: normalizeEmail(user.email), ...(name ? { name } : {}), role: ROLE_FROM_PORTAL[user.role] }
}

export function fromPortalWindow(window: PortalSupportWindow): SupportWindow {
  return {
    days: compactDays(window.days.filter((d) => PORTAL_DAYS.includes(d)).map(fromPortalDay)),
    hours: `${window.startTime}-${window.endTime}`,
    zone: window.timeZone,
  }
}

/**
 * The shortest form parseDays reads back to the same set: `every-day`, a range of three or more
 * consecutive days (`mon-fri`, wrapping `fri-mon`), else a list (`[sat, sun]`, `[wed]`).
 */
export function compactDays(days: readonly Day[]): string | Day[] {
  const set = DAYS.filter((d) => days.includes(d))
  if (set.length === 7) return 'every-day'
  if (set.length >= 3) {
    // A run is consecutive (cyclically) when exactly one day of the set has no predecessor in it.
    const starts = set.filter((d) => !set.includes(DAYS[(DAYS.indexOf(d) + 6) % 7]!))
    if (starts.length === 1) {
      const first = starts[0]!
      const last = DAYS[(DAYS.indexOf(first) + set.length - 1) % 7]!
      return `${first}-${last}`
    }
  }
  return set
}

/**
 * The contacts part of a contacts.yaml from the portal, keys in the SPEC §2 order. Every field is
 * present (an empty list when the portal has none), so an import shows the whole page.
 */
export function fromPortalContactInformation(info: DesiredContactInformation): {
  contacts: Record<ContactField, ContactEntry[]>
  support: SupportWindow[]
} {
  const contacts = {} as Record<ContactField, ContactEntry[]>
  for (const field of CONTACT_FIELDS) contacts[field] = (info[PORTAL_FIELD_OF[field]] ?? []).map(fromPortalContact)
  return { contacts, support: (info.operationalSupport?.windows ?? []).map(fromPortalWindow) }
}

/** Users sorted by email, so an import is stable whatever order the portal lists them in. */
export function fromPortalUsers(users: readonly PortalUser[]): User[] {
  return users.map(fromPortalUser).sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))
}
