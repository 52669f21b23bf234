// `manual`: a PortalClient whose reads return the last confirmed state and whose writes are a person's task, never an API call.
import { createHash } from 'node:crypto'
import { PortalError } from '../portal-error.js'
import type { ContactInformation, PortalClient, PortalUser } from '../types.js'
import { emptyContactInformation, type Confirmation, type ConfirmedState, type ConfirmedStateStore } from './confirmed-state.js'

/** The etag of a partner nobody confirmed yet: every field of the page is taken as empty. */
export const NEVER_CONFIRMED_ETAG = 'never-confirmed'

export class ManualPortalClient implements PortalClient {
  readonly kind = 'manual' as const
  /** One read per partner per run: plan asks for contact information and users at the same time. */
  private readonly reads = new Map<string, Promise<ConfirmedState | undefined>>()

  constructor(readonly store: ConfirmedStateStore) {}

  private read(partnerId: string): Promise<ConfirmedState | undefined> {
    let read = this.reads.get(partnerId)
    if (!read) {
      read = this.store.read(partnerId)
      this.reads.set(partnerId, read)
    }
    return read
  }

  /** Who confirmed the partner's state and when; undefined: never confirmed. */
  async confirmation(partnerId: string): Promise<Confirmation | undefined> {
    return (await this.read(partnerId))?.confirmation
  }

  async getContactInformation(partnerId: string): Promise<ContactInformation> {
    const state = await this.read(partnerId)
    const name = `partners/${partnerId}/contactInformation`
    if (!state) return { name, ...emptyContactInformation(), etag: NEVER_CONFIRMED_ETAG }
    // The etag binds a reviewed plan to this confirmation: a newer confirmation makes the plan stale.
    const etag = `confirmed:${createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 32)}`
    return { name, ...emptyContactInformation(), ...state.contactInformation, etag, updateTime: state.confirmation.at }
  }

  async listUsers(partnerId: string): Promise<PortalUser[]> {
    return (await this.read(partnerId))?.users?.map((u) => ({ ...u })) ?? []
  }

  createUser(partnerId: string): Promise<PortalUser> {
    return Promise.reject(personOnly(`create a user of partner ${partnerId}`))
  }
  updateUser(partnerId: string): Promise<PortalUser> {
    return Promise.reject(personOnly(`update a user of partner ${partnerId}`))
  }
  deleteUser(partnerId: string): Promise<void> {
    return Promise.reject(personOnly(`delete a user of partner ${partnerId}`))
  }
  updateContactInformation(partnerId: string): Promise<ContactInformation> {
    return Promise.reject(personOnly(`update contact information of partner ${partnerId}`))
  }
}

function personOnly(operation: string): PortalError {
  return new PortalError('invalid', operation, 'a manual portal is changed by a person: apply gives the steps instead of writing')
}

export function isManualPortal(client: PortalClient): client is ManualPortalClient {
  return (client as Partial<ManualPortalClient>).kind === 'manual'
}
