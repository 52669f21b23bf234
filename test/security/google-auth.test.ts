// Google credentials through the CLI bundle: workload identity federation against a 127.0.0.1 STS stand-in, and a
// service-account key whose signed token request reaches a stand-in of oauth2.googleapis.com through HTTPS_PROXY.
import { createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PORTAL_SCOPE } from '../../src/portal/auth.js'
import { startEmulatorServer, type RunningEmulator } from '../../src/portal/emulator/server.js'
import { closeAfterTest, listenLocal as listen } from '../helpers/local-server.js'
import { spawnCli, type CliRun } from '../helpers/spawn-cli.js'
import { tempDir } from '../helpers/temp-dir.js'

const EXAMPLE = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const TLS = (name: string) => readFileSync(new URL(`./fixtures/tls/${name}`, import.meta.url), 'utf8')


/** The portal stand-in: the emulator over loopback, accepting only the token the token stand-in issued. */
async function portal(token: string): Promise<RunningEmulator & { authorizations: string[] }> {
  const running = await startEmulatorServer({ token, partners: ['10000001'] })
  closeAfterTest(() => running.close())
  const authorizations: string[] = []
  running.server.prependListener('request', (req: IncomingMessage) => authorizations.push(req.headers.authorization ?? ''))
  return { ...running, authorizations }
}

function project(): string {
  const dir = tempDir('pc-google-')
  writeFileSync(join(dir, 'contacts.yaml'), EXAMPLE)
  return dir
}

/** What google-github-actions/auth writes for workload identity federation: the OIDC token in a file, exchanged at token_url. */
function federationFile(dir: string, subjectToken: string, tokenUrl: string): string {
  writeFileSync(join(dir, 'oidc-token'), subjectToken)
  const path = join(dir, 'gha-creds.json')
  writeFileSync(
    path,
    JSON.stringify({
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/providers/repo',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: tokenUrl,
      credential_source: { file: join(dir, 'oidc-token') },
    }),
  )
  return path
}

function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => resolve(new URLSearchParams(body)))
  })
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** No secret and no line of one appears anywhere the user or a log can see. */
function expectNoSecrets(runs: CliRun[], secrets: string[]): void {
  const lines = secrets.flatMap((s) => s.split('\n')).map((l) => l.trim()).filter((l) => l.length >= 8 && !l.startsWith('-----'))
  for (const run of runs) for (const line of lines) {
    expect(run.stdout).not.toContain(line)
    expect(run.stderr).not.toContain(line)
  }
}

