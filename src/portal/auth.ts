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
  const masked = new Set<string>()
  return async () => {
    client ??= googleClient(env, scope, onSecret, options.googleFetch)
    let access: string | null | undefined
    try {
      access = (await (await client).getAccessToken()).token
    } catch (error) {
      // A failed client is not cached: the next call tries again (the metadata server may come up).
      client = undefined
      if (error instanceof PortalError) throw error
      throw new PortalError('auth', 'get a Google access token', `Google credentials did not give a token${errorCode(error)}; check the credentials and the scope`)
    }
    if (!access) throw new PortalError('auth', 'get a Google access token', 'Google credentials gave an empty token')
    if (!masked.has(access)) {
      masked.add(access)
      onSecret(access)
    }
    return access
  }
}

async function googleClient(
  env: NodeJS.ProcessEnv,
  scope: string,
  onSecret: (value: string) => void,
  googleFetch: typeof globalThis.fetch | undefined,
): Promise<{ getAccessToken(): Promise<{ token?: string | null }> }> {
  const keyFilename = env['GOOGLE_APPLICATION_CREDENTIALS']?.trim() || undefined
  if (keyFilename) maskCredentialsFile(keyFilename, onSecret)
  const { GoogleAuth } = await import('google-auth-library')
  const auth = new GoogleAuth({
    scopes: [scope],
    ...(keyFilename ? { keyFilename } : {}),
    ...(googleFetch ? { clientOptions: { transporterOptions: { fetchImplementation: googleFetch } } } : {}),
  })
  try {
    return await auth.getClient()
  } catch (error) {
    throw new PortalError(
      'auth',
      'find Google credentials',
      `no portal token and no usable Google Application Default Credentials${errorCode(error)}: pass --token, set ${TOKEN_ENV}, or set GOOGLE_APPLICATION_CREDENTIALS (e.g. with google-github-actions/auth)`,
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

function errorCode(error: unknown): string {
  const code: unknown = error && typeof error === 'object' && 'code' in error ? error.code : undefined
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? ` (${code})` : ''
}
