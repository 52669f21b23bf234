// user-facing-contact-is-alias: the contact shared with users should be the brand's support alias, not a person.
import { contactEmailPath, contactList, contactObject } from '../model/contacts.js'
import { domainOf, matchesDomain } from './email-domains.js'
import { fieldLabel } from '../i18n/messages.js'
import { defineRule } from './rule.js'

export const FREE_MAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'outlook.*',
  'hotmail.*',
  'live.*',
  'msn.com',
  'yahoo.*',
  'ymail.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'gmx.*',
  'web.de',
  'mail.ru',
  'yandex.*',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
  'libero.it',
] as const

export default defineRule({
  meta: {
    id: 'user-facing-contact-is-alias',
    description: 'Operational contacts shared with users are a brand support alias, not a person or a free-mail address.',
    defaultSeverity: 'warning',
    messages: ['person', 'freeMail'],
    options: {
      freeMailDomains: {
        type: 'string[]',
        default: FREE_MAIL_DOMAINS,
        description: 'Free-mail domains; `name.*` matches any suffix (yahoo.com, yahoo.co.jp).',
      },
    },
  },
  check({ file, options, report }) {
    contactList(file, 'operationalForUsers').forEach((entry, index) => {
      const contact = contactObject(entry)
      if (contact.type === 'person') {
        report({ messageId: 'person', data: { index, label: fieldLabel('operationalForUsers') }, path: `/contacts/operationalForUsers/${index}/type` })
      }
      const domain = domainOf(contact.email)
      if (options.freeMailDomains.some((d) => matchesDomain(domain, d))) {
        report({ messageId: 'freeMail', data: { index, label: fieldLabel('operationalForUsers') }, path: contactEmailPath('operationalForUsers', index, entry) })
      }
    })
  },
})
