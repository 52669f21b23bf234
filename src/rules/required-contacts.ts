// required-contacts: every field the portal page marks "(required)" has at least one entry.
import { FIELD_LABELS, stageOf } from '../model/contacts.js'
import { emptyRequiredFields } from './incomplete-fields.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'required-contacts',
    description: 'Every contact field the portal requires, and Operational Support, has at least one entry.',
    // Onboarding is the time to fill the page in, so gaps are reminders there, not failures.
    defaultSeverity: (file) => (stageOf(file) === 'onboarding' ? 'warning' : 'error'),
    messages: {
      missingField: '{{label}} ({{key}}) is required by the portal and has no entry',
      missingSupport: 'Operational Support (support) is required by the portal and has no window',
    },
  },
  check({ file, report }) {
    for (const field of emptyRequiredFields(file)) {
      if (field === 'support') {
        report({ messageId: 'missingSupport', path: '/support', target: file.support === undefined ? 'missing' : 'value' })
      } else {
        report({
          messageId: 'missingField',
          data: { label: FIELD_LABELS[field], key: `contacts.${field}` },
          path: `/contacts/${field}`,
          target: file.contacts?.[field] === undefined ? 'missing' : 'value',
        })
      }
    }
  },
})
