// Portal failures through the CLI bundle (issue 12 item 10): each names the portal URL and the cause, stops early
// when retrying cannot help, and ends with the next step; the server's own reason is summarised, never passed through.
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startEmulatorServer } from '../../src/portal/emulator/server.js'
import { HttpPortalClient } from '../../src/portal/http-portal-client.js'
import { PortalError } from '../../src/portal/portal-error.js'
import { closeAfterTest, listenLocal as listen } from '../helpers/local-server.js'
import { spawnCli } from '../helpers/spawn-cli.js'
import { tempDir } from '../helpers/temp-dir.js'

const EXAMPLE = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const TLS = (name: string) => readFileSync(new URL(`../security/fixtures/tls/${name}`, import.meta.url), 'utf8')
const CREDENTIALS_STEP =
  'pass --token (portal-token in the Action), set PARTNER_CONTACTS_PORTAL_TOKEN, or set up Google Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, e.g. with google-github-actions/auth) for an account with access to this partner'


async function emulator(options: Parameters<typeof startEmulatorServer>[0]) {
  const running = await startEmulatorServer(options)
  closeAfterTest(() => running.close())
  return running
}

function project(): string {
  const dir = tempDir('pc-portal-errors-')
  writeFileSync(join(dir, 'contacts.yaml'), EXAMPLE)
  return dir
}

const plan = (portal: string, env: Record<string, string> = {}) => spawnCli(['plan', '--portal', portal], { cwd: project(), env })

describe('portal failures lead to the fix', () => {
  it('connection refused: names the URL and the cause at once, without 11 s of retries', async () => {
    const closed = createHttpServer()
    const port = await listen(closed)
    await new Promise((resolve) => closed.close(resolve))
    const run = await plan(`http://127.0.0.1:${port}`)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `read contact information of partner 10000001: cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED); check --portal (portal-url in the Action) and that the portal is running`,
    )
    expect(run.stderr).not.toContain('gave up') // the retried path ends with "gave up after 6 attempts"
    expect(run.ms).toBeLessThan(8000)
  })

  it('unknown host: "host name not found", at once', async () => {
    const run = await plan('https://portal.invalid', { PARTNER_CONTACTS_PORTAL_TOKEN: 'a-token' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('cannot reach https://portal.invalid: host name not found (ENOTFOUND); check the host name in --portal (portal-url in the Action)')
    expect(run.stderr).not.toContain('gave up') // the retried path ends with "gave up after 6 attempts"
    expect(run.ms).toBeLessThan(8000)
  })

  it('TLS: a certificate the machine does not trust is named as TLS, with the next step, at once', async () => {
    const tls = createHttpsServer({ key: TLS('google.key'), cert: TLS('google.pem') }, (_req, res) => res.end('{}'))
    let connections = 0
    tls.on('connection', () => connections++)
    const port = await listen(tls)
    const run = await plan(`https://127.0.0.1:${port}`)
    expect(connections).toBeLessThanOrEqual(2) // one per request of the plan, none retried
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(new RegExp(`cannot reach https://127\\.0\\.0\\.1:${port}: TLS failed \\([A-Z_]+\\); check the portal URL's certificate; behind a proxy that inspects TLS, point NODE_EXTRA_CA_CERTS at its CA certificate`))
    expect(run.stderr).not.toContain('gave up') // the retried path ends with "gave up after 6 attempts"
    expect(run.ms).toBeLessThan(8000)
  })

  it('401 and 403 name --token, PARTNER_CONTACTS_PORTAL_TOKEN and Application Default Credentials', async () => {
    const { url } = await emulator({ token: 'sesame', partners: ['10000001'] })
    const run = await plan(url, { PARTNER_CONTACTS_PORTAL_TOKEN: 'not-sesame' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `${url} answered HTTP 403 PERMISSION_DENIED: the token is not allowed to access this partner; the credentials are not allowed here: ${CREDENTIALS_STEP}`,
    )
    expect(run.stderr).not.toContain('not-sesame')
    // No token at all (a loopback portal is then called without credentials).
    const anonymous = await plan(url)
    expect(anonymous.stderr).toContain(`${url} answered HTTP 401 UNAUTHENTICATED; the portal wants credentials: ${CREDENTIALS_STEP}`)
  })

  it("404 keeps the server's own reason, summarised", async () => {
    const { url } = await emulator({ partners: ['10000002'] })
    const run = await plan(url)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `${url} answered HTTP 404 NOT_FOUND: partner 10000001 does not exist; check partner.id in the file and that --portal (portal-url) is the right environment (sandbox and production are separate)`,
    )
  })

  it("a hostile 404 body is summarised: one short line, no emails, no phone numbers, no control characters", async () => {
    const port = await listen(
      createHttpServer((_req, res) => {
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 404, status: 'NOT_FOUND', message: `ana.rossi@example.com\n::error::forged +39 02 1234 5678 \u001b[31m${'x'.repeat(500)}` } }))
      }),
    )
    const run = await plan(`http://127.0.0.1:${port}`)
    expect(run.code).toBe(2)
    const line = run.stderr.split('\n').find((l) => l.includes('HTTP 404'))!
    expect(line).toContain('NOT_FOUND: <email> ::error::forged <number>')
    expect(line).not.toMatch(/ana\.rossi|1234 5678|\u001b/)
    expect(run.stderr).not.toMatch(/^::error::/m)
    expect(line.length).toBeLessThan(500)
  })

  it('a timeout names the URL and says it timed out (client level: the CLI has no timeout flag)', async () => {
    const port = await listen(createHttpServer(() => {}))
    const client = new HttpPortalClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 50, maxAttempts: 2, baseDelayMs: 1, rateLimit: 0 })
    const error = await client.getContactInformation('10000001').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PortalError)
    expect((error as PortalError).message).toBe(
      `read contact information of partner 10000001: cannot reach http://127.0.0.1:${port}: no answer within 50 ms (timeout); gave up after 2 attempts`,
    )
  })
})
