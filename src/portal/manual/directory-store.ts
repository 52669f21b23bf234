// The CLI's confirmed states: `<dir>/<partnerId>.json`, written atomically by `partner-contacts confirm`.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PortalError } from '../portal-error.js'
import type { ConfirmedState, ConfirmedStateStore } from './confirmed-state.js'

const FORMAT_VERSION = 1

export class DirectoryStore implements ConfirmedStateStore {
  constructor(readonly dir: string) {}

  get description(): string {
    return `manual:${this.dir}`
  }

  pathOf(partnerId: string): string {
    // Partner IDs are digits (the schema says so); anything else must never become a path.
    if (!/^[0-9]{1,32}$/.test(partnerId)) throw new PortalError('invalid', `open the confirmed state of partner ${JSON.stringify(partnerId)}`, 'a partner ID is digits')
    return join(this.dir, `${partnerId}.json`)
  }

  async read(partnerId: string): Promise<ConfirmedState | undefined> {
    const path = this.pathOf(partnerId)
    const operation = `read the confirmed state of partner ${partnerId} (${path})`
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw new PortalError('unavailable', operation, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      throw new PortalError('bad-response', operation, 'it is not valid JSON: restore it from version control, or delete it to start from "never confirmed"')
    }
    const state = data as Partial<ConfirmedState> & { version?: unknown }
    if (
      state?.version !== FORMAT_VERSION ||
      state.partnerId !== partnerId ||
      typeof state.contactInformation !== 'object' ||
      typeof state.confirmation?.by !== 'string' ||
      typeof state.confirmation.at !== 'string'
    ) {
      throw new PortalError('bad-response', operation, `it is not a version ${FORMAT_VERSION} confirmed state of this partner`)
    }
    return { partnerId, contactInformation: state.contactInformation!, ...(state.users ? { users: state.users } : {}), confirmation: state.confirmation }
  }

  /** Atomic: a reader sees the old state or the new one, never half a file. */
  async write(state: ConfirmedState): Promise<string> {
    const path = this.pathOf(state.partnerId)
    await mkdir(this.dir, { recursive: true })
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`
    await writeFile(temp, `${JSON.stringify({ version: FORMAT_VERSION, ...state }, null, 2)}\n`)
    await rename(temp, path)
    return path
  }
}
