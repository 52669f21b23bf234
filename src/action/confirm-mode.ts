// mode: confirm — an operator closed a portal task with every box ticked, or commented `/partner-contacts done`:
// record the task's desired state as the partner's confirmed portal state, by the Action's own identity (SPEC §11).
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { expandFiles } from '../files/expand-files.js'
import { ENGLISH } from '../i18n/catalogue.js'
import { ref, type MessageRef } from '../i18n/messages.js'
import type { GitHubClient, GitHubEvent } from '../github/index.js'
import { desiredStateChecksum } from '../plan/checksum.js'
import { toPortalState } from '../plan/mapping.js'
import { readTaskMarker, recordMarker, type TaskMarker } from '../portal/manual/markers.js'
import { mdText } from '../output/markdown.js'
import { inline } from '../output/terminal.js'
import { CONFIRM_TEXT, isDoneCommand, untickedSteps } from '../report/render-portal-task.js'
import { prepareRules } from '../rules/run-rules.js'
import { validateContactsFile } from '../validate/validate-file.js'
import { operatorsFor } from './apply-mode.js'
import type { ActionContext } from './context.js'
import { info, writeSummary } from './publish.js'
import { loadGitHub, openGitHub, readEvent } from './services.js'

type Outcome = 'recorded' | 'ignored' | 'not-operator' | 'unticked' | 'stale' | 'unreadable'

interface Trigger {
  kind: 'closed' | 'done-comment'
  actor: { login: string; type: string }
  issue: { number: number; title: string; body: string; state: string; user: { login: string; type: string } | undefined; labels: string[] }
}

export async function runConfirm(ctx: ActionContext): Promise<void> {
  const event = await readEvent(ctx)
  const github = await loadGitHub()
  const trigger = triggerOf(event)
  if (!trigger) return finish(ctx, 'ignored', ref('confirm.detail.notATask'))
  const partnerId = github.partnerOfTaskTitle(trigger.issue.title)
  if (!partnerId || !trigger.issue.labels.includes(github.PORTAL_TASK_LABEL)) return finish(ctx, 'ignored', ref('confirm.detail.notPortalTask', { issue: String(trigger.issue.number) }))
  // Our own closing (after a comment confirmed it) and other bots never confirm anything.
  if (trigger.actor.type === 'Bot') return finish(ctx, 'ignored', ref('confirm.detail.bot', { issue: String(trigger.issue.number), login: trigger.actor.login }))

  const gh = await openGitHub(ctx)
  const trusted = await github.trustedAuthorsForToken(gh)
  const author = trigger.issue.user ? { login: trigger.issue.user.login, type: trigger.issue.user.type } : undefined
  // A look-alike issue opened by a person is not a task: its marker could say anything.
  if (!github.isTrustedAuthor(author, trusted)) return finish(ctx, 'ignored', ref('confirm.detail.notOpenedByAction', { issue: String(trigger.issue.number) }))
  const { owner, repo } = event
  // Comments on the task and the PR are in the run's language; the record marker, title and label never change with it.
  const t = ctx.messages
  const say = (body: string) => github.createComment(gh, { owner, repo, issueNumber: trigger.issue.number, body })
  const reopen = async (): Promise<boolean> => {
    if (trigger.kind !== 'closed') return false
    await github.setIssueState(gh, owner, repo, trigger.issue.number, 'open')
    return true
  }

  const marker = readTaskMarker(trigger.issue.body)
  // The body is editable by anyone with write access: the marker may only name one of the workflow's contacts files,
  // whose CODEOWNERS are the operators (never a path someone chose to own).
  const files = new Set(await expandFiles(ctx.inputs.files, ctx.workspace))
  if (marker && !files.has(marker.file)) {
    await say(CONFIRM_TEXT.unreadable(t.format('confirm.reason.foreignFile', { file: marker.file }), t))
    return finish(ctx, 'unreadable', ref('confirm.detail.foreignFile', { issue: String(trigger.issue.number) }))
  }
  if (!marker || marker.partnerId !== partnerId) {
    await say(CONFIRM_TEXT.unreadable(t.format('confirm.reason.noMarker', { marker: '<!-- partner-contacts:portal-task' }), t))
    return finish(ctx, 'unreadable', ref('confirm.detail.noMarker', { issue: String(trigger.issue.number) }))
  }

  const operators = await operatorsFor(ctx, gh, event, event.defaultBranch ?? event.sha, marker.file)
  if (!(await github.isListedUser(gh, owner, repo, operators, trigger.actor.login))) {
    await say(CONFIRM_TEXT.notOperator(trigger.actor.login, operators, await reopen(), t))
    return finish(ctx, 'not-operator', ref('confirm.detail.notOperator', { login: trigger.actor.login }))
  }
  if (trigger.kind === 'closed') {
    const open = untickedSteps(trigger.issue.body)
    if (open > 0) {
      await say(CONFIRM_TEXT.unticked(trigger.actor.login, open, await reopen(), t))
      return finish(ctx, 'unticked', ref('confirm.detail.unticked', { count: open }))
    }
  }

  // The checkout is the default branch now: the task must lead to what it says, or a newer merge has overtaken it.
  const desired = await desiredAtDefaultBranch(ctx, marker)
  if (isRef(desired) || desiredStateChecksum(desired) !== marker.checksum) {
    await say(CONFIRM_TEXT.stale(trigger.actor.login, marker.file, marker.commit, await reopen(), t))
    return finish(ctx, 'stale', isRef(desired) ? desired : ref('confirm.detail.stale', { issue: String(trigger.issue.number), commit: marker.commit.slice(0, 7) }))
  }

  const at = new Date().toISOString()
  const by = trigger.actor.login
  const record = recordMarker({
    partnerId,
    file: marker.file,
    commit: marker.commit,
    checksum: marker.checksum,
    by,
    at,
    task: trigger.issue.number,
    contactInformation: desired.contactInformation,
    ...(desired.users ? { users: desired.users } : {}),
  })
  await say(`${record}\n${CONFIRM_TEXT.recorded(by, at, marker.file, marker.commit, t)}`)
  if (trigger.kind === 'done-comment' && trigger.issue.state === 'open') await github.setIssueState(gh, owner, repo, trigger.issue.number, 'closed')
  if (marker.pull) await commentOnPull(gh, event, marker.pull, CONFIRM_TEXT.recordedOnPull(partnerId, by, trigger.issue.number, t))
  return finish(ctx, 'recorded', ref('confirm.detail.recorded', { partner: partnerId, login: by, issue: String(trigger.issue.number) }))
}

