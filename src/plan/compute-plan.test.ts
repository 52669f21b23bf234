// computePlan: normalised diffs, deterministic order, checksum sensitivity, safety, and what apply needs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toPortalState, type PortalState } from './mapping.js'
import { BASE_FILE, currentOf, withFile } from '../../test/plan/fixtures.js'
import { computePlan, type ComputePlanInput } from './compute-plan.js'
import { requiredPortalFields } from './plan-safety.js'
import { ENGLISH, loadMessages } from '../i18n/catalogue.js'

const IT = await loadMessages('it')

const required = requiredPortalFields(BASE_FILE)

function plan(desired: PortalState, current = currentOf(toPortalState(BASE_FILE)), extra: Partial<ComputePlanInput> = {}) {
  return computePlan({ partnerId: '10000001', desired, current, safety: { requiredFields: required }, ...extra })
}

describe('computePlan', () => {
  it('plans nothing for formatting-only edits (case, spacing, zone alias, day order, type)', () => {
    const reformatted = withFile((f) => {
      f.users = [
        { email: ' Luca.Bianchi@EXAMPLE.com', name: ' Luca Bianchi ', role: 'editor' },
        { email: 'ANA.ROSSI@example.com', name: 'Ana Rossi', role: 'administrator' },
      ]
      f.contacts!.alert = ['Luca.Bianchi@example.com', 'ana.rossi@EXAMPLE.COM']
      f.contacts!.technicalEmergency = [{ email: 'Eats-Oncall@Example.PagerDuty.com', name: 'Platform on-call' }]
      f.contacts!.technicalNonEmergency = ['integrations@example.com']
      f.contacts!.operationalForGoogle = [{ email: 'escalations@example.com', name: 'Escalations desk', phone: '+39 (02) 1234-5678', type: 'person' }]
      delete f.contacts!.merchantIssues
      f.support = [
        { days: ['sun', 'sat'], hours: '10:00-16:00', zone: 'europe/rome' },
        { days: ['fri', 'thu', 'wed', 'tue', 'mon'], hours: '09:00-18:00', zone: 'Europe/Rome' },
      ]
    })
    const result = plan(toPortalState(reformatted))
    expect(result.changes).toEqual([])
    expect(result.hasChanges).toBe(false)
    expect(result.updateMask).toEqual([])
    expect(result.checksum).toBe(plan(toPortalState(BASE_FILE)).checksum)
  })

  it('plans nothing when the portal stores values in its own formatting', () => {
    const current = currentOf(toPortalState(BASE_FILE))
    current.contactInformation.operationalContactsForGoogle[0]!.phoneNumber = '+39 02 1234 5678'
    current.contactInformation.operationalContactsForUsers[0]!.email = 'Support@Example.com'
    current.contactInformation.operationalSupport.windows[0]!.days.reverse()
    current.contactInformation.operationalSupport.windows.reverse()
    current.users = [...current.users!].reverse()
    expect(plan(toPortalState(BASE_FILE), current).changes).toEqual([])
  })

  it('diffs contact lists by email: add, remove, update of name or phone', () => {
    const desired = toPortalState(
      withFile((f) => {
        f.contacts!.technicalNonEmergency = ['integrations@example.com', 'platform@example.com']
        f.contacts!.operationalForGoogle = [{ email: 'escalations@example.com', name: 'Escalations', phone: '+39 02 1234 5679' }]
        f.contacts!.operationalForUsers = ['help@example.com']
      }),
    )
    const result = plan(desired)
    expect(result.changes).toMatchInlineSnapshot(`
      [
        {
          "after": {
            "email": "platform@example.com",
          },
          "field": "technicalNonEmergencyContacts",
          "key": "platform@example.com",
          "kind": "add",
        },
        {
          "after": {
            "displayName": "Escalations",
            "email": "escalations@example.com",
            "phoneNumber": "+390212345679",
          },
          "before": {
            "displayName": "Escalations desk",
            "email": "escalations@example.com",
            "phoneNumber": "+390212345678",
          },
          "field": "operationalContactsForGoogle",
          "key": "escalations@example.com",
          "kind": "update",
        },
        {
          "before": {
            "email": "support@example.com",
          },
          "field": "operationalContactsForUsers",
          "key": "support@example.com",
          "kind": "remove",
        },
        {
          "after": {
            "email": "help@example.com",
          },
          "field": "operationalContactsForUsers",
          "key": "help@example.com",
          "kind": "add",
        },
      ]
    `)
    expect(result.updateMask).toEqual(['technicalNonEmergencyContacts', 'operationalContactsForGoogle', 'operationalContactsForUsers'])
    expect(result.safe).toBe(true)
  })

  it('diffs support windows as a set and users by email (add, remove, role, name)', () => {
    const desired = toPortalState(
      withFile((f) => {
        f.support = [{ days: 'mon-fri', hours: '09:00-18:00', zone: 'Europe/Rome' }, { days: 'sat', hours: '10:00-13:00', zone: 'Europe/Rome' }]
        f.users = [
          { email: 'ana.rossi@example.com', name: 'Ana R.', role: 'administrator' },
          { email: 'luca.bianchi@example.com', name: 'Luca Bianchi', role: 'administrator' },
          { email: 'new@example.com', role: 'read-only' },
        ]
      }),
    )
    const result = plan(desired)
    expect(result.changes.map((c) => `${c.field} ${c.kind} ${c.key}`)).toEqual([
      'operationalSupport remove SATURDAY,SUNDAY|10:00|16:00|Europe/Rome',
      'operationalSupport add SATURDAY|10:00|13:00|Europe/Rome',
      'users update ana.rossi@example.com',
      'users update luca.bianchi@example.com',
      'users add new@example.com',
    ])
    expect(result.updateMask).toEqual(['operationalSupport'])
    expect(result.userWrites).toEqual({
      create: [{ email: 'new@example.com', role: 'READ_ONLY' }],
      update: [
        { email: 'ana.rossi@example.com', user: { role: 'ADMINISTRATOR', displayName: 'Ana R.' }, updateMask: ['displayName'], etag: 'u-ana.rossi@example.com' },
        { email: 'luca.bianchi@example.com', user: { role: 'ADMINISTRATOR', displayName: 'Luca Bianchi' }, updateMask: ['role'], etag: 'u-luca.bianchi@example.com' },
      ],
      delete: [],
    })
  })

  it('leaves users alone when the file does not declare users', () => {
    const desired = toPortalState(withFile((f) => delete f.users))
    const current = currentOf(toPortalState(BASE_FILE))
    current.users = [{ email: 'someone@example.com', role: 'ADMINISTRATOR' }]
    const result = plan(desired, current)
    expect(result.changes).toEqual([])
    expect(result.etags).toEqual({ contactInformation: 'etag-1' })
    expect(result.current.users).toBeUndefined()
  })

  it('refuses to plan managed users without the portal user list', () => {
    const current = currentOf(toPortalState(BASE_FILE))
    delete current.users
    expect(() => plan(toPortalState(BASE_FILE), current)).toThrow(/users must be read/)
  })

  it('sorts changes the same way whatever order either side lists them in', () => {
    const desired = toPortalState(
      withFile((f) => {
        f.contacts!.technicalNonEmergency = ['c@example.com', 'a@example.com', 'b@example.com']
        f.users!.push({ email: 'z@example.com', role: 'editor' }, { email: 'm@example.com', role: 'editor' })
      }),
    )
    const shuffled = structuredClone(desired)
    shuffled.contactInformation.technicalNonEmergencyContacts.reverse()
    shuffled.users!.reverse()
    const a = plan(desired)
    const b = plan(shuffled)
    expect(b.changes).toEqual(a.changes)
    expect(b.checksum).toBe(a.checksum)
    expect(a.changes.map((c) => c.key)).toEqual([
      'integrations@example.com',
      'a@example.com',
      'b@example.com',
      'c@example.com',
      'm@example.com',
      'z@example.com',
    ])
  })

  it('never mutates its inputs', () => {
    const desired = toPortalState(withFile((f) => (f.contacts!.operationalForUsers = ['x@example.com'])))
    const current = currentOf(toPortalState(BASE_FILE))
    const snapshot = structuredClone({ desired, current })
    plan(desired, current)
    expect({ desired, current }).toEqual(snapshot)
  })
})

