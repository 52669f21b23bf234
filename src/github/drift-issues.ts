// One drift issue per partner (SPEC §5 Drift): found by exact title and label, updated in place, closed when the drift is gone.
import type { GitHubClient } from './client.js'
import { badResponse, gitHubCall } from './github-error.js'
import { ensureLabel } from './labels.js'
import { checkBodySize } from './sticky-comment.js'

export const DRIFT_LABEL = 'partner-contacts-drift'

export function driftIssueTitle(partnerId: string): string {
  return `Contact information drift: partner ${partnerId}`
}

const TITLE = /^Contact information drift: partner (\S+)$/

export interface DriftIssue {
  number: number
  title: string
  partnerId: string
  body: string
  htmlUrl: string | undefined
}

export interface DriftTarget {
  owner: string
  repo: string
  partnerId: string
  /**
   * The result of one listDriftIssues() for a run over many partners, so the list is read once, not per partner. A
   * snapshot: it does not learn of issues created since, so pass it for each partner once per run.
   */
  known?: Map<string, DriftIssue[]>
}

export interface UpsertDriftResult {
  action: 'created' | 'updated' | 'unchanged'
  number: number
  htmlUrl: string | undefined
  /** Other open issues for the same partner (an old bug, a human copy): reported, left alone. */
  duplicates: number[]
}

/**
 * Every open drift issue, by partner, oldest first: `GET /repos/{o}/{r}/issues?labels=…&state=open`, all pages (not
 * the search API, whose index lags and whose rate limit is 30 a minute). Pull requests, which that list also returns,
 * are skipped. Permission: `issues: read`.
 */
export async function listDriftIssues(gh: GitHubClient, owner: string, repo: string): Promise<Map<string, DriftIssue[]>> {
  const operation = `list open drift issues in ${owner}/${repo}`
  const issues = await gitHubCall(operation, () => gh.paginate(gh.rest.issues.listForRepo, { owner, repo, labels: DRIFT_LABEL, state: 'open', per_page: 100 }))
  const byPartner = new Map<string, DriftIssue[]>()
  for (const issue of issues) {
    if (typeof issue.number !== 'number' || typeof issue.title !== 'string') throw badResponse(operation, 'an issue without a number or title')
    if (issue.pull_request) continue
    const partnerId = TITLE.exec(issue.title)?.[1]
    if (partnerId === undefined) continue
    const list = byPartner.get(partnerId) ?? []
    list.push({ number: issue.number, title: issue.title, partnerId, body: issue.body ?? '', htmlUrl: issue.html_url })
    byPartner.set(partnerId, list)
  }
  for (const list of byPartner.values()) list.sort((a, b) => a.number - b.number)
  return byPartner
}

/**
 * Updates the partner's one open drift issue (the oldest, if an old bug left several), or creates it with the label.
 * An identical body is left alone, so a daily run with the same drift writes nothing. Permission: `issues: write`.
 */
export async function upsertDriftIssue(gh: GitHubClient, target: DriftTarget & { body: string }): Promise<UpsertDriftResult> {
  const { owner, repo, partnerId, body } = target
  const title = driftIssueTitle(partnerId)
  if (!TITLE.test(title)) throw new TypeError(`a partner id cannot contain spaces: ${JSON.stringify(partnerId)}`)
  checkBodySize(`write the drift issue of partner ${partnerId} in ${owner}/${repo}`, body)
  const open = (target.known ?? (await listDriftIssues(gh, owner, repo))).get(partnerId) ?? []
  const [issue, ...rest] = open
  const duplicates = rest.map((d) => d.number)
  if (issue) {
    if (issue.body === body) return { action: 'unchanged', number: issue.number, htmlUrl: issue.htmlUrl, duplicates }
    const operation = `update drift issue #${issue.number} in ${owner}/${repo}`
    await gitHubCall(operation, () => gh.rest.issues.update({ owner, repo, issue_number: issue.number, body }))
    return { action: 'updated', number: issue.number, htmlUrl: issue.htmlUrl, duplicates }
  }
  await ensureLabel(gh, owner, repo, { name: DRIFT_LABEL, color: 'd93f0b', description: 'The partner portal differs from contacts.yaml' })
  const operation = `open the drift issue of partner ${partnerId} in ${owner}/${repo}`
  const { data } = await gitHubCall(operation, () => gh.rest.issues.create({ owner, repo, title, body, labels: [DRIFT_LABEL] }))
  if (typeof data.number !== 'number') throw badResponse(operation, 'the new issue has no number')
  return { action: 'created', number: data.number, htmlUrl: data.html_url, duplicates }
}

export interface CloseDriftResult {
  /** Issues closed (all open ones for the partner, duplicates included); empty when there was none. */
  closed: number[]
}

/**
 * Closes the partner's open drift issue(s) with a comment saying why, as `completed`. Nothing open → nothing done.
 * Permission: `issues: write`.
 */
export async function closeDriftIssue(gh: GitHubClient, target: DriftTarget & { comment?: string }): Promise<CloseDriftResult> {
  const { owner, repo, partnerId } = target
  const comment = target.comment ?? `The portal matches \`contacts.yaml\` again for partner ${partnerId}; closing.`
  const open = (target.known ?? (await listDriftIssues(gh, owner, repo))).get(partnerId) ?? []
  const closed: number[] = []
  for (const issue of open) {
    await gitHubCall(`comment on drift issue #${issue.number} in ${owner}/${repo}`, () => gh.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: comment }))
    await gitHubCall(`close drift issue #${issue.number} in ${owner}/${repo}`, () => gh.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' }))
    closed.push(issue.number)
  }
  return { closed }
}
