// Auth: explicit tokens, Google credentials from a service-account key and a workload-identity-federation file, masking.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createVerify, generateKeyPairSync } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTokenProvider, DEFAULT_PORTAL_SCOPE } from '../../src/portal/auth.js'
import { createPortalClient } from '../../src/portal/create-portal-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { PARTNER, serveEmulator } from './helpers.js'

describe('portal auth', () => {
  it('uses --token before the environment, and reports it for masking', async () => {
    const secrets: string[] = []
    const provider = createTokenProvider({ token: 'flag-token', env: { PARTNER_CONTACTS_PORTAL_TOKEN: 'env-token' }, onSecret: (s) => secrets.push(s) })
    expect(await provider()).toBe('flag-token')
    expect(secrets).toEqual(['flag-token'])
    expect(await createTokenProvider({ env: { PARTNER_CONTACTS_PORTAL_TOKEN: ' env-token ' } })()).toBe('env-token')
  })

  it('reaches an emulator that requires the token', async () => {
    const { url } = await serveEmulator({ token: 'sesame' })
    const client = createPortalClient(url, { env: { PARTNER_CONTACTS_PORTAL_TOKEN: 'sesame' }, rateLimit: 0 })
    expect((await client.getContactInformation(PARTNER)).etag).toBeTruthy()
  })

  it('signs a service-account assertion and masks every secret line of the key file', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const keyFile = join(tempDir(), 'key.json')
    writeFileSync(
      keyFile,
      JSON.stringify({ type: 'service_account', project_id: 'p', private_key_id: 'abc123def456', private_key: pem, client_email: 'sa@p.iam.gserviceaccount.com', token_uri: 'https://oauth2.googleapis.com/token' }, null, 2),
    )
    const requests: Array<{ url: string; body: string }> = []
    const googleFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      requests.push({ url: String(input), body: String(init?.body ?? '') })
      return new Response(JSON.stringify({ access_token: 'ya29.from-sa', expires_in: 3600, token_type: 'Bearer' }), { headers: { 'content-type': 'application/json' } })
    }) as typeof fetch
    const secrets: string[] = []
    const provider = createTokenProvider({ env: { GOOGLE_APPLICATION_CREDENTIALS: keyFile }, onSecret: (s) => secrets.push(s), googleFetch })
    expect(await provider()).toBe('ya29.from-sa')
    expect(await provider()).toBe('ya29.from-sa') // cached by google-auth-library
    expect(requests).toHaveLength(1)
    expect(requests[0]!.url).toBe('https://oauth2.googleapis.com/token')
    const assertion = new URLSearchParams(requests[0]!.body).get('assertion')!
    const [header, payload, signature] = assertion.split('.')
    expect(createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(publicKey, signature!, 'base64url')).toBe(true)
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString()).scope).toBe(DEFAULT_PORTAL_SCOPE)
    // Every base64 line of the key, the key ID and the token are masked; braces are not.
    for (const line of pem.split('\n').filter((l) => l && !l.startsWith('-----'))) expect(secrets).toContain(line)
    expect(secrets).toContain('abc123def456')
    expect(secrets).toContain('ya29.from-sa')
    expect(secrets).not.toContain('{')
  })

  it('exchanges a workload-identity-federation file at its 127.0.0.1 token_url', async () => {
    const dir = tempDir()
    const subjectFile = join(dir, 'oidc-token')
    writeFileSync(subjectFile, 'github-oidc-jwt')
    const seen: string[] = []
    const sts = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        seen.push(body)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ access_token: 'federated-token', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3600 }))
      })
    })
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = sts.address() as AddressInfo
      const credentials = join(dir, 'gha-creds.json')
      writeFileSync(
        credentials,
        JSON.stringify({
          type: 'external_account',
          audience: '//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/providers/repo',
          subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
          token_url: `http://127.0.0.1:${port}/v1/token`,
          credential_source: { file: subjectFile },
        }),
      )
      const { url, emulator } = await serveEmulator({ token: 'federated-token' })
      const secrets: string[] = []
      const client = createPortalClient(url, { env: { GOOGLE_APPLICATION_CREDENTIALS: credentials }, onSecret: (s) => secrets.push(s), rateLimit: 0 })
      expect((await client.getContactInformation(PARTNER)).etag).toBeTruthy()
      expect(emulator.requests).toHaveLength(1)
      const exchange = new URLSearchParams(seen[0]!)
      expect(exchange.get('subject_token')).toBe('github-oidc-jwt')
      expect(exchange.get('scope')).toBe(DEFAULT_PORTAL_SCOPE)
      expect(secrets).toContain('federated-token')
    } finally {
      await new Promise((resolve) => sts.close(resolve))
    }
  })

  it('fails with an auth error, in its own words, when the credentials file is missing', async () => {
    const provider = createTokenProvider({ env: { GOOGLE_APPLICATION_CREDENTIALS: join(tempDir(), 'missing.json') } })
    await expect(provider()).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/GOOGLE_APPLICATION_CREDENTIALS/) })
  })
})
