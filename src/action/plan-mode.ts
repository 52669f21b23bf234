// mode: plan — validate, read the portal, plan each file; one sticky PR comment, the job summary, annotations, outputs.
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import type { GitHubClient, GitHubEvent } from '../github/index.js'
import { combinedChecksum, planFiles, type PlanFileResult } from '../plan/plan-files.js'
import { CONFIRM_TEXT } from '../report/render-portal-task.js'
import type { Messages } from '../i18n/messages.js'
import type { Redactor } from '../redact/redactor.js'
import { buildPlanReport } from '../report/plan-report.js'
import { renderJson } from '../report/render-json.js'
import { PLAN_MARKER, parsePlanMarkers, renderPlanComment, renderPlanSummary, type PlanMarker, type PlanMarkdownOptions } from '../report/render-plan-markdown.js'
import { renderSupportPicture } from '../support/render-support-picture.js'
import type { ActionContext } from './context.js'
import { inline } from '../output/terminal.js'
import { lineLinks } from './links.js'
import { selectPlanFiles } from './plan-scope.js'
import { annotate, failOnFindings, info, setFindingOutputs, writeSummary } from './publish.js'
import { hasPortalCredentials, ignoredRecords, isManual, loadGitHub, openGitHub, openPortal, readEvent, redactorFor } from './services.js'
import { runValidate } from './validate-mode.js'


export async function runPlan(ctx: ActionContext): Promise<void> {
  const event = await readEvent(ctx)
  const pull = event.pullRequest
  if (pull?.fromFork && !hasPortalCredentials(ctx)) return runValidate(ctx, { notes: [ctx.messages.format('plan.forkNote')] })

  const manual = isManual(ctx) ? { gh: await openGitHub(ctx), event } : undefined
  const client = await openPortal(ctx, manual)
  const selection = await selectPlanFiles(ctx, event, pull)
  const results = await planFiles({ patterns: ctx.inputs.files, files: selection.files, cwd: ctx.workspace, config: ctx.config, messages: ctx.messages, client, maxRemovalRatio: ctx.inputs.maxRemovalRatio })
  const redactor = await redactorFor(ctx, event)
  const report = buildPlanReport(results, redactor, ctx.messages)
  await writeFile(ctx.reportPath, renderJson(report))
  annotate(report, ctx.messages)

  const markdown = { ...markdownOptions(event, redactor, ctx.messages), ...(selection.note ? { notes: [selection.note] } : {}) }
  if (manual) {
    const ignored = ignoredRecords(client)
    for (const note of ignored) core.warning(note)
    markdown.notes = [...(markdown.notes ?? []), ...ignored, ...(await pendingTaskNotes(manual.gh, event, results, ctx.messages))]
  }
  await writeSummary(renderPlanSummary(results, markdown))
  setFindingOutputs(report, ctx)
  core.setOutput('has-changes', String(report.summary.plan?.hasChanges ?? false))
  core.setOutput('plan-checksum', combinedChecksum(results))

  // The comment comes last: a GitHub failure still leaves the summary and outputs in place, then fails the step.
  if (ctx.inputs.comment && pull) {
    const gh = await openGitHub(ctx)
    const github = await loadGitHub()
    const target = { owner: event.owner, repo: event.repo, issueNumber: pull.number, marker: PLAN_MARKER, trustedAuthors: await github.trustedAuthorsForToken(gh) }
    // A checksum already in our comment keeps its first publication time, so a re-run does not make old approvals look fresh.
    const previous = await github.findStickyComment(gh, target)
    const published = previous.comment ? parsePlanMarkers(previous.comment.body) : new Map<string, PlanMarker>()
    const now = new Date().toISOString()
    const firstPublished = (file: string, checksum: string) => {
      const marker = published.get(file)
      return marker?.checksum === checksum && marker.firstPublished ? marker.firstPublished : now
    }
    const body = renderPlanComment(results, { ...markdown, firstPublished })
    const result = await github.upsertStickyComment(gh, { ...target, body })
    info(`plan comment ${result.action}: ${inline(result.htmlUrl ?? `#${result.id}`)}`)
    if (result.note) core.warning(result.note)
  }

  failOnFindings(report, ctx.inputs.failOn, ctx.messages)
  const failed = results.filter((r) => r.outcome === 'failed')
  if (failed.length > 0) core.setFailed(failed.map((r) => `${inline(r.file)}: ${inline(redactor.text(r.error ?? 'the portal could not be read'))}`).join('\n'))
}

/** A manual portal's tasks open for more than this many days are flagged on the next pull request. */
export const PENDING_TASK_DAYS = 7

/** Open tasks of the planned partners older than PENDING_TASK_DAYS: the portal may lag behind the default branch. */
async function pendingTaskNotes(gh: GitHubClient, event: GitHubEvent, results: readonly PlanFileResult[], t: Messages): Promise<string[]> {
  const github = await loadGitHub()
  const open = await github.listPortalTasks(gh, { owner: event.owner, repo: event.repo, state: 'open', trustedAuthors: await github.trustedAuthorsForToken(gh) })
  const notes: string[] = []
  const now = Date.now()
  for (const partnerId of new Set(results.map((r) => r.partnerId).filter((p): p is string => p !== undefined))) {
    for (const task of open.get(partnerId) ?? []) {
      const days = Math.floor((now - Date.parse(task.createdAt)) / 86_400_000)
      if (days >= PENDING_TASK_DAYS) notes.push(CONFIRM_TEXT.pendingOnPull(task.number, partnerId, days, t))
    }
  }
  return notes
}

function markdownOptions(event: GitHubEvent, redactor: Redactor, messages: Messages): PlanMarkdownOptions {
  const linkFor = lineLinks(event)
  return {
    redactor,
    messages,
    supportPicture: (windows) => renderSupportPicture(windows, { messages }),
    ...(event.runUrl ? { runUrl: event.runUrl } : {}),
    ...(linkFor ? { linkFor } : {}),
  }
}
