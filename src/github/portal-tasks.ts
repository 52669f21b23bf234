// Manual portal tasks (SPEC §11): one issue per partner, found by exact title, label and our own authorship; updated in place.
import { authorOf, isTrustedAuthor, type Author, type TrustedAuthors } from './authors.js'
import type { GitHubClient } from './client.js'
import { badResponse, gitHubCall } from './github-error.js'
import { ensureLabel } from './labels.js'
import { checkBodySize } from './sticky-comment.js'

export const PORTAL_TASK_LABEL = 'partner-contacts-portal-task'

export function portalTaskTitle(partnerId: string): string {
  return `Partner Portal update: partner ${partnerId}`
}

const TITLE = /^Partner Portal update: partner (\S+)$/

/** The partner a task title names, or undefined when it is not a task's title. */
export function partnerOfTaskTitle(title: string): string | undefined {
  return TITLE.exec(title)?.[1]
}

export interface PortalTask {
  number: number
  partnerId: string
  body: string
  state: 'open' | 'closed'
  author: Author | undefined
  createdAt: string
  htmlUrl: string | undefined
  assignees: string[]
}

export interface IssueComment {
  id: number
  body: string
  author: Author | undefined
  createdAt: string
  updatedAt: string
}

/**
 * The tasks our own identity opened, by partner, newest first (`state: all` includes closed ones, where records live).
 * A look-alike issue opened by a person is not a task. Permission: `issues: read`.
 */
export async function listPortalTasks(
  gh: GitHubClient,
  target: { owner: string; repo: string; state: 'open' | 'all'; trustedAuthors: TrustedAuthors },
): Promise<Map<string, PortalTask[]>> {
  const { owner, repo } = target
  const operation = `list portal tasks in ${owner}/${repo}`
  const issues = await gitHubCall(operation, () => gh.paginate(gh.rest.issues.listForRepo, { owner, repo, labels: PORTAL_TASK_LABEL, state: target.state, per_page: 100 }))
  const byPartner = new Map<string, PortalTask[]>()
  for (const issue of issues) {
    if (typeof issue.number !== 'number' || typeof issue.title !== 'string') throw badResponse(operation, 'an issue without a number or title')
    if (issue.pull_request) continue
    const partnerId = partnerOfTaskTitle(issue.title)
    const author = authorOf(issue.user)
    if (partnerId === undefined || !isTrustedAuthor(author, target.trustedAuthors)) continue
    const list = byPartner.get(partnerId) ?? []
    list.push({
      number: issue.number,
      partnerId,
      body: issue.body ?? '',
      state: issue.state === 'closed' ? 'closed' : 'open',
      author,
      createdAt: issue.created_at,
      htmlUrl: issue.html_url,
      assignees: (issue.assignees ?? []).map((a) => a?.login).filter((l): l is string => typeof l === 'string'),
    })
    byPartner.set(partnerId, list)
  }
  for (const list of byPartner.values()) list.sort((a, b) => b.number - a.number)
  return byPartner
}

export interface UpsertTaskResult {
  action: 'created' | 'updated' | 'unchanged'
  number: number
  htmlUrl: string | undefined
}

/**
 * Updates the partner's open task (body and assignees) or opens it with the label. GitHub assigns people only (teams are
 * named in the body), and silently drops assignees without access. Permission: `issues: write`.
 */
export async function upsertPortalTask(
  gh: GitHubClient,
  target: { owner: string; repo: string; partnerId: string; body: string; assignees: readonly string[]; open: readonly PortalTask[] },
): Promise<UpsertTaskResult> {
  const { owner, repo, partnerId, body } = target
  const title = portalTaskTitle(partnerId)
  if (!TITLE.test(title)) throw new TypeError(`a partner id cannot contain spaces: ${JSON.stringify(partnerId)}`)
  checkBodySize(`write the portal task of partner ${partnerId} in ${owner}/${repo}`, body)
  const assignees = [...target.assignees]
  const existing = target.open.find((t) => t.state === 'open')
  if (existing) {
    const sameAssignees = [...existing.assignees].sort().join() === [...assignees].sort().join()
    if (existing.body === body && sameAssignees) return { action: 'unchanged', number: existing.number, htmlUrl: existing.htmlUrl }
    await gitHubCall(`update portal task #${existing.number} in ${owner}/${repo}`, () => gh.rest.issues.update({ owner, repo, issue_number: existing.number, body, assignees }))
    return { action: 'updated', number: existing.number, htmlUrl: existing.htmlUrl }
  }
  await ensureLabel(gh, owner, repo, { name: PORTAL_TASK_LABEL, color: '0e8a16', description: 'A person carries out a Partner Portal change (manual portal)' })
  const operation = `open the portal task of partner ${partnerId} in ${owner}/${repo}`
  const { data } = await gitHubCall(operation, () => gh.rest.issues.create({ owner, repo, title, body, labels: [PORTAL_TASK_LABEL], assignees }))
  if (typeof data.number !== 'number') throw badResponse(operation, 'the new issue has no number')
  return { action: 'created', number: data.number, htmlUrl: data.html_url }
}

/** Every comment of an issue, oldest first, with both times: an edited record is told apart by them. */
export async function listIssueComments(gh: GitHubClient, owner: string, repo: string, issueNumber: number): Promise<IssueComment[]> {
  const operation = `list comments of #${issueNumber} in ${owner}/${repo}`
  const comments = await gitHubCall(operation, () => gh.paginate(gh.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 }))
  return comments.map((c) => {
    if (typeof c.id !== 'number') throw badResponse(operation, 'a comment without an id')
    return { id: c.id, body: c.body ?? '', author: authorOf(c.user), createdAt: c.created_at, updatedAt: c.updated_at }
  })
}

/** Closes (`completed`) or reopens an issue. Permission: `issues: write`. */
export async function setIssueState(gh: GitHubClient, owner: string, repo: string, issueNumber: number, state: 'open' | 'closed'): Promise<void> {
  await gitHubCall(`${state === 'closed' ? 'close' : 'reopen'} #${issueNumber} in ${owner}/${repo}`, () =>
    gh.rest.issues.update({ owner, repo, issue_number: issueNumber, state, ...(state === 'closed' ? { state_reason: 'completed' as const } : {}) }),
  )
}
