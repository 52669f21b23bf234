// alert-contacts-are-users: the portal picks Alert Contacts from its users, so each must be one.
import { FIELD_LABELS } from '../model/contacts.js'
import { alertContactsNotUsers } from './incomplete-fields.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'alert-contacts-are-users',
    description: 'Every Alert Contact is a Partner Portal user: in `users` when declared, else in the portal during plan.',
    defaultSeverity: 'error',
    messages: {
      notDeclared: `${FIELD_LABELS.alert} entry contacts.alert[{{index}}] is not in users; the portal only accepts its own users as alert contacts`,
      notOnPortal: `${FIELD_LABELS.alert} entry contacts.alert[{{index}}] is not a user of the portal account; add it as a user first (or declare users in this file)`,
    },
  },
  check({ file, env, report }) {
    for (const stray of alertContactsNotUsers(file, env)) {
      report({ messageId: stray.from === 'file' ? 'notDeclared' : 'notOnPortal', data: { index: stray.index }, path: stray.path })
    }
  },
})
