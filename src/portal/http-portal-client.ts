// The PortalClient over HTTP (SPEC §4): timeouts, retries with backoff, a rate limit, full pagination, typed errors.
import { randomUUID } from 'node:crypto'
import { readCappedBody } from '../files/read-capped-body.js'
import { TOKEN_ENV } from './auth.js'
import { PortalError, type PortalErrorKind } from './portal-error.js'
import { checkContactInformation, checkUser, checkUsersPage } from './response-shapes.js'
import type { ContactInformation, ContactInformationField, PortalClient, PortalUser } from './types.js'

export type TokenProvider = () => Promise<string | undefined>

export interface RetryInfo {
  operation: string
  /** The attempt that failed, 1-based. */
  attempt: number
  delayMs: number
  /** An HTTP status or a network error class, never a body. */
  reason: string
}

export interface HttpPortalClientOptions {
  /** Base URL of one environment, e.g. `https://portal.example.com` (the client appends `/v1/…`). */
  baseUrl: string
  /** How error messages name the portal; default the base URL without credentials or query (a `file:` portal names its file). */
  displayUrl?: string
  /** Called before every attempt: google-auth-library caches and refreshes behind it. */
  token?: TokenProvider
  fetch?: typeof globalThis.fetch
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number
  /** Overall deadline of one client call (all attempts, all pages, all waits). Default 120 s. */
  deadlineMs?: number
  /** Attempts per request, the first included. Default 6. */
  maxAttempts?: number
  /** Backoff base and cap: the n-th retry waits random() × min(cap, base × 2^(n-1)). Default 500 ms, 30 s. */
  baseDelayMs?: number
  maxDelayMs?: number
  /** Client-side limit in requests per second, shared by every call of this client; 0 turns it off. Default 20. */
  rateLimit?: number
  /** Users per page asked for. Default 100. */
  pageSize?: number
  /** Injectable for tests. */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  userAgent?: string
  onRetry?: (info: RetryInfo) => void
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504])
const MAX_PAGES = 10_000
/** No portal answer comes near this (a page of 100 users is a few KiB); a larger one is refused, not buffered. */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024

interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | undefined>
  body?: unknown
  headers?: Record<string, string>
  operation: string
}

interface Attempt {
  status: number
  /** The parsed JSON body; undefined for an empty body. */
  json: unknown
}

export class HttpPortalClient implements PortalClient {
  private readonly baseUrl: string
  /** The portal as error messages name it. */
  private readonly where: string
  private readonly fetchImpl: typeof globalThis.fetch
  private readonly timeoutMs: number
  private readonly deadlineMs: number
  private readonly maxAttempts: number
  private readonly baseDelayMs: number
  private readonly maxDelayMs: number
  private readonly intervalMs: number
  private readonly pageSize: number
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  /** The earliest time the next request may start (the rate limiter's only state). */
  private nextSlot = 0

