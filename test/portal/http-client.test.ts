// The HTTP client against the emulator over loopback: retries, Retry-After, no-retry statuses, deadline, pages, faults.
import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '../../src/portal/http-portal-client.js'
import { PortalError } from '../../src/portal/portal-error.js'
import { PARTNER, clientFor, fakeClock, seededState, serveEmulator } from './helpers.js'

async function failure(promise: Promise<unknown>): Promise<PortalError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof PortalError) return error
    throw error
  }
  throw new Error('expected a PortalError')
}

const emergency = [{ email: 'oncall@example.pagerduty.com', displayName: 'On-call' }]

describe('HttpPortalClient over loopback', () => {
  it('reads and writes with an update mask; the etag changes', async () => {
    const { url, emulator } = await serveEmulator()
    const client = clientFor(url, fakeClock())
    const before = await client.getContactInformation(PARTNER)
    const after = await client.updateContactInformation(PARTNER, { technicalEmergencyContacts: emergency, etag: before.etag }, ['technicalEmergencyContacts'])
    expect(after.technicalEmergencyContacts).toEqual(emergency)
    expect(after.etag).not.toBe(before.etag)
    expect(emulator.requests.find((r) => r.method === 'PATCH')?.query['updateMask']).toBe('technicalEmergencyContacts')
  })

  it('retries through injected 503s with growing, jittered backoff', async () => {
    const { url, emulator } = await serveEmulator()
    const clock = fakeClock()
    emulator.inject({ method: 'GET', action: { type: 'status', status: 503 }, times: 2 })
    const info = await clientFor(url, clock, { baseDelayMs: 1000 }).getContactInformation(PARTNER)
    expect(info.name).toBe(`partners/${PARTNER}/contactInformation`)
    expect(emulator.requests).toHaveLength(3)
    expect(clock.sleeps).toEqual([500, 1000]) // random() = 0.5 × 1000 × 2^(n-1)
  })

  it('honours Retry-After in seconds and as an HTTP-date', async () => {
    const { url, emulator } = await serveEmulator()
    const clock = fakeClock()
    emulator.inject({ action: { type: 'status', status: 429, retryAfter: 7 } })
    emulator.inject({ action: { type: 'status', status: 429, retryAfter: new Date(clock.t + 7000 + 3000).toUTCString() } })
    await clientFor(url, clock).listUsers(PARTNER)
    expect(clock.sleeps).toEqual([7000, 3000])
    expect(emulator.requests).toHaveLength(3)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z'))).toBe(60_000)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
  })

  it('waits out the emulator --rate-limit through 429 and Retry-After', async () => {
    const clock = fakeClock()
    const { url, emulator } = await serveEmulator({ rateLimit: 2, now: clock.now })
    const client = clientFor(url, clock)
    for (let i = 0; i < 4; i++) await client.getContactInformation(PARTNER)
    expect(emulator.requests.length).toBeGreaterThan(4)
    expect(clock.sleeps.every((ms) => ms === 1000)).toBe(true)
  })

  it.each([
    [400, 'invalid'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not-found'],
    [409, 'conflict'],
  ] as const)('does not retry %i', async (status, kind) => {
    const { url, emulator } = await serveEmulator()
    const clock = fakeClock()
    emulator.inject({ action: { type: 'status', status } })
    const error = await failure(clientFor(url, clock).getContactInformation(PARTNER))
    expect(error.kind).toBe(kind)
    expect(error.httpStatus).toBe(status)
    expect(emulator.requests).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it('reports an unknown partner as not-found, once', async () => {
    const { url, emulator } = await serveEmulator()
    const error = await failure(clientFor(url, fakeClock()).getContactInformation('999'))
    expect([error.kind, error.portalStatus]).toEqual(['not-found', 'NOT_FOUND'])
    expect(emulator.requests).toHaveLength(1)
  })

  it('stops a persistent 503 at the deadline', async () => {
    const { url, emulator } = await serveEmulator()
    const clock = fakeClock()
    emulator.inject({ action: { type: 'status', status: 503 }, times: 1000 })
    const client = clientFor(url, clock, { deadlineMs: 5000, baseDelayMs: 1000, maxAttempts: 100, random: () => 1 })
    const error = await failure(client.getContactInformation(PARTNER))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toMatch(/deadline/)
    expect(clock.sleeps).toEqual([1000, 2000]) // a 4 s wait would end past the 5 s deadline
    expect(emulator.requests).toHaveLength(3)
  })

  it('gives up after maxAttempts', async () => {
    const { url, emulator } = await serveEmulator()
    emulator.inject({ action: { type: 'status', status: 502 }, times: 10 })
    const error = await failure(clientFor(url, fakeClock(), { maxAttempts: 3 }).getContactInformation(PARTNER))
    expect(error.message).toMatch(/after 3 attempts/)
    expect(emulator.requests).toHaveLength(3)
  })

  it('follows every page', async () => {
    const { url, emulator } = await serveEmulator({ state: seededState(7) })
    const users = await clientFor(url, fakeClock(), { pageSize: 3 }).listUsers(PARTNER)
    expect(users.map((u) => u.email)).toEqual(Array.from({ length: 7 }, (_, i) => `user${i}@example.com`))
    expect(emulator.requests).toHaveLength(3)
  })

  it('fails the whole list when page 2 fails, never a partial list', async () => {
    const { url, emulator } = await serveEmulator({ state: seededState(7) })
    emulator.inject({ path: '/users', skip: 1, action: { type: 'status', status: 403 } })
    const error = await failure(clientFor(url, fakeClock(), { pageSize: 3 }).listUsers(PARTNER))
    expect(error.kind).toBe('auth')
    expect(error.operation).toMatch(/page 2/)

    emulator.inject({ path: '/users', skip: 1, action: { type: 'body', body: '{"users": {"not": "a list"}}' } })
    expect((await failure(clientFor(url, fakeClock(), { pageSize: 3 }).listUsers(PARTNER))).kind).toBe('bad-response')
  })

  it('retries a page whose connection was reset or cut short, and still returns everything', async () => {
    const { url, emulator } = await serveEmulator({ state: seededState(5) })
    emulator.inject({ path: '/users', skip: 1, action: { type: 'reset' } })
    emulator.inject({ path: '/users', action: { type: 'truncate' }, after: true })
    const users = await clientFor(url, fakeClock(), { pageSize: 2 }).listUsers(PARTNER)
    expect(users).toHaveLength(5)
  })

  it('turns a non-JSON or wrongly shaped success into bad-response, without retrying', async () => {
    const { url, emulator } = await serveEmulator()
    emulator.inject({ action: { type: 'body', body: '<html>maintenance</html>', contentType: 'text/html' } })
    const error = await failure(clientFor(url, fakeClock()).getContactInformation(PARTNER))
    expect(error.kind).toBe('bad-response')
    expect(error.message).not.toMatch(/maintenance/)
    emulator.inject({ action: { type: 'body', body: '{"name": "x", "etag": "e", "alertContacts": "nobody"}' } })
    expect((await failure(clientFor(url, fakeClock()).getContactInformation(PARTNER))).kind).toBe('bad-response')
    emulator.inject({ action: { type: 'body', body: '{"name": "partners/1/contactIn' } })
    expect((await failure(clientFor(url, fakeClock()).getContactInformation(PARTNER))).kind).toBe('bad-response')
    expect(emulator.requests).toHaveLength(3)
  })

  it('refuses a stale etag with 409 and writes nothing', async () => {
    const { url, emulator } = await serveEmulator()
    const client = clientFor(url, fakeClock())
    const first = await client.getContactInformation(PARTNER)
    await client.updateContactInformation(PARTNER, { technicalEmergencyContacts: emergency, etag: first.etag }, ['technicalEmergencyContacts'])
    const before = emulator.snapshot()
    const error = await failure(
      client.updateContactInformation(PARTNER, { technicalNonEmergencyContacts: emergency, etag: first.etag }, ['technicalNonEmergencyContacts']),
    )
    expect([error.kind, error.httpStatus, error.portalStatus]).toEqual(['conflict', 409, 'ABORTED'])
    expect(emulator.snapshot()).toEqual(before)
    expect(emulator.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2)
  })

  it('treats a lost answer to an applied PATCH as success when the portal holds what was sent', async () => {
    const { url, emulator } = await serveEmulator()
    const client = clientFor(url, fakeClock())
    const { etag } = await client.getContactInformation(PARTNER)
    emulator.inject({ method: 'PATCH', after: true, action: { type: 'reset' } })
    const result = await client.updateContactInformation(PARTNER, { technicalEmergencyContacts: emergency, etag }, ['technicalEmergencyContacts'])
    expect(result.technicalEmergencyContacts).toEqual(emergency)
    expect(emulator.requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'PATCH', 'GET'])
  })

  it('names the bad field of a 400, never the value', async () => {
    const { url } = await serveEmulator()
    const client = clientFor(url, fakeClock())
    const { etag } = await client.getContactInformation(PARTNER)
    const error = await failure(
      client.updateContactInformation(PARTNER, { operationalContactsForGoogle: [{ email: 'esc@example.com', phoneNumber: '+39 02 1234' }], etag }, ['operationalContactsForGoogle']),
    )
    expect(error.kind).toBe('invalid')
    expect(error.message).toContain('operationalContactsForGoogle[0].phoneNumber')
    expect(error.message).not.toMatch(/esc@|1234/)
  })

  it('makes a retried create idempotent with its request ID', async () => {
    const { url, emulator } = await serveEmulator()
    const client = clientFor(url, fakeClock())
    emulator.inject({ method: 'POST', after: true, action: { type: 'reset' } })
    const user = await client.createUser(PARTNER, { email: 'ana@example.com', role: 'ADMINISTRATOR' })
    expect(user.email).toBe('ana@example.com')
    const posts = emulator.requests.filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(2)
    expect(posts[0]!.query['requestId']).toBe(posts[1]!.query['requestId'])
    expect(emulator.snapshot().partners[PARTNER]!.users).toHaveLength(1)
  })

  it('updates and deletes users; a retried delete that already happened is done', async () => {
    const { url, emulator } = await serveEmulator({ state: seededState(3) })
    const client = clientFor(url, fakeClock())
    const updated = await client.updateUser(PARTNER, 'User1@Example.com', { role: 'READ_ONLY', etag: 'etag-1' }, ['role'])
    expect(updated.role).toBe('READ_ONLY')
    expect((await failure(client.updateUser(PARTNER, 'user2@example.com', { role: 'EDITOR', etag: 'stale' }, ['role']))).kind).toBe('conflict')
    emulator.inject({ method: 'DELETE', after: true, action: { type: 'status', status: 503 } })
    await client.deleteUser(PARTNER, 'user2@example.com')
    expect(emulator.snapshot().partners[PARTNER]!.users.map((u) => u.email)).toEqual(['user0@example.com', 'user1@example.com'])
    expect((await failure(client.deleteUser(PARTNER, 'user0@example.com'))).portalStatus).toBe('FAILED_PRECONDITION')
  })

  it('spaces requests to the client-side rate limit, shared by all calls', async () => {
    const { url } = await serveEmulator()
    const clock = fakeClock()
    const client = clientFor(url, clock, { rateLimit: 10 })
    await Promise.all([client.getContactInformation(PARTNER), client.listUsers(PARTNER), client.getContactInformation(PARTNER)])
    await client.listUsers(PARTNER)
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(300)
  })

  it('times out a request that gets no answer, and retries it', async () => {
    const { url, emulator } = await serveEmulator()
    emulator.inject({ action: { type: 'delay', ms: 2_000 } })
    const clock = fakeClock()
    // The timeout is real time: wide enough that the prompt retry answers in time on a loaded machine.
    const info = await clientFor(url, clock, { timeoutMs: 500 }).getContactInformation(PARTNER)
    expect(info.etag).toBeTruthy()
    expect(emulator.requests).toHaveLength(2)
  })

  it('sends the bearer token; a bad one is 401/403, not retried', async () => {
    const { url, emulator } = await serveEmulator({ token: 'sesame' })
    const clock = fakeClock()
    expect((await failure(clientFor(url, clock).getContactInformation(PARTNER))).httpStatus).toBe(401)
    const wrong = await failure(clientFor(url, clock, { token: async () => 'wrong' }).getContactInformation(PARTNER))
    expect([wrong.kind, wrong.httpStatus]).toEqual(['auth', 403])
    expect(wrong.message).not.toContain('wrong')
    await clientFor(url, clock, { token: async () => 'sesame' }).getContactInformation(PARTNER)
    expect(emulator.requests).toHaveLength(3)
  })
})
