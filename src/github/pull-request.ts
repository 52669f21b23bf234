// The pull request behind a pushed commit (SPEC §5 apply step 1), and its changed files.
import type { GitHubClient } from './client.js'
import { GitHubError, badResponse, gitHubCall } from './github-error.js'

export interface MergedPullRequest {
  number: number
  title: string
  htmlUrl: string | undefined
  /** Login of the PR's author; their own approval never counts. */
  authorLogin: string
  /** The final head: approvals must be on this commit. */
  headSha: string
  headRef: string
  baseRef: string
  /** The base branch tip the PR was last compared with: a commit without the PR's changes (CODEOWNERS is read there). */
  baseSha: string
  mergeCommitSha: string
  mergedAt: string
}

function mergedPullOf(operation: string, p: {
  number?: unknown
  title?: unknown
  html_url?: unknown
  user?: { login?: unknown } | null
  head?: { sha?: unknown; ref?: unknown } | null
  base?: { sha?: unknown; ref?: unknown } | null
  merge_commit_sha?: unknown
  merged_at?: unknown
}): MergedPullRequest {
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const number = typeof p.number === 'number' ? p.number : undefined
  const authorLogin = s(p.user?.login)
  const headSha = s(p.head?.sha)
  const baseRef = s(p.base?.ref)
  const mergeCommitSha = s(p.merge_commit_sha)
  const mergedAt = s(p.merged_at)
  // Without the author or the head, the approval check could not be done right: refuse rather than guess.
  if (number === undefined || !authorLogin || !headSha || !baseRef || !mergeCommitSha || !mergedAt) {
    throw badResponse(operation, `pull request ${number ?? '?'} lacks its number, author, head, base or merge commit`)
  }
  return {
    number,
    title: s(p.title) ?? '',
    htmlUrl: s(p.html_url),
    authorLogin,
    headSha,
    headRef: s(p.head?.ref) ?? '',
    baseRef,
    baseSha: s(p.base?.sha) ?? '',
    mergeCommitSha,
    mergedAt,
  }
}

/**
 * `GET /repos/{o}/{r}/commits/{sha}/pulls`, keeping merged PRs whose merge commit IS `sha` (a merge, squash or the last
 * commit of a rebase merge). One → it, re-read with `GET /pulls/{n}` so `merged` and the head come from the PR itself;
 * none → undefined (a direct push); several → GitHubError 'ambiguous', as apply must not pick one. `baseRef`, when
 * given, also requires the PR to have been merged into that branch. Permissions: `contents: read`, `pull-requests: read`.
 */
export async function findMergedPullRequestForCommit(gh: GitHubClient, owner: string, repo: string, sha: string, options: { baseRef?: string } = {}): Promise<MergedPullRequest | undefined> {
  const operation = `find the pull request merged as ${sha.slice(0, 7)} in ${owner}/${repo}`
  const pulls = await gitHubCall(operation, () => gh.paginate(gh.rest.repos.listPullRequestsAssociatedWithCommit, { owner, repo, commit_sha: sha, per_page: 100 }))
  const merged = pulls.filter(
    (p) => typeof p.merged_at === 'string' && typeof p.merge_commit_sha === 'string' && p.merge_commit_sha.toLowerCase() === sha.toLowerCase() && (options.baseRef === undefined || p.base?.ref === options.baseRef),
  )
  if (merged.length === 0) return undefined
  if (merged.length > 1) {
    const numbers = merged.map((p) => `#${p.number}`).join(', ')
    throw new GitHubError('ambiguous', operation, `several merged pull requests (${numbers}) have this merge commit; refusing to choose one`)
  }
  const number = merged[0]!.number
  const readOperation = `read pull request #${number} in ${owner}/${repo}`
  const { data } = await gitHubCall(readOperation, () => gh.rest.pulls.get({ owner, repo, pull_number: number }))
  if (data.merged !== true || data.merge_commit_sha?.toLowerCase() !== sha.toLowerCase()) {
    throw new GitHubError('bad-response', readOperation, `GitHub listed #${number} as merged as ${sha.slice(0, 7)}, but the pull request itself says otherwise`)
  }
  return mergedPullOf(readOperation, data)
}

export interface PullRequestFile {
  filename: string
  status: string
  /** For a rename: the path it had before. */
  previousFilename: string | undefined
}

/** GitHub lists at most this many files of a pull request. */
export const PULL_REQUEST_FILES_LIMIT = 3000

/**
 * Every file the PR changed (`GET /pulls/{n}/files`, all pages). GitHub stops at 3,000 files; reaching that is a
 * GitHubError ('invalid'), since a file past it could be missed. Permission: `pull-requests: read`.
 */
export async function listPullRequestFiles(gh: GitHubClient, owner: string, repo: string, pullNumber: number): Promise<PullRequestFile[]> {
  const operation = `list the files of pull request #${pullNumber} in ${owner}/${repo}`
  const files = await gitHubCall(operation, () => gh.paginate(gh.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 }))
  if (files.length >= PULL_REQUEST_FILES_LIMIT) {
    throw new GitHubError('invalid', operation, `the pull request changes ${PULL_REQUEST_FILES_LIMIT} files or more, past what GitHub lists`)
  }
  return files.map((f) => {
    if (typeof f.filename !== 'string') throw badResponse(operation, 'a file without a name')
    return { filename: f.filename, status: f.status ?? 'modified', previousFilename: f.previous_filename }
  })
}
