// merchant-issues-contact: the merchant-issues field is filled where the integration requires it.
import { contactList, stageOf } from '../model/contacts.js'
import { INTEGRATION_NAMES } from '../model/integrations.js'
import { merchantIssuesMissing, merchantIssuesRequired } from './incomplete-fields.js'
import { fieldLabel } from '../i18n/messages.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'merchant-issues-contact',
    description: 'Operational contact for merchant issues is filled in when the integration requires it.',
    defaultSeverity: (file) => (stageOf(file) === 'onboarding' ? 'warning' : 'error'),
    messages: ['missing', 'optional'],
  },
  check({ file, env, report }) {
    const integration = INTEGRATION_NAMES[file.integration]
    if (merchantIssuesMissing(file, env)) {
      report({
        messageId: 'missing',
        data: { integration, label: fieldLabel('merchantIssues') },
        path: '/contacts/merchantIssues',
        target: file.contacts?.merchantIssues === undefined ? 'missing' : 'value',
      })
    } else if (!merchantIssuesRequired(file, env) && contactList(file, 'merchantIssues').length > 0) {
      report({ messageId: 'optional', data: { integration, label: fieldLabel('merchantIssues') }, path: '/contacts/merchantIssues', severity: 'info' })
    }
  },
})
