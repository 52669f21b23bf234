// The two hidden markers of a manual portal, written and read only here: a task's desired state, and a confirmation record.
import type { ConfirmedContactInformation, ConfirmedUser } from './confirmed-state.js'

/** In a task's body: which commit's desired state the steps lead to. Display and staleness only; never trusted as a record. */
export interface TaskMarker {
  partnerId: string
  kind: 'update' | 'reconfirm'
  file: string
  /** The merged (or, for re-confirmation, default-branch) commit. */
  commit: string
  /** `desiredStateChecksum` of the file at that commit. */
  checksum: string
  pull?: number
}

/** In a comment by the Action's own identity on the task: the confirmed state itself, with who and when. */
export interface RecordMarker {
  partnerId: string
  file: string
  commit: string
  checksum: string
  by: string
  at: string
  task: number
  contactInformation: ConfirmedContactInformation
  users?: ConfirmedUser[]
}

const TASK = 'partner-contacts:portal-task'
const RECORD = 'partner-contacts:confirmed'

// base64url keeps every value (names, paths) out of the HTML comment's syntax: nothing can close it early.
function encode(kind: string, value: object): string {
  return `<!-- ${kind} ${Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')} -->`
}

/** Read from the body's first line only, where encode's callers put it: a marker later in a body is text. */
function decode(kind: string, body: string): Record<string, unknown> | undefined {
  const match = new RegExp(`^<!-- ${kind} ([A-Za-z0-9_-]{1,200000}) -->(?:\r?\n|$)`).exec(body)
  if (!match) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8'))
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0

export function taskMarker(marker: TaskMarker): string {
  return encode(TASK, marker)
}

export function readTaskMarker(body: string): TaskMarker | undefined {
  const v = decode(TASK, body)
  if (!v || !isString(v['partnerId']) || !isString(v['file']) || !isString(v['commit']) || !isString(v['checksum'])) return undefined
  if (v['kind'] !== 'update' && v['kind'] !== 'reconfirm') return undefined
  return {
    partnerId: v['partnerId'],
    kind: v['kind'],
    file: v['file'],
    commit: v['commit'],
    checksum: v['checksum'],
    ...(typeof v['pull'] === 'number' ? { pull: v['pull'] } : {}),
  }
}

export function recordMarker(record: RecordMarker): string {
  return encode(RECORD, record)
}

export function readRecordMarker(body: string): RecordMarker | undefined {
  const v = decode(RECORD, body)
  if (!v) return undefined
  const ok =
    isString(v['partnerId']) && isString(v['file']) && isString(v['commit']) && isString(v['checksum']) && isString(v['by']) && isString(v['at']) && typeof v['task'] === 'number'
  const info = v['contactInformation']
  if (!ok || !info || typeof info !== 'object' || Array.isArray(info)) return undefined
  if (v['users'] !== undefined && !Array.isArray(v['users'])) return undefined
  return v as unknown as RecordMarker
}
