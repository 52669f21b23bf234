// The portal emulator: the whole SPEC §4 contract over web Request/Response, for the HTTP server and the in-process form alike.
import { createHash } from 'node:crypto'
import { PortalError } from '../portal-error.js'
import type { ContactInformation, ContactInformationField, PortalUser } from '../types.js'
import { CONTACT_LIST_FIELDS } from '../types.js'
import {
  MASK_FIELDS,
  checkContacts,
  checkDisplayName,
  checkEmail,
  checkKeys,
  checkRole,
  checkSupport,
  isObject,
  type FieldViolation,
} from './check-request.js'
import { emptyState, loadState, saveState, stateTarget, stateVersion, withStateLock, type EmulatorState, type PartnerState } from './state.js'

/** What a fault does to a matching request. */
export type FaultAction =
  | { type: 'status'; status: number; retryAfter?: number | string }
  /** Close the connection before any answer (in-process: fetch rejects like undici). */
  | { type: 'reset' }
  /** Send the headers and half of the body, then close the connection. */
  | { type: 'truncate' }
  /** Answer with this body instead (non-JSON, cut JSON, a wrong shape …). */
  | { type: 'body'; body: string; status?: number; contentType?: string }
  | { type: 'delay'; ms: number }

export interface FaultRule {
  method?: string
  /** A substring of the path, or a pattern tested against it. */
  path?: string | RegExp
  /** How many matching requests it applies to. Default 1. */
  times?: number
  /** Matching requests to let through first (e.g. 1 to fail page 2 of a list). Default 0. */
  skip?: number
  /** Apply after the request was handled (its write is kept): a lost answer to a request that succeeded. */
  after?: boolean
  action: FaultAction
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  /** The time, on the emulator's clock, the request arrived. */
  at: number
}

