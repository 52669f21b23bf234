// The apply engine against the in-process emulator: order of writes, refusals, faults mid-way, read-back, idempotence.
import { describe, expect, it } from 'vitest'
import { EMPTY_CONFIG } from '../config/config.js'
import { PortalEmulator } from '../portal/emulator/emulator.js'
import { HttpPortalClient } from '../portal/http-portal-client.js'
import { prepareRules } from '../rules/run-rules.js'
import { planFile } from '../plan/plan-files.js'
import { applyFile, type ApplyFileOptions } from './apply-file.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { MessageRef } from '../i18n/messages.js'

/** A reason or step as an English reader sees it. */
const english = (m: MessageRef) => ENGLISH.format(m.id, m.values)
const createUser = (email: string, role: string) => ({ id: 'apply.step.createUser', values: { email, role } })

const PARTNER = '10000001'
const FILE = `version: 1
partner:
  id: "${PARTNER}"
integration: ordering-e2e
users:
  - email: ana.rossi@example.com
    name: Ana Rossi
    role: administrator
  - email: luca.bianchi@example.com
    role: editor
contacts:
  alert: [ana.rossi@example.com, luca.bianchi@example.com]
  technicalEmergency:
    - email: oncall@example.pagerduty.com
      type: pager
  technicalNonEmergency: [integrations@example.com]
  operationalForGoogle:
    - email: escalations@example.com
      phone: "+39 02 1234 5678"
  operationalForUsers:
    - email: support@example.com
      type: alias
support:
  - days: mon-fri
    hours: "09:00-18:00"
    zone: Europe/Rome
`
const bytes = (text: string) => new TextEncoder().encode(text)
const rules = prepareRules(EMPTY_CONFIG)

