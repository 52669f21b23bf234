// SPEC §5 plan checksum: sha256 over canonical JSON of the normalised desired state, the portal's etag(s) and the changes.
import { createHash } from 'node:crypto'
import { windowKey, type DesiredUser, type PortalState } from './mapping.js'
import { CONTACT_LIST_FIELDS, type PortalUser } from '../portal/types.js'
import type { Change } from './change.js'

export interface PlanEtags {
  contactInformation: string
  /** Fingerprint of the portal's user list; present only when the file manages users. */
  users?: string
}

export interface ChecksumInput {
  partnerId: string
  desired: PortalState
  etags: PlanEtags
  changes: readonly Change[]
}

/** Bumped whenever what goes into the checksum changes, so an old comment never matches by accident. */
const CHECKSUM_VERSION = 1

export function planChecksum(input: ChecksumInput): string {
  const payload = {
    version: CHECKSUM_VERSION,
    partnerId: input.partnerId,
    desired: canonicalState(input.desired),
    etags: input.etags,
    changes: input.changes,
  }
  return `sha256:${sha256(canonicalJson(payload))}`
}

/**
 * sha256 of a normalised desired state alone: what a manual portal's task leads to and what its confirmation records,
 * independent of the state it started from.
 */
export function desiredStateChecksum(desired: PortalState): string {
  return `sha256:${sha256(canonicalJson({ version: CHECKSUM_VERSION, desired: canonicalState(desired) }))}`
}

/**
 * The portal has no etag for the user list as a whole, so its fingerprint stands in for one: a hash
 * over every user's email, role, name and etag, in email order. Any change to the list changes it.
 */
export function userListFingerprint(users: readonly PortalUser[]): string {
  const rows = users
    .map((u) => [u.email.trim().toLowerCase(), u.role, u.displayName ?? '', u.etag ?? ''])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0))
  return `users:${sha256(canonicalJson(rows)).slice(0, 32)}`
}

/**
 * Lists are sets on the portal (keyed by email, windows by their key), so they are sorted here:
 * reordering entries in the YAML plans nothing and must not change the checksum either.
 */
function canonicalState(state: PortalState): unknown {
  const info = state.contactInformation
  const out: Record<string, unknown> = {}
  for (const field of CONTACT_LIST_FIELDS) out[field] = [...(info[field] ?? [])].sort(byKey((c) => c.email))
  out['operationalSupport'] = { windows: [...(info.operationalSupport?.windows ?? [])].sort(byKey(windowKey)) }
  const result: Record<string, unknown> = { contactInformation: out }
  if (state.users) result['users'] = [...state.users].sort(byKey((u: DesiredUser) => u.email))
  return result
}

function byKey<T>(key: (value: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a)
    const y = key(b)
    return x < y ? -1 : x > y ? 1 : 0
  }
}

/** JSON with object keys sorted at every level and undefined members dropped: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
