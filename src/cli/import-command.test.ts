// `import` and `portal serve`: round trip through validate, in-place updates that keep comments, failures as one line.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { EMPTY_CONFIG } from '../config/config.js'
import type { ContactsFile } from '../model/contacts.js'
import { createPortalClient } from '../portal/create-portal-client.js'
import { startEmulatorServer } from '../portal/emulator/server.js'
import { SCHEMA_URL } from '../portal/import-document.js'
import { normalizePortalContactInformation, normalizePortalUsers, toPortalState } from '../portal/mapping.js'
import type { ContactInformationField } from '../portal/types.js'
import { prepareRules } from '../rules/run-rules.js'
import { validateContactsFile } from '../validate/validate-file.js'
import { tempDir } from '../../test/helpers/temp-dir.js'
import type { CliIo } from './io.js'
import { main } from './main.js'
import { parseServeArgs, portalCommand } from './portal-command.js'

const rules = prepareRules(EMPTY_CONFIG)
const EXAMPLE = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const PARTNER = '10000001'

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

async function validate(text: string) {
  return validateContactsFile('contacts.yaml', new TextEncoder().encode(text), { rules, now: new Date('2026-11-24T12:00:00Z') })
}

/** Puts a validated file's desired state into the file: portal, as apply would. */
async function seed(cwd: string, text: string): Promise<void> {
  const model = (await validate(text)).model!
  const client = createPortalClient('file:portal.json', { cwd })
  const state = toPortalState(model)
  for (const user of state.users ?? []) await client.createUser(PARTNER, user)
  const { etag } = await client.getContactInformation(PARTNER)
  const mask = Object.keys(state.contactInformation) as ContactInformationField[]
  await client.updateContactInformation(PARTNER, { ...state.contactInformation, etag }, mask)
}

async function portalState(cwd: string) {
  const client = createPortalClient('file:portal.json', { cwd })
  const { name: _n, etag: _e, updateTime: _u, ...info } = await client.getContactInformation(PARTNER)
  return { contactInformation: normalizePortalContactInformation(info), users: normalizePortalUsers(await client.listUsers(PARTNER)) }
}

function desired(model: ContactsFile) {
  const state = toPortalState(model)
  return { contactInformation: state.contactInformation, users: state.users ?? [] }
}

