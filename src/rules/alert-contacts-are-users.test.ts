// alert-contacts-are-users: against declared users, or the portal's users during plan.
import { testRule } from '../../test/helpers/rule-tester.js'

const strayAlert = `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
users:
  - email: ana.rossi@example.com
    role: administrator
contacts:
  alert:
    - Ana.Rossi@Example.com
    - email: luca.bianchi@example.com
      name: Luca Bianchi
    - marco.verdi@example.com
`

testRule('alert-contacts-are-users', {
  valid: [
    { name: 'every alert contact is a declared user' },
    { name: 'case does not matter', file: { contacts: { alert: ['ANA.ROSSI@example.com'] } } },
    { name: 'no users and no portal list: nothing to check yet', file: { users: undefined, contacts: { alert: ['luca.bianchi@example.com'] } } },
    { name: 'a portal user during plan', file: { users: undefined }, portalUsers: ['ana.rossi@example.com'] },
    { name: 'declared users win over the portal list', portalUsers: ['someone.else@example.com'] },
    { name: 'sandbox: the production-only rule reports instead', file: { environment: 'sandbox', contacts: { alert: ['luca.bianchi@example.com'] } } },
  ],
  invalid: [
    {
      name: 'reported on the line of each contact missing from users',
      yaml: strayAlert,
      errors: [
        { messageId: 'notDeclared', line: 11, path: '/contacts/alert/1/email', message: /contacts\.alert\[1\] is not in users/ },
        { messageId: 'notDeclared', line: 13, path: '/contacts/alert/2' },
      ],
    },
    {
      name: 'not a portal user during plan',
      file: { users: undefined, contacts: { alert: ['ana.rossi@example.com', 'luca.bianchi@example.com'] } },
      portalUsers: ['ana.rossi@example.com'],
      errors: [{ messageId: 'notOnPortal', path: '/contacts/alert/1', severity: 'error' }],
    },
  ],
})
