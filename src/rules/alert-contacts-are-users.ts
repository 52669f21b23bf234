// alert-contacts-are-users: the portal picks Alert Contacts from its users, so each must be one.
import { alertContactsNotUsers } from './incomplete-fields.js'
import { fieldLabel } from '../i18n/messages.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'alert-contacts-are-users',
    description: 'Every Alert Contact is a Partner Portal user: in `users` when declared, else in the portal during plan.',
    defaultSeverity: 'error',
    messages: ['notDeclared', 'notOnPortal'],
  },
  check({ file, env, report }) {
    for (const stray of alertContactsNotUsers(file, env)) {
      report({ messageId: stray.from === 'file' ? 'notDeclared' : 'notOnPortal', data: { index: stray.index, label: fieldLabel('alert') }, path: stray.path })
    }
  },
})
