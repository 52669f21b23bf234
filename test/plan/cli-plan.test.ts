// `partner-contacts plan` in-process against the emulator: exit codes, formats, --out, redaction, independent files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io.js'
import { main } from '../../src/cli/main.js'
import { EMPTY_CONFIG } from '../../src/config/config.js'
import { startEmulatorServer, type RunningEmulator } from '../../src/portal/emulator/server.js'
import { createPortalClient } from '../../src/portal/create-portal-client.js'
import { planFiles } from '../../src/plan/plan-files.js'
import type { Report } from '../../src/report/report.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { tempDir } from '../helpers/temp-dir.js'

const FILE = (id: string, extra = '') => `version: 1
partner:
  id: "${id}"
integration: ordering-e2e
users:
  - email: Ana.Rossi@example.com
    name: Ana Rossi
    role: administrator
contacts:
  alert: [ana.rossi@example.com]
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
${extra}`

function io(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: string[] = []
  const err: string[] = []
  stdout.on('data', (c: Buffer) => out.push(c.toString()))
  stderr.on('data', (c: Buffer) => err.push(c.toString()))
  const cli: CliIo = { stdout, stderr, stdin: new PassThrough(), env, cwd }
  return { cli, out: () => out.join(''), err: () => err.join('') }
}

function workspace(files: Record<string, string>): string {
  const dir = tempDir('pc-plan-')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

/** Writes a file's desired state to the file: portal, as apply would. */
async function seed(cwd: string, text: string, _partnerId: string): Promise<void> {
  await seedPortal('file:portal.json', text, { cwd })
}

const running: RunningEmulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()))
})

describe('partner-contacts plan', () => {
  it('plans an empty portal as additions, writes --out, exits 0, and leaves the portal untouched', async () => {
    const cwd = workspace({ 'contacts.yaml': FILE('10000001') })
    const run = io(cwd)
    expect(await main(['plan', '--portal', 'file:portal.json', '--out', 'out/plan.json'], run.cli)).toBe(0)
    expect(run.out()).toContain('+ oncall@example.pagerduty.com')
    expect(run.out()).toContain('Plan: 1 file: 1 with changes, 0 unchanged')
    const report = JSON.parse(readFileSync(join(cwd, 'out/plan.json'), 'utf8')) as Report
    expect(report.summary.plan).toMatchObject({ hasChanges: true, filesWithChanges: 1, failed: 0 })
    expect(report.files[0]!.plan).toMatchObject({ safe: true, hasChanges: true, checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) })
    expect(report.files[0]!.plan!.updateMask).toContain('operationalContactsForGoogle')
    const after = await createPortalClient('file:portal.json', { cwd }).getContactInformation('10000001')
    expect(after.technicalEmergencyContacts).toEqual([])
    expect(await createPortalClient('file:portal.json', { cwd }).listUsers('10000001')).toEqual([])
  })

  it('says "no changes" once the portal matches, and the checksum is stable between runs', async () => {
    const cwd = workspace({ 'contacts.yaml': FILE('10000001') })
    await seed(cwd, FILE('10000001'), '10000001')
    const first = io(cwd)
    expect(await main(['plan', '--portal', 'file:portal.json', '--format', 'json'], first.cli)).toBe(0)
    const second = io(cwd)
    expect(await main(['plan', '--portal', 'file:portal.json', '--format', 'json'], second.cli)).toBe(0)
    const a = JSON.parse(first.out()) as Report
    expect(a.files[0]!.plan).toMatchObject({ hasChanges: false, changes: [] })
    expect(a.summary.plan!.hasChanges).toBe(false)
    expect((JSON.parse(second.out()) as Report).files[0]!.plan!.checksum).toBe(a.files[0]!.plan!.checksum)
    const terminal = io(cwd)
    await main(['plan', '--portal', 'file:portal.json'], terminal.cli)
    expect(terminal.out()).toContain('no changes')
  })

  it('exits 1 on failing findings and does not plan that file', async () => {
    const cwd = workspace({ 'contacts.yaml': FILE('10000001').replace('  operationalForUsers:\n    - email: support@example.com\n      type: alias\n', '') })
    const run = io(cwd)
    expect(await main(['plan', '--portal', 'file:portal.json', '--format', 'json'], run.cli)).toBe(1)
    const report = JSON.parse(run.out()) as Report
    expect(report.files[0]!.outcome).toBe('invalid')
    expect(report.files[0]!.plan).toBeUndefined()
  })

  it('exits 2 with one line when the portal fails for a file, and still plans the others', async () => {
    const server = await startEmulatorServer({ partners: ['10000001'] })
    running.push(server)
    const cwd = workspace({ 'partners/a/contacts.yaml': FILE('10000001'), 'partners/b/contacts.yaml': FILE('10000002') })
    const run = io(cwd)
    expect(await main(['plan', 'partners/*/contacts.yaml', '--portal', server.url, '--format', 'json'], run.cli)).toBe(2)
    const report = JSON.parse(run.out()) as Report
    expect(report.files.map((f) => [f.file, f.outcome])).toEqual([
      ['partners/a/contacts.yaml', 'planned'],
      ['partners/b/contacts.yaml', 'failed'],
    ])
    expect(report.files[1]!.error).toMatch(/partner 10000002/)
    expect(run.err().trim().split('\n')).toHaveLength(1)
    expect(run.err()).toMatch(/^partner-contacts: partners\/b\/contacts.yaml: .*10000002.*\n$/)
    expect(run.err()).not.toContain('    at ')
  })

  it('masks emails and phones with --redact always, in every format', async () => {
    const cwd = workspace({ 'contacts.yaml': FILE('10000001') })
    for (const format of ['stylish', 'json', 'markdown', 'github', 'sarif']) {
      const run = io(cwd)
      expect(await main(['plan', '--portal', 'file:portal.json', '--redact', 'always', '--format', format], run.cli)).toBe(0)
      expect(run.out()).not.toMatch(/[a-z]{2,}@example\.com/)
      expect(run.out()).not.toContain('5678')
    }
    const run = io(cwd)
    await main(['plan', '--portal', 'file:portal.json', '--redact', 'always'], run.cli)
    expect(run.out()).toContain('+ o***@example.pagerduty.com')
  })

  it('takes the portal from PARTNER_CONTACTS_PORTAL_URL and rejects bad options', async () => {
    const cwd = workspace({ 'contacts.yaml': FILE('10000001') })
    const run = io(cwd, { PARTNER_CONTACTS_PORTAL_URL: 'file:env-portal.json' })
    expect(await main(['plan'], run.cli)).toBe(0)
    expect(readFileSync(join(cwd, 'env-portal.json'), 'utf8')).toContain('"partners"')
    const bad = io(cwd)
    expect(await main(['plan', '--redact', 'sometimes'], bad.cli)).toBe(2)
    expect(bad.err()).toBe('partner-contacts: --redact must be never, always or auto\n')
    expect(await main(['plan', '--max-removal-ratio', '2'], io(cwd).cli)).toBe(2)
  })
})

