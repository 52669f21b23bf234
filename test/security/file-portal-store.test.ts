// The `file:` portal is a real store (issue 11 item 8), through the CLI bundle: concurrent applies on one state file
// never lose a write, a write that cannot be saved is an error and changes nothing, a symlinked state file is
// written through, hostile partner IDs get 4xx, and a new partner's plan has the same checksum every time.
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI_BUNDLE, spawnCli } from '../helpers/spawn-cli.js'
import { tempDir } from '../helpers/temp-dir.js'

const EXAMPLE = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')

/** A project folder whose contacts.yaml is the example for `partnerId`. */
function project(partnerId: string, root = tempDir('pc-store-')): string {
  const dir = join(root, partnerId)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'contacts.yaml'), EXAMPLE.replace('id: "10000001"', `id: "${partnerId}"`))
  return dir
}

type State = { partners: Record<string, { users: Array<{ email: string }>; contactInformation: { alertContacts: unknown[] } }> }
const readState = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as State

/** Everything the example asks for arrived: all three users and the alert contacts. */
function applied(state: State, partnerId: string): boolean {
  const partner = state.partners[partnerId]
  return partner !== undefined && partner.users.length === 3 && partner.contactInformation.alertContacts.length === 2
}

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('the file: portal store', () => {
  it('two applies at once on one state file never lose a write (6 trials, real processes)', async () => {
    for (let trial = 0; trial < 6; trial++) {
      const root = tempDir('pc-race-')
      const state = join(root, 'portal.json')
      const portal = `file:${state}`
      const [a, b] = await Promise.all([
        spawnCli(['apply', '--portal', portal, '--yes'], { cwd: project('10000001', root) }),
        spawnCli(['apply', '--portal', portal, '--yes'], { cwd: project('10000002', root) }),
      ])
      const after = readState(state)
      for (const [run, id] of [[a, '10000001'], [b, '10000002']] as const) {
        expect(run.stderr, `trial ${trial}`).toBe('')
        expect(run.code, `trial ${trial}: ${run.stdout}`).toBe(0)
        expect(run.stdout).toContain(`partner ${id}  applied`)
        expect(applied(after, id), `trial ${trial}: partner ${id} reported applied but its write is not in the file`).toBe(true)
      }
    }
  }, 120_000)

  it('a read-only state folder is an error that names the file, and nothing changes', async (context) => {
    const root = tempDir('pc-readonly-')
    const dir = project('10000001', root)
    const folder = join(root, 'state')
    mkdirSync(folder)
    const state = join(folder, 'portal.json')
    writeFileSync(state, '{"partners": {}}\n')
    if (!makeReadOnly(folder)) return context.skip('cannot make a folder read-only for this user (root without chattr)')
    const run = await spawnCli(['apply', '--portal', `file:${state}`, '--yes'], { cwd: dir })
    expect(run.code).not.toBe(0)
    expect(run.stdout).not.toContain('  applied')
    expect(run.stdout + run.stderr).toMatch(/cannot (lock|write) .*portal\.json \((EACCES|EPERM|EROFS)\)/)
    expect(readFileSync(state, 'utf8')).toBe('{"partners": {}}\n')
    // Nothing was kept in memory either: the same process's read-back never claimed the write.
    expect(run.stdout).not.toContain('✔ create user')
  })

  it('a symlinked state file is written through to its target and stays a link', async () => {
    const root = tempDir('pc-symlink-')
    const dir = project('10000001', root)
    mkdirSync(join(root, 'shared'))
    const target = join(root, 'shared', 'real-portal.json')
    writeFileSync(target, '{"partners": {}}\n')
    const link = join(root, 'portal.json')
    symlinkSync(target, link)
    const run = await spawnCli(['apply', '--portal', `file:${link}`, '--yes'], { cwd: dir })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(applied(readState(target), '10000001')).toBe(true)
  })

  it('plans a new partner with the same checksum every time, and apply --checksum accepts it', async () => {
    const dir = project('10000003')
    const plan = async () => {
      const run = await spawnCli(['plan', '--portal', 'file:portal.json', '--format', 'json'], { cwd: dir })
      expect(run.code, run.stderr).toBe(0)
      return JSON.parse(run.stdout).files[0].plan.checksum as string
    }
    const first = await plan()
    expect(await plan()).toBe(first)
    const run = await spawnCli(['apply', '--portal', 'file:portal.json', '--yes', '--checksum', first], { cwd: dir })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('partner 10000003  applied')
  })

  it('`portal serve` answers hostile partner IDs and bad escapes with 4xx, never 500', async () => {
    const dir = tempDir('pc-serve-')
    const { url, stop } = await servePortal(dir)
    cleanups.push(stop)
    const status = async (path: string, init?: RequestInit) => (await fetch(`${url}${path}`, init)).status
    for (const id of ['__proto__', 'constructor', 'hasOwnProperty', 'toString']) {
      expect(await status(`/v1/partners/${id}/contactInformation`), id).toBe(404)
      expect(await status(`/v1/partners/${id}/users`), id).toBe(404)
    }
    expect(await status('/v1/partners/%E0%A4%A/contactInformation')).toBe(400)
    expect(await status('/v1/partners/%/users')).toBe(400)
    expect(await status('/v1/partners/10000001/users/%ZZ?updateMask=role', { method: 'PATCH', body: '{"role":"EDITOR"}' })).toBe(400)
    expect(await status('/v1/partners/10000001/users/%C0', { method: 'DELETE' })).toBe(400)
    expect(await status('/v1/partners/10000001/contactInformation')).toBe(200)
  })
})

/** Read-only even for root: chmod for everyone else, the immutable attribute for root (where the file system has it). */
function makeReadOnly(folder: string): boolean {
  chmodSync(folder, 0o555)
  cleanups.push(() => chmodSync(folder, 0o755))
  if (process.getuid?.() !== 0) return true
  if (spawnSync('chattr', ['+i', folder]).status !== 0) return false
  cleanups.unshift(() => void spawnSync('chattr', ['-i', folder]))
  return true
}

/** `partner-contacts portal serve` from the bundle; its first stdout line is the base URL. */
async function servePortal(cwd: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [CLI_BUNDLE, 'portal', 'serve', '--state', 'portal.json', '--partner', '10000001'], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`portal serve exited with ${code}`)))
  })
  return { url: line.trim(), stop: () => void child.kill('SIGTERM') }
}
