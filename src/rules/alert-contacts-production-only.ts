// alert-contacts-production-only: the portal accepts Alert Contacts only in the Production environment.
import { contactList, environmentOf } from '../model/contacts.js'
import { fieldLabel } from '../i18n/messages.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'alert-contacts-production-only',
    description: 'Alert Contacts can only be specified in the Production environment.',
    defaultSeverity: 'error',
    messages: ['sandboxAlert'],
  },
  check({ file, report }) {
    if (environmentOf(file) === 'sandbox' && contactList(file, 'alert').length > 0) {
      report({ messageId: 'sandboxAlert', data: { label: fieldLabel('alert') }, path: '/contacts/alert' })
    }
  },
})