describe('planFiles', () => {
  it('checks alert contacts against the portal users when the file does not manage users', async () => {
    const text = FILE('10000001').replace(/users:\n(  .*\n)+/, '')
    const cwd = workspace({ 'contacts.yaml': text })
    const client = createPortalClient('file:portal.json', { cwd })
    const [result] = await planFiles({ patterns: ['contacts.yaml'], cwd, config: EMPTY_CONFIG, client })
    expect(result!.outcome).toBe('invalid')
    expect(result!.findings.map((f) => f.ruleId)).toContain('alert-contacts-are-users')
    await client.createUser('10000001', { email: 'ana.rossi@example.com', role: 'EDITOR' })
    const [again] = await planFiles({ patterns: ['contacts.yaml'], cwd, config: EMPTY_CONFIG, client })
    expect(again!.outcome).toBe('planned')
    expect(again!.plan!.changes.some((c) => c.field === 'users')).toBe(false)
  })

  it('keeps file order, reports progress, and bounds concurrency', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 12; i++) files[`p/${String(i).padStart(2, '0')}/contacts.yaml`] = FILE(String(30000000 + i))
    const cwd = workspace(files)
    const inner = createPortalClient('file:portal.json', { cwd })
    let inFlight = 0
    let peak = 0
    const track = async <T>(call: () => Promise<T>) => {
      peak = Math.max(peak, ++inFlight)
      try {
        await new Promise((r) => setTimeout(r, 5))
        return await call()
      } finally {
        inFlight--
      }
    }
    const client = { ...inner, getContactInformation: (id: string) => track(() => inner.getContactInformation(id)), listUsers: (id: string) => track(() => inner.listUsers(id)) }
    const progress: number[] = []
    const results = await planFiles({ patterns: ['p/*/contacts.yaml'], cwd, config: EMPTY_CONFIG, client, concurrency: 3, onProgress: (done) => progress.push(done) })
    expect(results.map((r) => r.partnerId)).toEqual(Object.keys(files).map((_, i) => String(30000000 + i)))
    expect(results.every((r) => r.outcome === 'planned')).toBe(true)
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(peak).toBeLessThanOrEqual(6)
    expect(peak).toBeGreaterThan(2)
  })
})