describe('plan checksum', () => {
  const desired = toPortalState(withFile((f) => (f.contacts!.operationalForUsers = ['help@example.com'])))
  const base = plan(desired)

  it('is sha256 hex and stable across calls', () => {
    expect(base.checksum).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(plan(structuredClone(desired)).checksum).toBe(base.checksum)
  })

  it("changes when the portal's contact information etag changes", () => {
    expect(plan(desired, currentOf(toPortalState(BASE_FILE), 'etag-2')).checksum).not.toBe(base.checksum)
  })

  it('changes when the user list changes (managed users), even with no change planned for it', () => {
    const current = currentOf(toPortalState(BASE_FILE))
    current.users![0]!.etag = 'u-new'
    expect(plan(desired, current).checksum).not.toBe(base.checksum)
  })

  it('ignores the user list when users are not managed', () => {
    const unmanaged = toPortalState(withFile((f) => delete f.users))
    const current = currentOf(toPortalState(BASE_FILE))
    const before = plan(unmanaged, current).checksum
    current.users![0]!.etag = 'u-new'
    expect(plan(unmanaged, current).checksum).toBe(before)
  })

  it('changes when the file changes (a new name, another partner)', () => {
    const other = toPortalState(withFile((f) => (f.contacts!.operationalForUsers = [{ email: 'help@example.com', name: 'Help' }])))
    expect(plan(other).checksum).not.toBe(base.checksum)
    const noChange = plan(toPortalState(BASE_FILE))
    const renamedPartner = computePlan({ partnerId: '10000002', desired: toPortalState(BASE_FILE), current: currentOf(toPortalState(BASE_FILE)), safety: { requiredFields: required } })
    expect(renamedPartner.checksum).not.toBe(noChange.checksum)
  })

  it('does not change for anything else: updateTime, resource name, portal-side formatting', () => {
    const current = currentOf(toPortalState(BASE_FILE))
    current.contactInformation.updateTime = '2030-01-01T00:00:00Z'
    current.contactInformation.name = 'something/else'
    current.contactInformation.operationalContactsForGoogle[0]!.phoneNumber = '+39 02 1234 5678'
    expect(plan(desired, current).checksum).toBe(base.checksum)
  })
})

