// Checks the shape of what the portal returned: a wrongly shaped body is a 'bad-response', never an empty portal.
import { PortalError } from './portal-error.js'
import { CONTACT_LIST_FIELDS, type ContactInformation, type PortalContact, type PortalDay, type PortalRole, type PortalSupportWindow, type PortalUser } from './types.js'

const DAYS: readonly string[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
const ROLES: readonly string[] = ['READ_ONLY', 'EDITOR', 'ADMINISTRATOR', 'TESTER']

class ShapeError extends Error {}

function fail(where: string): never {
  throw new ShapeError(where)
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where)
  return value as Record<string, unknown>
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string') fail(where)
  return value
}

function optionalString(value: unknown, where: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, where)
}

/** Proto3 JSON leaves empty repeated fields out, so a missing list is an empty one; a non-list is not. */
function list(value: unknown, where: string): unknown[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) fail(where)
  return value
}

function contact(value: unknown, where: string): PortalContact {
  const o = object(value, where)
  const result: PortalContact = { email: string(o['email'], `${where}.email`) }
  const displayName = optionalString(o['displayName'], `${where}.displayName`)
  const phoneNumber = optionalString(o['phoneNumber'], `${where}.phoneNumber`)
  if (displayName !== undefined) result.displayName = displayName
  if (phoneNumber !== undefined) result.phoneNumber = phoneNumber
  return result
}

function window(value: unknown, where: string): PortalSupportWindow {
  const o = object(value, where)
  const days = list(o['days'], `${where}.days`).map((d, i) => {
    if (typeof d !== 'string' || !DAYS.includes(d)) fail(`${where}.days[${i}]`)
    return d as PortalDay
  })
  return {
    days,
    startTime: string(o['startTime'], `${where}.startTime`),
    endTime: string(o['endTime'], `${where}.endTime`),
    timeZone: string(o['timeZone'], `${where}.timeZone`),
  }
}

function user(value: unknown, where: string): PortalUser {
  const o = object(value, where)
  const role = string(o['role'], `${where}.role`)
  if (!ROLES.includes(role)) fail(`${where}.role`)
  const result: PortalUser = { email: string(o['email'], `${where}.email`), role: role as PortalRole }
  for (const key of ['name', 'displayName', 'etag'] as const) {
    const v = optionalString(o[key], `${where}.${key}`)
    if (v !== undefined) result[key] = v
  }
  return result
}

function guard<T>(operation: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (error instanceof ShapeError) throw new PortalError('bad-response', operation, `the answer is not the expected shape (at ${error.message})`)
    throw error
  }
}

export function checkContactInformation(json: unknown, operation: string): ContactInformation {
  return guard(operation, () => {
    const o = object(json, 'body')
    const etag = string(o['etag'], 'etag')
    if (etag === '') fail('etag')
    const support = o['operationalSupport'] === undefined ? {} : object(o['operationalSupport'], 'operationalSupport')
    const result = {
      name: string(o['name'], 'name'),
      operationalSupport: { windows: list(support['windows'], 'operationalSupport.windows').map((w, i) => window(w, `operationalSupport.windows[${i}]`)) },
      etag,
    } as ContactInformation
    for (const field of CONTACT_LIST_FIELDS) result[field] = list(o[field], field).map((c, i) => contact(c, `${field}[${i}]`))
    const updateTime = optionalString(o['updateTime'], 'updateTime')
    if (updateTime !== undefined) result.updateTime = updateTime
    return result
  })
}

export function checkUser(json: unknown, operation: string): PortalUser {
  return guard(operation, () => user(json, 'body'))
}

export function checkUsersPage(json: unknown, operation: string): { users: PortalUser[]; nextPageToken?: string } {
  return guard(operation, () => {
    const o = object(json, 'body')
    const users = list(o['users'], 'users').map((u, i) => user(u, `users[${i}]`))
    const nextPageToken = optionalString(o['nextPageToken'], 'nextPageToken')
    return nextPageToken ? { users, nextPageToken } : { users }
  })
}
