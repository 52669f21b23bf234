// Picks the portal client for a URL: the in-process emulator for `file:` URLs, HTTP (with auth) otherwise.
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTokenProvider, explicitToken, hasCredentialsFile, type PortalAuthOptions } from './auth.js'
import { PortalEmulator } from './emulator/emulator.js'
import { HttpPortalClient, type HttpPortalClientOptions } from './http-portal-client.js'
import { PortalError } from './portal-error.js'
import type { PortalClient } from './types.js'

export const DEFAULT_PORTAL_URL = 'file:.partner-contacts/portal.json'
export const PORTAL_URL_ENV = 'PARTNER_CONTACTS_PORTAL_URL'
/** Requests per second to the portal when no rateLimit option is given (0: no limit); busy accounts and the bench tune it. */
export const RATE_LIMIT_ENV = 'PARTNER_CONTACTS_RATE_LIMIT'

export interface CreatePortalClientOptions extends PortalAuthOptions, Partial<Omit<HttpPortalClientOptions, 'baseUrl' | 'token'>> {
  /** Resolves relative `file:` paths. Default process.cwd(). */
  cwd?: string
}

/** `--portal` / `portal-url`, else `PARTNER_CONTACTS_PORTAL_URL`, else the embedded emulator state. */
export function resolvePortalUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag?.trim() || env[PORTAL_URL_ENV]?.trim() || DEFAULT_PORTAL_URL
}

/** The state file of a `file:` portal URL, or undefined for other URLs. */
export function portalStatePath(url: string, cwd: string = process.cwd()): string | undefined {
  if (!url.startsWith('file:')) return undefined
  if (url.startsWith('file://')) return fileURLToPath(url)
  const path = url.slice('file:'.length)
  if (path === '') throw new PortalError('invalid', 'open the portal', 'a file: portal URL needs a path, e.g. file:.partner-contacts/portal.json')
  return isAbsolute(path) ? path : resolve(cwd, path)
}

export function createPortalClient(url: string, options: CreatePortalClientOptions = {}): PortalClient {
  const statePath = portalStatePath(url, options.cwd)
  const { token: _token, env: _env, scope: _scope, onSecret: _onSecret, googleFetch: _googleFetch, cwd: _cwd, ...http } = options
  if (statePath) {
    // The emulator reads its state on first use: creating a client costs nothing and cannot fail.
    let emulator: PortalEmulator | undefined
    return new HttpPortalClient({
      ...http,
      baseUrl: 'http://in-process.invalid',
      displayUrl: `the emulator state file ${statePath}`,
      fetch: (input, init) => (emulator ??= new PortalEmulator({ statePath, autoCreate: true })).fetch(input, init),
      rateLimit: 0,
      maxAttempts: 1,
    })
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PortalError('invalid', 'open the portal', 'the portal URL is not a URL (expected https://… or file:<path>)')
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopback(parsed.hostname))) {
    // A bearer token over plain HTTP to another host would be readable on the way.
    throw new PortalError('invalid', 'open the portal', 'the portal URL must use https (plain http only for 127.0.0.1 or localhost)')
  }
  // A local emulator without --token accepts anything: do not go looking for Google credentials.
  const anonymous = isLoopback(parsed.hostname) && !explicitToken(options) && !hasCredentialsFile(options.env ?? process.env)
  const rateLimit = http.rateLimit ?? rateLimitFromEnv(options.env ?? process.env)
  return new HttpPortalClient({
    ...http,
    ...(rateLimit !== undefined ? { rateLimit } : {}),
    baseUrl: url,
    ...(anonymous ? {} : { token: createTokenProvider(options) }),
  })
}

function rateLimitFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const text = env[RATE_LIMIT_ENV]?.trim()
  if (!text) return undefined
  const rate = Number(text)
  if (!(rate >= 0)) throw new PortalError('invalid', 'open the portal', `${RATE_LIMIT_ENV} must be a number of requests per second (0: no limit)`)
  return rate
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]'
}
