// Whether a merged PR was approved as SPEC §5 step 2 demands; every GitHub failure throws, so apply fails closed.
import type { GitHubClient } from './client.js'
import { loadCodeowners, ownersOf, type Codeowners } from './codeowners.js'
import { GitHubError, badResponse, gitHubCall, statusOf, toGitHubError } from './github-error.js'
import type { MergedPullRequest } from './pull-request.js'
import { ref, type MessageRef } from '../i18n/messages.js'

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED'

export interface ApprovalPolicy {
  owner: string
  repo: string
  pull: Pick<MergedPullRequest, 'number' | 'authorLogin' | 'headSha' | 'baseSha'>
  /** At least this many counted approvals (SPEC default 1). */
  requiredApprovals: number
  /**
   * Who may approve: logins (`alice`, `@alice`, case-insensitive) and teams (`@org/team`, needs a token that can read
   * the organisation's team membership); or `'codeowners'`: each changed file needs an approval from one of its owners
   * in CODEOWNERS. Unset: anyone with write access other than the author.
   */
  approvers?: readonly string[] | 'codeowners'
  /** The contacts files this apply writes (repository paths); what `'codeowners'` matches. */
  changedFiles?: readonly string[]
  /**
   * Count only reviewers with write access to the repository (`GET …/collaborators/{u}/permission`), as branch
   * protection does; on a public repository anyone can submit an approving review. Default true.
   */
  requireWriteAccess?: boolean
  /** Commit at which CODEOWNERS is read. Default `pull.baseSha`: the base branch before the PR, so the PR cannot edit its own owners. */
  codeownersRef?: string
  /**
   * When the plan with the reviewed checksums was first published in the plan comment (ISO 8601). An approval counts
   * only when submitted after it (SPEC §11 "Approval freshness"): GitHub moves a review's commit_id forward on
   * force-pushes and merges, so a commit match alone does not prove the reviewer saw the final plan.
   */
  planPublishedAt?: string
}

export interface ReviewerOutcome {
  login: string
  /** The reviewer's latest state-bearing review (COMMENTED never changes it). */
  state: ReviewState
  commitId: string | undefined
  submittedAt: string | undefined
  /** Counted toward `requiredApprovals`. */
  counted: boolean
  /** Why not counted (an `approval.*` message). */
  why: MessageRef | undefined
  /** With `'codeowners'`: the changed files this reviewer owns. */
  owns: string[]
  /** An approval on the final head, submitted before the plan it must cover was published. */
  tooOld?: boolean
}

export interface ApprovalResult {
  ok: boolean
  /** One entry per reviewer (other than pure commenters), in the order they last reviewed. */
  approvals: ReviewerOutcome[]
  counted: number
  required: number
  /** Why the apply is refused (`approval.*` messages, formatted in the reader's language); empty when ok. */
  reasons: MessageRef[]
  /** Where CODEOWNERS was read, with `'codeowners'`. */
  codeownersPath?: string | undefined
}

interface Review {
  id: number
  login: string
  type: string
  state: string
  commitId: string | undefined
  submittedAt: string | undefined
}

/**
 * Team membership is only visible to a token that can read the organisation's members; GITHUB_TOKEN sees none: the
 * `teams` value (`yes`) adds that hint to a reason.
 */
const teamHint = (teams: boolean) => (teams ? 'yes' : 'no')

const short = (sha: string | undefined) => (sha ? sha.slice(0, 7) : 'unknown')
const lower = (s: string) => s.toLowerCase()