  constructor(private readonly options: HttpPortalClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.where = options.displayUrl ?? displayUrl(this.baseUrl)
    this.fetchImpl = options.fetch ?? globalThis.fetch
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.deadlineMs = options.deadlineMs ?? 120_000
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 6)
    this.baseDelayMs = options.baseDelayMs ?? 500
    this.maxDelayMs = options.maxDelayMs ?? 30_000
    const rate = options.rateLimit ?? 20
    this.intervalMs = rate > 0 ? 1000 / rate : 0
    this.pageSize = options.pageSize ?? 100
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.random = options.random ?? Math.random
  }

  async getContactInformation(partnerId: string): Promise<ContactInformation> {
    const operation = `read contact information of partner ${partnerId}`
    const { json } = await this.call({ method: 'GET', path: `${partnerPath(partnerId)}/contactInformation`, operation }, this.deadline())
    return checkContactInformation(json, operation)
  }

  async updateContactInformation(
    partnerId: string,
    update: Partial<Omit<ContactInformation, 'name' | 'etag' | 'updateTime'>> & { etag: string },
    updateMask: readonly ContactInformationField[],
  ): Promise<ContactInformation> {
    const operation = `update contact information of partner ${partnerId}`
    if (updateMask.length === 0) throw new PortalError('invalid', operation, 'the update mask is empty')
    const body: Record<string, unknown> = { etag: update.etag }
    for (const field of updateMask) if (update[field] !== undefined) body[field] = update[field]
    const spec: RequestSpec = {
      method: 'PATCH',
      path: `${partnerPath(partnerId)}/contactInformation`,
      query: { updateMask: updateMask.join(',') },
      body,
      headers: { 'If-Match': update.etag },
      operation,
    }
    const deadline = this.deadline()
    try {
      const { json } = await this.call(spec, deadline)
      return checkContactInformation(json, operation)
    } catch (error) {
      // A retried PATCH whose first attempt was applied meets its own new etag: when the portal
      // now holds exactly what was sent, the write succeeded.
      if (error instanceof RetriedConflict) {
        const current = await this.getContactInformation(partnerId)
        if (updateMask.every((field) => sameValue(current[field], body[field]))) return current
        throw error.cause
      }
      throw error
    }
  }

  async listUsers(partnerId: string): Promise<PortalUser[]> {
    const operation = `list users of partner ${partnerId}`
    const deadline = this.deadline()
    const users: PortalUser[] = []
    const seenTokens = new Set<string>()
    let pageToken: string | undefined
    for (let page = 1; page <= MAX_PAGES; page++) {
      const pageOperation = page === 1 ? operation : `${operation} (page ${page})`
      const { json } = await this.call(
        { method: 'GET', path: `${partnerPath(partnerId)}/users`, query: { pageSize: String(this.pageSize), pageToken }, operation: pageOperation },
        deadline,
      )
      const result = checkUsersPage(json, pageOperation)
      users.push(...result.users)
      if (!result.nextPageToken) return users
      // A server that hands out the same token twice would loop forever.
      if (seenTokens.has(result.nextPageToken)) throw new PortalError('bad-response', pageOperation, 'the portal repeated a page token')
      seenTokens.add(result.nextPageToken)
      pageToken = result.nextPageToken
    }
    throw new PortalError('bad-response', operation, `more than ${MAX_PAGES} pages`)
  }

  async createUser(partnerId: string, user: Omit<PortalUser, 'name' | 'etag'>, requestId: string = randomUUID()): Promise<PortalUser> {
    const operation = `create a user of partner ${partnerId}`
    const body: Record<string, unknown> = { email: user.email, role: user.role }
    if (user.displayName !== undefined) body['displayName'] = user.displayName
    const { json } = await this.call({ method: 'POST', path: `${partnerPath(partnerId)}/users`, query: { requestId }, body, operation }, this.deadline())
    return checkUser(json, operation)
  }

  async updateUser(
    partnerId: string,
    email: string,
    user: Pick<PortalUser, 'role' | 'displayName'> & { etag?: string },
    updateMask: ReadonlyArray<'role' | 'displayName'>,
  ): Promise<PortalUser> {
    const operation = `update a user of partner ${partnerId}`
    if (updateMask.length === 0) throw new PortalError('invalid', operation, 'the update mask is empty')
    const body: Record<string, unknown> = {}
    for (const field of updateMask) if (user[field] !== undefined) body[field] = user[field]
    if (user.etag !== undefined) body['etag'] = user.etag
    const spec: RequestSpec = {
      method: 'PATCH',
      path: `${partnerPath(partnerId)}/users/${encodeURIComponent(email)}`,
      query: { updateMask: updateMask.join(',') },
      body,
      ...(user.etag !== undefined ? { headers: { 'If-Match': user.etag } } : {}),
      operation,
    }
    try {
      return checkUser((await this.call(spec, this.deadline())).json, operation)
    } catch (error) {
      if (error instanceof RetriedConflict) {
        const current = (await this.listUsers(partnerId)).find((u) => u.email.toLowerCase() === email.toLowerCase())
        if (current && updateMask.every((field) => sameValue(current[field], body[field]))) return current
        throw error.cause
      }
      throw error
    }
  }

  async deleteUser(partnerId: string, email: string, etag?: string): Promise<void> {
    const operation = `delete a user of partner ${partnerId}`
    const spec: RequestSpec = { method: 'DELETE', path: `${partnerPath(partnerId)}/users/${encodeURIComponent(email)}`, query: { etag }, operation }
    try {
      await this.call(spec, this.deadline())
    } catch (error) {
      // A retried DELETE whose first attempt was applied finds nothing to delete: done.
      if (error instanceof RetriedNotFound) return
      if (error instanceof RetriedConflict) throw error.cause
      throw error
    }
  }

  private deadline(): number {
    return this.now() + this.deadlineMs
  }

  /** One logical request: rate limit, attempts, backoff; returns a 2xx with its JSON or throws a PortalError. */
  private async call(spec: RequestSpec, deadline: number): Promise<Attempt> {
    const { operation } = spec
    let lastError: PortalError | undefined
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      await this.takeSlot(deadline, operation, lastError)
      let delayMs: number | undefined
      let reason: string
      try {
        const result = await this.attempt(spec, deadline)
        if (result.status >= 200 && result.status < 300) return result
        const failure = errorFromResponse(result, operation, this.where)
        if (!RETRYABLE_STATUS.has(result.status)) {
          if (attempt > 1 && result.status === 409 && spec.method !== 'POST') throw new RetriedConflict(failure)
          if (attempt > 1 && result.status === 404 && spec.method === 'DELETE') throw new RetriedNotFound(failure)
          throw failure
        }
        lastError = failure
        reason = String(result.status)
        delayMs = result.retryAfterMs
      } catch (error) {
        if (!(error instanceof NetworkFailure)) throw error
        lastError = new PortalError('unavailable', operation, `cannot reach ${this.where}: ${error.message}`)
        // Refused connections, unknown hosts and bad certificates do not get better in the next 11 seconds.
        if (error.fatal) throw new PortalError('unavailable', operation, `${describe(lastError)}; ${error.fatal}`)
        reason = error.reason
      }
      if (attempt === this.maxAttempts) break
      const backoff = this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1))
      const wait = delayMs ?? backoff
      if (this.now() + wait >= deadline) {
        throw new PortalError(lastError.kind, operation, `${describe(lastError)}; gave up: the next attempt would pass the deadline`, lastError.httpStatus, lastError.portalStatus)
      }
      this.options.onRetry?.({ operation, attempt, delayMs: wait, reason })
      await this.sleep(wait)
    }
    const error = lastError!
    throw new PortalError(error.kind, operation, `${describe(error)}; gave up after ${this.maxAttempts} attempts`, error.httpStatus, error.portalStatus)
  }

  /** Spacing rate limiter: each request takes the next free slot `1/rate` seconds after the previous one. */
  private async takeSlot(deadline: number, operation: string, lastError: PortalError | undefined): Promise<void> {
    if (this.intervalMs === 0) return
    const now = this.now()
    const slot = Math.max(now, this.nextSlot)
    this.nextSlot = slot + this.intervalMs
    if (slot >= deadline) {
      throw new PortalError(lastError?.kind ?? 'unavailable', operation, 'the client-side rate limit would pass the deadline', lastError?.httpStatus, lastError?.portalStatus)
    }
    if (slot > now) await this.sleep(slot - now)
  }

  private async attempt(spec: RequestSpec, deadline: number): Promise<Attempt & { retryAfterMs?: number }> {
    const url = new URL(`${this.baseUrl}${spec.path}`)
    for (const [key, value] of Object.entries(spec.query ?? {})) if (value !== undefined) url.searchParams.set(key, value)
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': this.options.userAgent ?? 'partner-contacts', ...spec.headers }
    const token = await this.options.token?.()
    if (token) headers['Authorization'] = `Bearer ${token}`
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json'
    const timeout = Math.max(1, Math.min(this.timeoutMs, deadline - this.now()))
    const signal = AbortSignal.timeout(timeout)
    let response: Response
    let text: string
    try {
      response = await this.fetchImpl(url, {
        method: spec.method,
        headers,
        ...(spec.body !== undefined ? { body: JSON.stringify(spec.body) } : {}),
        signal,
        // Never followed: the bearer token would go wherever the Location points.
        redirect: 'manual',
      })
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel()
        const location = displayUrl(response.headers.get('location') ?? '', this.baseUrl)
        throw new PortalError(
          'invalid',
          spec.operation,
          `${this.where} answered HTTP ${response.status}, a redirect${location ? ` to ${location}` : ''}; redirects are not followed (the token would go with them): set --portal (portal-url in the Action) to the portal API's own base URL`,
          response.status,
        )
      }
      // Reading the body is part of the attempt: a reset mid-body is a network failure, not a short list.
      text = await readCapped(response, spec.operation, this.where)
    } catch (error) {
      // The in-process emulator fails with PortalErrors of its own (e.g. an unreadable state file).
      if (error instanceof PortalError) throw error
      throw NetworkFailure.from(error, timeout)
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now())
    let json: unknown
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text)
      } catch {
        if (response.status >= 200 && response.status < 300) {
          throw new PortalError('bad-response', spec.operation, `HTTP ${response.status} with a body that is not JSON (${text.length} characters)`, response.status)
        }
        // An error page from a proxy: the status still says what happened.
        json = undefined
      }
    } else if (response.status >= 200 && response.status < 300 && spec.method !== 'DELETE') {
      throw new PortalError('bad-response', spec.operation, `HTTP ${response.status} with an empty body`, response.status)
    }
    return { status: response.status, json, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }
  }
}

