// launch-readiness: one summary finding, and the same verdict as the field rules on every file.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INTEGRATIONS } from '../model/contacts.js'
import { runRuleCase, testRule, type RuleCase } from '../../test/helpers/rule-tester.js'

testRule('launch-readiness', {
  valid: [
    { name: 'a complete live file' },
    { name: 'onboarding: off by default', file: { stage: 'onboarding', contacts: { alert: [] }, support: undefined } },
    { name: 'sandbox needs no alert contacts', file: { environment: 'sandbox', stage: 'launching', contacts: { alert: undefined } } },
    { name: 'a merchant-issues contact where optional is not a gap', file: { contacts: { merchantIssues: undefined } } },
  ],
  invalid: [
    {
      name: 'launching with two gaps: one finding on the stage line, fields in page order',
      yaml: `version: 1
partner:
  id: "10000001"
integration: reservations-bl
stage: launching
contacts:
  alert:
    - ana.rossi@example.com
  technicalEmergency:
    - email: eats-oncall@example.pagerduty.com
      type: pager
  technicalNonEmergency: [integrations@example.com]
  operationalForGoogle: [escalations@example.com]
  operationalForUsers: []
`,
      errors: [
        {
          messageId: 'incomplete',
          line: 5,
          severity: 'error',
          message:
            'Contact Information is not complete for stage launching: 3 portal fields to fix: Operational contact for merchant issues (no entry), Operational contact (to share with users) (no entry), and Operational Support (no entry)',
        },
      ],
    },
    {
      name: 'live by default, with no stage key: points at the top of the file',
      file: { stage: undefined, contacts: { technicalEmergency: [] } },
      errors: [{ messageId: 'incomplete', line: 1, message: /stage live: 1 portal field to fix: Technical Emergency Contacts \(no entry\)$/ }],
    },
    {
      name: 'alert contacts that are not users',
      file: { contacts: { alert: ['luca.bianchi@example.com'] } },
      errors: [{ messageId: 'incomplete', message: /Alert Contacts \(not all are portal users\)$/ }],
    },
    {
      name: 'onboarding, when turned on',
      severity: 'warning',
      file: { stage: 'onboarding', contacts: { alert: [] } },
      errors: [{ messageId: 'incomplete', severity: 'warning' }],
    },
  ],
})

describe('launch-readiness agrees with the field rules', () => {
  const FIELD_RULES = ['required-contacts', 'merchant-issues-contact', 'alert-contacts-are-users'] as const
  const LABEL_OF: Record<string, string> = {
    '/contacts/alert': 'Alert Contacts',
    '/contacts/technicalEmergency': 'Technical Emergency Contacts',
    '/contacts/technicalNonEmergency': 'Technical Non-Emergency Contacts',
    '/contacts/merchantIssues': 'Operational contact for merchant issues',
    '/contacts/operationalForGoogle': 'Operational contact (for Google)',
    '/contacts/operationalForUsers': 'Operational contact (to share with users)',
    '/support': 'Operational Support',
  }
  const fieldOf = (path: string) => LABEL_OF[path.split('/').slice(0, 3).join('/')] ?? LABEL_OF[path]

  const caseArb = fc.record({
    integration: fc.constantFrom(...INTEGRATIONS),
    environment: fc.constantFrom('production', 'sandbox'),
    drop: fc.subarray(['alert', 'technicalEmergency', 'technicalNonEmergency', 'merchantIssues', 'operationalForGoogle', 'operationalForUsers', 'support']),
    strayAlert: fc.boolean(),
    users: fc.constantFrom('declared', 'portal', 'unknown'),
  })

  it('lists exactly the fields that required-contacts, merchant-issues-contact and alert-contacts-are-users report', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const contacts: Record<string, unknown> = { merchantIssues: ['merchants@example.com'] }
        for (const field of c.drop) if (field !== 'support') contacts[field] = undefined
        if (c.environment === 'sandbox') contacts['alert'] = undefined
        else if (c.strayAlert && !c.drop.includes('alert')) contacts['alert'] = ['ana.rossi@example.com', 'luca.bianchi@example.com']
        const ruleCase: RuleCase = {
          file: {
            integration: c.integration,
            environment: c.environment,
            stage: 'launching',
            users: c.users === 'declared' ? [{ email: 'ana.rossi@example.com', role: c.integration === 'ordering-e2e' ? 'administrator' : 'administrator' }] : undefined,
            contacts,
            ...(c.drop.includes('support') ? { support: undefined } : {}),
          },
          ...(c.users === 'portal' ? { portalUsers: ['ana.rossi@example.com'] } : {}),
        }
        const summary = (await runRuleCase('launch-readiness', ruleCase)).findings
        const fromRules = new Set<string>()
        for (const id of FIELD_RULES) {
          for (const f of (await runRuleCase(id, ruleCase)).findings) if (f.severity === 'error') fromRules.add(fieldOf(f.path)!)
        }
        const listed = summary.length === 0 ? [] : [...summary[0]!.message.matchAll(/(?:: |, and |, | and )([^:,]+?) \((?:no entry|not all are portal users)\)/g)].map((m) => m[1]!)
        expect(summary.length).toBeLessThanOrEqual(1)
        expect(new Set(listed)).toEqual(fromRules)
      }),
      { numRuns: 60, seed: 20261124 },
    )
  })
})
