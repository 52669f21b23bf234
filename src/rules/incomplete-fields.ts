// What makes a portal field incomplete: shared by the field rules and launch-readiness, so they never disagree.
import {
  CONTACT_FIELDS,
  contactEmailPath,
  contactList,
  contactObject,
  environmentOf,
  normalizeEmail,
  type ContactField,
  type ContactsFile,
  type Environment,
} from '../model/contacts.js'
import type { RuleEnvironment } from './rule.js'

export type PortalField = ContactField | 'support'

/** The portal's required contact fields; alert only in production; merchantIssues has its own rule. */
export function requiredContactFields(environment: Environment): ContactField[] {
  return CONTACT_FIELDS.filter((f) => f !== 'merchantIssues' && (f !== 'alert' || environment === 'production'))
}

/** required-contacts: the always-required fields (and support) that have no entry, in page order. */
export function emptyRequiredFields(file: ContactsFile): PortalField[] {
  const empty: PortalField[] = requiredContactFields(environmentOf(file)).filter((f) => contactList(file, f).length === 0)
  if ((file.support ?? []).length === 0) empty.push('support')
  return empty
}

/** merchant-issues-contact: the §1 table, after the config file's `integrations:` overrides. */
export function merchantIssuesRequired(file: ContactsFile, env: RuleEnvironment): boolean {
  return env.merchantIssues[file.integration] === 'required'
}

export function merchantIssuesMissing(file: ContactsFile, env: RuleEnvironment): boolean {
  return merchantIssuesRequired(file, env) && contactList(file, 'merchantIssues').length === 0
}

export interface UserSource {
  emails: ReadonlySet<string>
  /** `users` in the file, or the portal's user list read during plan. */
  from: 'file' | 'portal'
}

/** Where alert contacts are checked: declared users first; undefined when neither is known. */
export function knownUsers(file: ContactsFile, env: RuleEnvironment): UserSource | undefined {
  if (file.users) return { emails: new Set(file.users.map((u) => normalizeEmail(u.email))), from: 'file' }
  if (env.portalUsers) return { emails: env.portalUsers, from: 'portal' }
  return undefined
}

export interface StrayAlertContact {
  index: number
  path: string
  from: UserSource['from']
}

/** alert-contacts-are-users: alert contacts that are not portal users (production only: sandbox has none). */
export function alertContactsNotUsers(file: ContactsFile, env: RuleEnvironment): StrayAlertContact[] {
  if (environmentOf(file) !== 'production') return []
  const users = knownUsers(file, env)
  if (!users) return []
  const out: StrayAlertContact[] = []
  contactList(file, 'alert').forEach((entry, index) => {
    if (!users.emails.has(normalizeEmail(contactObject(entry).email))) {
      out.push({ index, path: contactEmailPath('alert', index, entry), from: users.from })
    }
  })
  return out
}

export interface IncompleteField {
  field: PortalField
  reason: 'empty' | 'not-users'
}

/**
 * launch-readiness: every field the portal would not accept as complete, in page order. Built only
 * from the functions above, which the field rules use too.
 */
export function incompleteFields(file: ContactsFile, env: RuleEnvironment): IncompleteField[] {
  const empty = new Set(emptyRequiredFields(file))
  if (merchantIssuesMissing(file, env)) empty.add('merchantIssues')
  const strays = alertContactsNotUsers(file, env).length > 0
  const out: IncompleteField[] = []
  for (const field of [...CONTACT_FIELDS, 'support'] as const) {
    if (empty.has(field)) out.push({ field, reason: 'empty' })
    else if (field === 'alert' && strays) out.push({ field, reason: 'not-users' })
  }
  return out
}