/** Every review of the PR, oldest first; a review without a state or author is a bad answer, not something to skip. */
async function listReviews(gh: GitHubClient, owner: string, repo: string, pullNumber: number): Promise<Review[]> {
  const operation = `list the reviews of pull request #${pullNumber} in ${owner}/${repo}`
  const raw = await gitHubCall(operation, () => gh.paginate(gh.rest.pulls.listReviews, { owner, repo, pull_number: pullNumber, per_page: 100 }))
  const reviews: Review[] = []
  for (const r of raw) {
    if (typeof r.id !== 'number' || typeof r.state !== 'string') throw badResponse(operation, 'a review without an id or state')
    if (!r.user) continue // a deleted account ("ghost"): nobody to attribute the review to
    if (typeof r.user.login !== 'string') throw badResponse(operation, 'a review without an author')
    reviews.push({ id: r.id, login: r.user.login, type: r.user.type ?? 'User', state: r.state.toUpperCase(), commitId: r.commit_id ?? undefined, submittedAt: r.submitted_at })
  }
  // Chronological by submission, then id: the latest review per person must not depend on page order.
  return reviews.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id - b.id)
}

interface ApproverSpec {
  logins: Set<string>
  teams: Array<{ org: string; slug: string; name: string }>
}

function parseApprovers(list: readonly string[]): { spec: ApproverSpec; invalid: string[] } {
  const spec: ApproverSpec = { logins: new Set(), teams: [] }
  const invalid: string[] = []
  for (const entry of list) {
    const e = entry.trim()
    const team = /^@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/.exec(e)
    if (team) spec.teams.push({ org: team[1]!, slug: team[2]!.toLowerCase(), name: e })
    else if (/^@?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(\[bot\])?$/.test(e)) spec.logins.add(lower(e.replace(/^@/, '')))
    else invalid.push(entry)
  }
  return { spec, invalid }
}

/** Cached lookups, so one evaluation asks GitHub at most once per (team, user) and per user. */
class Lookups {
  private teams = new Map<string, Promise<boolean>>()
  private access = new Map<string, Promise<boolean>>()
  constructor(
    private gh: GitHubClient,
    private owner: string,
    private repo: string,
  ) {}

  /** `GET /orgs/{org}/teams/{slug}/memberships/{user}`: active → member; 404 → not one; anything else throws. */
  inTeam(org: string, slug: string, username: string): Promise<boolean> {
    const key = `${lower(org)}/${slug}/${lower(username)}`
    let p = this.teams.get(key)
    if (!p) {
      p = (async () => {
        try {
          const { data } = await this.gh.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username })
          return data.state === 'active'
        } catch (error) {
          if (statusOf(error) === 404) return false
          const e = toGitHubError(error, `check whether @${username} is in @${org}/${slug}`)
          if (e.kind !== 'auth') throw e
          throw new GitHubError('auth', e.operation, "the token cannot read the team's members; team approvers need a token with organisation members: read (GITHUB_TOKEN has none)", e.status, e.requestId)
        }
      })()
      this.teams.set(key, p)
    }
    return p
  }

  /** Write, maintain or admin (`permission` is "write" for maintain, "read" for triage); 404 → no access. */
  hasWriteAccess(username: string): Promise<boolean> {
    const key = lower(username)
    let p = this.access.get(key)
    if (!p) {
      p = (async () => {
        const operation = `check the permission of @${username} on ${this.owner}/${this.repo}`
        try {
          const { data } = await this.gh.rest.repos.getCollaboratorPermissionLevel({ owner: this.owner, repo: this.repo, username })
          if (typeof data.permission !== 'string') throw badResponse(operation, 'no permission level')
          return data.permission === 'admin' || data.permission === 'write'
        } catch (error) {
          if (statusOf(error) === 404) return false
          throw toGitHubError(error, operation)
        }
      })()
      this.access.set(key, p)
    }
    return p
  }
}

/** Whether `login` matches one of `owners` (CODEOWNERS entries or approvers): a login, or a team it is in. */
async function matchesAny(lookups: Lookups, owners: readonly string[], login: string): Promise<boolean> {
  const { spec } = parseApprovers(owners.filter((o) => o.startsWith('@')))
  if (spec.logins.has(lower(login))) return true
  for (const team of spec.teams) if (await lookups.inTeam(team.org, team.slug, login)) return true
  return false
}

