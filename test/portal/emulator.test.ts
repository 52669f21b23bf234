// The emulator as a contract: masks, validation, sandbox, pagination, request IDs, the state file, and OpenAPI conformance.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { createPortalClient } from '../../src/portal/create-portal-client.js'
import { PortalEmulator } from '../../src/portal/emulator/emulator.js'
import { PortalError } from '../../src/portal/portal-error.js'
import { tempDir } from '../helpers/temp-dir.js'
import { PARTNER, seededState } from './helpers.js'

/** A JSON answer read loosely: the OpenAPI check at the end is what holds its shape. */
interface Loose {
  [key: string]: Loose
}

// Every answer the emulator gives in these tests is checked against the OpenAPI document at the end.
const seen: Array<{ method: string; template: string; status: number; body: unknown }> = []

function recordingFetch(emulator: PortalEmulator) {
  return async (path: string, init: RequestInit = {}) => {
    const response = await emulator.fetch(`http://emulator.test${path}`, init)
    const text = await response.text()
    const body: unknown = text ? JSON.parse(text) : undefined
    const pathname = new URL(path, 'http://x').pathname
    const template = pathname
      .replace(/^\/v1\/partners\/[^/]+/, '/v1/partners/{partnerId}')
      .replace(/\/users\/[^/]+$/, '/users/{email}')
    seen.push({ method: (init.method ?? 'GET').toLowerCase(), template, status: response.status, body })
    return { status: response.status, body: body as Loose, headers: response.headers }
  }
}