/** A 409 met on a retry: the first attempt may have been applied. Callers check and decide. */
class RetriedConflict extends Error {
  constructor(override readonly cause: PortalError) {
    super(cause.message)
  }
}
class RetriedNotFound extends Error {
  constructor(override readonly cause: PortalError) {
    super(cause.message)
  }
}

class NetworkFailure extends Error {
  constructor(
    message: string,
    readonly reason: string,
    /** The next step, for a failure that retrying cannot fix; undefined when a retry may help. */
    readonly fatal?: string,
  ) {
    super(message)
  }

  static from(error: unknown, timeoutMs: number): NetworkFailure {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return new NetworkFailure(`no answer within ${timeoutMs} ms (timeout)`, 'timeout')
    }
    // undici wraps the socket error in `cause`; only its code is safe and useful to show.
    const cause: unknown = error instanceof Error ? error.cause : undefined
    const code = cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined
    if (code === 'ECONNREFUSED') {
      return new NetworkFailure('connection refused (ECONNREFUSED)', code, 'check --portal (portal-url in the Action) and that the portal is running')
    }
    if (code === 'ENOTFOUND') {
      return new NetworkFailure('host name not found (ENOTFOUND)', code, 'check the host name in --portal (portal-url in the Action)')
    }
    if (code && isTlsCode(code)) {
      return new NetworkFailure(
        `TLS failed (${code})`,
        code,
        "check the portal URL's certificate; behind a proxy that inspects TLS, point NODE_EXTRA_CA_CERTS at its CA certificate",
      )
    }
    if (code === 'EAI_AGAIN') return new NetworkFailure('host name lookup failed for now (EAI_AGAIN)', code)
    return new NetworkFailure(code ? `network error (${code})` : 'network error', code ?? 'network')
  }
}

