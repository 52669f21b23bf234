// The manual portal's one source of truth: the last state a person confirmed they entered on the page, with who and when.
import { CONTACT_LIST_FIELDS, type ContactInformation, type PortalUser } from '../types.js'

/** What a person entered on the page: the writable part of the API's shapes, normalised by plan's mapping. */
export type ConfirmedContactInformation = Omit<ContactInformation, 'name' | 'etag' | 'updateTime'>
export type ConfirmedUser = Omit<PortalUser, 'name' | 'etag'>

export interface Confirmation {
  /** A login (`@octocat` on GitHub) or a local user name. */
  by: string
  /** ISO 8601 time of the confirmation. */
  at: string
  /** The commit whose desired state was confirmed, when known. */
  commit?: string
  /** The contacts file it came from, as named in the repository. */
  file?: string
  /** The task (issue number) that was confirmed, on GitHub. */
  task?: number
}

export interface ConfirmedState {
  partnerId: string
  contactInformation: ConfirmedContactInformation
  /** Present when the file managed users when it was confirmed. */
  users?: ConfirmedUser[]
  confirmation: Confirmation
}

/** Where confirmed states live: a directory for the CLI, records by the Action's own identity on GitHub. */
export interface ConfirmedStateStore {
  /** The last confirmed state of a partner, or undefined when none was ever confirmed. Failures are PortalErrors. */
  read(partnerId: string): Promise<ConfirmedState | undefined>
  /** Where the store is, for messages (`manual:state/`, `GitHub records in owner/repo`). */
  readonly description: string
}

/** Every field of the page, empty: what a partner nobody confirmed yet is taken to have. */
export function emptyContactInformation(): ConfirmedContactInformation {
  const lists = Object.fromEntries(CONTACT_LIST_FIELDS.map((field) => [field, []])) as unknown as Omit<ConfirmedContactInformation, 'operationalSupport'>
  return { ...lists, operationalSupport: { windows: [] } }
}
