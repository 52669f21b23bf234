// Plain-text pieces every plan renderer shares: how a change, a contact, a window and a user read, redacted per mode.
import type { DesiredUser } from '../plan/mapping.js'
import { compactDays, fromPortalDay } from '../plan/mapping.js'
import type { PortalContact, PortalSupportWindow } from '../portal/types.js'
import type { Change } from '../plan/change.js'
import type { Plan } from '../plan/compute-plan.js'
import type { PlanFileResult } from '../plan/plan-files.js'
import type { Redactor } from '../redact/redactor.js'

const ROLE_LABELS = { READ_ONLY: 'read-only', EDITOR: 'editor', ADMINISTRATOR: 'administrator', TESTER: 'tester' } as const
const DAY_LABELS: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' }

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

/** `Mon–Fri 09:00–18:00 Europe/Rome`. */
export function formatWindow(window: PortalSupportWindow): string {
  const days = compactDays(window.days.map(fromPortalDay))
  const dayText =
    days === 'every-day'
      ? 'Every day'
      : typeof days === 'string'
        ? days.split('-').map((d) => DAY_LABELS[d] ?? d).join('–')
        : days.map((d) => DAY_LABELS[d] ?? d).join(', ')
  return `${dayText} ${window.startTime}–${window.endTime} ${window.timeZone}`
}

/** What a change is about: the (redacted) email, or the window. */
export function changeSubject(change: Change, redactor: Redactor): string {
  if (change.field === 'operationalSupport') return formatWindow((change.after ?? change.before)!)
  return redactor.email(change.key)
}

/** The change's values: the new entry's details, the removed entry's, or each changed property before → after. */
export function changeDetail(change: Change, redactor: Redactor): string {
  if (change.field === 'operationalSupport') return ''
  if (change.field === 'users') {
    const { before, after } = change
    if (change.kind === 'update') {
      const parts: string[] = []
      if (before!.role !== after!.role) parts.push(`role: ${ROLE_LABELS[before!.role]} → ${ROLE_LABELS[after!.role]}`)
      if (before!.displayName !== after!.displayName) parts.push(`name: ${quoted(before!.displayName)} → ${quoted(after!.displayName)}`)
      return parts.join('; ')
    }
    return describeUser((after ?? before)!)
  }
  const { before, after } = change
  if (change.kind === 'update') {
    const parts: string[] = []
    if (before!.displayName !== after!.displayName) parts.push(`name: ${quoted(before!.displayName)} → ${quoted(after!.displayName)}`)
    if (before!.phoneNumber !== after!.phoneNumber) parts.push(`phone: ${phone(before!.phoneNumber, redactor)} → ${phone(after!.phoneNumber, redactor)}`)
    return parts.join('; ')
  }
  return describeContact((after ?? before)!, redactor)
}

export function describeContact(contact: PortalContact, redactor: Redactor): string {
  return [contact.displayName, contact.phoneNumber ? redactor.phone(contact.phoneNumber) : undefined].filter(Boolean).join(', ')
}

function describeUser(user: DesiredUser): string {
  return [ROLE_LABELS[user.role], user.displayName].filter(Boolean).join(', ')
}

function quoted(value: string | undefined): string {
  return value === undefined ? '(none)' : `"${value}"`
}

function phone(value: string | undefined, redactor: Redactor): string {
  return value === undefined ? '(none)' : redactor.phone(value)
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
export function describeCounts(counts: ChangeCounts): string {
  const parts: string[] = []
  if (counts.add) parts.push(`${counts.add} to add`)
  if (counts.remove) parts.push(`${counts.remove} to remove`)
  if (counts.update) parts.push(`${counts.update} to update`)
  return parts.join(', ') || 'no changes'
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`
}