function portal() {
  const emulator = new PortalEmulator({ partners: [PARTNER] })
  const client = new HttpPortalClient({ baseUrl: 'http://emulator.invalid', fetch: emulator.fetch, rateLimit: 0, maxAttempts: 1 })
  const writes = () => emulator.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(`/v1/partners/${PARTNER}`, '')}`)
  return { emulator, client, writes }
}

function apply(client: HttpPortalClient, text = FILE, options: Partial<ApplyFileOptions> = {}) {
  return applyFile('contacts.yaml', bytes(text), { rules, client, ...options })
}

describe('applyFile', () => {
  it('creates users first, then writes contact information with the etag, and reads back equal', async () => {
    const { client, writes, emulator } = portal()
    const result = await apply(client)
    expect(result.outcome).toBe('applied')
    // Steps are data: the role as the file writes it, the fields as the API names them.
    expect(result.written).toEqual([
      createUser('ana.rossi@example.com', 'administrator'),
      createUser('luca.bianchi@example.com', 'editor'),
      {
        id: 'apply.step.updateContactInformation',
        values: { fields: 'alertContacts, technicalEmergencyContacts, technicalNonEmergencyContacts, operationalContactsForGoogle, operationalContactsForUsers, operationalSupport' },
      },
    ])
    expect(result.written.map(english).slice(0, 1)).toEqual(['create user ana.rossi@example.com (administrator)'])
    expect(writes()).toEqual(['POST /users', 'POST /users', 'PATCH /contactInformation'])
    const info = emulator.snapshot().partners[PARTNER]!.contactInformation
    expect(info.operationalContactsForGoogle).toEqual([{ email: 'escalations@example.com', phoneNumber: '+390212345678' }])
  })

  it('is idempotent: a second apply finds nothing to do and writes nothing', async () => {
    const { client, writes } = portal()
    await apply(client)
    const before = writes().length
    const again = await apply(client)
    expect(again.outcome).toBe('unchanged')
    expect(writes()).toHaveLength(before)
  })

  it('deletes users last, after contact information no longer names them', async () => {
    const { client, writes } = portal()
    await apply(client)
    const fewer = FILE.replace('  - email: luca.bianchi@example.com\n    role: editor\n', '').replace('alert: [ana.rossi@example.com, luca.bianchi@example.com]', 'alert: [ana.rossi@example.com]')
    const result = await apply(client, fewer)
    expect(result.outcome).toBe('applied')
    expect(writes().slice(-2)).toEqual(['PATCH /contactInformation', expect.stringMatching(/^DELETE \/users\/luca\.bianchi(@|%40)example\.com$/)])
  })

  it('refuses a stale plan (the reviewed checksum differs) and writes nothing; force overrides and says so', async () => {
    const { client, writes } = portal()
    const stale = await apply(client, FILE, { reviewedChecksum: `sha256:${'0'.repeat(64)}` })
    expect(stale).toMatchObject({ outcome: 'refused', forced: false })
    expect(stale.reasons).toEqual([{ id: 'apply.reason.stale', values: { reviewed: '000000000000', fresh: expect.stringMatching(/^[0-9a-f]{12}$/) } }])
    expect(english(stale.reasons[0]!)).toMatch(/^stale plan: the reviewed plan was 000000000000, a fresh one is [0-9a-f]{12}/)
    expect(writes()).toEqual([])
    const forced = await apply(client, FILE, { reviewedChecksum: `sha256:${'0'.repeat(64)}`, force: true })
    expect(forced).toMatchObject({ outcome: 'applied', forced: true })
    expect(forced.reasons[0]!.id).toBe('apply.reason.stale')
  })

  it('applies when the reviewed checksum is the fresh plan; refuses when a review is required and none is known', async () => {
    const { client } = portal()
    const fresh = await planFile('contacts.yaml', bytes(FILE), { rules, client })
    expect((await apply(client, FILE, { requireReviewed: true })).reasons).toEqual([{ id: 'apply.reason.notReviewed' }])
    expect(await apply(client, FILE, { reviewedChecksum: fresh.plan!.checksum, requireReviewed: true })).toMatchObject({ outcome: 'applied', forced: false })
  })

  it('refuses an unsafe plan (most of a list removed) unless forced', async () => {
    const { client, writes } = portal()
    const four = FILE.replace('technicalNonEmergency: [integrations@example.com]', 'technicalNonEmergency: [a@example.com, b@example.com, c@example.com, d@example.com]')
    await apply(client, four)
    const count = writes().length
    const refused = await apply(client)
    expect(refused.outcome).toBe('refused')
    expect(refused.reasons).toEqual([{ id: 'apply.reason.unsafe', values: { reason: expect.objectContaining({ id: 'plan.unsafe.removesShare' }) } }])
    expect(english(refused.reasons[0]!)).toMatch(/^unsafe plan: removes 4 of the 4 Technical Non-Emergency Contacts entries/)
    expect(writes()).toHaveLength(count)
    expect(await apply(client, FILE, { force: true })).toMatchObject({ outcome: 'applied', forced: true })
  })

  it('dry run: every check, the list of writes it would make, and zero writes', async () => {
    const { client, writes } = portal()
    const result = await apply(client, FILE, { dryRun: true })
    expect(result.outcome).toBe('dry-run')
    expect(result.pending.map((m) => m.id)).toEqual(['apply.step.createUser', 'apply.step.createUser', 'apply.step.updateContactInformation'])
    expect(writes()).toEqual([])
  })

  it('a conflict (409) on the first write is a refusal: nothing was written', async () => {
    const { client, emulator } = portal()
    const noUsers = FILE.replace(/users:\n(  .*\n)+/, '').replace('alert: [ana.rossi@example.com, luca.bianchi@example.com]', 'alert: []')
    // Someone edits the page between our read and our write.
    emulator.inject({ method: 'PATCH', path: '/contactInformation', action: { type: 'status', status: 409 } })
    const result = await apply(client, noUsers, { rules: prepareRules({ ...EMPTY_CONFIG, severities: { 'required-contacts': 'off', 'launch-readiness': 'off' } }) })
    expect(result).toMatchObject({ outcome: 'refused', written: [] })
    expect(result.reasons).toEqual([{ id: 'apply.reason.conflict', values: { detail: expect.stringMatching(/409/) } }])
    expect(english(result.reasons[0]!)).toMatch(/^the portal changed since this plan was made \(.*\); re-run to plan again$/)
    expect(result.pending).toEqual([{ id: 'apply.step.updateContactInformation', values: { fields: expect.any(String) } }])
  })

  it('a failure at the 2nd write stops there, names what was written and what was not, and a re-run converges', async () => {
    const { client, emulator, writes } = portal()
    emulator.inject({ method: 'POST', path: '/users', skip: 1, action: { type: 'status', status: 500 } })
    const failed = await apply(client)
    expect(failed.outcome).toBe('failed')
    expect(failed.written).toEqual([createUser('ana.rossi@example.com', 'administrator')])
    expect(failed.pending).toEqual([createUser('luca.bianchi@example.com', 'editor'), { id: 'apply.step.updateContactInformation', values: { fields: expect.any(String) } }])
    // The portal's own error stays as its detail: an English value inside the translated sentence.
    expect(failed.reasons[0]).toEqual({ id: 'apply.reason.writeFailed', values: { detail: expect.stringMatching(/HTTP 500/) } })
    // The undo is tried; the portal keeps an account's last administrator, and the report says so.
    expect(failed.reasons[1]).toEqual({ id: 'apply.reason.notUndone', values: { step: createUser('ana.rossi@example.com', 'administrator'), detail: expect.stringMatching(/FAILED_PRECONDITION/) } })
    expect(english(failed.reasons[1]!)).toMatch(/^not undone: create user ana\.rossi@example\.com \(administrator\) \(.*FAILED_PRECONDITION.*\); remove the user in the portal or re-run/)
    const rerun = await apply(client)
    expect(rerun.outcome).toBe('applied')
    expect(rerun.written).toEqual([createUser('luca.bianchi@example.com', 'editor'), { id: 'apply.step.updateContactInformation', values: { fields: expect.any(String) } }])
    expect(writes().filter((w) => w === 'POST /users')).toHaveLength(3)
    expect(emulator.snapshot().partners[PARTNER]!.users.map((u) => u.email).sort()).toEqual(['ana.rossi@example.com', 'luca.bianchi@example.com'])
  })

  it('all or nothing: when the contact-information write fails, the users this run created are removed again', async () => {
    const { client, emulator, writes } = portal()
    await apply(client)
    const withNew = FILE.replace('    role: editor\n', '    role: editor\n  - email: nuovo@example.com\n    role: editor\n').replace('alert: [ana.rossi@example.com, luca.bianchi@example.com]', 'alert: [ana.rossi@example.com, luca.bianchi@example.com, nuovo@example.com]')
    const before = emulator.snapshot().partners[PARTNER]!
    emulator.inject({ method: 'PATCH', path: '/contactInformation', action: { type: 'status', status: 409 } })
    const count = writes().length
    const result = await apply(client, withNew)
    expect(writes().slice(count)).toEqual(['POST /users', 'PATCH /contactInformation', expect.stringMatching(/^DELETE \/users\/nuovo(@|%40)example\.com$/)])
    expect(result).toMatchObject({ outcome: 'refused', written: [] })
    expect(result.reasons).toEqual([
      { id: 'apply.reason.conflict', values: { detail: expect.any(String) } },
      { id: 'apply.reason.undone', values: { step: createUser('nuovo@example.com', 'editor') } },
    ])
    expect(english(result.reasons[1]!)).toBe('undone: create user nuovo@example.com (editor), removed again so that nothing of this plan is left in the portal')
    const after = emulator.snapshot().partners[PARTNER]!
    expect(after.users.map((u) => u.email)).toEqual(before.users.map((u) => u.email))
    expect(after.contactInformation).toEqual(before.contactInformation)
  })

  it('a user changed by someone else since this run created it is left, and said', async () => {
    const { client, emulator } = portal()
    await apply(client)
    const withNew = FILE.replace('    role: editor\n', '    role: editor\n  - email: nuovo@example.com\n    role: editor\n')
    emulator.inject({ method: 'PATCH', path: '/contactInformation', action: { type: 'status', status: 500 } })
    emulator.inject({ method: 'DELETE', path: /\/users\/nuovo/, action: { type: 'status', status: 409 } })
    const result = await apply(client, withNew.replace('integrations@example.com', 'api@example.com'))
    expect(result.outcome).toBe('failed')
    expect(result.written).toEqual([createUser('nuovo@example.com', 'editor')])
    expect(result.reasons[1]!.id).toBe('apply.reason.notUndone')
    expect(english(result.reasons[1]!)).toMatch(/^not undone: create user nuovo@example\.com \(editor\) \(.*409.*\); remove the user in the portal or re-run to reconcile$/)
  })

  it('reports a read-back that does not match as a failure', async () => {
    const { emulator } = portal()
    // The write is acknowledged, but a later read sees the old page (e.g. a portal that dropped it).
    const original = emulator.fetch
    let patched = false
    const lying = new HttpPortalClient({
      baseUrl: 'http://emulator.invalid',
      rateLimit: 0,
      maxAttempts: 1,
      fetch: async (input, init) => {
        const request = new Request(input, init)
        if (request.method === 'PATCH' && new URL(request.url).pathname.endsWith('/contactInformation')) {
          patched = true
          const current = await (await original(`http://emulator.invalid/v1/partners/${PARTNER}/contactInformation`)).json()
          return new Response(JSON.stringify(current), { status: 200, headers: { 'content-type': 'application/json' } })
        }
        return original(request)
      },
    })
    const noUsers = FILE.replace(/users:\n(  .*\n)+/, '').replace('alert: [ana.rossi@example.com, luca.bianchi@example.com]', 'alert: []')
    const result = await apply(lying, noUsers, { rules: prepareRules({ ...EMPTY_CONFIG, severities: { 'required-contacts': 'off', 'launch-readiness': 'off' } }) })
    expect(patched).toBe(true)
    expect(result.outcome).toBe('failed')
    expect(result.reasons).toEqual([{ id: 'apply.reason.readBackDiffers', values: { count: expect.any(Number) } }])
    expect(english(result.reasons[0]!)).toMatch(/^read back: the portal still differs from the file in \d+ places?$/)
  })

  it('refuses a file with errors without reading the portal, and fails cleanly when the portal cannot be read', async () => {
    const { client, emulator } = portal()
    expect(await apply(client, FILE.replace('integration: ordering-e2e', 'integration: nope'))).toMatchObject({ outcome: 'refused', reasons: [{ id: 'apply.reason.invalid' }] })
    expect(emulator.requests).toEqual([])
    emulator.inject({ method: 'GET', path: '/contactInformation', action: { type: 'body', body: '{"trunc' } })
    const failed = await apply(client)
    expect(failed.outcome).toBe('failed')
    expect(failed.written).toEqual([])
    expect(failed.reasons).toEqual([{ id: 'apply.reason.planFailed', values: { detail: expect.any(String) } }])
  })

  it('an older commit applied after a newer one is refused: the portal moved on since its plan was reviewed', async () => {
    const { client, emulator } = portal()
    const older = FILE.replace('integrations@example.com', 'older@example.com')
    const newer = FILE.replace('integrations@example.com', 'newer@example.com')
    // Both pull requests were planned and reviewed against the same portal.
    const reviewedOlder = (await planFile('contacts.yaml', bytes(older), { rules, client })).plan!.checksum
    const reviewedNewer = (await planFile('contacts.yaml', bytes(newer), { rules, client })).plan!.checksum
    expect((await apply(client, newer, { reviewedChecksum: reviewedNewer, requireReviewed: true })).outcome).toBe('applied')
    const late = await apply(client, older, { reviewedChecksum: reviewedOlder, requireReviewed: true })
    expect(late.outcome).toBe('refused')
    expect(late.reasons[0]!.id).toBe('apply.reason.stale')
    expect(emulator.snapshot().partners[PARTNER]!.contactInformation.technicalNonEmergencyContacts).toEqual([{ email: 'newer@example.com' }])
  })
})
