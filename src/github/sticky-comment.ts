// One sticky comment per pull request: found by its marker and a trusted author across every page, updated in place.
import { authorOf, isTrustedAuthor, type Author, type TrustedAuthors } from './authors.js'
import type { GitHubClient } from './client.js'
import { GitHubError, badResponse, gitHubCall, statusOf, toGitHubError } from './github-error.js'

/** GitHub answers 422 "Body is too long" above this many characters. */
export const GITHUB_BODY_LIMIT = 65_536

export interface StickyTarget {
  owner: string
  repo: string
  /** The pull request (or issue) number. */
  issueNumber: number
  /** A hidden first line such as `<!-- partner-contacts:plan -->`; a comment counts only if its body starts with it. */
  marker: string
  /** Whose comments count: the token's own identity (trustedAuthorsForToken); nobody when unset. See docs/github.md. */
  trustedAuthors?: TrustedAuthors
}

export interface StickyComment {
  id: number
  body: string
  author: Author
  htmlUrl: string | undefined
  createdAt: string | undefined
  /** When the body was last written (GitHub's clock). */
  updatedAt: string | undefined
}

export interface StickyFound {
  /** The newest matching comment, or undefined. */
  comment: StickyComment | undefined
  /** Older matching comments from trusted authors (left by an old bug or a race): reported, never deleted. */
  duplicates: StickyComment[]
  /** Comments that carry the marker but were written by someone not trusted: ignored. */
  ignoredUntrusted: number
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged'
  id: number
  htmlUrl: string | undefined
  /** Ids of older matching comments left as they were, and a plain note about them. */
  duplicates: number[]
  note: string | undefined
}

function validMarker(marker: string): void {
  if (marker.trim().length === 0) throw new TypeError('a sticky comment needs a non-empty marker')
}

/** Lists every comment (100 a page, all pages) and picks the newest one with the marker written by a trusted author. */
export async function findStickyComment(gh: GitHubClient, target: StickyTarget): Promise<StickyFound> {
  validMarker(target.marker)
  const { owner, repo, issueNumber } = target
  const operation = `list comments of #${issueNumber} in ${owner}/${repo}`
  const comments = await gitHubCall(operation, () => gh.paginate(gh.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 }))
  const matching: StickyComment[] = []
  let ignoredUntrusted = 0
  for (const c of comments) {
    if (typeof c.id !== 'number') throw badResponse(operation, 'a comment without an id')
    const body = c.body ?? ''
    if (!body.startsWith(target.marker)) continue
    const author = authorOf(c.user)
    if (!isTrustedAuthor(author, target.trustedAuthors)) {
      ignoredUntrusted++
      continue
    }
    matching.push({ id: c.id, body, author: author!, htmlUrl: c.html_url, createdAt: c.created_at, updatedAt: c.updated_at ?? c.created_at })
  }
  // Newest first: created_at, then id (ids grow), so the choice never depends on the page order.
  matching.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id)
  const [comment, ...duplicates] = matching
  return { comment, duplicates, ignoredUntrusted }
}

/** Puts the marker on the first line when the body does not start with it, so the comment can be found again. */
export function withMarker(marker: string, body: string): string {
  return body.startsWith(marker) ? body : `${marker}\n${body}`
}

export function checkBodySize(operation: string, body: string): void {
  if (body.length > GITHUB_BODY_LIMIT) {
    throw new GitHubError('invalid', operation, `the body has ${body.length} characters; GitHub accepts at most ${GITHUB_BODY_LIMIT}`)
  }
}

/**
 * Updates the one sticky comment in place, or creates it; never a second one. With duplicates, the newest is updated
 * and the result says so. Permission: `pull-requests: write` (or `issues: write` on an issue).
 */
export async function upsertStickyComment(gh: GitHubClient, target: StickyTarget & { body: string }): Promise<UpsertResult> {
  const { owner, repo, issueNumber } = target
  const body = withMarker(target.marker, target.body)
  checkBodySize(`write the comment on #${issueNumber} in ${owner}/${repo}`, body)
  const found = await findStickyComment(gh, target)
  const duplicates = found.duplicates.map((d) => d.id)
  const note = duplicates.length
    ? `found ${duplicates.length + 1} comments with the marker; updated the newest (${found.comment!.id}) and left ${duplicates.join(', ')} as they were`
    : undefined
  if (found.comment) {
    const existing = found.comment
    if (existing.body === body) return { action: 'unchanged', id: existing.id, htmlUrl: existing.htmlUrl, duplicates, note }
    const operation = `update comment ${existing.id} on #${issueNumber} in ${owner}/${repo}`
    try {
      const { data } = await gh.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
      return { action: 'updated', id: data.id ?? existing.id, htmlUrl: data.html_url ?? existing.htmlUrl, duplicates, note }
    } catch (error) {
      // Deleted between the list and the update: there is no sticky comment any more, so one is created below.
      if (statusOf(error) !== 404) throw toGitHubError(error, operation)
    }
  }
  const created = await createComment(gh, { owner, repo, issueNumber, body })
  return { action: 'created', id: created.id, htmlUrl: created.htmlUrl, duplicates, note }
}

export interface CreatedComment {
  id: number
  htmlUrl: string | undefined
}

/** A plain (non-sticky) comment, e.g. the apply report on the merged pull request. Permission: `pull-requests: write`. */
export async function createComment(gh: GitHubClient, target: { owner: string; repo: string; issueNumber: number; body: string }): Promise<CreatedComment> {
  const { owner, repo, issueNumber, body } = target
  const operation = `comment on #${issueNumber} in ${owner}/${repo}`
  checkBodySize(operation, body)
  const { data } = await gitHubCall(operation, () => gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }))
  if (typeof data.id !== 'number') throw badResponse(operation, 'the new comment has no id')
  return { id: data.id, htmlUrl: data.html_url }
}
