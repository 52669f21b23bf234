// emergency-contact-pageable: the portal recommends a paging alias for Technical Emergency Contacts.
import { contactList, contactObject } from '../model/contacts.js'
import { domainOf, matchesDomain } from './email-domains.js'
import { fieldLabel } from '../i18n/messages.js'
import { defineRule } from './rule.js'

export const PAGING_DOMAINS = ['pagerduty.com', 'opsgenie.net', 'opsgenie.com', 'victorops.com', 'splunkoncall.com', 'incident.io'] as const

export default defineRule({
  meta: {
    id: 'emergency-contact-pageable',
    description: 'At least one Technical Emergency Contact is a pager: `type: pager` or an address at a paging service.',
    defaultSeverity: 'warning',
    messages: ['notPageable'],
    options: {
      pagingDomains: {
        type: 'string[]',
        default: PAGING_DOMAINS,
        description: 'Email domains of paging services; subdomains match too (example.pagerduty.com).',
      },
    },
  },
  check({ file, options, report }) {
    const contacts = contactList(file, 'technicalEmergency').map(contactObject)
    if (contacts.length === 0) return // required-contacts reports the empty field
    const pageable = contacts.some((c) => c.type === 'pager' || options.pagingDomains.some((d) => matchesDomain(domainOf(c.email), d, 'subdomains')))
    if (!pageable) report({ messageId: 'notPageable', data: { label: fieldLabel('technicalEmergency') }, path: '/contacts/technicalEmergency' })
  },
})
