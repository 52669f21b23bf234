// contact-phone: a phone the portal will receive must be a real number for its country code.
import { CONTACT_FIELDS, contactList, contactObject } from '../model/contacts.js'
import { fieldLabel } from '../i18n/messages.js'
import { defineRule } from './rule.js'

/** Loaded once per process, on the first file with a phone: a dynamic import per file was resolved again every time. */
let phoneLibrary: Promise<typeof import('libphonenumber-js/max')> | undefined

export default defineRule({
  meta: {
    id: 'contact-phone',
    description: 'Each contact phone is a possible number for its country code, and preferably a valid one.',
    defaultSeverity: 'error',
    messages: ['impossible', 'invalid'],
  },
  async check({ file, report }) {
    const phones: Array<{ field: string; index: number; phone: string }> = []
    for (const field of CONTACT_FIELDS) {
      contactList(file, field).forEach((entry, index) => {
        const phone = contactObject(entry).phone
        if (phone !== undefined) phones.push({ field, index, phone })
      })
    }
    if (phones.length === 0) return
    // The full metadata is large; only files that carry a phone pay for loading it.
    const { parsePhoneNumberFromString } = await (phoneLibrary ??= import('libphonenumber-js/max'))
    for (const { field, index, phone } of phones) {
      const parsed = parsePhoneNumberFromString(phone)
      const path = `/contacts/${field}/${index}/phone`
      if (!parsed?.isPossible()) report({ messageId: 'impossible', data: { field, index, label: fieldLabel(field) }, path })
      else if (!parsed.isValid()) report({ messageId: 'invalid', data: { field, index, label: fieldLabel(field) }, path, severity: 'warning' })
    }
  },
})