function isTlsCode(code: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/.test(code)
}

/** The body as text; one over MAX_RESPONSE_BYTES is refused (not retried) before it is buffered. */
async function readCapped(response: Response, operation: string, where: string): Promise<string> {
  const body = await readCappedBody(response, MAX_RESPONSE_BYTES)
  if (body === undefined) {
    throw new PortalError(
      'bad-response',
      operation,
      `${where} sent an answer larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB, the limit: check that --portal (portal-url in the Action) is the portal API`,
      response.status,
    )
  }
  return new TextDecoder().decode(body)
}

/** A URL as messages show it: scheme, host and path, never credentials or a query that may carry a key. */
function displayUrl(url: string, base?: string): string {
  try {
    const parsed = base === undefined ? new URL(url) : new URL(url, base)
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`
  } catch {
    return ''
  }
}

const STATUS_KIND: Record<number, PortalErrorKind> = {
  400: 'invalid',
  401: 'auth',
  403: 'auth',
  404: 'not-found',
  409: 'conflict',
  412: 'conflict',
  429: 'rate-limited',
}

/**
 * A non-2xx answer as a PortalError: where, the status, and the next step. The portal's own `message` is passed on
 * only for 403 and 404, summarised (one short line, emails and phone numbers cut out), because there it names what
 * is missing or forbidden ("partner … does not exist"); elsewhere it may quote the request. Field names from a
 * google.rpc.BadRequest detail are shown, since they name schema paths.
 */
function errorFromResponse(result: Attempt, operation: string, where: string): PortalError {
  const kind = STATUS_KIND[result.status] ?? (result.status >= 500 || result.status === 408 ? 'unavailable' : 'invalid')
  const status = rpcStatus(result.json)
  const fields = fieldViolations(result.json)
  const what = status ?? 'no google.rpc.Status in the answer'
  const reason = result.status === 403 || result.status === 404 ? summarisedReason(result.json) : undefined
  const next = NEXT_STEP[result.status]
  const message = `${where} answered HTTP ${result.status} ${what}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}${reason ? `: ${reason}` : ''}${next ? `; ${next}` : ''}`
  return new PortalError(kind, operation, message, result.status, status)
}

const CREDENTIALS_STEP = `pass --token (portal-token in the Action), set ${TOKEN_ENV}, or set up Google Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, e.g. with google-github-actions/auth) for an account with access to this partner`
const NEXT_STEP: Record<number, string> = {
  401: `the portal wants credentials: ${CREDENTIALS_STEP}`,
  403: `the credentials are not allowed here: ${CREDENTIALS_STEP}`,
  404: 'check partner.id in the file and that --portal (portal-url) is the right environment (sandbox and production are separate)',
}

/** The portal's `error.message`, when it is one short printable line; emails and phone numbers are cut out. */
function summarisedReason(json: unknown): string | undefined {
  const error = isObject(json) ? json['error'] : undefined
  const message = isObject(error) ? error['message'] : undefined
  if (typeof message !== 'string') return undefined
  const line = message
    .replace(/[^\s@]+@[^\s@]+/g, '<email>')
    .replace(/\+?\d[\d ().-]{6,}\d/g, (digits) => (/^\d{1,20}$/.test(digits) ? digits : '<number>'))
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (line === '') return undefined
  return line.length > 120 ? `${line.slice(0, 119)}…` : line
}

function rpcStatus(json: unknown): string | undefined {
  const error = isObject(json) ? json['error'] : undefined
  const status = isObject(error) ? error['status'] : undefined
  return typeof status === 'string' && /^[A-Z_]{1,40}$/.test(status) ? status : undefined
}

function fieldViolations(json: unknown): string[] {
  const error = isObject(json) ? json['error'] : undefined
  const details = isObject(error) && Array.isArray(error['details']) ? error['details'] : []
  const fields: string[] = []
  for (const detail of details) {
    if (!isObject(detail) || !Array.isArray(detail['fieldViolations'])) continue
    for (const violation of detail['fieldViolations']) {
      const field = isObject(violation) ? violation['field'] : undefined
      // Only a schema path is shown: nothing that could be a value.
      if (typeof field === 'string' && /^[A-Za-z][A-Za-z0-9_.[\]]{0,100}$/.test(field)) fields.push(field)
    }
  }
  return fields.slice(0, 5)
}

function describe(error: PortalError): string {
  return error.message.slice(error.operation.length + 2)
}

/** `Retry-After` in seconds or as an HTTP-date, in milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

function partnerPath(partnerId: string): string {
  return `/v1/partners/${encodeURIComponent(partnerId)}`
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Deep equality of JSON values, with absent and empty lists/objects the same (a mask clears to empty). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (isObject(value)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(isObject(v) && Object.keys(v).length === 0))
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([k, v]) => [k, canonical(v)] as const)
    return entries.length === 0 ? null : Object.fromEntries(entries)
  }
  return value ?? null
}
