// Plain-text pieces every plan renderer shares: how a change, a contact, a window and a user read, redacted per mode.
import type { DesiredUser } from '../plan/mapping.js'
import { compactDays, fromPortalDay } from '../plan/mapping.js'
import type { PortalContact, PortalSupportWindow } from '../portal/types.js'
import type { Change } from '../plan/change.js'
import type { Plan } from '../plan/compute-plan.js'
import type { PlanFileResult } from '../plan/plan-files.js'
import type { Redactor } from '../redact/redactor.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { DAYS } from '../model/contacts.js'

// Roles keep the YAML's words: they are what a reader writes in the file.
const ROLE_LABELS = { READ_ONLY: 'read-only', EDITOR: 'editor', ADMINISTRATOR: 'administrator', TESTER: 'tester' } as const

/** Every email and phone the results will show, so the redactor can tell colliding masks apart. */
export function registerPlanValues(results: readonly PlanFileResult[], redactor: Redactor): void {
  if (!redactor.enabled) return
  const values: string[] = []
  for (const result of results) {
    for (const change of result.plan?.changes ?? []) {
      if (change.field === 'operationalSupport') continue
      values.push(change.key)
      for (const side of [change.before, change.after]) {
        if (side && 'phoneNumber' in side && side.phoneNumber) values.push(side.phoneNumber)
      }
    }
  }
  redactor.register(values)
}

/** `Mon–Fri 09:00–18:00 Europe/Rome`, with the weekday names from Intl in the reader's language. */
export function formatWindow(window: PortalSupportWindow, t: Messages = ENGLISH): string {
  const days = compactDays(window.days.map(fromPortalDay))
  const names = t.weekdayNames()
  const name = (d: string) => names[(DAYS as readonly string[]).indexOf(d)] ?? d
  const dayText = days === 'every-day' ? t.format('window.everyDay') : typeof days === 'string' ? days.split('-').map(name).join('–') : t.list(days.map(name), 'unit')
  return `${dayText} ${window.startTime}–${window.endTime} ${window.timeZone}`
}

/** What a change is about: the (redacted) email, or the window. */
export function changeSubject(change: Change, redactor: Redactor, t: Messages = ENGLISH): string {
  if (change.field === 'operationalSupport') return formatWindow((change.after ?? change.before)!, t)
  return redactor.email(change.key)
}

/** The change's values: the new entry's details, the removed entry's, or each changed property before → after. */
export function changeDetail(change: Change, redactor: Redactor, t: Messages = ENGLISH): string {
  const quoted = (value: string | undefined) => (value === undefined ? t.format('change.none') : t.format('change.quoted', { value }))
  const phone = (value: string | undefined) => (value === undefined ? t.format('change.none') : redactor.phone(value))
  const property = (name: 'role' | 'name' | 'phone', before: string, after: string) => t.format(`change.${name}`, { before, after })
  if (change.field === 'operationalSupport') return ''
  if (change.field === 'users') {
    const { before, after } = change
    if (change.kind === 'update') {
      const parts: string[] = []
      if (before!.role !== after!.role) parts.push(property('role', ROLE_LABELS[before!.role], ROLE_LABELS[after!.role]))
      if (before!.displayName !== after!.displayName) parts.push(property('name', quoted(before!.displayName), quoted(after!.displayName)))
      return parts.join(t.format('change.separator'))
    }
    return describeUser((after ?? before)!)
  }
  const { before, after } = change
  if (change.kind === 'update') {
    const parts: string[] = []
    if (before!.displayName !== after!.displayName) parts.push(property('name', quoted(before!.displayName), quoted(after!.displayName)))
    if (before!.phoneNumber !== after!.phoneNumber) parts.push(property('phone', phone(before!.phoneNumber), phone(after!.phoneNumber)))
    return parts.join(t.format('change.separator'))
  }
  return describeContact((after ?? before)!, redactor)
}

export function describeContact(contact: PortalContact, redactor: Redactor): string {
  return [contact.displayName, contact.phoneNumber ? redactor.phone(contact.phoneNumber) : undefined].filter(Boolean).join(', ')
}

function describeUser(user: DesiredUser): string {
  return [ROLE_LABELS[user.role], user.displayName].filter(Boolean).join(', ')
}

export interface ChangeCounts {
  add: number
  remove: number
  update: number
}

export function countChanges(plan: Plan): ChangeCounts {
  const counts = { add: 0, remove: 0, update: 0 }
  for (const change of plan.changes) counts[change.kind]++
  return counts
}

/** `3 to add, 1 to remove, 1 to update`, leaving out zeros. */
export function describeCounts(counts: ChangeCounts, t: Messages = ENGLISH): string {
  const parts: string[] = []
  if (counts.add) parts.push(t.format('counts.add', { count: counts.add }))
  if (counts.remove) parts.push(t.format('counts.remove', { count: counts.remove }))
  if (counts.update) parts.push(t.format('counts.update', { count: counts.update }))
  return parts.length > 0 ? t.list(parts, 'unit') : t.format('counts.none')
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`
}
