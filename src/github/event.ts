// The workflow run's event (GITHUB_EVENT_PATH + GITHUB_* variables) as typed facts; no Octokit here, so any mode may load it.
import { readFileSync } from 'node:fs'

export type GitHubEventErrorKind = 'missing-env' | 'unreadable' | 'malformed'

export class GitHubEventError extends Error {
  override name = 'GitHubEventError'
  constructor(
    readonly kind: GitHubEventErrorKind,
    message: string,
  ) {
    super(message)
  }
}

export type RepositoryVisibility = 'public' | 'private' | 'internal' | 'unknown'

export interface EventPullRequest {
  number: number
  headSha: string
  headRef: string
  baseRef: string
  baseSha: string
  authorLogin: string | undefined
  /** The head lives in another repository (or in one since deleted): no secrets, read-only token. */
  fromFork: boolean
  merged: boolean
  mergeCommitSha: string | undefined
  htmlUrl: string | undefined
}

export interface GitHubEvent {
  /** `GITHUB_EVENT_NAME`: pull_request, push, schedule, workflow_dispatch, … */
  name: string
  /** The parsed payload, for anything not typed here. */
  payload: Readonly<Record<string, unknown>>
  owner: string
  repo: string
  /** `GITHUB_SHA`: on pull_request the ephemeral merge commit, on push the pushed commit. */
  sha: string
  /** `GITHUB_REF`, e.g. `refs/heads/main`, `refs/pull/7/merge`. */
  ref: string
  serverUrl: string
  runId: string | undefined
  /** Link to this workflow run, when GITHUB_RUN_ID is set. */
  runUrl: string | undefined
  /** From the payload; `unknown` when it does not say (schedule payloads carry no repository). */
  visibility: RepositoryVisibility
  defaultBranch: string | undefined
  /** pull_request, pull_request_target and pull_request_review events. */
  pullRequest: EventPullRequest | undefined
  /** push: the commit the branch now points at (`after`), else GITHUB_SHA. */
  pushedSha: string | undefined
  /** push to `refs/heads/<default branch>`. */
  isDefaultBranchPush: boolean
}

export type EventEnv = Readonly<Record<string, string | undefined>>

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

function visibilityOf(repository: Record<string, unknown> | undefined): RepositoryVisibility {
  if (!repository) return 'unknown'
  const v = repository['visibility']
  if (v === 'public' || v === 'private' || v === 'internal') return v
  if (repository['private'] === false) return 'public'
  if (repository['private'] === true) return 'private'
  return 'unknown'
}

/**
 * Compare repository ids (or full names) rather than trusting `head.repo.fork`: that flag is also true for a same-repository
 * PR when the base repository is itself a fork. A missing head repository (a deleted fork) counts as a fork: it gets no secrets.
 */
function isFork(head: Record<string, unknown> | undefined, base: Record<string, unknown> | undefined): boolean {
  const headRepo = record(head?.['repo'])
  const baseRepo = record(base?.['repo'])
  if (!headRepo || !baseRepo) return true
  if (typeof headRepo['id'] === 'number' && typeof baseRepo['id'] === 'number') return headRepo['id'] !== baseRepo['id']
  const a = str(headRepo['full_name'])
  const b = str(baseRepo['full_name'])
  return !a || !b || a.toLowerCase() !== b.toLowerCase()
}

function pullRequestOf(payload: Record<string, unknown>, path: string): EventPullRequest | undefined {
  const pr = record(payload['pull_request'])
  if (!pr) return undefined
  const head = record(pr['head'])
  const base = record(pr['base'])
  const number = typeof pr['number'] === 'number' ? pr['number'] : payload['number']
  const headSha = str(head?.['sha'])
  const baseRef = str(base?.['ref'])
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) throw new GitHubEventError('malformed', `the event file ${path} has a pull_request without a number`)
  if (!headSha || !SHA.test(headSha)) throw new GitHubEventError('malformed', `the event file ${path} has a pull_request without a head SHA`)
  if (!baseRef) throw new GitHubEventError('malformed', `the event file ${path} has a pull_request without a base branch`)
  const mergeCommitSha = str(pr['merge_commit_sha'])
  return {
    number,
    headSha,
    headRef: str(head?.['ref']) ?? '',
    baseRef,
    baseSha: str(base?.['sha']) ?? '',
    authorLogin: str(record(pr['user'])?.['login']),
    fromFork: isFork(head, base),
    merged: pr['merged'] === true || str(pr['merged_at']) !== undefined,
    mergeCommitSha: mergeCommitSha && SHA.test(mergeCommitSha) ? mergeCommitSha : undefined,
    htmlUrl: str(pr['html_url']),
  }
}

/** Reads and checks the event; every problem is a GitHubEventError with a message a workflow author can act on. */
export function readGitHubEvent(env: EventEnv = process.env): GitHubEvent {
  const name = str(env['GITHUB_EVENT_NAME'])
  const path = str(env['GITHUB_EVENT_PATH'])
  if (!name) throw new GitHubEventError('missing-env', 'GITHUB_EVENT_NAME is not set: this needs to run inside a GitHub Actions workflow')
  if (!path) throw new GitHubEventError('missing-env', 'GITHUB_EVENT_PATH is not set: this needs to run inside a GitHub Actions workflow')

  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new GitHubEventError('unreadable', `the event file ${path} cannot be read (${code})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new GitHubEventError('malformed', `the event file ${path} is not valid JSON`)
  }
  const payload = record(parsed)
  if (!payload) throw new GitHubEventError('malformed', `the event file ${path} does not hold a JSON object`)

  const repository = record(payload['repository'])
  // GITHUB_REPOSITORY first: schedule payloads carry no repository object at all.
  const fullName = str(env['GITHUB_REPOSITORY']) ?? str(repository?.['full_name'])
  const [owner, repo, ...rest] = (fullName ?? '').split('/')
  if (!owner || !repo || rest.length > 0) throw new GitHubEventError('missing-env', 'GITHUB_REPOSITORY is not set to "owner/name", and the event does not name the repository')

  const serverUrl = (str(env['GITHUB_SERVER_URL']) ?? 'https://github.com').replace(/\/+$/, '')
  const runId = str(env['GITHUB_RUN_ID'])
  const sha = str(env['GITHUB_SHA']) ?? ''
  const ref = str(env['GITHUB_REF']) ?? str(payload['ref']) ?? ''
  const defaultBranch = str(repository?.['default_branch'])
  const isPush = name === 'push'
  const after = str(payload['after'])
  const pushedSha = isPush ? (after && SHA.test(after) && !/^0+$/.test(after) ? after : sha || undefined) : undefined
  const pushRef = isPush ? (str(payload['ref']) ?? ref) : ''

  return {
    name,
    payload,
    owner,
    repo,
    sha,
    ref,
    serverUrl,
    runId,
    runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    visibility: visibilityOf(repository),
    defaultBranch,
    pullRequest: pullRequestOf(payload, path),
    pushedSha,
    isDefaultBranchPush: isPush && defaultBranch !== undefined && pushRef === `refs/heads/${defaultBranch}`,
  }
}

/**
 * For `redact: auto`. Fails safe: only a payload that says private or internal keeps contacts readable; `unknown`
 * (schedule, workflow_dispatch without a repository) redacts. Use fetchRepository() to learn it instead.
 */
export function isPublicRepository(event: Pick<GitHubEvent, 'visibility'>): boolean {
  return event.visibility !== 'private' && event.visibility !== 'internal'
}
