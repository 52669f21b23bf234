// A stand-in GitHub REST server on 127.0.0.1: in-memory repos, PRs, reviews, comments, issues; real shapes, Link pages, faults.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

// ───────────────────────────── seed (what a test writes) ─────────────────────────────

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
/** A login (`alice`; a name ending in `[bot]` is a Bot) or an explicit user. */
export type UserRef = string | { login: string; type: 'User' | 'Bot' }
export type ReviewStateName = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'

export interface PullSeed {
  number: number
  user: UserRef
  title?: string
  headSha: string
  headRef?: string
  baseRef?: string
  baseSha?: string
  merged?: boolean
  mergeCommitSha?: string
  mergedAt?: string
  /** The head lives in a fork named `<user>/<repo>`. */
  fromFork?: boolean
  files?: Array<string | { filename: string; status?: string; previous_filename?: string }>
}

export interface ReviewSeed {
  pull: number
  user: UserRef
  state: ReviewStateName
  commitId: string
  submittedAt?: string
  body?: string
}

export interface CommentSeed {
  issue: number
  user: UserRef
  body: string
  createdAt?: string
}

export interface IssueSeed {
  number?: number
  title: string
  body?: string
  user?: UserRef
  labels?: string[]
  state?: 'open' | 'closed'
  assignees?: string[]
}

export interface RepoSeed {
  owner: string
  name: string
  private?: boolean
  visibility?: 'public' | 'private' | 'internal'
  defaultBranch?: string
  /** Logins → permission. Anyone else has `read` on a public repository, `none` on a private one. */
  collaborators?: Record<string, Permission>
  /** Files at every ref (CODEOWNERS…). */
  files?: Record<string, string>
  /** Files at one exact ref (a SHA or branch); wins over `files` for that ref. */
  filesAt?: Record<string, Record<string, string>>
  pulls?: PullSeed[]
  reviews?: ReviewSeed[]
  comments?: CommentSeed[]
  issues?: IssueSeed[]
  labels?: string[]
  /** Extra commit → PR numbers for `GET /commits/{sha}/pulls` (merge and head SHAs are mapped already). */
  commitPulls?: Record<string, number[]>
}

/**
 * The repository of the webhook examples' pull request after its merge (`mergedPullRequestEvents`): private, default
 * branch master, Codertocat's PR merged with its merge commit and changing contacts.yaml, approved by `reviewer` on its
 * head unless `reviews` says otherwise. `repo` and `pull` add to or replace any of it.
 */
export function mergedPullRepo(
  events: { number: number; head: string; mergeSha: string },
  options: { reviews?: Array<Omit<ReviewSeed, 'pull'>>; pull?: Partial<PullSeed>; repo?: Partial<RepoSeed> } = {},
): RepoSeed {
  const { number, head, mergeSha } = events
  return {
    owner: 'Codertocat',
    name: 'Hello-World',
    private: true,
    defaultBranch: 'master',
    collaborators: { reviewer: 'write', Codertocat: 'admin' },
    pulls: [{ number, user: 'Codertocat', headSha: head, baseRef: 'master', merged: true, mergeCommitSha: mergeSha, files: ['contacts.yaml'], ...options.pull }],
    reviews: (options.reviews ?? [{ user: 'reviewer', state: 'APPROVED', commitId: head }]).map((r) => ({ pull: number, ...r })),
    ...options.repo,
  }
}

export interface GitHubSeed {
  repos?: RepoSeed[]
  /** `org/team-slug` → member logins. */
  teams?: Record<string, string[]>
  /** Token → identity. Unknown tokens get 401 when this is set; otherwise any token is `defaultIdentity`. */
  tokens?: Record<string, UserRef>
  /** Who a token is when `tokens` is not set. Default `github-actions[bot]` (a GITHUB_TOKEN). */
  defaultIdentity?: UserRef
}

// ───────────────────────────── state (what a test inspects) ─────────────────────────────

export interface User {
  login: string
  type: 'User' | 'Bot'
}

export interface PullState {
  number: number
  user: User
  title: string
  body: string
  headSha: string
  headRef: string
  baseRef: string
  baseSha: string
  merged: boolean
  mergeCommitSha: string | null
  mergedAt: string | null
  fromFork: boolean
  createdAt: string
  files: Array<{ filename: string; status: string; previous_filename?: string }>
}

