// The emulator's JSON state file (SPEC §4): the API's own shapes, read strictly and written atomically.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { PortalError } from '../portal-error.js'
import { checkContactInformation, checkUser } from '../response-shapes.js'
import type { ContactInformation, PortalUser } from '../types.js'

export interface PartnerState {
  /**
   * An extension of the SPEC §4 format: `sandbox` makes the account behave like one behind the
   * sandbox base URL (alertContacts → 400 FAILED_PRECONDITION). Absent means production.
   */
  environment?: 'production' | 'sandbox'
  contactInformation: ContactInformation
  users: PortalUser[]
}

export interface EmulatorState {
  partners: Record<string, PartnerState>
}

export function emptyState(): EmulatorState {
  return { partners: {} }
}

const OPERATION = 'read the emulator state file'

/** The state at `path`, or an empty state when the file does not exist. A damaged file is an error, never an empty portal. */
export function loadState(path: string): EmulatorState {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState()
    throw new PortalError('unavailable', OPERATION, `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new PortalError('bad-response', OPERATION, `${path} is not JSON`)
  }
  return checkState(json, path)
}

export function checkState(json: unknown, path: string): EmulatorState {
  const partners = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)['partners'] : undefined
  if (typeof partners !== 'object' || partners === null || Array.isArray(partners)) {
    throw new PortalError('bad-response', OPERATION, `${path} has no "partners" object`)
  }
  const state = emptyState()
  for (const [id, value] of Object.entries(partners)) {
    const where = `${path}: partner ${id}`
    if (!/^\d{1,20}$/.test(id)) throw new PortalError('bad-response', OPERATION, `${path}: a partner ID must be digits`)
    const partner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
    const environment = partner['environment']
    if (environment !== undefined && environment !== 'production' && environment !== 'sandbox') {
      throw new PortalError('bad-response', OPERATION, `${where}: environment must be production or sandbox`)
    }
    const users = partner['users'] ?? []
    if (!Array.isArray(users)) throw new PortalError('bad-response', OPERATION, `${where}: users must be a list`)
    state.partners[id] = {
      ...(environment ? { environment } : {}),
      contactInformation: checkContactInformation(partner['contactInformation'], where),
      users: users.map((u) => checkUser(u, where)),
    }
  }
  return state
}

/** Temp file in the same folder, then rename: a reader sees the old state or the new one, never half of one. */
export function saveState(path: string, state: EmulatorState): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
