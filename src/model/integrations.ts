// SPEC §1: which integrations require the merchant-issues contact (the config file may override a row).
import type { Integration } from './contacts.js'

export const INTEGRATION_NAMES: Record<Integration, string> = {
  'reservations-e2e': 'Reservations End-to-End',
  'reservations-waitlists': 'Reservations Waitlists',
  'reservations-bl': 'Reservations Business Link',
  'appointments-e2e': 'Appointments End-to-End',
  'appointments-bl': 'Appointments Business Link',
  'appointments-redirect': 'Appointments Redirect',
  'healthcare-appointments': 'Healthcare Appointments',
  'ordering-e2e': 'Food Ordering End-to-End',
  'ordering-redirect': 'Ordering Redirect',
  'retail-ordering-bl': 'Retail Ordering Business Link',
  'local-services-e2e': 'Local Services End-to-End',
  'local-services-redirect': 'Local Services Redirect',
  'things-to-do': 'Things to do',
  events: 'Events',
}

/** Link-based integrations are where merchants ask to remove a partner, so they require it. */
export const DEFAULT_MERCHANT_ISSUES: Record<Integration, 'required' | 'optional'> = {
  'reservations-e2e': 'optional',
  'reservations-waitlists': 'optional',
  'reservations-bl': 'required',
  'appointments-e2e': 'optional',
  'appointments-bl': 'required',
  'appointments-redirect': 'required',
  'healthcare-appointments': 'optional',
  'ordering-e2e': 'optional',
  'ordering-redirect': 'required',
  'retail-ordering-bl': 'required',
  'local-services-e2e': 'optional',
  'local-services-redirect': 'required',
  'things-to-do': 'optional',
  events: 'optional',
}
