// duplicate-contact: one email twice in one list is a copy-paste slip, and the portal would keep one.
import { CONTACT_FIELDS, contactEmailPath, contactList, contactObject, normalizeEmail } from '../model/contacts.js'
import { fieldLabel } from '../i18n/messages.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'duplicate-contact',
    description: 'The same email appears only once in each contact list (compared ignoring case).',
    defaultSeverity: 'warning',
    messages: ['duplicate'],
  },
  check({ file, report }) {
    for (const field of CONTACT_FIELDS) {
      const seen = new Map<string, number>()
      contactList(file, field).forEach((entry, index) => {
        const email = normalizeEmail(contactObject(entry).email)
        const first = seen.get(email)
        if (first === undefined) seen.set(email, index)
        else report({ messageId: 'duplicate', data: { field, index, first, label: fieldLabel(field) }, path: contactEmailPath(field, index, entry) })
      })
    }
  },
})
