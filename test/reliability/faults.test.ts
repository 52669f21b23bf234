// Reliability group C: portal faults during plan and apply lose nothing; a re-run converges; a partial read never plans deletes.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyFile } from '../../src/apply/apply-file.js'
import { EMPTY_CONFIG } from '../../src/config/config.js'
import { PortalEmulator, type FaultAction } from '../../src/portal/emulator/emulator.js'
import { HttpPortalClient } from '../../src/portal/http-portal-client.js'
import { planFile } from '../../src/plan/plan-files.js'
import { prepareRules } from '../../src/rules/run-rules.js'
import { exampleText } from '../helpers/validate-text.js'

const PARTNER = '10000001'
const rules = prepareRules(EMPTY_CONFIG)
const bytes = new TextEncoder().encode(exampleText())

function client(emulator: PortalEmulator, maxAttempts: number) {
  return new HttpPortalClient({ baseUrl: 'http://emulator.invalid', fetch: emulator.fetch, rateLimit: 0, maxAttempts, sleep: async () => {}, random: () => 0.5, timeoutMs: 1000 })
}

const writes = (emulator: PortalEmulator) => emulator.requests.filter((r) => r.method !== 'GET')

describe('a failure on page 3 of the users', () => {
  it('fails the plan: no plan, so no deletes computed from a partial list, and apply writes nothing', async () => {
    const emulator = new PortalEmulator({ partners: [PARTNER] })
    const state = emulator.snapshot()
    // 250 portal users the file does not list: a partial list would make some of them look absent, and others deleted.
    state.partners[PARTNER]!.users = Array.from({ length: 250 }, (_, i) => ({ name: `partners/${PARTNER}/users/u${i}@example.com`, email: `u${i}@example.com`, role: 'EDITOR' as const, etag: `e${i}` }))
    const portal = new PortalEmulator({ state })
    portal.inject({ method: 'GET', path: '/users', skip: 2, times: 10, action: { type: 'status', status: 500 } })
    const planned = await planFile('contacts.yaml', bytes, { rules, client: client(portal, 1) })
    expect(planned.outcome).toBe('failed')
    expect(planned.plan).toBeUndefined()
    expect(planned.error).toMatch(/HTTP 500/)
    expect(portal.requests.filter((r) => r.path.endsWith('/users')).length).toBe(3)
    const applied = await applyFile('contacts.yaml', bytes, { rules, client: client(portal, 1), force: true })
    expect(applied.outcome).toBe('failed')
    expect(writes(portal)).toEqual([])
  })
})

const FAULTS: Record<string, FaultAction> = {
  '503': { type: 'status', status: 503 },
  '429 Retry-After seconds': { type: 'status', status: 429, retryAfter: 1 },
  '429 Retry-After date': { type: 'status', status: 429, retryAfter: new Date(Date.now() + 1000).toUTCString() },
  'connection reset': { type: 'reset' },
  'truncated body': { type: 'truncate' },
  'non-JSON body': { type: 'body', body: '<html>gateway</html>', status: 200, contentType: 'text/html' },
}

describe('property: applying, then planning again, is empty — also after injected faults', () => {
  it('a re-run converges, with no duplicate users and nothing lost', async () => {
    let faultsInjected = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ skip: fc.nat(8), fault: fc.constantFrom(...Object.keys(FAULTS)), after: fc.boolean() }), { maxLength: 4 }),
        fc.boolean(),
        async (faults, retrying) => {
          const emulator = new PortalEmulator({ partners: [PARTNER] })
          for (const f of faults) emulator.inject({ skip: f.skip, times: 1, after: f.after && f.fault === '503', action: FAULTS[f.fault]! })
          faultsInjected += faults.length
          const first = await applyFile('contacts.yaml', bytes, { rules, client: client(emulator, retrying ? 4 : 1) })
          if (first.outcome === 'failed') {
            // What it says it wrote, it wrote; what it says is pending is not in the portal yet — and a re-run finishes.
            expect(first.reasons.length).toBeGreaterThan(0)
          } else {
            expect(['applied']).toContain(first.outcome)
          }
          emulator.clearFaults()
          const again = await applyFile('contacts.yaml', bytes, { rules, client: client(emulator, 1) })
          expect(['applied', 'unchanged']).toContain(again.outcome)
          const after = await planFile('contacts.yaml', bytes, { rules, client: client(emulator, 1) })
          expect(after.plan?.hasChanges).toBe(false)
          const emails = emulator.snapshot().partners[PARTNER]!.users.map((u) => u.email)
          expect(new Set(emails).size).toBe(emails.length)
        },
      ),
      { numRuns: 60 },
    )
    expect(faultsInjected).toBeGreaterThan(50)
  })
})