/** The log keeps the outcome's code word and English (for searching logs); the job summary is in the run's language. */
async function finish(ctx: ActionContext, outcome: Outcome, detail: MessageRef): Promise<void> {
  info(`confirm: ${outcome}: ${inline(ENGLISH.format(detail.id, detail.values))}`)
  const t = ctx.messages
  await writeSummary(`## partner-contacts confirm\n\n${t.format('confirm.summary', { outcome: t.format(`confirm.outcome.${outcome}`), detail: mdText(t.format(detail.id, detail.values)) })}\n`)
}

/** The PR comment is a courtesy: the record is already written, so a failure here is a warning. */
async function commentOnPull(gh: GitHubClient, event: GitHubEvent, pull: number, body: string): Promise<void> {
  try {
    await (await loadGitHub()).createComment(gh, { owner: event.owner, repo: event.repo, issueNumber: pull, body })
  } catch (error) {
    core.warning(`could not comment on #${pull}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

async function desiredAtDefaultBranch(ctx: ActionContext, marker: TaskMarker): Promise<ReturnType<typeof toPortalState> | MessageRef> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(resolve(ctx.workspace, marker.file))
  } catch {
    return ref('confirm.detail.notInCheckout', { file: marker.file })
  }
  const validated = await validateContactsFile(marker.file, bytes, { rules: prepareRules(ctx.config) })
  if (!validated.model || validated.findings.some((f) => f.severity === 'error')) return ref('confirm.detail.errorsOnDefault', { file: marker.file })
  if (validated.model.partner.id !== marker.partnerId) return ref('confirm.detail.otherPartner', { file: marker.file })
  return toPortalState(validated.model)
}

/** `issues.closed` or `issue_comment.created` with `/partner-contacts done`; anything else is not for this mode. */
function triggerOf(event: GitHubEvent): Trigger | undefined {
  const p = event.payload as Record<string, any>
  const issue = p['issue']
  if (!issue || typeof issue.number !== 'number' || typeof issue.title !== 'string' || issue.pull_request) return undefined
  const labels: string[] = Array.isArray(issue.labels) ? issue.labels.map((l: any) => (typeof l === 'string' ? l : l?.name)).filter((l: unknown) => typeof l === 'string') : []
  const shape = {
    number: issue.number,
    title: issue.title,
    body: typeof issue.body === 'string' ? issue.body : '',
    state: String(issue.state ?? ''),
    user: userOf(issue.user),
    labels,
  }
  if (event.name === 'issues' && p['action'] === 'closed') {
    const actor = userOf(p['sender'])
    return actor ? { kind: 'closed', actor, issue: shape } : undefined
  }
  if (event.name === 'issue_comment' && p['action'] === 'created' && typeof p['comment']?.body === 'string' && isDoneCommand(p['comment'].body)) {
    const actor = userOf(p['comment'].user)
    return actor ? { kind: 'done-comment', actor, issue: shape } : undefined
  }
  return undefined
}

function userOf(user: unknown): { login: string; type: string } | undefined {
  const u = user as { login?: unknown; type?: unknown } | null | undefined
  return u && typeof u.login === 'string' ? { login: u.login, type: typeof u.type === 'string' ? u.type : 'User' } : undefined
}

/** A reason the default branch gives no desired state, rather than the state itself. */
function isRef(value: MessageRef | ReturnType<typeof toPortalState>): value is MessageRef {
  return 'id' in value
}