export interface EmulatorOptions {
  /**
   * The state lives in this file, shared with other processes: reads reload it when it changed, and every write
   * takes its lock, reloads it, and saves it atomically before it answers (a write that cannot be saved fails and
   * changes nothing).
   */
  statePath?: string
  /** Initial state; with a statePath, it replaces the file's at start. */
  state?: EmulatorState
  /** Accept only this bearer token (401 when missing, 403 when different). Any token otherwise. */
  token?: string
  /** Accounts added with empty contact information at start. */
  partners?: string[]
  /** Every account is a sandbox account, as behind a sandbox base URL. */
  sandbox?: boolean
  /** Create an unknown (digits-only) partner empty on first use, as the CLI's embedded default does. */
  autoCreate?: boolean
  latencyMs?: number
  /** Share of requests answered 503 UNAVAILABLE, 0..1. */
  failRate?: number
  /** Requests per second before 429 RESOURCE_EXHAUSTED with Retry-After. */
  rateLimit?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** The emulator's decision for one request, before it is put on a socket or into a Response. */
export type Outcome =
  | { type: 'response'; status: number; headers: Record<string, string>; body: string; failure?: PortalError }
  | { type: 'reset' }
  | { type: 'truncate'; status: number; headers: Record<string, string>; body: string }

export interface EmulatorRequest {
  method: string
  url: URL
  headers: Headers
  body: string
}

const DEFAULT_PAGE_SIZE = 50
const MAX_PAGE_SIZE = 100

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly violations: FieldViolation[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

function invalid(violations: FieldViolation[], status = 'INVALID_ARGUMENT'): ApiError {
  const fields = violations.map((v) => v.field)
  const message = violations.length === 1 ? `${violations[0]!.field} ${violations[0]!.description}` : `invalid fields: ${fields.slice(0, 10).join(', ')}`
  return new ApiError(400, status, message, violations)
}

export class PortalEmulator {
  readonly requests: RecordedRequest[] = []
  private state: EmulatorState
  private readonly faults: Array<FaultRule & { left: number; skipLeft: number }> = []
  /** AIP-155: the first answer to each (partner, requestId); kept for the life of the emulator. */
  private readonly seenRequestIds = new Map<string, PortalUser>()
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private bucket: { tokens: number; at: number }
  /** The state file (a symlink resolved), its version as last read, and whether the current write changed anything. */
  private readonly target: string | undefined
  private version: string | undefined
  private dirty = false
  /** Effects that only hold once a write is saved (AIP-155 request IDs). */
  private onSave: Array<() => void> = []

  constructor(private readonly options: EmulatorOptions = {}) {
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.random = options.random ?? Math.random
    this.bucket = { tokens: options.rateLimit ?? 0, at: this.now() }
    for (const id of options.partners ?? []) {
      if (!/^\d{1,20}$/.test(id)) throw new PortalError('invalid', 'start the emulator', 'a partner ID must be digits')
    }
    this.target = options.statePath ? stateTarget(options.statePath) : undefined
    this.state = options.state ?? emptyState()
    if (!this.target) {
      this.addPartners()
      return
    }
    if (!options.state) this.refresh()
    // "Created when missing": the file exists from the start, even before the first write. An existing file is left
    // byte for byte as it is until a write: reading (plan, dry-run) must never touch it.
    if (this.version === undefined && !options.state) {
      this.addPartners()
      if (saveState(this.target, this.state, true)) {
        this.version = stateVersion(this.target)
        return
      }
      this.refresh() // another process created it first: use theirs
    }
    if (options.state || (options.partners ?? []).some((id) => !Object.hasOwn(this.state.partners, id))) {
      const initial = options.state
      this.write(() => {
        if (initial) this.state = structuredClone(initial)
        if (this.addPartners() || initial) this.persist()
      })
    }
  }

  private addPartners(): boolean {
    let added = false
    for (const id of this.options.partners ?? []) {
      if (!Object.hasOwn(this.state.partners, id)) {
        this.state.partners[id] = newPartner(id, this.now())
        added = true
      }
    }
    return added
  }

  /** Reloads the state file when another process (or editor) changed it since it was last read. */
  private refresh(): void {
    if (!this.target) return
    const version = stateVersion(this.target)
    if (version !== undefined && version === this.version) return
    this.state = version === undefined ? emptyState() : loadState(this.target)
    this.version = version
  }

  /**
   * One write as a transaction: under the file's lock, reload, change, save. When anything fails (the request, the
   * save), memory goes back to what it was, so the emulator never answers from a state that is not on disk.
   */
  private write<T>(change: () => T): T {
    const target = this.target
    if (!target) {
      this.onSave = []
      const result = change()
      for (const effect of this.onSave.splice(0)) effect()
      return result
    }
    return withStateLock(target, () => {
      this.refresh()
      const before = this.state
      this.state = structuredClone(before)
      this.dirty = false
      this.onSave = []
      try {
        const result = change()
        if (this.dirty) {
          saveState(target, this.state)
          this.version = stateVersion(target)
          for (const effect of this.onSave) effect()
        }
        return result
      } catch (error) {
        this.state = before
        throw error
      } finally {
        this.onSave = []
      }
    })
  }

  /** A copy of the current state, for tests and inspection. */
  snapshot(): EmulatorState {
    return structuredClone(this.state)
  }

  /** Fault injection for tests and demos: the next `times` requests matching the rule get `action`. */
  inject(rule: FaultRule): void {
    this.faults.push({ ...rule, left: rule.times ?? 1, skipLeft: rule.skip ?? 0 })
  }

  clearFaults(): void {
    this.faults.length = 0
  }

  /** A `fetch` served by this emulator, for the in-process form of `file:` portal URLs and for tests. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    if (request.signal.aborted) throw request.signal.reason
    const outcome = await this.handle({ method: request.method, url: new URL(request.url), headers: request.headers, body: await request.text() })
    // In-process, a state file that cannot be read or written is the caller's error with its own words and path.
    if (outcome.type === 'response' && outcome.failure) throw outcome.failure
    if (outcome.type === 'reset') throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) })
    if (outcome.type === 'truncate') {
      const half = new TextEncoder().encode(outcome.body.slice(0, Math.floor(outcome.body.length / 2)))
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(half)
          controller.error(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }))
        },
      })
      return new Response(stream, { status: outcome.status, headers: outcome.headers })
    }
    return new Response(outcome.status === 204 ? null : outcome.body, { status: outcome.status, headers: outcome.headers })
  }

  async handle(request: EmulatorRequest): Promise<Outcome> {
    const path = request.url.pathname
    this.requests.push({ method: request.method, path, query: Object.fromEntries(request.url.searchParams), at: this.now() })
    if (this.options.latencyMs) await this.sleep(this.options.latencyMs)
    const before = this.takeFault(request.method, path, false)
    if (before) {
      if (before.type === 'delay') await this.sleep(before.ms)
      else return this.faultOutcome(before)
    }
    let outcome: Outcome
    try {
      outcome = json(200, request.method === 'GET' ? (this.refresh(), this.route(request)) : this.write(() => this.route(request)))
    } catch (error) {
      if (error instanceof ApiError) outcome = errorOutcome(error)
      else if (error instanceof PortalError) {
        const failed = errorOutcome(new ApiError(500, 'INTERNAL', 'the emulator could not read or write its state file'))
        outcome = failed.type === 'response' ? { ...failed, failure: error } : failed
      }
      else throw error
    }
    const after = this.takeFault(request.method, path, true)
    if (after) {
      if (after.type === 'delay') await this.sleep(after.ms)
      else return after.type === 'truncate' && outcome.type === 'response' ? { ...outcome, type: 'truncate' } : this.faultOutcome(after, outcome)
    }
    return outcome
  }

  private takeFault(method: string, path: string, after: boolean): FaultAction | undefined {
    const index = this.faults.findIndex(
      (f) =>
        Boolean(f.after) === after &&
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.path === undefined || (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path))),
    )
    if (index < 0) return undefined
    const fault = this.faults[index]!
    if (fault.skipLeft > 0) {
      fault.skipLeft--
      return undefined
    }
    if (--fault.left <= 0) this.faults.splice(index, 1)
    return fault.action
  }

  private faultOutcome(action: Exclude<FaultAction, { type: 'delay' }>, handled?: Outcome): Outcome {
    switch (action.type) {
      case 'reset':
        return { type: 'reset' }
      case 'truncate':
        return { type: 'truncate', status: 200, headers: { 'content-type': 'application/json' }, body: handled?.type === 'response' ? handled.body : '{"users":[]}' }
      case 'body':
        return { type: 'response', status: action.status ?? 200, headers: { 'content-type': action.contentType ?? 'application/json' }, body: action.body }
      case 'status': {
        const error = new ApiError(action.status, statusName(action.status), 'injected fault')
        const outcome = errorOutcome(error)
        if (action.retryAfter !== undefined && outcome.type === 'response') outcome.headers['retry-after'] = String(action.retryAfter)
        return outcome
      }
    }
  }

  private route(request: EmulatorRequest): unknown {
    this.checkAuth(request.headers.get('authorization'))
    this.checkRate()
    if (this.options.failRate && this.random() < this.options.failRate) throw new ApiError(503, 'UNAVAILABLE', 'the service is unavailable (fail-rate)')
    const parts = request.url.pathname.split('/').slice(1)
    if (parts[0] !== 'v1' || parts[1] !== 'partners' || parts[2] === undefined) throw new ApiError(404, 'NOT_FOUND', 'no such resource')
    const partnerId = decodePathSegment(parts[2])
    const method = request.method
    if (parts.length === 4 && parts[3] === 'contactInformation') {
      if (method === 'GET') return this.getContactInformation(partnerId)
      if (method === 'PATCH') return this.patchContactInformation(partnerId, request)
    } else if (parts.length === 4 && parts[3] === 'users') {
      if (method === 'GET') return this.listUsers(partnerId, request.url.searchParams)
      if (method === 'POST') return this.createUser(partnerId, request)
    } else if (parts.length === 5 && parts[3] === 'users') {
      const email = decodePathSegment(parts[4]!).toLowerCase()
      if (method === 'PATCH') return this.patchUser(partnerId, email, request)
      if (method === 'DELETE') return this.deleteUser(partnerId, email, request.url.searchParams.get('etag'))
    } else {
      throw new ApiError(404, 'NOT_FOUND', 'no such resource')
    }
    throw new ApiError(405, 'UNIMPLEMENTED', `method ${method} is not allowed here`)
  }

  private checkAuth(header: string | null): void {
    if (this.options.token === undefined) return
    const match = header ? /^Bearer (\S+)$/i.exec(header) : null
    if (!match) throw new ApiError(401, 'UNAUTHENTICATED', 'a bearer token is required', [], { 'www-authenticate': 'Bearer' })
    if (match[1] !== this.options.token) throw new ApiError(403, 'PERMISSION_DENIED', 'the token is not allowed to access this partner')
  }

  /** Token bucket: `rateLimit` tokens, refilled at `rateLimit` per second. */
  private checkRate(): void {
    const rate = this.options.rateLimit
    if (!rate) return
    const now = this.now()
    this.bucket.tokens = Math.min(rate, this.bucket.tokens + ((now - this.bucket.at) / 1000) * rate)
    this.bucket.at = now
    if (this.bucket.tokens >= 1) {
      this.bucket.tokens -= 1
      return
    }
    const seconds = Math.max(1, Math.ceil((1 - this.bucket.tokens) / rate))
    throw new ApiError(429, 'RESOURCE_EXHAUSTED', 'request rate limit exceeded', [], { 'retry-after': String(seconds) })
  }

  private partner(partnerId: string): PartnerState {
    // Own properties only: `__proto__` or `constructor` must not find Object.prototype's.
    if (/^\d{1,20}$/.test(partnerId) && Object.hasOwn(this.state.partners, partnerId)) return this.state.partners[partnerId]!
    if (this.options.autoCreate && /^\d{1,20}$/.test(partnerId)) {
      // Created in memory; the file gets it with the first write.
      const created = newPartner(partnerId, this.now())
      this.state.partners[partnerId] = created
      return created
    }
    throw new ApiError(404, 'NOT_FOUND', `partner ${/^\d{1,20}$/.test(partnerId) ? partnerId : '(malformed ID)'} does not exist`)
  }

  private isSandbox(partner: PartnerState): boolean {
    return Boolean(this.options.sandbox) || partner.environment === 'sandbox'
  }

  private getContactInformation(partnerId: string): ContactInformation {
    return this.partner(partnerId).contactInformation
  }

  private patchContactInformation(partnerId: string, request: EmulatorRequest): ContactInformation {
    const partner = this.partner(partnerId)
    const body = parseBody(request.body)
    const violations: FieldViolation[] = []
    const mask = parseMask(request.url.searchParams.get('updateMask'), violations)
    checkKeys(body, [...MASK_FIELDS, 'etag', 'name', 'updateTime'], 'contactInformation', violations)
    const etag = typeof body['etag'] === 'string' ? body['etag'] : unquote(request.headers.get('if-match'))
    if (etag === undefined || etag === '') violations.push({ field: 'etag', description: 'is required (AIP-154): read the resource first' })
    if (violations.length > 0) throw invalid(violations)
    const current = partner.contactInformation
    if (etag !== current.etag) throw new ApiError(409, 'ABORTED', 'the etag does not match the current contact information: read it again')

    const next: ContactInformation = structuredClone(current)
    for (const field of mask) {
      if (field === 'operationalSupport') next.operationalSupport = checkSupport(body['operationalSupport'], violations)
      else next[field] = checkContacts(body[field], field, violations)
    }
    if (violations.length > 0) throw invalid(violations)
    const preconditions: FieldViolation[] = []
    if (mask.includes('alertContacts')) {
      if (this.isSandbox(partner) && next.alertContacts.length > 0) {
        preconditions.push({ field: 'alertContacts', description: 'can only be set in the production environment' })
      } else {
        const users = new Set(partner.users.map((u) => u.email))
        next.alertContacts.forEach((c, i) => {
          if (!users.has(c.email)) preconditions.push({ field: `alertContacts[${i}].email`, description: 'is not a portal user' })
        })
      }
    }
    if (preconditions.length > 0) throw invalid(preconditions, 'FAILED_PRECONDITION')

    next.etag = nextEtag(current.etag, next)
    next.updateTime = new Date(this.now()).toISOString()
    partner.contactInformation = next
    this.persist()
    return next
  }

  private listUsers(partnerId: string, query: URLSearchParams): unknown {
    const partner = this.partner(partnerId)
    const violations: FieldViolation[] = []
    let pageSize = DEFAULT_PAGE_SIZE
    const sizeText = query.get('pageSize')
    if (sizeText !== null) {
      if (!/^\d{1,6}$/.test(sizeText)) violations.push({ field: 'pageSize', description: 'must be a non-negative integer' })
      else pageSize = Number(sizeText) === 0 ? DEFAULT_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Number(sizeText))
    }
    let offset = 0
    const token = query.get('pageToken')
    if (token) {
      const decoded = decodePageToken(token, partnerId)
      if (decoded === undefined) violations.push({ field: 'pageToken', description: 'is not a page token of this list' })
      else offset = decoded
    }
    if (violations.length > 0) throw invalid(violations)
    const users = partner.users.slice(offset, offset + pageSize)
    const next = offset + pageSize
    return next < partner.users.length ? { users, nextPageToken: encodePageToken(next, partnerId) } : { users }
  }

  private createUser(partnerId: string, request: EmulatorRequest): PortalUser {
    const partner = this.partner(partnerId)
    const requestId = request.url.searchParams.get('requestId')
    const violations: FieldViolation[] = []
    if (requestId !== null && !/^[A-Za-z0-9_-]{1,100}$/.test(requestId)) violations.push({ field: 'requestId', description: 'must be a UUID or 1–100 letters, digits, - and _' })
    const seenKey = requestId ? `${partnerId}/${requestId}` : undefined
    if (seenKey && violations.length === 0) {
      const first = this.seenRequestIds.get(seenKey)
      if (first) return first
    }
    const body = parseBody(request.body)
    checkKeys(body, ['email', 'displayName', 'role', 'name', 'etag'], 'user', violations)
    const email = checkEmail(body['email'], 'email', violations)
    const role = checkRole(body['role'], 'role', violations)
    const displayName = checkDisplayName(body['displayName'], 'displayName', violations)
    if (violations.length > 0 || !email || !role) throw invalid(violations)
    if (partner.users.some((u) => u.email === email)) throw new ApiError(409, 'ALREADY_EXISTS', 'a user with this email already exists')
    const user: PortalUser = { name: `partners/${partnerId}/users/${email}`, email, ...(displayName ? { displayName } : {}), role, etag: '' }
    user.etag = nextEtag(`${partnerId}/${email}`, { ...user, at: this.now() })
    partner.users.push(user)
    this.persist()
    if (seenKey) this.onSave.push(() => this.seenRequestIds.set(seenKey, user))
    return user
  }

  private patchUser(partnerId: string, email: string, request: EmulatorRequest): PortalUser {
    const partner = this.partner(partnerId)
    const index = partner.users.findIndex((u) => u.email === email)
    if (index < 0) throw new ApiError(404, 'NOT_FOUND', 'no such user')
    const body = parseBody(request.body)
    const violations: FieldViolation[] = []
    const maskText = request.url.searchParams.get('updateMask')
    const mask = (maskText ?? '').split(',').map((f) => f.trim()).filter(Boolean)
    if (mask.length === 0) violations.push({ field: 'updateMask', description: 'is required' })
    for (const field of mask) if (field !== 'role' && field !== 'displayName') violations.push({ field: 'updateMask', description: 'may name only role and displayName' })
    checkKeys(body, ['email', 'displayName', 'role', 'name', 'etag'], 'user', violations)
    const current = partner.users[index]!
    const next: PortalUser = { ...current }
    if (mask.includes('role')) {
      const role = checkRole(body['role'], 'role', violations)
      if (role) next.role = role
    }
    if (mask.includes('displayName')) {
      const displayName = checkDisplayName(body['displayName'], 'displayName', violations)
      if (displayName === undefined) delete next.displayName
      else next.displayName = displayName
    }
    if (violations.length > 0) throw invalid(violations)
    const etag = typeof body['etag'] === 'string' ? body['etag'] : unquote(request.headers.get('if-match'))
    if (etag !== undefined && etag !== current.etag) throw new ApiError(409, 'ABORTED', 'the etag does not match the current user: read it again')
    if (current.role === 'ADMINISTRATOR' && next.role !== 'ADMINISTRATOR' && this.lastAdministrator(partner)) {
      throw invalid([{ field: 'role', description: 'the last ADMINISTRATOR cannot be demoted' }], 'FAILED_PRECONDITION')
    }
    next.etag = nextEtag(current.etag ?? '', next)
    partner.users[index] = next
    this.persist()
    return next
  }

  private deleteUser(partnerId: string, email: string, etag: string | null): Record<string, never> {
    const partner = this.partner(partnerId)
    const index = partner.users.findIndex((u) => u.email === email)
    if (index < 0) throw new ApiError(404, 'NOT_FOUND', 'no such user')
    const current = partner.users[index]!
    if (etag !== null && etag !== current.etag) throw new ApiError(409, 'ABORTED', 'the etag does not match the current user: read it again')
    if (current.role === 'ADMINISTRATOR' && this.lastAdministrator(partner)) {
      throw invalid([{ field: 'name', description: 'the last ADMINISTRATOR cannot be removed' }], 'FAILED_PRECONDITION')
    }
    partner.users.splice(index, 1)
    this.persist()
    return {}
  }

  private lastAdministrator(partner: PartnerState): boolean {
    return partner.users.filter((u) => u.role === 'ADMINISTRATOR').length === 1
  }

  /** Marks the current write as one to save; `write` saves it once, under the lock, after the change succeeded. */
  private persist(): void {
    this.dirty = true
  }
}

export function newPartner(partnerId: string, now: number): PartnerState {
  const contactInformation: ContactInformation = {
    name: `partners/${partnerId}/contactInformation`,
    alertContacts: [],
    technicalEmergencyContacts: [],
    technicalNonEmergencyContacts: [],
    merchantIssuesContacts: [],
    operationalContactsForGoogle: [],
    operationalContactsForUsers: [],
    operationalSupport: { windows: [] },
    etag: '',
    updateTime: new Date(now).toISOString(),
  }
  // From the ID alone, not the time: an account created empty on first use has the same etag in every process, so
  // two plans of a new partner have the same checksum and apply can match the reviewed one.
  contactInformation.etag = nextEtag(partnerId, { ...contactInformation, updateTime: '' })
  return { contactInformation, users: [] }
}

/** A new etag from the previous one and the new content: it changes on every write, even one that changes nothing. */
function nextEtag(previous: string, content: unknown): string {
  return createHash('sha256').update(previous).update('\0').update(JSON.stringify(content)).digest('base64url').slice(0, 22)
}

/** A percent-encoded path segment; a bad escape is the client's error (400), not the emulator's. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw invalid([{ field: 'name', description: 'is not valid percent-encoding' }])
  }
}

function parseMask(text: string | null, violations: FieldViolation[]): ContactInformationField[] {
  if (text === null || text.trim() === '') {
    violations.push({ field: 'updateMask', description: 'is required (AIP-134)' })
    return []
  }
  const fields = new Set<ContactInformationField>()
  for (const raw of text.split(',')) {
    const name = raw.trim()
    if (name === '*') MASK_FIELDS.forEach((f) => fields.add(f))
    else if (name === 'operationalSupport.windows') fields.add('operationalSupport')
    else if ((MASK_FIELDS as readonly string[]).includes(name)) fields.add(name as ContactInformationField)
    else violations.push({ field: 'updateMask', description: 'names a field that is not in ContactInformation' })
  }
  return MASK_FIELDS.filter((f) => fields.has(f))
}

function parseBody(text: string): Record<string, unknown> {
  let body: unknown
  try {
    body = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw invalid([{ field: 'body', description: 'is not JSON' }])
  }
  if (!isObject(body)) throw invalid([{ field: 'body', description: 'must be a JSON object' }])
  return body
}

function unquote(value: string | null): string | undefined {
  if (value === null) return undefined
  return value.replace(/^W\//, '').replace(/^"(.*)"$/, '$1')
}

function encodePageToken(offset: number, partnerId: string): string {
  return Buffer.from(JSON.stringify({ p: partnerId, o: offset })).toString('base64url')
}

function decodePageToken(token: string, partnerId: string): number | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    if (isObject(value) && value['p'] === partnerId && Number.isInteger(value['o']) && (value['o'] as number) >= 0) return value['o'] as number
  } catch {
    // fall through: not one of ours
  }
  return undefined
}

function json(status: number, value: unknown): Outcome {
  return { type: 'response', status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) }
}

/** A google.rpc.Status body, with a google.rpc.BadRequest detail listing the fields. */
function errorOutcome(error: ApiError): Outcome {
  const details =
    error.violations.length > 0 ? [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: error.violations }] : undefined
  const outcome = json(error.code, { error: { code: error.code, message: error.message, status: error.status, ...(details ? { details } : {}) } })
  if (outcome.type === 'response') Object.assign(outcome.headers, error.headers)
  return outcome
}

function statusName(code: number): string {
  const names: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    408: 'DEADLINE_EXCEEDED',
    409: 'ABORTED',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    502: 'UNAVAILABLE',
    503: 'UNAVAILABLE',
    504: 'DEADLINE_EXCEEDED',
  }
  return names[code] ?? 'UNKNOWN'
}

export { CONTACT_LIST_FIELDS }