function fixture(options: ConstructorParameters<typeof PortalEmulator>[0] = {}) {
  const emulator = new PortalEmulator({ state: seededState(3), ...options })
  return { emulator, call: recordingFetch(emulator) }
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
const CI = `/v1/partners/${PARTNER}/contactInformation`

describe('emulator', () => {
  it('changes only the masked fields, replaces a list whole, clears a masked field absent from the body', async () => {
    const { call } = fixture()
    const { body: first } = await call(CI)
    const a = await call(`${CI}?updateMask=technicalEmergencyContacts,merchantIssuesContacts`, json('PATCH', {
      etag: first['etag'],
      technicalEmergencyContacts: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
      merchantIssuesContacts: [{ email: 'm@example.com' }],
      technicalNonEmergencyContacts: [{ email: 'ignored@example.com' }],
    }))
    expect(a.status).toBe(200)
    expect(a.body['technicalNonEmergencyContacts']).toEqual([])
    const b = await call(`${CI}?updateMask=technicalEmergencyContacts,merchantIssuesContacts`, json('PATCH', {
      etag: a.body['etag'],
      technicalEmergencyContacts: [{ email: 'C@Example.com', phoneNumber: '+390212345678' }],
    }))
    expect(b.body['technicalEmergencyContacts']).toEqual([{ email: 'c@example.com', phoneNumber: '+390212345678' }])
    expect(b.body['merchantIssuesContacts']).toEqual([])
    expect(new Set([first['etag'], a.body['etag'], b.body['etag']]).size).toBe(3)
  })

  it('accepts the etag from If-Match, and changes it even when a write changes nothing', async () => {
    const { call } = fixture()
    const { body: first } = await call(CI)
    const a = await call(`${CI}?updateMask=*`, { ...json('PATCH', {}), headers: { 'if-match': `"${first['etag']}"` } })
    expect(a.status).toBe(200)
    expect(a.body['etag']).not.toBe(first['etag'])
    expect((await call(`${CI}?updateMask=*`, json('PATCH', {}))).body['error']['status']).toBe('INVALID_ARGUMENT')
  })

  it.each([
    ['technicalEmergencyContacts', [{ email: 'not an email' }], 'technicalEmergencyContacts[0].email'],
    ['technicalEmergencyContacts', [{ email: 'a@example.com', phoneNumber: '02 1234' }], 'technicalEmergencyContacts[0].phoneNumber'],
    ['technicalEmergencyContacts', [{ email: 'a@example.com', type: 'pager' }], 'technicalEmergencyContacts[0].type'],
    ['operationalSupport', { windows: [{ days: ['MON'], startTime: '09:00', endTime: '18:00', timeZone: 'Europe/Rome' }] }, 'operationalSupport.windows[0].days'],
    ['operationalSupport', { windows: [{ days: ['MONDAY'], startTime: '9:00', endTime: '18:00', timeZone: 'Europe/Rome' }] }, 'operationalSupport.windows[0].startTime'],
    ['operationalSupport', { windows: [{ days: ['MONDAY'], startTime: '09:00', endTime: '24:30', timeZone: 'Europe/Rome' }] }, 'operationalSupport.windows[0].endTime'],
    ['operationalSupport', { windows: [{ days: ['MONDAY'], startTime: '09:00', endTime: '18:00', timeZone: 'Mars/Olympus' }] }, 'operationalSupport.windows[0].timeZone'],
  ])('400 INVALID_ARGUMENT names %s, writes nothing', async (field, value, path) => {
    const { call, emulator } = fixture()
    const { body: first } = await call(CI)
    const before = emulator.snapshot()
    const result = await call(`${CI}?updateMask=${field}`, json('PATCH', { etag: first['etag'], [field]: value }))
    expect(result.status).toBe(400)
    expect(result.body['error']['status']).toBe('INVALID_ARGUMENT')
    expect(Object.values(result.body['error']['details'][0]['fieldViolations']).map((v) => v['field'])).toContain(path)
    expect(emulator.snapshot()).toEqual(before)
  })

  it('keeps 24:00 and accepts overnight windows', async () => {
    const { call } = fixture()
    const { body: first } = await call(CI)
    const windows = [{ days: ['FRIDAY', 'SATURDAY'], startTime: '22:00', endTime: '24:00', timeZone: 'Etc/UTC' }, { days: ['MONDAY'], startTime: '22:00', endTime: '06:00', timeZone: 'Asia/Taipei' }]
    const result = await call(`${CI}?updateMask=operationalSupport`, json('PATCH', { etag: first['etag'], operationalSupport: { windows } }))
    expect(result.body['operationalSupport']).toEqual({ windows })
  })

  it('refuses alert contacts on a sandbox account, and alert contacts that are not users', async () => {
    const state = seededState(1)
    state.partners[PARTNER]!.environment = 'sandbox'
    const sandbox = fixture({ state })
    const { body } = await sandbox.call(CI)
    const result = await sandbox.call(`${CI}?updateMask=alertContacts`, json('PATCH', { etag: body['etag'], alertContacts: [{ email: 'user0@example.com' }] }))
    expect([result.status, result.body['error']['status']]).toEqual([400, 'FAILED_PRECONDITION'])
    expect((await sandbox.call(`${CI}?updateMask=alertContacts`, json('PATCH', { etag: body['etag'], alertContacts: [] }))).status).toBe(200)

    const production = fixture()
    const current = (await production.call(CI)).body
    const stranger = await production.call(`${CI}?updateMask=alertContacts`, json('PATCH', { etag: current['etag'], alertContacts: [{ email: 'stranger@example.com' }] }))
    expect(stranger.body['error']['details'][0]['fieldViolations'][0]['field']).toBe('alertContacts[0].email')
    const ok = await production.call(`${CI}?updateMask=alertContacts`, json('PATCH', { etag: current['etag'], alertContacts: [{ email: 'USER1@example.com' }] }))
    expect(ok.status).toBe(200)
  })

  it('pages users with pageSize and pageToken, and rejects a foreign token', async () => {
    const { call } = fixture({ state: seededState(5) })
    const one = await call(`/v1/partners/${PARTNER}/users?pageSize=2`)
    expect(one.body['users']).toHaveLength(2)
    const two = await call(`/v1/partners/${PARTNER}/users?pageSize=2&pageToken=${one.body['nextPageToken']}`)
    const three = await call(`/v1/partners/${PARTNER}/users?pageSize=2&pageToken=${two.body['nextPageToken']}`)
    expect(three.body['users']).toHaveLength(1)
    expect(three.body['nextPageToken']).toBeUndefined()
    expect((await call(`/v1/partners/${PARTNER}/users?pageToken=bogus`)).status).toBe(400)
    expect((await call(`/v1/partners/${PARTNER}/users?pageSize=-1`)).status).toBe(400)
  })

  it('returns the first result for a repeated request ID, and 409 ALREADY_EXISTS without one', async () => {
    const { call, emulator } = fixture()
    const path = `/v1/partners/${PARTNER}/users?requestId=0b7c7d6e-1111-4a4a-8b8b-123456789abc`
    const first = await call(path, json('POST', { email: 'new@example.com', role: 'EDITOR' }))
    const again = await call(path, json('POST', { email: 'new@example.com', role: 'EDITOR' }))
    expect(again).toEqual(first)
    expect(emulator.snapshot().partners[PARTNER]!.users).toHaveLength(4)
    const duplicate = await call(`/v1/partners/${PARTNER}/users`, json('POST', { email: 'new@example.com', role: 'EDITOR' }))
    expect([duplicate.status, duplicate.body['error']['status']]).toEqual([409, 'ALREADY_EXISTS'])
    expect((await call(`/v1/partners/${PARTNER}/users`, json('POST', { email: 'x@example.com', role: 'OWNER' }))).status).toBe(400)
  })

  it('patches and deletes users with etags, and keeps the last administrator', async () => {
    const { call } = fixture()
    const user = `/v1/partners/${PARTNER}/users/${encodeURIComponent('user1@example.com')}`
    expect((await call(`${user}?updateMask=role`, json('PATCH', { role: 'READ_ONLY', etag: 'old' }))).status).toBe(409)
    const patched = await call(`${user}?updateMask=role,displayName`, json('PATCH', { role: 'READ_ONLY', etag: 'etag-1' }))
    expect(patched.body).toMatchObject({ role: 'READ_ONLY', email: 'user1@example.com' })
    expect(patched.body['displayName']).toBeUndefined()
    expect((await call(`${user}?etag=etag-1`, { method: 'DELETE' })).status).toBe(409)
    expect((await call(user, { method: 'DELETE' })).status).toBe(200)
    expect((await call(user, { method: 'DELETE' })).status).toBe(404)
    const admin = `/v1/partners/${PARTNER}/users/user0%40example.com`
    expect((await call(`${admin}?updateMask=role`, json('PATCH', { role: 'EDITOR' }))).body['error']['status']).toBe('FAILED_PRECONDITION')
  })

  it('answers 404 for an unknown partner, 401/403 for bad tokens, 503 under fail-rate', async () => {
    const { call } = fixture({ token: 't0k' })
    expect((await call(CI)).status).toBe(401)
    expect((await call(CI, { headers: { authorization: 'Bearer nope' } })).status).toBe(403)
    expect((await call('/v1/partners/42/contactInformation', { headers: { authorization: 'Bearer t0k' } })).status).toBe(404)
    const flaky = fixture({ failRate: 1 })
    const result = await flaky.call(CI)
    expect([result.status, result.body['error']['status']]).toEqual([503, 'UNAVAILABLE'])
  })

  it('creates the state file at start, writes it atomically after each write, and reloads it', async () => {
    const dir = tempDir()
    const path = join(dir, 'nested', 'portal.json')
    const emulator = new PortalEmulator({ statePath: path, partners: [PARTNER] })
    expect(JSON.parse(readFileSync(path, 'utf8')).partners[PARTNER].contactInformation.name).toBe(`partners/${PARTNER}/contactInformation`)
    const call = recordingFetch(emulator)
    await call(`/v1/partners/${PARTNER}/users`, json('POST', { email: 'ana@example.com', role: 'ADMINISTRATOR' }))
    expect(readdirSync(join(dir, 'nested'))).toEqual(['portal.json'])
    const reloaded = new PortalEmulator({ statePath: path })
    expect(reloaded.snapshot()).toEqual(emulator.snapshot())
    // A failed write leaves the file as it was.
    const before = readFileSync(path, 'utf8')
    await call(CI + '?updateMask=alertContacts', json('PATCH', { etag: 'stale', alertContacts: [] }))
    expect(readFileSync(path, 'utf8')).toBe(before)
  })

  it('refuses a damaged state file instead of starting empty', () => {
    const path = join(tempDir(), 'portal.json')
    writeFileSync(path, '{"partners": {"1": {"contactInformation": {"name": 3}}}}')
    expect(() => new PortalEmulator({ statePath: path })).toThrow(PortalError)
    writeFileSync(path, '{"partn')
    expect(() => new PortalEmulator({ statePath: path })).toThrow(/not JSON/)
  })

  it('serves file: URLs in-process, creating the account named on first use', async () => {
    const dir = tempDir()
    const client = createPortalClient('file:state/portal.json', { cwd: dir })
    expect(existsSync(join(dir, 'state'))).toBe(false)
    const info = await client.getContactInformation('20000002')
    await client.createUser('20000002', { email: 'ana@example.com', role: 'ADMINISTRATOR' })
    await client.updateContactInformation('20000002', { alertContacts: [{ email: 'ana@example.com' }], etag: info.etag }, ['alertContacts'])
    const saved = JSON.parse(readFileSync(join(dir, 'state', 'portal.json'), 'utf8'))
    expect(saved.partners['20000002'].contactInformation.alertContacts).toEqual([{ email: 'ana@example.com' }])
    await expect(createPortalClient('file:state/portal.json', { cwd: dir }).getContactInformation('not-digits')).rejects.toMatchObject({ kind: 'not-found' })
  })
})

afterAll(async () => {
  const doc = parse(readFileSync(new URL('../../schemas/portal-api.openapi.yaml', import.meta.url), 'utf8'))
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  ajv.addSchema(doc, 'openapi.json')
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1')
  const problems: string[] = []
  expect(seen.length).toBeGreaterThan(30)
  for (const answer of seen) {
    const operation = doc.paths[answer.template]?.[answer.method]
    if (!operation) {
      problems.push(`${answer.method} ${answer.template}: not in the contract`)
      continue
    }
    const key = operation.responses[String(answer.status)] ? String(answer.status) : 'default'
    const pointer = `openapi.json#/paths/${escape(answer.template)}/${answer.method}/responses/${key}`
    const response = operation.responses[key]
    const target = response.$ref ? `openapi.json${response.$ref}` : pointer
    const validate = ajv.compile({ $ref: `${target}/content/application~1json/schema` })
    if (!validate(answer.body)) problems.push(`${answer.method} ${answer.template} ${answer.status}: ${ajv.errorsText(validate.errors)}`)
  }
  expect(problems).toEqual([])
})