describe('import', () => {
  it('writes a complete, valid file whose desired state is the portal (no changes on plan)', async () => {
    const cwd = tempDir()
    await seed(cwd, EXAMPLE)
    const run = io(cwd)
    expect(await main(['import', '--partner', PARTNER, '--portal', 'file:portal.json', '--integration', 'ordering-e2e'], run.cli)).toBe(0)
    const text = run.out()
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`)
    const result = await validate(text)
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(desired(result.model!)).toEqual(await portalState(cwd))
    expect(Object.keys(result.model!)).toEqual(['version', 'partner', 'integration', 'users', 'contacts', 'support'])
    expect(text).toContain('phone: "+390212345678"')
    expect(text).toContain('days: [sat, sun]')
    expect(text).toContain('merchantIssues: []')
  })

  it('matches the schema $id in its modeline', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/contacts.schema.json', import.meta.url), 'utf8'))
    expect(SCHEMA_URL).toBe(schema.$id)
  })

  it('updates an existing file in place: comments, key order, type and spelling survive', async () => {
    const cwd = tempDir()
    await seed(cwd, EXAMPLE)
    const edited = EXAMPLE.replace('  operationalForUsers:\n', '  # hand-written: the brand alias, do not change without marketing\n  operationalForUsers:\n')
    writeFileSync(join(cwd, 'contacts.yaml'), edited)
    const first = io(cwd)
    expect(await main(['import', '--partner', PARTNER, '--portal', 'file:portal.json', '--out', 'contacts.yaml'], first.cli)).toBe(0)
    // Nothing changed on the portal: the file is byte for byte what the person wrote.
    expect(readFileSync(join(cwd, 'contacts.yaml'), 'utf8')).toBe(edited)

    // Someone edits the portal: a contact is replaced, a name changes, a window goes.
    const client = createPortalClient('file:portal.json', { cwd })
    const info = await client.getContactInformation(PARTNER)
    await client.updateContactInformation(
      PARTNER,
      {
        technicalNonEmergencyContacts: [{ email: 'integrations@example.com' }, { email: 'new-team@example.com', displayName: 'New team' }],
        technicalEmergencyContacts: [{ email: 'eats-oncall@example.pagerduty.com', displayName: 'Renamed on-call' }],
        operationalSupport: { windows: [info.operationalSupport.windows[0]!] },
        etag: info.etag,
      },
      ['technicalNonEmergencyContacts', 'technicalEmergencyContacts', 'operationalSupport'],
    )
    expect(await main(['import', '--partner', PARTNER, '--portal', 'file:portal.json', '--out', 'contacts.yaml'], io(cwd).cli)).toBe(0)
    const text = readFileSync(join(cwd, 'contacts.yaml'), 'utf8')
    expect(text).toContain('# hand-written: the brand alias, do not change without marketing')
    expect(text).toContain('# Partner ID, digits, quoted')
    expect(text).toContain('name: Renamed on-call\n      type: pager')
    expect(text).toContain('phone: "+39 02 1234 5678"') // unchanged number keeps its spelling
    expect(text).not.toContain('[sat, sun]')
    const result = await validate(text)
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(desired(result.model!)).toEqual(await portalState(cwd))
  })

  it('exits 2 with one line when the portal fails, and on bad usage', async () => {
    const server = await startEmulatorServer({ partners: [PARTNER] })
    try {
      const run = io(tempDir())
      expect(await main(['import', '--partner', '42', '--portal', server.url], run.cli)).toBe(2)
      expect(run.err()).toBe(
        `partner-contacts: read contact information of partner 42: ${server.url} answered HTTP 404 NOT_FOUND: partner 42 does not exist; check partner.id in the file and that --portal (portal-url) is the right environment (sandbox and production are separate)\n`,
      )
      expect(run.out()).toBe('')
    } finally {
      await server.close()
    }
    const bad = io(tempDir())
    expect(await main(['import', '--partner', 'abc'], bad.cli)).toBe(2)
    expect(await main(['import', '--partner', '1', '--portal', 'http://portal.example.com'], bad.cli)).toBe(2)
    expect(bad.err()).toMatch(/https/)
  })

  it('refuses to update a file of another partner', async () => {
    const cwd = tempDir()
    writeFileSync(join(cwd, 'contacts.yaml'), EXAMPLE)
    const run = io(cwd)
    expect(await main(['import', '--partner', '20000002', '--portal', 'file:portal.json', '--out', 'contacts.yaml'], run.cli)).toBe(2)
    expect(run.err()).toMatch(/describes partner 10000001/)
    expect(readFileSync(join(cwd, 'contacts.yaml'), 'utf8')).toBe(EXAMPLE)
  })
})

describe('portal serve', () => {
  it('prints the base URL first, serves the state, and stops', async () => {
    const cwd = tempDir()
    const run = io(cwd)
    let stop!: () => void
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const done = portalCommand(['serve', '--state', 'state.json', '--port', '0', '--partner', PARTNER, '--token', 't'], run.cli, stopped)
    while (!run.out().includes('\n')) await new Promise((r) => setTimeout(r, 5))
    const url = run.out().split('\n')[0]!
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${url}/v1/partners/${PARTNER}/contactInformation`, { headers: { authorization: 'Bearer t' } })
    expect(response.status).toBe(200)
    stop()
    expect(await done).toBe(0)
    expect(JSON.parse(readFileSync(join(cwd, 'state.json'), 'utf8')).partners[PARTNER]).toBeDefined()
  })

  it('checks its flags', () => {
    expect(parseServeArgs(['serve', '--state', 's.json', '--fail-rate', '0.2', '--rate-limit', '5', '--latency', '10'], '/tmp')).toMatchObject({
      state: '/tmp/s.json',
      port: 0,
      failRate: 0.2,
      rateLimit: 5,
      latencyMs: 10,
    })
    expect(() => parseServeArgs(['serve', '--state', 's', '--fail-rate', '2'], '/')).toThrow(/--fail-rate/)
    expect(() => parseServeArgs(['serve'], '/')).toThrow(/--state/)
    expect(() => parseServeArgs(['start', '--state', 's'], '/')).toThrow(/usage/)
  })
})