export interface ReviewState {
  id: number
  pull: number
  user: User
  state: ReviewStateName
  commitId: string
  submittedAt: string
  body: string
}

export interface CommentState {
  id: number
  issue: number
  user: User
  body: string
  createdAt: string
  updatedAt: string
}

export interface IssueState {
  number: number
  title: string
  body: string
  user: User
  labels: string[]
  /** Logins, as GitHub assigns people (not teams). */
  assignees: string[]
  state: 'open' | 'closed'
  stateReason: string | null
  createdAt: string
  updatedAt: string
  closedAt: string | null
}

export interface LabelState {
  id: number
  name: string
  color: string
  description: string | null
}

export interface RepoState {
  id: number
  owner: string
  name: string
  private: boolean
  visibility: 'public' | 'private' | 'internal'
  defaultBranch: string
  collaborators: Record<string, Permission>
  files: Record<string, string>
  filesAt: Record<string, Record<string, string>>
  pulls: PullState[]
  reviews: ReviewState[]
  comments: CommentState[]
  issues: IssueState[]
  labels: LabelState[]
  commitPulls: Record<string, number[]>
}

export interface ServerState {
  repos: RepoState[]
  teams: Record<string, string[]>
}

export interface RecordedRequest {
  method: string
  /** Path without the query, e.g. `/repos/o/r/issues/7/comments`. */
  path: string
  query: Record<string, string>
  body: unknown
  authorization: string | undefined
  userAgent: string | undefined
  status: number
}

export interface Fault {
  method?: string
  /** Exact path (without query) or a pattern tested against it. */
  path: string | RegExp
  /** Query parameters that must match too, e.g. `{ page: '2' }` to fail only the second page. */
  query?: Record<string, string>
  /** How many matching requests fail. Default 1. */
  times?: number
  /** `status` (default): answer with `status`, `headers`, `body`; `drop`: close the socket; `bad-json`: 200 with a truncated body. */
  kind?: 'status' | 'drop' | 'bad-json'
  status?: number
  headers?: Record<string, string>
  body?: unknown
}

export interface RunningGitHubServer {
  /** Base URL to use as GITHUB_API_URL, e.g. `http://127.0.0.1:53817`. */
  url: string
  state: ServerState
  requests: RecordedRequest[]
  /** The repository state by `owner/name`; throws when unknown. */
  repo(fullName: string): RepoState
  /** Comments of one issue or PR, oldest first. */
  commentsOn(fullName: string, issue: number): CommentState[]
  fail(fault: Fault): void
  /** A primary rate limit (403, `x-ratelimit-remaining: 0`) or a secondary one (403 with Retry-After). */
  failRateLimit(path: string | RegExp, options?: { method?: string; times?: number; secondary?: boolean }): void
  close(): Promise<void>
}

// ───────────────────────────── helpers ─────────────────────────────

const EPOCH = Date.parse('2026-01-01T00:00:00Z')
const DOCS = 'https://docs.github.com/rest'

function toUser(ref: UserRef): User {
  if (typeof ref !== 'string') return { login: ref.login, type: ref.type }
  return { login: ref, type: ref.endsWith('[bot]') ? 'Bot' : 'User' }
}

function idOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) % 100_000_000
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`)
  }
}

const notFound = () => new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
const validationFailed = (errors: unknown[]) => new HttpError(422, { message: 'Validation Failed', errors, documentation_url: DOCS, status: '422' })

interface Context {
  method: string
  url: URL
  params: string[]
  body: Record<string, unknown>
  identity: User | undefined
}

interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

type Handler = (ctx: Context) => Answer

// ───────────────────────────── the server ─────────────────────────────

export async function startGitHubServer(seed: GitHubSeed = {}): Promise<RunningGitHubServer> {
  let clock = EPOCH
  const tick = () => new Date((clock += 60_000)).toISOString()
  let nextId = 1000
  const state: ServerState = { repos: [], teams: {} }
  for (const [team, members] of Object.entries(seed.teams ?? {})) state.teams[team.toLowerCase()] = [...members]

  for (const r of seed.repos ?? []) {
    const repo: RepoState = {
      id: idOf(`${r.owner}/${r.name}`),
      owner: r.owner,
      name: r.name,
      private: r.private ?? (r.visibility !== undefined && r.visibility !== 'public'),
      visibility: r.visibility ?? (r.private ? 'private' : 'public'),
      defaultBranch: r.defaultBranch ?? 'main',
      collaborators: { ...(r.collaborators ?? {}) },
      files: { ...(r.files ?? {}) },
      filesAt: structuredClone(r.filesAt ?? {}),
      pulls: [],
      reviews: [],
      comments: [],
      issues: [],
      labels: (r.labels ?? []).map((name) => ({ id: nextId++, name, color: 'ededed', description: null })),
      commitPulls: structuredClone(r.commitPulls ?? {}),
    }
    for (const p of r.pulls ?? []) {
      const merged = p.merged ?? p.mergeCommitSha !== undefined
      repo.pulls.push({
        number: p.number,
        user: toUser(p.user),
        title: p.title ?? `Pull request ${p.number}`,
        body: '',
        headSha: p.headSha,
        headRef: p.headRef ?? `change-${p.number}`,
        baseRef: p.baseRef ?? repo.defaultBranch,
        baseSha: p.baseSha ?? createHash('sha1').update(`base-${p.number}`).digest('hex'),
        merged,
        mergeCommitSha: p.mergeCommitSha ?? null,
        mergedAt: merged ? (p.mergedAt ?? tick()) : null,
        fromFork: p.fromFork ?? false,
        createdAt: tick(),
        files: (p.files ?? []).map((f) => (typeof f === 'string' ? { filename: f, status: 'modified' } : { status: 'modified', ...f })),
      })
    }
    for (const v of r.reviews ?? []) {
      repo.reviews.push({ id: nextId++, pull: v.pull, user: toUser(v.user), state: v.state, commitId: v.commitId, submittedAt: v.submittedAt ?? tick(), body: v.body ?? '' })
    }
    for (const c of r.comments ?? []) {
      const at = c.createdAt ?? tick()
      repo.comments.push({ id: nextId++, issue: c.issue, user: toUser(c.user), body: c.body, createdAt: at, updatedAt: at })
    }
    let number = Math.max(0, ...repo.pulls.map((p) => p.number))
    for (const i of r.issues ?? []) {
      const at = tick()
      const n = i.number ?? ++number
      number = Math.max(number, n)
      repo.issues.push({ number: n, title: i.title, body: i.body ?? '', user: toUser(i.user ?? 'octocat'), labels: [...(i.labels ?? [])], assignees: [...(i.assignees ?? [])], state: i.state ?? 'open', stateReason: null, createdAt: at, updatedAt: at, closedAt: i.state === 'closed' ? at : null })
      for (const name of i.labels ?? []) if (!repo.labels.some((l) => same(l.name, name))) repo.labels.push({ id: nextId++, name, color: 'ededed', description: null })
    }
    state.repos.push(repo)
  }

  const requests: RecordedRequest[] = []
  const faults: Array<Fault & { left: number }> = []
  let base = ''

  const tokens = seed.tokens ? new Map(Object.entries(seed.tokens).map(([t, u]) => [t, toUser(u)])) : undefined
  const defaultIdentity = toUser(seed.defaultIdentity ?? 'github-actions[bot]')

  // ─── JSON shapes, as GitHub answers them (the fields clients rely on, and enough around them) ───

  const userJson = (u: User) => ({
    login: u.login,
    id: idOf(u.login),
    node_id: `U_${idOf(u.login)}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${idOf(u.login)}?v=4`,
    url: `${base}/users/${encodeURIComponent(u.login)}`,
    html_url: `https://github.com/${u.login}`,
    type: u.type,
    site_admin: false,
  })

  const repoJson = (r: RepoState, forkOf?: User) => {
    const owner = forkOf ? forkOf : { login: r.owner, type: 'Organization' as const }
    const name = r.name
    const fullName = `${owner.login}/${name}`
    return {
      id: forkOf ? idOf(fullName) : r.id,
      node_id: `R_${forkOf ? idOf(fullName) : r.id}`,
      name,
      full_name: fullName,
      private: r.private,
      visibility: r.visibility,
      owner: userJson(owner as User),
      html_url: `https://github.com/${fullName}`,
      url: `${base}/repos/${fullName}`,
      fork: forkOf !== undefined,
      default_branch: r.defaultBranch,
      archived: false,
      disabled: false,
    }
  }

  const repoPath = (r: RepoState) => `${base}/repos/${r.owner}/${r.name}`
  const html = (r: RepoState) => `https://github.com/${r.owner}/${r.name}`

  const pullJson = (r: RepoState, p: PullState, full: boolean) => {
    const headRepo = p.fromFork ? repoJson(r, p.user) : repoJson(r)
    const json: Record<string, unknown> = {
      url: `${repoPath(r)}/pulls/${p.number}`,
      id: idOf(`${r.owner}/${r.name}#${p.number}`),
      node_id: `PR_${p.number}`,
      html_url: `${html(r)}/pull/${p.number}`,
      number: p.number,
      state: p.merged ? 'closed' : 'open',
      locked: false,
      title: p.title,
      user: userJson(p.user),
      body: p.body,
      labels: [],
      created_at: p.createdAt,
      updated_at: p.mergedAt ?? p.createdAt,
      closed_at: p.mergedAt,
      merged_at: p.mergedAt,
      merge_commit_sha: p.mergeCommitSha,
      draft: false,
      head: { label: `${headRepo.owner.login}:${p.headRef}`, ref: p.headRef, sha: p.headSha, user: headRepo.owner, repo: headRepo },
      base: { label: `${r.owner}:${p.baseRef}`, ref: p.baseRef, sha: p.baseSha, user: repoJson(r).owner, repo: repoJson(r) },
      author_association: authorAssociation(r, p.user),
    }
    if (full) Object.assign(json, { merged: p.merged, mergeable: p.merged ? null : true, merged_by: p.merged ? userJson({ login: r.owner, type: 'User' }) : null, comments: 0, review_comments: 0, commits: 1, additions: 1, deletions: 1, changed_files: p.files.length })
    return json
  }

  const authorAssociation = (r: RepoState, u: User) => {
    const permission = permissionOf(r, u.login)
    if (same(u.login, r.owner)) return 'OWNER'
    return permission === 'none' || permission === 'read' ? 'CONTRIBUTOR' : 'COLLABORATOR'
  }

  const permissionOf = (r: RepoState, login: string): Permission => {
    const entry = Object.entries(r.collaborators).find(([l]) => same(l, login))
    return entry ? entry[1] : r.private ? 'none' : 'read'
  }

  const commentJson = (r: RepoState, c: CommentState) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoPath(r)}/issues/comments/${c.id}`,
    html_url: `${html(r)}/issues/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${repoPath(r)}/issues/${c.issue}`,
    body: c.body,
    user: userJson(c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: authorAssociation(r, c.user),
  })

  const reviewJson = (r: RepoState, v: ReviewState) => ({
    id: v.id,
    node_id: `PRR_${v.id}`,
    user: userJson(v.user),
    body: v.body,
    state: v.state,
    html_url: `${html(r)}/pull/${v.pull}#pullrequestreview-${v.id}`,
    pull_request_url: `${repoPath(r)}/pulls/${v.pull}`,
    commit_id: v.commitId,
    submitted_at: v.state === 'PENDING' ? undefined : v.submittedAt,
    author_association: authorAssociation(r, v.user),
  })

  const labelJson = (r: RepoState, l: LabelState) => ({ id: l.id, node_id: `LA_${l.id}`, url: `${repoPath(r)}/labels/${encodeURIComponent(l.name)}`, name: l.name, color: l.color, default: false, description: l.description })

  const issueJson = (r: RepoState, i: IssueState) => ({
    id: idOf(`${r.owner}/${r.name}/issues/${i.number}`),
    node_id: `I_${i.number}`,
    url: `${repoPath(r)}/issues/${i.number}`,
    html_url: `${html(r)}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: userJson(i.user),
    labels: i.labels.map((name) => labelJson(r, r.labels.find((l) => same(l.name, name)) ?? { id: 0, name, color: 'ededed', description: null })),
    assignee: i.assignees[0] ? userJson(toUser(i.assignees[0])) : null,
    assignees: i.assignees.map((login) => userJson(toUser(login))),
    comments: r.comments.filter((c) => c.issue === i.number).length,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    author_association: authorAssociation(r, i.user),
  })

  /** A PR as the issues API lists it: an issue with a `pull_request` key. */
  const pullAsIssueJson = (r: RepoState, p: PullState) => ({
    ...issueJson(r, { number: p.number, title: p.title, body: p.body, user: p.user, labels: [], assignees: [], state: p.merged ? 'closed' : 'open', stateReason: null, createdAt: p.createdAt, updatedAt: p.createdAt, closedAt: p.mergedAt }),
    pull_request: { url: `${repoPath(r)}/pulls/${p.number}`, html_url: `${html(r)}/pull/${p.number}`, merged_at: p.mergedAt },
  })

  // ─── pagination: per_page (default 30, at most 100), page, and a Link header like GitHub's ───

  function page<T>(ctx: Context, items: T[]): Answer {
    const perPage = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('per_page')) || 30))
    const current = Math.max(1, Number(ctx.url.searchParams.get('page')) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (n: number, rel: string) => {
      const u = new URL(ctx.url.toString())
      u.searchParams.set('per_page', String(perPage))
      u.searchParams.set('page', String(n))
      return `<${base}${u.pathname}${u.search}>; rel="${rel}"`
    }
    const links: string[] = []
    if (current > 1) links.push(link(current - 1, 'prev'))
    if (current < last) links.push(link(current + 1, 'next'), link(last, 'last'))
    if (current > 1) links.push(link(1, 'first'))
    return { status: 200, body: items.slice((current - 1) * perPage, current * perPage), headers: links.length ? { link: links.join(', ') } : {} }
  }

  // ─── lookups ───

  const findRepo = (owner: string, name: string, identity: User | undefined): RepoState => {
    const r = state.repos.find((x) => same(x.owner, owner) && same(x.name, name))
    // A private repository is invisible (404) without a token, as on GitHub.
    if (!r || (r.private && !identity)) throw notFound()
    return r
  }
  const findPull = (r: RepoState, n: string) => {
    const p = r.pulls.find((x) => x.number === Number(n))
    if (!p) throw notFound()
    return p
  }
  const issueExists = (r: RepoState, n: number) => r.pulls.some((p) => p.number === n) || r.issues.some((i) => i.number === n)
  const nextNumber = (r: RepoState) => Math.max(0, ...r.pulls.map((p) => p.number), ...r.issues.map((i) => i.number)) + 1
  const requireAuth = (ctx: Context): User => {
    if (!ctx.identity) throw new HttpError(401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' })
    return ctx.identity
  }
  const bodyString = (ctx: Context, field: string, required: boolean): string | undefined => {
    const v = ctx.body[field]
    if (v === undefined && !required) return undefined
    if (typeof v !== 'string') throw validationFailed([{ resource: 'Issue', code: 'missing_field', field }])
    if (v.length > 65_536) throw validationFailed([{ resource: 'IssueComment', code: 'custom', field, message: `${field} is too long (maximum is 65536 characters)` }])
    return v
  }
  // GitHub silently drops assignees who cannot be assigned (no access to the repository).
  const assigneesOf = (r: RepoState, value: unknown): string[] =>
    Array.isArray(value) ? value.map(String).filter((login) => permissionOf(r, login) !== 'none' && permissionOf(r, login) !== 'read') : []
  const ensureLabels = (r: RepoState, names: string[]) => {
    // GitHub creates a label named on an issue that does not exist yet; it gets the default grey.
    for (const name of names) if (!r.labels.some((l) => same(l.name, name))) r.labels.push({ id: nextId++, name, color: 'ededed', description: null })
  }

  // ─── routes ───

  const routes: Array<[string, RegExp, Handler]> = [
    ['GET', /^\/user$/, (ctx) => {
      const me = requireAuth(ctx)
      if (me.type === 'Bot') throw new HttpError(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' })
      return { status: 200, body: userJson(me) }
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)$/, (ctx) => ({ status: 200, body: repoJson(findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)) })],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const sha = ctx.params[2]!.toLowerCase()
      const numbers = new Set(r.commitPulls[sha] ?? [])
      for (const p of r.pulls) if (p.headSha.toLowerCase() === sha || p.mergeCommitSha?.toLowerCase() === sha) numbers.add(p.number)
      const pulls = r.pulls.filter((p) => numbers.has(p.number)).sort((a, b) => b.number - a.number)
      return page(ctx, pulls.map((p) => pullJson(r, p, false)))
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      return { status: 200, body: pullJson(r, findPull(r, ctx.params[2]!), true) }
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const p = findPull(r, ctx.params[2]!)
      // Oldest first, as GitHub lists them; PENDING reviews are visible only to their author.
      const reviews = r.reviews.filter((v) => v.pull === p.number && (v.state !== 'PENDING' || (ctx.identity && same(v.user.login, ctx.identity.login))))
      return page(ctx, reviews.map((v) => reviewJson(r, v)))
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const p = findPull(r, ctx.params[2]!)
      return page(ctx, p.files.map((f) => ({ sha: createHash('sha1').update(f.filename).digest('hex'), filename: f.filename, status: f.status, additions: 1, deletions: 1, changes: 2, ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}) })))
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const path = decodeURIComponent(ctx.params[2]!)
      const ref = ctx.url.searchParams.get('ref') ?? r.defaultBranch
      const at = r.filesAt[ref]
      const content = at && path in at ? at[path] : r.files[path]
      if (content === undefined) throw notFound()
      const sha = createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex')
      const encoded = Buffer.from(content).toString('base64').replace(/(.{60})/g, '$1\n') // GitHub wraps base64 at 60 columns
      return { status: 200, body: { type: 'file', encoding: 'base64', size: Buffer.byteLength(content), name: path.split('/').pop(), path, content: encoded, sha, url: `${repoPath(r)}/contents/${path}?ref=${ref}`, html_url: `${html(r)}/blob/${ref}/${path}` } }
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/git\/trees\/([^/]+)$/, (ctx) => {
      // The files at a ref (`files`, with `filesAt[ref]` laid over them), recursive as `?recursive=1` asks; dirs as trees.
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const ref = decodeURIComponent(ctx.params[2]!)
      const files = { ...r.files, ...(r.filesAt[ref] ?? {}) }
      const blob = (content: string) => createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex')
      const dirs = new Set(Object.keys(files).flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))
      const recursive = ctx.url.searchParams.has('recursive')
      const tree = [
        ...[...dirs].map((path) => ({ path, mode: '040000', type: 'tree', sha: createHash('sha1').update(`tree ${path}`).digest('hex') })),
        ...Object.entries(files).map(([path, content]) => ({ path, mode: '100644', type: 'blob', sha: blob(content), size: Buffer.byteLength(content) })),
      ].filter((e) => recursive || !e.path.includes('/'))
      tree.sort((a, b) => a.path.localeCompare(b.path))
      return { status: 200, body: { sha: createHash('sha1').update(`commit ${ref}`).digest('hex'), url: `${repoPath(r)}/git/trees/${ref}`, tree, truncated: false } }
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/collaborators\/([^/]+)\/permission$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const login = decodeURIComponent(ctx.params[2]!)
      const role = permissionOf(r, login)
      // The legacy `permission` folds maintain into write and triage into read, as GitHub does.
      const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
      return { status: 200, body: { permission, role_name: role, user: { ...userJson(toUser(login)), permissions: { admin: role === 'admin', maintain: role === 'admin' || role === 'maintain', push: permission === 'admin' || permission === 'write', triage: role !== 'none' && role !== 'read', pull: role !== 'none' } } } }
    }],
    ['GET', /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/, (ctx) => {
      requireAuth(ctx)
      const members = state.teams[`${ctx.params[0]!}/${ctx.params[1]!}`.toLowerCase()]
      const login = decodeURIComponent(ctx.params[2]!)
      if (!members || !members.some((m) => same(m, login))) throw notFound()
      return { status: 200, body: { url: `${base}/orgs/${ctx.params[0]}/teams/${ctx.params[1]}/memberships/${login}`, role: 'member', state: 'active' } }
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const n = Number(ctx.params[2])
      if (!issueExists(r, n)) throw notFound()
      return page(ctx, r.comments.filter((c) => c.issue === n).sort((a, b) => a.id - b.id).map((c) => commentJson(r, c)))
    }],
    ['POST', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, (ctx) => {
      const me = requireAuth(ctx)
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const n = Number(ctx.params[2])
      if (!issueExists(r, n)) throw notFound()
      const at = tick()
      const c: CommentState = { id: nextId++, issue: n, user: me, body: bodyString(ctx, 'body', true)!, createdAt: at, updatedAt: at }
      r.comments.push(c)
      return { status: 201, body: commentJson(r, c) }
    }],
    ['PATCH', /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/, (ctx) => {
      requireAuth(ctx)
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const c = r.comments.find((x) => x.id === Number(ctx.params[2]))
      if (!c) throw notFound()
      c.body = bodyString(ctx, 'body', true)!
      c.updatedAt = tick()
      return { status: 200, body: commentJson(r, c) }
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const wanted = (ctx.url.searchParams.get('labels') ?? '').split(',').map((l) => l.trim()).filter(Boolean)
      const st = ctx.url.searchParams.get('state') ?? 'open'
      const matchState = (s: string) => st === 'all' || s === st
      const issues = r.issues.filter((i) => matchState(i.state) && wanted.every((w) => i.labels.some((l) => same(l, w))))
      const pulls = wanted.length ? [] : r.pulls.filter((p) => matchState(p.merged ? 'closed' : 'open'))
      // Newest first: GitHub's default sort is created, descending.
      const all = [...issues.map((i) => ({ at: i.createdAt, n: i.number, json: issueJson(r, i) })), ...pulls.map((p) => ({ at: p.createdAt, n: p.number, json: pullAsIssueJson(r, p) }))]
      all.sort((a, b) => b.at.localeCompare(a.at) || b.n - a.n)
      return page(ctx, all.map((x) => x.json))
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const n = Number(ctx.params[2])
      const i = r.issues.find((x) => x.number === n)
      if (i) return { status: 200, body: issueJson(r, i) }
      const p = r.pulls.find((x) => x.number === n)
      if (p) return { status: 200, body: pullAsIssueJson(r, p) }
      throw notFound()
    }],
    ['POST', /^\/repos\/([^/]+)\/([^/]+)\/issues$/, (ctx) => {
      const me = requireAuth(ctx)
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const title = bodyString(ctx, 'title', true)!
      const labels = Array.isArray(ctx.body['labels']) ? ctx.body['labels'].map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name))) : []
      ensureLabels(r, labels)
      const at = tick()
      const issue: IssueState = { number: nextNumber(r), title, body: bodyString(ctx, 'body', false) ?? '', user: me, labels, assignees: assigneesOf(r, ctx.body['assignees']), state: 'open', stateReason: null, createdAt: at, updatedAt: at, closedAt: null }
      r.issues.push(issue)
      return { status: 201, body: issueJson(r, issue) }
    }],
    ['PATCH', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/, (ctx) => {
      requireAuth(ctx)
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const i = r.issues.find((x) => x.number === Number(ctx.params[2]))
      if (!i) throw notFound()
      const title = bodyString(ctx, 'title', false)
      const body = bodyString(ctx, 'body', false)
      if (title !== undefined) i.title = title
      if (body !== undefined) i.body = body
      if (Array.isArray(ctx.body['labels'])) {
        i.labels = ctx.body['labels'].map(String)
        ensureLabels(r, i.labels)
      }
      if (Array.isArray(ctx.body['assignees'])) i.assignees = assigneesOf(r, ctx.body['assignees'])
      const st = ctx.body['state']
      if (st === 'closed' || st === 'open') {
        if (st !== i.state) i.closedAt = st === 'closed' ? tick() : null
        i.state = st
        i.stateReason = st === 'closed' ? (typeof ctx.body['state_reason'] === 'string' ? ctx.body['state_reason'] : 'completed') : 'reopened'
      } else if (st !== undefined) throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state' }])
      i.updatedAt = tick()
      return { status: 200, body: issueJson(r, i) }
    }],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/labels\/([^/]+)$/, (ctx) => {
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const l = r.labels.find((x) => same(x.name, decodeURIComponent(ctx.params[2]!)))
      if (!l) throw notFound()
      return { status: 200, body: labelJson(r, l) }
    }],
    ['POST', /^\/repos\/([^/]+)\/([^/]+)\/labels$/, (ctx) => {
      requireAuth(ctx)
      const r = findRepo(ctx.params[0]!, ctx.params[1]!, ctx.identity)
      const name = bodyString(ctx, 'name', true)!
      if (r.labels.some((l) => same(l.name, name))) throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }])
      const color = typeof ctx.body['color'] === 'string' ? ctx.body['color'] : 'ededed'
      const l: LabelState = { id: nextId++, name, color, description: typeof ctx.body['description'] === 'string' ? ctx.body['description'] : null }
      r.labels.push(l)
      return { status: 201, body: labelJson(r, l) }
    }],
  ]

  // ─── HTTP plumbing ───

  function identityOf(authorization: string | undefined): User | undefined | 'bad' {
    if (!authorization) return undefined
    const m = /^(?:token|bearer)\s+(.+)$/i.exec(authorization)
    if (!m) return 'bad'
    if (!tokens) return defaultIdentity
    return tokens.get(m[1]!) ?? 'bad'
  }

  function takeFault(method: string, url: URL): Fault | undefined {
    const path = url.pathname
    const i = faults.findIndex(
      (f) =>
        (f.method === undefined || same(f.method, method)) &&
        (typeof f.path === 'string' ? f.path === path : f.path.test(path)) &&
        Object.entries(f.query ?? {}).every(([k, v]) => url.searchParams.get(k) === v),
    )
    if (i < 0) return undefined
    const f = faults[i]!
    if (--f.left <= 0) faults.splice(i, 1)
    return f
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }

  let requestCount = 0
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const text = await readBody(req)
    let parsed: unknown
    let parseError = false
    if (text.length) {
      try {
        parsed = JSON.parse(text)
      } catch {
        parseError = true
      }
    }
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined
    const record: RecordedRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: parsed ?? (parseError ? text : undefined), authorization, userAgent: req.headers['user-agent'], status: 0 }
    requests.push(record)
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': `REQ-${++requestCount}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
    }
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      record.status = status
      const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
      res.writeHead(status, { ...headers, ...extra })
      res.end(payload)
    }

    const fault = takeFault(method, url)
    if (fault) {
      if (fault.kind === 'drop') {
        record.status = -1
        req.socket.destroy()
        return
      }
      if (fault.kind === 'bad-json') return send(200, '[{"id": 1, "bo')
      const status = fault.status ?? 500
      return send(status, fault.body ?? { message: status >= 500 ? 'Server Error' : 'Injected failure', documentation_url: DOCS, status: String(status) }, fault.headers)
    }

    const identity = identityOf(authorization)
    if (identity === 'bad') return send(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' })
    if (parseError) return send(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' })
    const body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}

    for (const [m, pattern, handler] of routes) {
      const match = pattern.exec(url.pathname)
      if (!match || m !== method) continue
      try {
        const answer = handler({ method, url, params: match.slice(1), body, identity })
        return send(answer.status, answer.body, answer.headers)
      } catch (error) {
        if (error instanceof HttpError) return send(error.status, error.body, error.headers)
        return send(500, { message: `stand-in server bug: ${error instanceof Error ? error.message : String(error)}` })
      }
    }
    return send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: String(error) }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  let closing: Promise<void> | undefined
  const repo = (fullName: string): RepoState => {
    const r = state.repos.find((x) => same(`${x.owner}/${x.name}`, fullName))
    if (!r) throw new Error(`the stand-in GitHub has no repository ${fullName}`)
    return r
  }

  return {
    url: base,
    state,
    requests,
    repo,
    commentsOn: (fullName, issue) => repo(fullName).comments.filter((c) => c.issue === issue).sort((a, b) => a.id - b.id),
    fail: (fault) => void faults.push({ ...fault, left: fault.times ?? 1 }),
    failRateLimit(path, options = {}) {
      const fault: Fault = options.secondary
        ? { path, status: 403, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS } }
        : { path, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '1000', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)) }, body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: DOCS } }
      faults.push({ ...fault, ...(options.method ? { method: options.method } : {}), left: options.times ?? 1 })
    },
    // Idempotent: a test may close early (to test an unreachable GitHub) and the cleanup closes again.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })),
  }
}
