// The emulator's JSON state file (SPEC §4): the API's own shapes, read strictly, written atomically under a cross-process lock.
import { linkSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { lockSync } from 'proper-lockfile'
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

/**
 * Temp file in the same folder, then rename: a reader sees the old state or the new one, never half of one. With
 * `createOnly`, the temp file is linked instead, which fails when the file exists (another process made it first):
 * then nothing is written and the answer is false.
 */
export function saveState(path: string, state: EmulatorState, createOnly = false): boolean {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
    if (!createOnly) renameSync(temp, path)
    else {
      try {
        linkSync(temp, path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
        throw error
      }
    }
    return true
  } catch (error) {
    throw writeError(path, error)
  } finally {
    rmSync(temp, { force: true })
  }
}

/**
 * The file a state path names: a symlinked state file is written through to its target (a rename onto the link
 * would replace the link with a file). Also follows a link whose target does not exist yet.
 */
export function stateTarget(path: string): string {
  let current = resolve(path)
  for (let hops = 0; hops < 40; hops++) {
    let link: string
    try {
      if (!lstatSync(current).isSymbolicLink()) return current
      link = readlinkSync(current)
    } catch {
      return current // missing: created on the first write
    }
    current = resolve(dirname(current), link)
  }
  throw new PortalError('unavailable', OPERATION, `${path}: too many levels of symbolic links`)
}

/** What identifies one version of the file: every save is a rename of a new file, so the inode changes with it. */
export function stateVersion(path: string): string | undefined {
  try {
    const info = statSync(path, { bigint: true })
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`
  } catch {
    return undefined
  }
}

const LOCK_WAIT_MS = 10_000

/**
 * Holds the cross-process lock of a state file (proper-lockfile: a `<file>.lock` folder, taken over when stale)
 * while `fn` runs. Synchronous: a lock is held for one read-modify-write of a small file, so waiting for it in a
 * short sleep loop is simpler than making every caller async. A lock that cannot be made (a read-only folder) is
 * an error, never a write without one.
 */
export function withStateLock<T>(path: string, fn: () => T): T {
  const deadline = Date.now() + LOCK_WAIT_MS
  let release: () => void
  for (;;) {
    try {
      mkdirSync(dirname(path), { recursive: true })
      release = lockSync(path, { realpath: false, stale: 5_000, onCompromised: () => {} })
      break
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ELOCKED' || Date.now() > deadline) {
        throw new PortalError('unavailable', 'lock the emulator state file', `cannot lock ${path} (${code === 'ELOCKED' ? 'another process held it for 10 s' : (code ?? 'error')}); check that its folder is writable`)
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5 + Math.floor(Math.random() * 20))
    }
  }
  try {
    return fn()
  } finally {
    try {
      release()
    } catch {
      // already released or taken over as stale: nothing left to undo
    }
  }
}

function writeError(path: string, error: unknown): PortalError {
  if (error instanceof PortalError) return error
  const code = (error as NodeJS.ErrnoException).code ?? 'error'
  return new PortalError('unavailable', 'write the emulator state file', `cannot write ${path} (${code}); nothing was changed: check that the folder is writable and has space`)
}
