// `partner-contacts apply` as a person types it: the bin against the emulator (file: and `portal serve`), refusals, confirmation.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io.js'
import { main } from '../../src/cli/main.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { tempDir } from '../helpers/temp-dir.js'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const before = example.replace('integrations@example.com', 'old-integrations@example.com')

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' }, input: '' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

async function project(portal = before): Promise<{ dir: string; state: () => string }> {
  const dir = tempDir('pc-apply-cli-')
  writeFileSync(join(dir, 'contacts.yaml'), example)
  await seedPortal('file:portal.json', portal, { cwd: dir })
  return { dir, state: () => readFileSync(join(dir, 'portal.json'), 'utf8') }
}

const planJson = (dir: string, portal = 'file:portal.json') => JSON.parse(cli(['plan', '--portal', portal, '--format', 'json'], dir).stdout)

describe('partner-contacts apply', () => {
  it('refuses to write without --yes when stdin is not a terminal', async () => {
    const { dir, state } = await project()
    const portal = state()
    const run = cli(['apply', '--portal', 'file:portal.json'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('partner-contacts: apply asks before writing: run it in a terminal, or pass --yes (nothing was written)\n')
    expect(run.stdout).toContain('+ integrations@example.com')
    expect(state()).toBe(portal)
  })

  it('--yes applies, reads back, and a second run has nothing to write', async () => {
    const { dir } = await project()
    const run = cli(['apply', '--portal', 'file:portal.json', '--yes'], dir)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('contacts.yaml  partner 10000001  applied')
    expect(run.stdout).toContain('✔ update contact information (technicalNonEmergencyContacts)')
    expect(planJson(dir).summary.plan.hasChanges).toBe(false)
    const again = cli(['apply', '--portal', 'file:portal.json'], dir)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('already up to date, nothing written')
  })

  it('--checksum applies only the reviewed plan', async () => {
    const { dir, state } = await project()
    const reviewed = planJson(dir).files[0].plan.checksum as string
    const portal = state()
    const wrong = cli(['apply', '--portal', 'file:portal.json', '--yes', '--checksum', `sha256:${'1'.repeat(64)}`], dir)
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toMatch(/refused, nothing written\n  stale plan: the reviewed plan was 111111111111/)
    expect(state()).toBe(portal)
    expect(cli(['apply', '--portal', 'file:portal.json', '--yes', '--checksum', reviewed], dir).code).toBe(0)
    expect(cli(['apply', '--checksum', 'nope', '--yes', '--portal', 'file:portal.json'], dir).code).toBe(2)
  })

  it('--dry-run writes nothing and lists what it would write', async () => {
    const { dir, state } = await project()
    const portal = state()
    const run = cli(['apply', '--portal', 'file:portal.json', '--dry-run'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('dry run, nothing written')
    expect(run.stdout).toContain('· update contact information (technicalNonEmergencyContacts)')
    expect(state()).toBe(portal)
  })

  it('refuses an unsafe plan; --force applies it and says so', async () => {
    const four = example.replace(/  technicalNonEmergency:\n    - email: integrations@example.com\n/, '  technicalNonEmergency:\n    - a@example.com\n    - b@example.com\n    - c@example.com\n    - email: integrations@example.com\n')
    const { dir, state } = await project(four)
    const portal = state()
    const refused = cli(['apply', '--portal', 'file:portal.json', '--yes'], dir)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('unsafe plan:')
    expect(state()).toBe(portal)
    const forced = cli(['apply', '--portal', 'file:portal.json', '--yes', '--force', '--format', 'json'], dir)
    expect(forced.code).toBe(0)
    expect(JSON.parse(forced.stdout).files[0].apply).toMatchObject({ outcome: 'applied', forced: true })
  })

  it('applies through HTTP to `portal serve` run as a child process', async () => {
    const { dir } = await project()
    const server = spawn(process.execPath, [CLI, 'portal', 'serve', '--state', 'portal.json', '--port', '0', '--token', 's3cret'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0]!.trim()))
        server.once('exit', (code) => reject(new Error(`portal serve exited ${code}`)))
      })
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
      const noToken = cli(['apply', '--portal', url, '--yes'], dir)
      expect(noToken.code).toBe(2)
      expect(noToken.stderr).toMatch(/HTTP 401/)
      const run = cli(['apply', '--portal', url, '--token', 's3cret', '--yes'], dir)
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('applied')
      expect(JSON.parse(cli(['plan', '--portal', url, '--token', 's3cret', '--format', 'json'], dir).stdout).summary.plan.hasChanges).toBe(false)
    } finally {
      server.kill('SIGTERM')
    }
  })

  it('asks on a terminal and writes only after "y"', async () => {
    const { dir, state } = await project()
    const ask = async (answer: string) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: true })
      const stdout = new PassThrough()
      const stderr = new PassThrough()
      const err: string[] = []
      stderr.on('data', (c: Buffer) => err.push(c.toString()))
      stdout.resume()
      const io: CliIo = { stdin, stdout, stderr, env: {}, cwd: dir }
      const pending = main(['apply', '--portal', 'file:portal.json'], io)
      stdin.write(`${answer}\n`)
      return { code: await pending, stderr: err.join('') }
    }
    const portal = state()
    const no = await ask('n')
    expect(no).toMatchObject({ code: 1 })
    expect(no.stderr).toContain('Apply these changes to the portal? [y/N] ')
    expect(state()).toBe(portal)
    expect((await ask('y')).code).toBe(0)
    expect(state()).not.toBe(portal)
  })
})
