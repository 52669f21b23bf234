// Shared plan-test data: a complete production file and helpers to turn a desired state into a portal's current one.
import type { ContactsFile } from '../../src/model/contacts.js'
import type { DesiredUser, PortalState } from '../../src/plan/mapping.js'
import type { CurrentPortalState } from '../../src/plan/compute-plan.js'
import type { PortalUser } from '../../src/portal/types.js'

export const BASE_FILE: ContactsFile = {
  version: 1,
  partner: { id: '10000001', name: 'Example Eats' },
  integration: 'ordering-e2e',
  environment: 'production',
  users: [
    { email: 'ana.rossi@example.com', name: 'Ana Rossi', role: 'administrator' },
    { email: 'luca.bianchi@example.com', name: 'Luca Bianchi', role: 'editor' },
  ],
  contacts: {
    alert: ['ana.rossi@example.com', 'luca.bianchi@example.com'],
    technicalEmergency: [{ email: 'eats-oncall@example.pagerduty.com', name: 'Platform on-call', type: 'pager' }],
    technicalNonEmergency: [{ email: 'integrations@example.com', type: 'alias' }],
    merchantIssues: [],
    operationalForGoogle: [{ email: 'escalations@example.com', name: 'Escalations desk', phone: '+39 02 1234 5678' }],
    operationalForUsers: [{ email: 'support@example.com', type: 'alias' }],
  },
  support: [
    { days: 'mon-fri', hours: '09:00-18:00', zone: 'Europe/Rome' },
    { days: ['sat', 'sun'], hours: '10:00-16:00', zone: 'Europe/Rome' },
  ],
}

export function withFile(patch: (file: ContactsFile) => void): ContactsFile {
  const copy = structuredClone(BASE_FILE)
  patch(copy)
  return copy
}

/** The portal holding exactly `state`, with an etag. */
export function currentOf(state: PortalState, etag = 'etag-1'): CurrentPortalState {
  const current: CurrentPortalState = {
    contactInformation: { name: 'partners/10000001/contactInformation', ...structuredClone(state.contactInformation), etag },
  }
  if (state.users) current.users = state.users.map((u: DesiredUser): PortalUser => ({ ...u, name: `partners/10000001/users/${u.email}`, etag: `u-${u.email}` }))
  return current
}
