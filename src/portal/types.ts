// The portal API's shapes (SPEC §4) and the one client interface that plan and apply depend on.

export type PortalDay = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY'
export type PortalRole = 'READ_ONLY' | 'EDITOR' | 'ADMINISTRATOR' | 'TESTER'

/** E.164 phone, lower-case email. `type` from the YAML is local metadata and never appears here. */
export interface PortalContact {
  email: string
  displayName?: string
  phoneNumber?: string
}

export interface PortalSupportWindow {
  days: PortalDay[]
  startTime: string
  endTime: string
  timeZone: string
}

export const CONTACT_LIST_FIELDS = [
  'alertContacts',
  'technicalEmergencyContacts',
  'technicalNonEmergencyContacts',
  'merchantIssuesContacts',
  'operationalContactsForGoogle',
  'operationalContactsForUsers',
] as const
export type ContactListField = (typeof CONTACT_LIST_FIELDS)[number]

/** The fields an update mask may name. */
export type ContactInformationField = ContactListField | 'operationalSupport'

export interface ContactInformation {
  name: string
  alertContacts: PortalContact[]
  technicalEmergencyContacts: PortalContact[]
  technicalNonEmergencyContacts: PortalContact[]
  merchantIssuesContacts: PortalContact[]
  operationalContactsForGoogle: PortalContact[]
  operationalContactsForUsers: PortalContact[]
  operationalSupport: { windows: PortalSupportWindow[] }
  etag: string
  updateTime?: string
}

export interface PortalUser {
  name?: string
  email: string
  displayName?: string
  role: PortalRole
  etag?: string
}

/** What plan and apply need from a portal; HTTP, emulator and in-process forms all implement it. */
export interface PortalClient {
  getContactInformation(partnerId: string): Promise<ContactInformation>
  /** PATCH with an update mask; fails with a PortalError (409 ABORTED) when `etag` is stale. */
  updateContactInformation(
    partnerId: string,
    update: Partial<Omit<ContactInformation, 'name' | 'etag' | 'updateTime'>> & { etag: string },
    updateMask: readonly ContactInformationField[],
  ): Promise<ContactInformation>
  /** Every page, or a PortalError: never a partial list. */
  listUsers(partnerId: string): Promise<PortalUser[]>
  /**
   * POST with an AIP-155 request ID, so a retried create returns the first result instead of a
   * duplicate. The client makes one up (a UUID) when none is given.
   */
  createUser(partnerId: string, user: Omit<PortalUser, 'name' | 'etag'>, requestId?: string): Promise<PortalUser>
  /** `etag`, when given, makes the update conditional (409 ABORTED when stale). */
  updateUser(
    partnerId: string,
    email: string,
    user: Pick<PortalUser, 'role' | 'displayName'> & { etag?: string },
    updateMask: ReadonlyArray<'role' | 'displayName'>,
  ): Promise<PortalUser>
  /** `etag`, when given, makes the delete conditional (409 ABORTED when stale). */
  deleteUser(partnerId: string, email: string, etag?: string): Promise<void>
}
