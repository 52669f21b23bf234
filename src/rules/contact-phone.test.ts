// contact-phone: impossible numbers are errors, possible but invalid ones warnings.
import { testRule } from '../../test/helpers/rule-tester.js'

const withPhone = (phone: string) => ({ contacts: { operationalForGoogle: [{ email: 'escalations@example.com', phone }] } })

testRule('contact-phone', {
  valid: [
    { name: 'no phone at all' },
    { name: 'an Italian landline', file: withPhone('+39 02 1234 5678') },
    { name: 'a US number with punctuation', file: withPhone('+1 (415) 555-2671') },
    { name: 'a UK mobile with dots', file: withPhone('+44 7911.123456') },
  ],
  invalid: [
    {
      name: 'too short for its country, on the phone line',
      yaml: `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
contacts:
  operationalForGoogle:
    - email: escalations@example.com
      phone: "+39 12"
`,
      errors: [{ messageId: 'impossible', line: 8, path: '/contacts/operationalForGoogle/0/phone', severity: 'error' }],
    },
    { name: 'an unknown country code', file: withPhone('+999 1234 5678'), errors: [{ messageId: 'impossible' }] },
    { name: 'possible but not valid: a warning', file: withPhone('+1 555 012 3456'), errors: [{ messageId: 'invalid', severity: 'warning' }] },
    { name: 'a configured severity applies to both', file: withPhone('+1 555 012 3456'), severity: 'error', errors: [{ messageId: 'invalid', severity: 'error' }] },
  ],
})
