// emergency-contact-pageable: type pager, or a paging service's domain (subdomains too).
import { testRule } from '../../test/helpers/rule-tester.js'

const emergency = (list: unknown[]) => ({ contacts: { technicalEmergency: list } })

testRule('emergency-contact-pageable', {
  valid: [
    { name: 'type pager' , file: emergency([{ email: 'oncall@example.com', type: 'pager' }]) },
    { name: 'a PagerDuty subdomain', file: emergency(['eats@example.pagerduty.com']) },
    { name: 'an Opsgenie address', file: emergency(['ops@opsgenie.net']) },
    { name: 'one pager among others', file: emergency(['platform@example.com', 'p@acme.incident.io']) },
    { name: 'an extra domain from the options', file: emergency(['oncall@pages.example.net']), options: { pagingDomains: ['example.net'] } },
    { name: 'empty: required-contacts reports it', file: emergency([]) },
  ],
  invalid: [
    {
      name: 'a plain address',
      yaml: `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
contacts:
  technicalEmergency:
    - email: platform@example.com
      type: alias
`,
      errors: [{ messageId: 'notPageable', line: 6, severity: 'warning' }],
    },
    { name: 'a look-alike domain', file: emergency(['x@notpagerduty.com']), errors: [{ messageId: 'notPageable' }] },
  ],
})
