// The emulator's checks of request bodies: each bad value becomes a field violation naming the field (never the value).
import { checkZone } from '../../model/zones.js'
import type { ContactInformationField, PortalContact, PortalDay, PortalRole, PortalSupportWindow } from '../types.js'
import { CONTACT_LIST_FIELDS } from '../types.js'

export interface FieldViolation {
  field: string
  description: string
}

export const DAYS: readonly PortalDay[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
export const ROLES: readonly PortalRole[] = ['READ_ONLY', 'EDITOR', 'ADMINISTRATOR', 'TESTER']
export const MASK_FIELDS: readonly ContactInformationField[] = [...CONTACT_LIST_FIELDS, 'operationalSupport']

const EMAIL = /^[^\s@"<>()[\],;:\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/
const E164 = /^\+[1-9][0-9]{1,14}$/
const TIME = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function checkEmail(value: unknown, field: string, out: FieldViolation[]): string | undefined {
  if (typeof value !== 'string' || value.length > 254 || !EMAIL.test(value)) {
    out.push({ field, description: 'must be an email address' })
    return undefined
  }
  return value.toLowerCase()
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], field: string, out: FieldViolation[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) out.push({ field: `${field}.${key}`, description: 'unknown field' })
}

function checkDisplayName(value: unknown, field: string, out: FieldViolation[]): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    out.push({ field, description: 'must be a non-empty string of at most 200 characters' })
    return undefined
  }
  return value
}

export function checkContacts(value: unknown, field: string, out: FieldViolation[]): PortalContact[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    out.push({ field, description: 'must be a list of contacts' })
    return []
  }
  const seen = new Set<string>()
  const contacts: PortalContact[] = []
  value.forEach((item, i) => {
    const at = `${field}[${i}]`
    if (!isObject(item)) {
      out.push({ field: at, description: 'must be a contact object' })
      return
    }
    checkKeys(item, ['email', 'displayName', 'phoneNumber'], at, out)
    const email = checkEmail(item['email'], `${at}.email`, out)
    const contact: PortalContact = { email: email ?? '' }
    const displayName = checkDisplayName(item['displayName'], `${at}.displayName`, out)
    if (displayName !== undefined) contact.displayName = displayName
    if (item['phoneNumber'] !== undefined) {
      if (typeof item['phoneNumber'] !== 'string' || !E164.test(item['phoneNumber'])) {
        out.push({ field: `${at}.phoneNumber`, description: 'must be an E.164 phone number (+ and up to 15 digits)' })
      } else contact.phoneNumber = item['phoneNumber']
    }
    if (email !== undefined) {
      if (seen.has(email)) out.push({ field: `${at}.email`, description: 'appears twice in this list' })
      seen.add(email)
    }
    contacts.push(contact)
  })
  return contacts
}

export function checkSupport(value: unknown, out: FieldViolation[]): { windows: PortalSupportWindow[] } {
  if (value === undefined || value === null) return { windows: [] }
  if (!isObject(value)) {
    out.push({ field: 'operationalSupport', description: 'must be an object with windows' })
    return { windows: [] }
  }
  checkKeys(value, ['windows'], 'operationalSupport', out)
  const windows = value['windows'] ?? []
  if (!Array.isArray(windows)) {
    out.push({ field: 'operationalSupport.windows', description: 'must be a list' })
    return { windows: [] }
  }
  return {
    windows: windows.map((w, i) => {
      const at = `operationalSupport.windows[${i}]`
      const result: PortalSupportWindow = { days: [], startTime: '', endTime: '', timeZone: '' }
      if (!isObject(w)) {
        out.push({ field: at, description: 'must be a window object' })
        return result
      }
      checkKeys(w, ['days', 'startTime', 'endTime', 'timeZone'], at, out)
      const days = w['days']
      if (!Array.isArray(days) || days.length === 0 || days.some((d) => !DAYS.includes(d as PortalDay)) || new Set(days).size !== days.length) {
        out.push({ field: `${at}.days`, description: 'must be a non-empty list of distinct days MONDAY … SUNDAY' })
      } else result.days = DAYS.filter((d) => days.includes(d))
      const start = w['startTime']
      const end = w['endTime']
      if (typeof start !== 'string' || !TIME.test(start)) out.push({ field: `${at}.startTime`, description: 'must be HH:MM, 00:00 to 23:59' })
      else result.startTime = start
      if (typeof end !== 'string' || !(TIME.test(end) || end === '24:00')) out.push({ field: `${at}.endTime`, description: 'must be HH:MM, 00:00 to 24:00' })
      else result.endTime = end
      if (result.startTime !== '' && result.startTime === result.endTime) out.push({ field: `${at}.endTime`, description: 'must differ from startTime' })
      const zone = w['timeZone']
      if (typeof zone !== 'string' || !checkZone(zone).ok) out.push({ field: `${at}.timeZone`, description: 'must be an IANA time zone' })
      else result.timeZone = zone
      return result
    }),
  }
}

export function checkRole(value: unknown, field: string, out: FieldViolation[]): PortalRole | undefined {
  if (typeof value !== 'string' || !ROLES.includes(value as PortalRole)) {
    out.push({ field, description: `must be one of ${ROLES.join(', ')}` })
    return undefined
  }
  return value as PortalRole
}

export { checkDisplayName, checkKeys }
