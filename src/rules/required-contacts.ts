// required-contacts: every field the portal page marks "(required)" has at least one entry.
import { stageOf } from '../model/contacts.js'
import { emptyRequiredFields } from './incomplete-fields.js'
import { fieldLabel } from '../i18n/messages.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'required-contacts',
    description: 'Every contact field the portal requires, and Operational Support, has at least one entry.',
    // Onboarding is the time to fill the page in, so gaps are reminders there, not failures.
    defaultSeverity: (file) => (stageOf(file) === 'onboarding' ? 'warning' : 'error'),
    messages: ['missingField', 'missingSupport'],
  },
  check({ file, report }) {
    for (const field of emptyRequiredFields(file)) {
      if (field === 'support') {
        report({ messageId: 'missingSupport', data: { label: fieldLabel('support') }, path: '/support', target: file.support === undefined ? 'missing' : 'value' })
      } else {
        report({
          messageId: 'missingField',
          data: { label: fieldLabel(field), key: `contacts.${field}` },
          path: `/contacts/${field}`,
          target: file.contacts?.[field] === undefined ? 'missing' : 'value',
        })
      }
    }
  },
})
