// Portal credentials: an explicit token, else Google Application Default Credentials (loaded lazily), every secret reported for masking.
import { readFileSync } from 'node:fs'
import type { TokenProvider } from './http-portal-client.js'
import { PortalError } from './portal-error.js'

export const DEFAULT_PORTAL_SCOPE = 'https://www.googleapis.com/auth/mapsbooking'
export const TOKEN_ENV = 'PARTNER_CONTACTS_PORTAL_TOKEN'

export interface PortalAuthOptions {
  /** `--token` / the `portal-token` input; wins over the environment. */
  token?: string
  /** Where `PARTNER_CONTACTS_PORTAL_TOKEN` and `GOOGLE_APPLICATION_CREDENTIALS` are read. Default process.env. */
  env?: NodeJS.ProcessEnv
  /** OAuth scope for Google credentials (`portal-scope`). */
  scope?: string
  /**
   * Called with every secret before it can reach a log: the token, each access token obtained, and
   * the secret lines of a credentials file. The Action passes `core.setSecret`.
   */
  onSecret?: (value: string) => void
  /** Given to google-auth-library's HTTP transport; tests use it to answer the token request. */
  googleFetch?: typeof globalThis.fetch
}

/** The explicit token, if any: the flag or input first, then the environment. Empty strings count as absent. */
export function explicitToken(options: Pick<PortalAuthOptions, 'token' | 'env'>): string | undefined {
  const env = options.env ?? process.env
  const token = options.token?.trim() || env[TOKEN_ENV]?.trim()
  return token || undefined
}

/** Whether Google credentials are configured through the environment variable ADC reads first. */
export function hasCredentialsFile(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env['GOOGLE_APPLICATION_CREDENTIALS']?.trim())
}

/**
 * A token provider for the HTTP client. With no explicit token, google-auth-library is imported on
 * the first request only, so commands that never call the portal (validate) never load it.
 */
export function createTokenProvider(options: PortalAuthOptions = {}): TokenProvider {
  const onSecret = options.onSecret ?? (() => {})
  const token = explicitToken(options)
  if (token) {
    onSecret(token)
    return async () => token
  }
  const env = options.env ?? process.env
  const scope = options.scope?.trim() || DEFAULT_PORTAL_SCOPE
  let client: Promise<{ getAccessToken(): Promise<{ token?: string | null }> }> | undefined
  // Every secret seen, so that no error message built from a library's text can carry one.
  const masked = new Set<string>()
  const secret = (value: string) => {
    if (masked.has(value)) return
    masked.add(value)
    onSecret(value)
  }
  return async () => {
    client ??= googleClient(env, scope, secret, masked, options.googleFetch)
    let access: string | null | undefined
    try {
      access = (await (await client).getAccessToken()).token
    } catch (error) {
      // A failed client is not cached: the next call tries again (the metadata server may come up).
      client = undefined
      if (error instanceof PortalError) throw error
      throw new PortalError('auth', 'get a Google access token', `Google credentials did not give a token: ${describeGoogleError(error, masked)}; check the credentials file, its token_url and the scope`)
    }
    if (!access) throw new PortalError('auth', 'get a Google access token', 'Google credentials gave an empty token')
    secret(access)
    return access
  }
}

async function googleClient(
  env: NodeJS.ProcessEnv,
  scope: string,
  onSecret: (value: string) => void,
  secrets: ReadonlySet<string>,
  googleFetch: typeof globalThis.fetch | undefined,
): Promise<{ getAccessToken(): Promise<{ token?: string | null }> }> {
  const keyFilename = env['GOOGLE_APPLICATION_CREDENTIALS']?.trim() || undefined
  if (keyFilename) maskCredentialsFile(keyFilename, onSecret)
  // The named export is there in the bundle too: scripts/build.mjs routes lazy imports of CommonJS packages through a
  // re-exporting module (esbuild's code splitting would otherwise leave only `default`).
  const { GoogleAuth } = await import('google-auth-library')
  if (typeof GoogleAuth !== 'function') throw new PortalError('auth', 'load google-auth-library', 'the bundled library has no GoogleAuth export (a build problem: please report it)')
  // Application Default Credentials read GOOGLE_APPLICATION_CREDENTIALS from process.env themselves, without the
  // library's deprecation warnings on stderr; `keyFilename` is only for a caller that passes an environment of its own.
  const ownFile = keyFilename !== undefined && keyFilename !== process.env['GOOGLE_APPLICATION_CREDENTIALS']?.trim()
  const auth = new GoogleAuth({
    scopes: [scope],
    // The portal needs no Cloud project. Without one, ADC looks it up, and for a federated identity that is a call to
    // cloudresourcemanager.googleapis.com the identity may not be allowed to make: a token must not depend on it.
    projectId: env['GOOGLE_CLOUD_PROJECT']?.trim() || 'partner-contacts-no-project',
    ...(ownFile ? { keyFilename } : {}),
    ...(googleFetch ? { clientOptions: { transporterOptions: { fetchImplementation: googleFetch } } } : {}),
  })
  try {
    return await auth.getClient()
  } catch (error) {
    throw new PortalError(
      'auth',
      'find Google credentials',
      `no portal token and no usable Google Application Default Credentials (${describeGoogleError(error, secrets)}): pass --token, set ${TOKEN_ENV}, or set GOOGLE_APPLICATION_CREDENTIALS (e.g. with google-github-actions/auth)`,
    )
  }
}