describe('plan safety', () => {
  it('flags removing more than 30% of a list of at least 4', () => {
    const current = currentOf(toPortalState(withFile((f) => (f.contacts!.technicalNonEmergency = ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com']))))
    const keepThree = toPortalState(withFile((f) => (f.contacts!.technicalNonEmergency = ['a@x.com', 'b@x.com', 'c@x.com'])))
    expect(plan(keepThree, current).safe).toBe(true)
    const keepTwo = toPortalState(withFile((f) => (f.contacts!.technicalNonEmergency = ['a@x.com', 'b@x.com', 'z@x.com'])))
    const result = plan(keepTwo, current)
    expect(result.safe).toBe(false)
    expect(result.unsafeReasons).toEqual([
      { id: 'plan.unsafe.removesShare', values: { removed: 2, size: 4, field: { id: 'field.technicalNonEmergency' }, share: 50, allowed: 30 } },
    ])
    // Data, not text: the same reason reads in the reader's language, and English as before.
    expect(result.unsafeReasons.map((r) => ENGLISH.format(r.id, r.values))).toEqual([
      'removes 2 of the 4 Technical Non-Emergency Contacts entries (50%, more than the 30% allowed by max-removal-ratio)',
    ])
    expect(result.unsafeReasons.map((r) => IT.format(r.id, r.values))[0]).toContain('Contatti tecnici non di emergenza')
    expect(plan(keepTwo, current, { safety: { requiredFields: required, maxRemovalRatio: 0.5 } }).safe).toBe(true)
  })

  it('does not apply the ratio to lists of fewer than 4', () => {
    const current = currentOf(toPortalState(withFile((f) => (f.contacts!.technicalNonEmergency = ['a@x.com', 'b@x.com', 'c@x.com']))))
    expect(plan(toPortalState(withFile((f) => (f.contacts!.technicalNonEmergency = ['a@x.com']))), current).safe).toBe(true)
  })

  it('flags emptying a required field, in plain words', () => {
    const result = plan(toPortalState(withFile((f) => (f.contacts!.operationalForGoogle = []))))
    expect(result.unsafeReasons).toEqual([{ id: 'plan.unsafe.emptiesRequired', values: { field: { id: 'field.operationalForGoogle' } } }])
    expect(ENGLISH.format(result.unsafeReasons[0]!.id, result.unsafeReasons[0]!.values)).toBe('empties Operational contact (for Google), which the portal requires')
    const noSupport = plan(toPortalState(withFile((f) => (f.support = []))))
    expect(noSupport.unsafeReasons).toEqual([{ id: 'plan.unsafe.emptiesRequired', values: { field: { id: 'field.support' } } }])
  })

  it('knows which fields are required: alert only in production, merchant issues when the integration needs it', () => {
    expect(requiredPortalFields({ integration: 'ordering-e2e', environment: 'sandbox' })).not.toContain('alertContacts')
    expect(requiredPortalFields({ integration: 'ordering-e2e' })).toContain('alertContacts')
    expect(requiredPortalFields({ integration: 'ordering-e2e' })).not.toContain('merchantIssuesContacts')
    expect(requiredPortalFields({ integration: 'reservations-bl' })).toContain('merchantIssuesContacts')
    expect(requiredPortalFields({ integration: 'reservations-bl' }, { 'reservations-bl': 'optional' })).not.toContain('merchantIssuesContacts')
    const optionalEmptied = plan(toPortalState(withFile((f) => (f.contacts!.merchantIssues = []))), currentOf(toPortalState(withFile((f) => (f.contacts!.merchantIssues = ['m@x.com'])))))
    expect(optionalEmptied.safe).toBe(true)
  })

  it('flags removing the last administrator (role change or removal)', () => {
    const demoted = plan(toPortalState(withFile((f) => (f.users![0]!.role = 'editor'))))
    expect(demoted.unsafeReasons).toEqual([{ id: 'plan.unsafe.lastAdministrator' }])
    const removed = plan(toPortalState(withFile((f) => f.users!.shift())))
    expect(removed.safe).toBe(false)
    const handedOver = plan(toPortalState(withFile((f) => ((f.users![0]!.role = 'editor'), (f.users![1]!.role = 'administrator')))))
    expect(handedOver.safe).toBe(true)
  })
})

// Arbitrary desired states from a small alphabet, so that collisions (same email twice) happen often.
const emailArb = fc.tuple(fc.constantFrom('a', 'b', 'Ana', 'ops', 'x.y'), fc.constantFrom('example.com', 'Example.COM', 'ex.it')).map(([l, d]) => `${l}@${d}`)
const contactArb = fc.record(
  { email: emailArb, displayName: fc.constantFrom('Ana', 'On-call', ' Desk '), phoneNumber: fc.constantFrom('+39 02 1234 5678', '+1 415-555-0100', '+442071838750') },
  { requiredKeys: ['email'] },
)
// A portal list is a set keyed by email, so generated lists have no email twice (in any case).
const contactsArb = fc.uniqueArray(contactArb, { maxLength: 4, selector: (c) => c.email.toLowerCase() })
const windowArb = fc.record({
  days: fc.subarray(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const, { minLength: 1 }),
  startTime: fc.constantFrom('00:00', '09:00', '22:00'),
  endTime: fc.constantFrom('18:00', '24:00', '06:00'),
  timeZone: fc.constantFrom('Europe/Rome', 'US/Eastern', 'Asia/Taipei', 'Etc/UTC'),
})
const stateArb: fc.Arbitrary<PortalState> = fc.record({
  contactInformation: fc.record({
    alertContacts: contactsArb,
    technicalEmergencyContacts: contactsArb,
    technicalNonEmergencyContacts: contactsArb,
    merchantIssuesContacts: contactsArb,
    operationalContactsForGoogle: contactsArb,
    operationalContactsForUsers: contactsArb,
    operationalSupport: fc.record({ windows: fc.array(windowArb, { maxLength: 4 }) }),
  }),
  users: fc.uniqueArray(fc.record({ email: emailArb, role: fc.constantFrom('READ_ONLY', 'EDITOR', 'ADMINISTRATOR', 'TESTER') as fc.Arbitrary<'READ_ONLY'> }), {
    maxLength: 4,
    selector: (u) => u.email.toLowerCase(),
  }),
})

describe('plan properties', () => {
  it('plan(d, d) is empty and safe, whatever order the portal lists things in', () => {
    fc.assert(
      fc.property(stateArb, fc.boolean(), (state, reverse) => {
        const current = currentOf(state)
        if (reverse) {
          for (const list of Object.values(current.contactInformation)) if (Array.isArray(list)) list.reverse()
          current.contactInformation.operationalSupport.windows.reverse()
          current.users = [...current.users!].reverse()
        }
        const result = plan(state, current)
        expect(result.changes).toEqual([])
        expect(result.safe).toBe(true)
      }),
      { seed: 20261120, numRuns: 100 },
    )
  })

  it('every planned change is undone by planning back the other way', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        const forward = plan(a, currentOf(b))
        const backward = plan(b, currentOf(a))
        const count = (p: typeof forward, kind: string) => p.changes.filter((c) => c.kind === kind).length
        expect(count(forward, 'add')).toBe(count(backward, 'remove'))
        expect(count(forward, 'update')).toBe(count(backward, 'update'))
      }),
      { seed: 20261121, numRuns: 100 },
    )
  })
})
