// The validated contacts.yaml (SPEC §2) as types, and small accessors the rules and the plan share.

export const INTEGRATIONS = [
  'reservations-e2e',
  'reservations-waitlists',
  'reservations-bl',
  'appointments-e2e',
  'appointments-bl',
  'appointments-redirect',
  'healthcare-appointments',
  'ordering-e2e',
  'ordering-redirect',
  'retail-ordering-bl',
  'local-services-e2e',
  'local-services-redirect',
  'things-to-do',
  'events',
] as const
export type Integration = (typeof INTEGRATIONS)[number]

export type Environment = 'production' | 'sandbox'
export type Stage = 'onboarding' | 'launching' | 'live'
export type Role = 'read-only' | 'editor' | 'administrator' | 'tester'
export type ContactType = 'person' | 'alias' | 'pager'
export type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
export const DAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

export interface ContactObject {
  email: string
  name?: string
  phone?: string
  type?: ContactType
}
/** As written in the file: an email string or a mapping. */
export type ContactEntry = string | ContactObject

/** The keys of `contacts`, in the order of the portal page. */
export const CONTACT_FIELDS = [
  'alert',
  'technicalEmergency',
  'technicalNonEmergency',
  'merchantIssues',
  'operationalForGoogle',
  'operationalForUsers',
] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]

/** The portal page's own labels, for messages and reports. */
export const FIELD_LABELS: Record<ContactField | 'support', string> = {
  alert: 'Alert Contacts',
  technicalEmergency: 'Technical Emergency Contacts',
  technicalNonEmergency: 'Technical Non-Emergency Contacts',
  merchantIssues: 'Operational contact for merchant issues',
  operationalForGoogle: 'Operational contact (for Google)',
  operationalForUsers: 'Operational contact (to share with users)',
  support: 'Operational Support',
}

export interface User {
  email: string
  name?: string
  role: Role
}

export interface SupportWindow {
  days: string | string[]
  hours: string
  zone: string
}

export interface ContactsFile {
  version: 1
  partner: { id: string; name?: string }
  integration: Integration
  environment?: Environment
  stage?: Stage
  reviewed?: string
  users?: User[]
  contacts?: Partial<Record<ContactField, ContactEntry[]>>
  support?: SupportWindow[]
}

export function environmentOf(file: ContactsFile): Environment {
  return file.environment ?? 'production'
}

export function stageOf(file: ContactsFile): Stage {
  return file.stage ?? 'live'
}

export function contactObject(entry: ContactEntry): ContactObject {
  return typeof entry === 'string' ? { email: entry } : entry
}

export function contactList(file: ContactsFile, field: ContactField): ContactEntry[] {
  return file.contacts?.[field] ?? []
}

/** JSON pointer of a contact's email: the item itself in string form, `/email` in mapping form. */
export function contactEmailPath(field: ContactField, index: number, entry: ContactEntry): string {
  return typeof entry === 'string' ? `/contacts/${field}/${index}` : `/contacts/${field}/${index}/email`
}

/** Emails compare case-insensitively (SPEC §2) and are stored lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