/**
 * Reports the secret parts of a credentials file for masking: every line of the file long enough to
 * be worth hiding, and every line of the values that hold key material (the private key is one JSON
 * line with escaped newlines, and a log could print it decoded). Short lines such as `{` are left
 * alone: masking them would blank every brace in the log. A workload-identity-federation file holds
 * no secret of its own, and masking its lines costs nothing.
 */
export function maskCredentialsFile(path: string, onSecret: (value: string) => void): void {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return // google-auth-library reports the missing file in its own (caught, rephrased) error
  }
  for (const line of text.split(/\r?\n/)) if (line.trim().length >= 8) onSecret(line.trim())
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return
  }
  if (typeof json !== 'object' || json === null) return
  for (const key of ['private_key', 'private_key_id', 'client_secret', 'refresh_token']) {
    const value = (json as Record<string, unknown>)[key]
    if (typeof value !== 'string') continue
    for (const line of value.split(/\r?\n/)) {
      const trimmed = line.trim()
      if (trimmed.length >= 8 && !/^-----(BEGIN|END) [A-Z ]+-----$/.test(trimmed)) onSecret(trimmed)
    }
  }
}

/**
 * What google-auth-library's failure says, safe to log: the endpoint and HTTP status of a failed token request with
 * the OAuth error code, else the first line of the library's message. Every known secret is cut out, and so is
 * anything shaped like a token or key (a long run of base64 or a JWT), since a server's error text may echo one.
 */
export function describeGoogleError(error: unknown, secrets: ReadonlySet<string> = new Set()): string {
  if (!(error instanceof Error)) return 'an unknown error'
  const record = error as Error & { code?: unknown; status?: unknown; config?: { url?: unknown }; response?: { status?: unknown; data?: unknown } }
  const parts: string[] = []
  const status = typeof record.response?.status === 'number' ? record.response.status : typeof record.status === 'number' ? record.status : undefined
  const url = endpoint(record.config?.url)
  if (status !== undefined) parts.push(`${url ? `${url} answered` : 'the token endpoint answered'} HTTP ${status}`)
  else if (url) parts.push(`request to ${url} failed`)
  const data = record.response?.data
  const oauthError = data && typeof data === 'object' && 'error' in data ? (data as { error: unknown }).error : undefined
  if (typeof oauthError === 'string' && /^[a-z_]{1,40}$/.test(oauthError)) parts.push(oauthError)
  const code = typeof record.code === 'string' && /^[A-Z_]{2,40}$/.test(record.code) ? record.code : undefined
  if (code) parts.push(code)
  if (status === undefined) {
    let line = (error.message.split(/\r?\n/, 1)[0] ?? '').trim()
    for (const value of secrets) if (value.length >= 8) line = line.split(value).join('***')
    line = line
      .replace(/eyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '***')
      .replace(/[A-Za-z0-9+/_-]{40,}={0,2}/g, '***')
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    if (line.length > 200) line = `${line.slice(0, 199)}…`
    if (line) parts.unshift(`${error.name === 'Error' ? '' : `${error.name}: `}${line}`)
  }
  return parts.length > 0 ? parts.join(', ') : error.name
}

/** A request URL as scheme, host and path: never its query, which may carry a credential. */
function endpoint(url: unknown): string | undefined {
  if (typeof url !== 'string' && !(url instanceof URL)) return undefined
  try {
    const parsed = new URL(String(url))
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return undefined
  }
}
