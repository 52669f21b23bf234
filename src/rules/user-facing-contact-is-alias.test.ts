// user-facing-contact-is-alias: not a person, not a free-mail address.
import { testRule } from '../../test/helpers/rule-tester.js'

const forUsers = (list: unknown[]) => ({ contacts: { operationalForUsers: list } })

testRule('user-facing-contact-is-alias', {
  valid: [
    { name: 'a brand alias' },
    { name: 'no type, own domain', file: forUsers(['help@example.com']) },
    { name: 'yahoo.* does not match a company subdomain', file: forUsers(['help@yahoo.example.com']) },
  ],
  invalid: [
    {
      name: 'a person, on the type line',
      yaml: `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
contacts:
  operationalForUsers:
    - email: ana.rossi@example.com
      type: person
`,
      errors: [{ messageId: 'person', line: 8, path: '/contacts/operationalForUsers/0/type', severity: 'warning' }],
    },
    { name: 'gmail', file: forUsers(['brand.support@gmail.com']), errors: [{ messageId: 'freeMail', path: '/contacts/operationalForUsers/0' }] },
    { name: 'yahoo.* matches a country suffix', file: forUsers(['x.support@yahoo.co.jp']), errors: [{ messageId: 'freeMail' }] },
    { name: 'an extra domain from the options', file: forUsers(['help@mail.example.org']), options: { freeMailDomains: ['mail.example.org'] }, errors: [{ messageId: 'freeMail' }] },
    {
      name: 'both at once',
      file: forUsers([{ email: 'ana.rossi@outlook.com', type: 'person' }]),
      errors: [{ messageId: 'freeMail', path: '/contacts/operationalForUsers/0/email' }, { messageId: 'person' }],
    },
  ],
})
