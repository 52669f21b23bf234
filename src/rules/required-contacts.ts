// required-contacts: every field the portal page marks "(required)" has at least one entry.
import { CONTACT_FIELDS, contactList, environmentOf, FIELD_LABELS, stageOf, type ContactField } from '../model/contacts.js'
import { defineRule } from './rule.js'

/** The portal's required contact fields; alert only in production, merchantIssues has its own rule. */
export function requiredContactFields(environment: 'production' | 'sandbox'): ContactField[] {
  return CONTACT_FIELDS.filter((f) => f !== 'merchantIssues' && (f !== 'alert' || environment === 'production'))
}

export default defineRule({
  meta: {
    id: 'required-contacts',
    description: 'Every contact field the portal requires, and Operational Support, has at least one entry.',
    defaultSeverity: (file) => (stageOf(file) === 'onboarding' ? 'warning' : 'error'),
    messages: {
      missingField: '{{label}} ({{key}}) is required by the portal and has no entry',
      missingSupport: 'Operational Support (support) is required by the portal and has no window',
    },
  },
  check({ file, report }) {
    for (const field of requiredContactFields(environmentOf(file))) {
      if (contactList(file, field).length === 0) {
        const present = file.contacts?.[field] !== undefined
        report({
          messageId: 'missingField',
          data: { label: FIELD_LABELS[field], key: `contacts.${field}` },
          path: `/contacts/${field}`,
          target: present ? 'value' : 'missing',
        })
      }
    }
    if ((file.support ?? []).length === 0) {
      report({ messageId: 'missingSupport', path: '/support', target: file.support === undefined ? 'missing' : 'value' })
    }
  },
})
