// users-roles: the declared portal users are distinct, someone can manage them, and roles fit the integration.
import { normalizeEmail } from '../model/contacts.js'
import { INTEGRATION_NAMES } from '../model/integrations.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'users-roles',
    description: 'Users are listed once each, at least one is an administrator, and tester is used only for Food Ordering End-to-End.',
    defaultSeverity: 'error',
    messages: ['duplicateUser', 'noAdministrator', 'testerOutsideOrdering'],
  },
  check({ file, report }) {
    const users = file.users
    if (users === undefined) return // users are not managed from this file
    const seen = new Map<string, number>()
    users.forEach((user, index) => {
      const email = normalizeEmail(user.email)
      const first = seen.get(email)
      if (first === undefined) seen.set(email, index)
      else report({ messageId: 'duplicateUser', data: { index, first }, path: `/users/${index}/email` })
      if (user.role === 'tester' && file.integration !== 'ordering-e2e') {
        report({ messageId: 'testerOutsideOrdering', data: { index, integration: INTEGRATION_NAMES[file.integration] }, path: `/users/${index}/role` })
      }
    })
    if (!users.some((u) => u.role === 'administrator')) report({ messageId: 'noAdministrator', path: '/users' })
  },
})