/**
 * SPEC §5 step 2. Per reviewer, the latest APPROVED / CHANGES_REQUESTED / DISMISSED review decides (COMMENTED and
 * PENDING do not). An approval counts when it is on the PR's final head, not by the author, not by a bot (unless the bot
 * is named in `approvers`), from someone with write access, and from an allowed approver. An outstanding change
 * request from someone who could have approved blocks the apply. Throws GitHubError on any GitHub failure.
 * Permissions: `pull-requests: read`, `contents: read` (CODEOWNERS), metadata (permission levels), and for team
 * approvers a token that can read organisation members.
 */
export async function evaluateApprovals(gh: GitHubClient, policy: ApprovalPolicy): Promise<ApprovalResult> {
  const { owner, repo, pull } = policy
  const required = policy.requiredApprovals
  if (!Number.isInteger(required) || required < 0) throw new TypeError(`requiredApprovals must be a whole number ≥ 0, got ${required}`)
  const requireWriteAccess = policy.requireWriteAccess ?? true
  const reasons: MessageRef[] = []
  const lookups = new Lookups(gh, owner, repo)
  const changedFiles = [...new Set(policy.changedFiles ?? [])]

  let listed: ApproverSpec | undefined
  if (Array.isArray(policy.approvers)) {
    const { spec, invalid } = parseApprovers(policy.approvers)
    if (invalid.length) reasons.push(ref('approval.invalidApprovers', { entries: invalid.map((i) => JSON.stringify(i)).join(', ') }))
    if (spec.logins.size === 0 && spec.teams.length === 0) reasons.push(ref('approval.noApprovers'))
    listed = spec
  }

  let codeowners: Codeowners | undefined
  const fileOwners = new Map<string, string[]>()
  if (policy.approvers === 'codeowners') {
    const at = policy.codeownersRef ?? pull.baseSha
    if (!at) throw new GitHubError('bad-response', `read CODEOWNERS for pull request #${pull.number}`, 'the pull request has no base commit to read CODEOWNERS at')
    codeowners = await loadCodeowners(gh, owner, repo, at)
    if (!codeowners.path) reasons.push(ref('approval.noCodeowners', { commit: short(at) }))
    if (changedFiles.length === 0) reasons.push(ref('approval.noChangedFiles'))
    for (const file of changedFiles) fileOwners.set(file, ownersOf(codeowners, file).owners)
  }

  const reviews = await listReviews(gh, owner, repo, pull.number)
  const latest = new Map<string, Review>()
  const everApproved = new Set<string>()
  for (const r of reviews) {
    if (r.state !== 'APPROVED' && r.state !== 'CHANGES_REQUESTED' && r.state !== 'DISMISSED') continue
    const key = lower(r.login)
    // An approval dismissed later shows as DISMISSED, so "approved before" is judged from what is still visible.
    if (r.state === 'APPROVED' && r.commitId) everApproved.add(key)
    latest.delete(key) // re-insert so the map's order is the order of each reviewer's last word
    latest.set(key, r)
  }

  const author = lower(pull.authorLogin)
  // Unreadable time: fail closed, no approval is newer than it.
  const published = policy.planPublishedAt === undefined ? undefined : Number.isNaN(Date.parse(policy.planPublishedAt)) ? Infinity : Date.parse(policy.planPublishedAt)
  const approvals: ReviewerOutcome[] = []
  let authorApproved = false
  for (const [key, r] of latest) {
    const outcome: ReviewerOutcome = { login: r.login, state: r.state as ReviewState, commitId: r.commitId, submittedAt: r.submittedAt, counted: false, why: undefined, owns: [] }
    approvals.push(outcome)
    const isAuthor = key === author
    if (isAuthor) {
      if (r.state === 'APPROVED') authorApproved = true
      outcome.why = ref('approval.why.author')
      continue
    }
    // Is this person one whose word counts? Asked for change requests too: a drive-by reviewer must not block apply.
    const eligibility = async (): Promise<MessageRef | undefined> => {
      const named = listed?.logins.has(key) ?? false
      const login = r.login
      if (r.type === 'Bot' && !named) return ref('approval.why.bot', { login })
      if (listed && !named) {
        let inTeam = false
        for (const team of listed.teams) if (await lookups.inTeam(team.org, team.slug, r.login)) { inTeam = true; break }
        if (!inTeam) return ref('approval.why.notApprover', { login, teams: teamHint(listed.teams.length > 0) })
      }
      if (codeowners) {
        for (const [file, owners] of fileOwners) if (await matchesAny(lookups, owners, r.login)) outcome.owns.push(file)
        if (outcome.owns.length === 0) return ref('approval.why.notCodeowner', { login })
      }
      if (requireWriteAccess && !(await lookups.hasWriteAccess(r.login))) return ref('approval.why.noWriteAccess', { login, repository: `${owner}/${repo}` })
      return undefined
    }
    if (r.state === 'CHANGES_REQUESTED') {
      const ineligible = await eligibility()
      outcome.why = ref(everApproved.has(key) ? 'approval.why.changesRequestedAfterApproval' : 'approval.why.changesRequested', { login: r.login })
      if (!ineligible) reasons.push(outcome.why)
      continue
    }
    if (r.state === 'DISMISSED') {
      outcome.why = ref('approval.why.dismissed', { login: r.login })
      continue
    }
    if (!r.commitId || lower(r.commitId) !== lower(pull.headSha)) {
      outcome.why = ref('approval.why.olderCommit', { login: r.login, commit: short(r.commitId), head: short(pull.headSha) })
      continue
    }
    if (published !== undefined && !(Date.parse(r.submittedAt ?? '') > published)) {
      outcome.tooOld = true
      outcome.why = ref('approval.why.olderThanPlan', { login: r.login, at: r.submittedAt ?? '?', published: policy.planPublishedAt ?? '' })
      continue
    }
    const ineligible = await eligibility()
    if (ineligible) {
      outcome.why = ineligible
      continue
    }
    outcome.counted = true
  }

  const counted = approvals.filter((a) => a.counted)
  if (counted.length < required) {
    if (counted.length === 0 && authorApproved && approvals.every((a) => lower(a.login) === author || a.state !== 'APPROVED')) reasons.push(ref('approval.onlyAuthor'))
    else if (approvals.length === 0) reasons.push(ref('approval.nobody'))
    for (const a of approvals) if (a.state === 'APPROVED' && !a.counted && lower(a.login) !== author && a.why) reasons.push(a.why)
    reasons.push(ref('approval.counted', { counted: counted.length, required, head: short(pull.headSha) }))
  }
  if (codeowners) {
    for (const [file, owners] of fileOwners) {
      if (owners.length === 0) reasons.push(ref('approval.unowned', { file, codeowners: codeowners.path ?? 'CODEOWNERS' }))
      else if (!counted.some((a) => a.owns.includes(file))) {
        reasons.push(ref('approval.noCodeownerApproval', { file, owners: owners.join(', '), teams: teamHint(owners.some((o) => o.includes('/'))) }))
      }
    }
  }
  // Whatever else refused the run, say which approvals were too old: re-approving is the fix.
  if (reasons.length > 0) for (const a of approvals) if (a.tooOld && a.why) reasons.push(a.why)
  return { ok: reasons.length === 0, approvals, counted: counted.length, required, reasons: unique(reasons), ...(codeowners ? { codeownersPath: codeowners.path } : {}) }
}

/** The same reason twice (a change request is both a reviewer's `why` and a reason) is said once. */
function unique(reasons: readonly MessageRef[]): MessageRef[] {
  const seen = new Set<string>()
  return reasons.filter((r) => {
    const key = JSON.stringify(r)
    return !seen.has(key) && Boolean(seen.add(key))
  })
}

/**
 * Whether `login` is one of `entries` (logins with or without `@`, or `@org/team`s it is an active member of): the
 * manual portal's operators. Throws GitHubError when a team cannot be read (fail closed).
 */
export async function isListedUser(gh: GitHubClient, owner: string, repo: string, entries: readonly string[], login: string): Promise<boolean> {
  return matchesAny(new Lookups(gh, owner, repo), entries.map((e) => (e.startsWith('@') ? e : `@${e}`)), login)
}
