// Issue 11 item 7: two applies racing — one adds a user and makes them an alert contact, one changes another field — never leave a mix.
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyFile, type ApplyFileResult } from '../../src/apply/apply-file.js'
import { EMPTY_CONFIG } from '../../src/config/config.js'
import { PortalEmulator } from '../../src/portal/emulator/emulator.js'
import { planFile } from '../../src/plan/plan-files.js'
import { prepareRules } from '../../src/rules/run-rules.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { listenLocal } from '../helpers/local-server.js'
import { directClient, scheduledClient } from '../helpers/scheduled-portal.js'
import { spawnCli } from '../helpers/spawn-cli.js'
import { tempDir } from '../helpers/temp-dir.js'
import { exampleText } from '../helpers/validate-text.js'
import { BUNDLE_RUNS } from './bundle.js'

const PARTNER = '10000001'
const rules = prepareRules(EMPTY_CONFIG)
const base = exampleText()
/** A: a new user, made an alert contact (a user write, then the contact-information write). */
const textA = base
  .replace('    role: tester                 # testers exist only for Food Ordering End-to-End\n', '    role: tester\n  - email: nuovo@example.com\n    name: Nuovo\n    role: editor\n')
  .replace('    - luca.bianchi@example.com\n  technicalEmergency:', '    - luca.bianchi@example.com\n    - nuovo@example.com\n  technicalEmergency:')
/** B: another field only (one contact-information write). */
const textB = base.replace('integrations@example.com', 'api-team@example.com')
const enc = (s: string) => new TextEncoder().encode(s)

async function startingState() {
  const dir = tempDir('pc-race2-')
  await seedPortal('file:portal.json', base, { cwd: dir })
  return JSON.parse(readFileSync(join(dir, 'portal.json'), 'utf8'))
}

/** The portal as a pair the test can name: the users, and the two contact fields A and B change. */
function picture(emulator: PortalEmulator): string {
  const partner = emulator.snapshot().partners[PARTNER]!
  const info = partner.contactInformation
  return [partner.users.map((u) => u.email).sort().join(), info.alertContacts.map((c) => c.email).join(), info.technicalNonEmergencyContacts.map((c) => c.email).join()].join(' | ')
}

/** What the portal may hold after the race: as it was, all of A, or all of B; never B's page beside A's user. */
async function allowedPictures(state: unknown) {
  const names: Record<string, string> = {}
  for (const [name, text] of [['initial', base], ['A', textA], ['B', textB]] as const) {
    const emulator = new PortalEmulator({ state: structuredClone(state) as never })
    const client = directClient(emulator)
    if (name !== 'initial') expect((await applyFile('contacts.yaml', enc(text), { rules, client })).outcome).toBe('applied')
    names[picture(emulator)] = name
  }
  return names
}

describe('all or nothing per file, two applies racing', () => {
  it('property (fc.scheduler, in process): whatever the interleaving, the portal holds the start, all of A or all of B', { timeout: BUNDLE_RUNS }, async () => {
    const state = await startingState()
    const allowed = await allowedPictures(state)
    let mixes = 0
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const emulator = new PortalEmulator({ state: structuredClone(state) })
        const direct = directClient(emulator)
        const reviewedA = (await planFile('contacts.yaml', enc(textA), { rules, client: direct })).plan!.checksum
        const reviewedB = (await planFile('contacts.yaml', enc(textB), { rules, client: direct })).plan!.checksum
        const scheduled = scheduledClient(emulator, s)
        const run = (text: string, reviewed: string) => applyFile('contacts.yaml', enc(text), { rules, client: scheduled, reviewedChecksum: reviewed, requireReviewed: true })
        const both = Promise.all([run(textA, reviewedA), run(textB, reviewedB)])
        await s.waitFor(both)
        const [a, b] = (await both) as [ApplyFileResult, ApplyFileResult]
        const final = allowed[picture(emulator)]
        if (!final) mixes++
        expect(final, `a mix: ${picture(emulator)}`).toBeDefined()
        // The outcome says what the portal holds.
        // The outcome says what the portal holds. A run whose write went through may still report `failed` when its
        // read-back saw the other run's user for a moment (created, then removed again): honest, and never a mix.
        if (a.outcome === 'applied') expect(final).toBe('A')
        else if (b.outcome === 'applied') expect(final).toBe('B')
        else if (a.outcome === 'refused' && b.outcome === 'refused') expect(final).toBe('initial')
        for (const r of [a, b]) if (r.outcome === 'failed') expect(r.reasons[0]!.id).toMatch(/^apply\.reason\.readBack/)
        for (const r of [a, b]) expect(['applied', 'refused', 'failed']).toContain(r.outcome)
      }),
      { numRuns: 40 },
    )
    expect(mixes).toBe(0)
  })
})

