// Reliability group D: two applies of different commits interleaved request by request — the newer state or a refusal, never a mix.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyFile, type ApplyFileResult } from '../../src/apply/apply-file.js'
import { EMPTY_CONFIG } from '../../src/config/config.js'
import { PortalEmulator } from '../../src/portal/emulator/emulator.js'
import { planFile } from '../../src/plan/plan-files.js'
import { prepareRules } from '../../src/rules/run-rules.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { directClient, scheduledClient } from '../helpers/scheduled-portal.js'
import { tempDir } from '../helpers/temp-dir.js'
import { exampleText } from '../helpers/validate-text.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const PARTNER = '10000001'
const rules = prepareRules(EMPTY_CONFIG)
const base = exampleText()
// Users are managed outside these files, so each apply is one contact-information write guarded by the etag.
const withoutUsers = (text: string) => text.replace(/^users:\n(?:  .*\n|\n)*?(?=contacts:)/m, '')
const older = withoutUsers(base.replace('integrations@example.com', 'older-api@example.com').replace('support@example.com', 'older-help@example.com'))
const newer = withoutUsers(base.replace('integrations@example.com', 'newer-api@example.com').replace('support@example.com', 'newer-help@example.com'))
const enc = (s: string) => new TextEncoder().encode(s)

/** The portal as every test starts: the example applied (users included), so alert contacts are users. */
async function startingState() {
  const dir = tempDir('pc-race-')
  await seedPortal('file:portal.json', base, { cwd: dir })
  return JSON.parse(readFileSync(join(dir, 'portal.json'), 'utf8'))
}

function fields(emulator: PortalEmulator) {
  const info = emulator.snapshot().partners[PARTNER]!.contactInformation
  return [info.technicalNonEmergencyContacts.map((c) => c.email).join(), info.operationalContactsForUsers.map((c) => c.email).join()].join(' | ')
}

describe('two applies racing on one portal', () => {
  it('property: whatever the interleaving, at most one applies, the other is refused, and the portal holds one whole version', async () => {
    const state = await startingState()
    let races = 0
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        races++
        const emulator = new PortalEmulator({ state: structuredClone(state) })
        const direct = directClient(emulator)
        // Both pull requests were reviewed against the same portal.
        const reviewedOlder = (await planFile('contacts.yaml', enc(older), { rules, client: direct })).plan!.checksum
        const reviewedNewer = (await planFile('contacts.yaml', enc(newer), { rules, client: direct })).plan!.checksum
        const initial = fields(emulator)
        // Every request waits for the scheduler, which releases them in an order fast-check picks (and shrinks).
        const scheduled = scheduledClient(emulator, s)
        const run = (text: string, reviewed: string) => applyFile('contacts.yaml', enc(text), { rules, client: scheduled, reviewedChecksum: reviewed, requireReviewed: true })
        const both = Promise.all([run(older, reviewedOlder), run(newer, reviewedNewer)])
        await s.waitFor(both)
        const [a, b] = (await both) as [ApplyFileResult, ApplyFileResult]
        const outcomes = [a.outcome, b.outcome]
        const final = fields(emulator)
        expect(outcomes.filter((o) => o === 'applied').length).toBeLessThanOrEqual(1)
        expect(outcomes.every((o) => o === 'applied' || o === 'refused')).toBe(true)
        if (a.outcome === 'applied') expect(final).toBe('older-api@example.com | older-help@example.com')
        else if (b.outcome === 'applied') expect(final).toBe('newer-api@example.com | newer-help@example.com')
        else expect(final).toBe(initial)
        // The refused one wrote nothing and says why.
        for (const r of [a, b].filter((r) => r.outcome === 'refused')) {
          expect(r.written).toEqual([])
          expect(['apply.reason.stale', 'apply.reason.conflict']).toContain(r.reasons[0]!.id)
        }
      }),
      { numRuns: 80 },
    )
    expect(races).toBeGreaterThanOrEqual(80)
  })

  it('the newer commit re-run after a refusal converges to its own state', async () => {
    const state = await startingState()
    const emulator = new PortalEmulator({ state })
    const client = directClient(emulator)
    const reviewedNewer = (await planFile('contacts.yaml', enc(newer), { rules, client })).plan!.checksum
    await applyFile('contacts.yaml', enc(older), { rules, client })
    // Its reviewed plan is stale now: refused, and the portal keeps the older state until someone re-plans.
    expect((await applyFile('contacts.yaml', enc(newer), { rules, client, reviewedChecksum: reviewedNewer, requireReviewed: true })).outcome).toBe('refused')
    const fresh = (await planFile('contacts.yaml', enc(newer), { rules, client })).plan!.checksum
    expect((await applyFile('contacts.yaml', enc(newer), { rules, client, reviewedChecksum: fresh, requireReviewed: true })).outcome).toBe('applied')
    expect(fields(emulator)).toBe('newer-api@example.com | newer-help@example.com')
  })
})