describe('Google credentials in the bundle (issue 11 item 1)', () => {
  it('workload identity federation: the STS stand-in token reaches the portal as the bearer token, for plan and apply', async () => {
    const issued = `sts-${randomBytes(16).toString('hex')}`
    const subjectToken = `oidc.${randomBytes(24).toString('base64url')}`
    const exchanges: URLSearchParams[] = []
    const stsPort = await listen(
      createHttpServer(async (req, res) => {
        const form = await formBody(req)
        exchanges.push(form)
        if (req.url !== '/v1/token' || form.get('subject_token') !== subjectToken) return answer(res, 400, { error: 'invalid_grant' })
        answer(res, 200, { access_token: issued, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3600 })
      }),
    )
    const dir = project()
    const env = { GOOGLE_APPLICATION_CREDENTIALS: federationFile(dir, subjectToken, `http://127.0.0.1:${stsPort}/v1/token`) }
    const { url, authorizations } = await portal(issued)
    const plan = await spawnCli(['plan', '--portal', url], { cwd: dir, env })
    expect(plan.stderr).toBe('')
    expect(plan.code).toBe(0)
    const apply = await spawnCli(['apply', '--portal', url, '--yes'], { cwd: dir, env })
    expect(apply.stderr).toBe('')
    expect(apply.code).toBe(0)
    expect(apply.stdout).toContain('applied')
    expect(exchanges.length).toBeGreaterThanOrEqual(2) // one per process
    for (const form of exchanges) {
      expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:token-exchange')
      expect(form.get('scope')).toBe(DEFAULT_PORTAL_SCOPE)
    }
    expect(authorizations.length).toBeGreaterThan(2)
    expect(new Set(authorizations)).toEqual(new Set([`Bearer ${issued}`]))
    expectNoSecrets([plan, apply], [issued, subjectToken])
  })

  it('service-account key: the signed JWT request reaches oauth2.googleapis.com (stand-in behind HTTPS_PROXY) and its token reaches the portal', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const keyId = randomBytes(20).toString('hex')
    const issued = `ya29.${randomBytes(24).toString('base64url')}`
    const google = googleTokenStandIn(publicKey, 'deployer@example-project.iam.gserviceaccount.com', issued)
    const proxy = await connectProxy(google.server)
    const dir = project()
    writeFileSync(
      join(dir, 'key.json'),
      JSON.stringify(
        {
          type: 'service_account',
          project_id: 'example-project',
          private_key_id: keyId,
          private_key: pem,
          client_email: 'deployer@example-project.iam.gserviceaccount.com',
          token_uri: 'https://oauth2.googleapis.com/token',
        },
        null,
        2,
      ),
    )
    writeFileSync(join(dir, 'ca.pem'), TLS('ca.pem'))
    const { url, authorizations } = await portal(issued)
    const env = {
      GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'key.json'),
      HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`,
      NO_PROXY: '127.0.0.1',
      NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
    }
    const plan = await spawnCli(['plan', '--portal', url, '--format', 'json'], { cwd: dir, env })
    expect(plan.stderr).toBe('')
    expect(plan.code).toBe(0)
    expect(proxy.tunnels).toEqual(['oauth2.googleapis.com:443'])
    expect(google.assertions).toHaveLength(1)
    expect(authorizations.length).toBeGreaterThan(1)
    expect(new Set(authorizations)).toEqual(new Set([`Bearer ${issued}`]))
    expectNoSecrets([plan], [pem, keyId, issued])
  })

  it('a refused token request says which endpoint answered what, and leaks nothing', async () => {
    const subjectToken = `oidc.${randomBytes(24).toString('base64url')}`
    const stsPort = await listen(createHttpServer((_req, res) => answer(res, 401, { error: 'invalid_grant', error_description: `bad token ${subjectToken}` })))
    const dir = project()
    const credentials = federationFile(dir, subjectToken, `http://127.0.0.1:${stsPort}/v1/token?key=query-secret`)
    const { url } = await portal('never-issued')
    const run = await spawnCli(['plan', '--portal', url], { cwd: dir, env: { GOOGLE_APPLICATION_CREDENTIALS: credentials } })
    expect(run.code).not.toBe(0)
    const text = run.stdout + run.stderr
    expect(text).toContain(`http://127.0.0.1:${stsPort}/v1/token answered HTTP 401, invalid_grant`)
    expect(text).not.toContain('query-secret')
    expect(text).not.toContain('GoogleAuth is not a constructor')
    expectNoSecrets([run], [subjectToken])
  })
})

/** oauth2.googleapis.com's token endpoint: checks the RS256 assertion against the test's public key, then issues a token. */
function googleTokenStandIn(publicKey: KeyObject, clientEmail: string, issued: string) {
  const assertions: string[] = []
  const server = createHttpsServer({ key: TLS('google.key'), cert: TLS('google.pem') }, async (req, res) => {
    const form = await formBody(req)
    const assertion = form.get('assertion') ?? ''
    assertions.push(assertion)
    const [header = '', payload = '', signature = ''] = assertion.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8') || '{}') as Record<string, unknown>
    const valid =
      req.method === 'POST' &&
      req.url === '/token' &&
      form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
      createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(publicKey, signature, 'base64url') &&
      claims['iss'] === clientEmail &&
      claims['aud'] === 'https://oauth2.googleapis.com/token' &&
      claims['scope'] === DEFAULT_PORTAL_SCOPE
    if (!valid) return answer(res, 400, { error: 'invalid_grant' })
    answer(res, 200, { access_token: issued, expires_in: 3600, token_type: 'Bearer' })
  })
  return { server, assertions }
}

/** An HTTP CONNECT proxy that hands every tunnel to `tls` (which presents the test CA's certificate for the host). */
async function connectProxy(tls: Server) {
  const tunnels: string[] = []
  const proxy = createHttpServer((_req, res) => answer(res, 405, {}))
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
    tunnels.push(req.url ?? '')
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    tls.emit('connection', socket)
  })
  const port = await listen(proxy)
  return { port, tunnels }
}
