// The portal page's field labels for reports: in the reader's language, with the English label beside where it helps.
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { CONTACT_FIELDS, type ContactField } from '../model/contacts.js'
import type { PlanField } from '../plan/change.js'
import { PORTAL_FIELD_OF } from '../plan/mapping.js'

const FIELD_OF_PLAN: Record<PlanField, string> = {
  ...(Object.fromEntries(CONTACT_FIELDS.map((f) => [PORTAL_FIELD_OF[f], f])) as Record<string, ContactField>),
  operationalSupport: 'support',
  users: 'users',
} as Record<PlanField, string>

/** The catalogue ID of a plan field's label. */
export function planFieldMessage(field: PlanField): string {
  return `field.${FIELD_OF_PLAN[field]}`
}

/** `Contatti avvisi (Alert Contacts)`: the glossary asks for the English label beside it, for matching the English page. */
export function fieldLabelBeside(field: ContactField | 'support', t: Messages): string {
  const own = t.format(`field.${field}`)
  return t.locale === 'en' ? own : t.format('field.beside', { label: own, english: ENGLISH.format(`field.${field}`) })
}