// ─── the bundle: two `partner-contacts apply` processes on one portal served over HTTP ───

interface Gate {
  /** Called with each request before the emulator answers it; may wait. */
  before(method: string, path: string, body: string): Promise<void>
  after(method: string, path: string, body: string): void
}

/** The emulator behind a real socket, with a gate that can hold requests to force an interleaving. */
async function servePortal(emulator: PortalEmulator, gate?: Gate): Promise<string> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
    const body = Buffer.concat(chunks).toString('utf8')
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    await gate?.before(method, path, body)
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
    const response = await emulator.fetch(`http://emulator.invalid${path}`, { method, headers, ...(body ? { body } : {}) })
    const text = await response.text()
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(text)
    gate?.after(method, path, body)
  })
  server.keepAliveTimeout = 500
  return `http://127.0.0.1:${await listenLocal(server)}`
}

const cli = (args: string[], cwd: string) => spawnCli(args, { cwd })

function project(text: string): string {
  const dir = tempDir('pc-race-proc-')
  writeFileSync(join(dir, 'contacts.yaml'), text)
  return dir
}

/** The checksum a reviewer saw: `plan --format json` of the bundle. */
async function reviewed(url: string, dir: string): Promise<string> {
  const plan = await cli(['plan', '--portal', url, '--format', 'json'], dir)
  return JSON.parse(plan.stdout).files[0].plan.checksum as string
}

/** Resolves when `done` is true, or after `ms` (a gate must never hang a run that took another path). */
function until(done: () => boolean, ms = 20_000): Promise<void> {
  const start = Date.now()
  return new Promise((resolve) => {
    const tick = () => (done() || Date.now() - start > ms ? resolve() : setTimeout(tick, 5))
    tick()
  })
}

describe('all or nothing per file, real processes of the bundle', () => {
  it("the lost race of the issue (A creates its user, B writes the page, A's write is stale): A's user is removed again", { timeout: BUNDLE_RUNS }, async () => {
    const state = await startingState()
    const allowed = await allowedPictures(state)
    const emulator = new PortalEmulator({ state: structuredClone(state) })
    const url0 = 'http://emulator.invalid'
    let aPosted = false
    let bPatched = false
    const isBPatch = (method: string, path: string) => method === 'PATCH' && path.includes('/contactInformation') && !decodeURIComponent(path).includes('alertContacts')
    const url = await servePortal(emulator, {
      // B's page write waits until A has read the portal and created its user; A's user creation then waits for B's write.
      before: async (method, path) => {
        if (isBPatch(method, path)) await until(() => aPosted)
        if (method === 'POST' && new URL(path, url0).pathname.endsWith('/users')) {
          aPosted = true
          await until(() => bPatched)
        }
      },
      after: (method, path) => {
        if (isBPatch(method, path)) bPatched = true
      },
    })
    const dirA = project(textA)
    const dirB = project(textB)
    const [checksumA, checksumB] = [await reviewed(url, dirA), await reviewed(url, dirB)]
    const [a, b] = await Promise.all([
      cli(['apply', '--portal', url, '--yes', '--checksum', checksumA], dirA),
      cli(['apply', '--portal', url, '--yes', '--checksum', checksumB], dirB),
    ])
    // The interleaving happened as forced: A created its user, and B's page write went through first.
    expect(aPosted && bPatched).toBe(true)
    // B's write went through; its read-back may have caught A's user in the moment before A removed it again (then B
    // says so and exits 2), which is honest and leaves the portal as B wrote it.
    if (b.code !== 0) expect({ code: b.code, said: b.stderr }).toMatchObject({ code: 2, said: expect.stringContaining('read back: the portal still differs') })
    expect(a.code).toBe(1)
    expect(a.stdout + a.stderr).toContain('undone: create user nuovo@example.com (editor), removed again')
    expect(allowed[picture(emulator)]).toBe('B')
  })
})
