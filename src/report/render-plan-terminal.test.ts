// Terminal and JSON forms of a plan: layout snapshot, colour only when asked, the SPEC §8 plan field.
import { describe, expect, it } from 'vitest'
import { createRedactor } from '../redact/redactor.js'
import { BASE_FILE, withFile } from '../../test/plan/fixtures.js'
import { failedResult, finding, invalidResult, plannedResult } from '../../test/plan/results.js'
import { buildPlanReport } from './plan-report.js'
import { renderPlanTerminal } from './render-plan-terminal.js'

const changed = withFile((f) => {
  f.contacts!.technicalNonEmergency = ['integrations@example.com', { email: 'platform@example.com', name: 'Platform', phone: '+1 415 555 0100' }]
  f.contacts!.operationalForUsers = []
  f.support = [{ days: 'every-day', hours: '00:00-24:00', zone: 'Etc/UTC' }]
  f.users!.push({ email: 'new@example.com', role: 'read-only' })
})

function results() {
  return [
    plannedResult('partners/eats/contacts.yaml', changed, BASE_FILE),
    plannedResult('partners/same/contacts.yaml', BASE_FILE, BASE_FILE),
    invalidResult('partners/bad/contacts.yaml', BASE_FILE, [finding('contact-phone', 'error', '/contacts/operationalForGoogle/0/phone', 30, 'Operational contact (for Google) phone is not a possible number')]),
    failedResult('partners/down/contacts.yaml', BASE_FILE, 'list users of partner 10000001: the portal answered 403 PERMISSION_DENIED'),
  ]
}

describe('renderPlanTerminal', () => {
  it('lists changes per field with +/-/~, unsafe reasons, findings and a total', () => {
    expect(renderPlanTerminal(results(), { color: false, redactor: createRedactor('never') })).toMatchInlineSnapshot(`
      "partners/eats/contacts.yaml  partner 10000001
        6 changes (3 to add, 3 to remove)  sha256:d0f80e4201ba6ff63c96b8f525cf42270b353295937b8013b56701b19cf24338
          Technical Non-Emergency Contacts
            + platform@example.com  Platform, +14155550100
          Operational contact (to share with users)
            - support@example.com
          Operational Support
            - Mon–Fri 09:00–18:00 Europe/Rome
            - Sat, Sun 10:00–16:00 Europe/Rome
            + Every day 00:00–24:00 Etc/UTC
          Users
            + new@example.com  read-only
        ✖ unsafe plan (apply refuses it without --force):
          - empties Operational contact (to share with users), which the portal requires

      partners/same/contacts.yaml  partner 10000001
        no changes  sha256:731798618b6a55a2ae5cb50bfbcdf339c08a33ea3cad47646fb284705def9836

      partners/bad/contacts.yaml  partner 10000001
        not planned: the file has errors (below)

      partners/down/contacts.yaml  partner 10000001
        portal: list users of partner 10000001: the portal answered 403 PERMISSION_DENIED

      partners/bad/contacts.yaml
        30:5  error  Operational contact (for Google) phone is not a possible number  contact-phone

      ✖ 1 problem (1 error, 0 warnings) in 4 files
      Plan: 4 files: 1 with changes, 1 unchanged, 1 not planned, 1 failed, 1 unsafe
      "
    `)
  })

  it('colours only when asked', () => {
    const plain = renderPlanTerminal(results(), { color: false, redactor: createRedactor('never') })
    expect(plain).not.toContain('\u001b[')
    expect(renderPlanTerminal(results(), { color: true, redactor: createRedactor('never') })).toContain('\u001b[')
  })
})

describe('buildPlanReport', () => {
  it('adds plan, outcome and totals per SPEC §8, redacting values when asked', () => {
    const report = buildPlanReport(results(), createRedactor('always', { salt: 'json' }))
    expect(report.summary).toEqual({ files: 4, errors: 1, warnings: 0, infos: 0, plan: { hasChanges: true, filesWithChanges: 1, changes: 6, unsafe: 1, invalid: 1, failed: 1 } })
    const eats = report.files[0]!
    expect(eats.outcome).toBe('planned')
    expect(eats.plan!.safe).toBe(false)
    expect(eats.plan!.unsafeReasons).toEqual(['empties Operational contact (to share with users), which the portal requires'])
    expect(eats.plan!.updateMask).toEqual(['technicalNonEmergencyContacts', 'operationalContactsForUsers', 'operationalSupport'])
    expect(eats.plan!.changes[0]).toEqual({ kind: 'add', field: 'technicalNonEmergencyContacts', key: 'p***@example.com', after: { email: 'p***@example.com', displayName: 'Platform', phoneNumber: '+1 ••• ••• 00' } })
    expect(report.files[3]).toMatchObject({ outcome: 'failed', error: 'list users of partner 10000001: the portal answered 403 PERMISSION_DENIED' })
    expect(buildPlanReport(results()).files[0]!.plan!.changes[0]!.key).toBe('platform@example.com')
  })
})
