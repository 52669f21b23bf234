// mode: apply — on a push to the default branch, write the reviewed and approved plan of the merged PR to the portal (SPEC §5).
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { applyFiles, type ApplyFileResult } from '../apply/apply-file.js'
import { expandFiles, matchesNameOrGlob } from '../files/expand-files.js'
import { combinedChecksum } from '../plan/plan-files.js'
import type { GitHubClient, GitHubEvent, MergedPullRequest } from '../github/index.js'
import { desiredStateChecksum } from '../plan/checksum.js'
import { taskMarker } from '../portal/manual/markers.js'
import type { Redactor } from '../redact/redactor.js'
import { CONFIRM_TEXT, renderTaskIssue } from '../report/render-portal-task.js'
import { applyFailed, buildApplyReport } from '../report/apply-report.js'
import { renderJson } from '../report/render-json.js'
import { renderApplyMarkdown } from '../report/render-apply-markdown.js'
import { PLAN_MARKER, parsePlanMarkers, type PlanMarker } from '../report/render-plan-markdown.js'
import { renderSupportPicture } from '../support/render-support-picture.js'
import type { ActionContext } from './context.js'
import { inline } from '../output/terminal.js'
import { checkOwnership, explainClaim } from './ownership.js'
import { ref, type MessageRef } from '../i18n/messages.js'
import { formatRef, formatRefs } from '../report/message-refs.js'
import { annotate, info, setFindingOutputs, writeSummary } from './publish.js'
import { isManual, loadGitHub, openGitHub, openPortal, readEvent, redactorFor } from './services.js'

/** What the checks before any write decided: the PR (if any), the reviewed checksums, and reasons to refuse the run. */
interface Clearance {
  pull: MergedPullRequest | undefined
  reviewed: Map<string, string>
  /** `approval.*` messages: formatted in the run's language by whoever shows them. */
  refusals: MessageRef[]
}

export async function runApply(ctx: ActionContext): Promise<void> {
  const event = await readEvent(ctx)
  const gh = await openGitHub(ctx)
  const redactor = await redactorFor(ctx, event)
  const sha = event.pushedSha ?? event.sha
  const clearance = await clear(ctx, gh, event, sha)

  let results: ApplyFileResult[] = []
  let taskLines: string[] = []
  let taskError: MessageRef | undefined
  if (clearance.refusals.length === 0) {
    const client = await openPortal(ctx, isManual(ctx) ? { gh, event } : undefined)
    results = await applyFiles({
      patterns: ctx.inputs.files,
      cwd: ctx.workspace,
      config: ctx.config, messages: ctx.messages,
      client,
      maxRemovalRatio: ctx.inputs.maxRemovalRatio,
      reviewed: clearance.reviewed,
      // Only a plan a reviewer saw may be written on merge; a direct push (when allowed) has no plan comment.
      requireReviewed: clearance.pull !== undefined,
      force: ctx.inputs.force,
      dryRun: ctx.inputs.dryRun,
      ...(ctx.inputs.shard ? { shard: ctx.inputs.shard } : {}),
    })
    if (isManual(ctx) && sha) {
      try {
        taskLines = await openPortalTasks(ctx, gh, event, sha, results, clearance.pull, redactor)
      } catch (error) {
        taskError = ref('apply.failure.task', { detail: error instanceof Error ? error.message : String(error) })
      }
    }
  }

  const t = ctx.messages
  const say = (message: MessageRef) => inline(formatRef(t, message, redactor))
  const report = buildApplyReport(results, redactor, clearance.refusals, t)
  await writeFile(ctx.reportPath, renderJson(report))
  annotate(report, ctx.messages)
  const markdown = {
    redactor,
    messages: ctx.messages,
    refusedRun: clearance.refusals,
    commit: sha,
    dryRun: ctx.inputs.dryRun,
    supportPicture: (windows: Parameters<typeof renderSupportPicture>[0]) => renderSupportPicture(windows, { messages: ctx.messages }),
    ...(event.runUrl ? { runUrl: event.runUrl } : {}),
  }
  await writeSummary(appendLines(renderApplyMarkdown(results, { ...markdown, limit: 900_000 }), taskLines))
  setFindingOutputs(report, ctx)
  const planned = results.map((r) => r.planned)
  const failed = applyFailed(results, clearance.refusals) || taskError !== undefined
  const applied = results.some((r) => r.outcome === 'applied') && !failed
  // SPEC §6: with a manual portal, the change waits for a person.
  core.setOutput('applied', !failed && results.some((r) => r.outcome === 'pending') ? 'pending' : String(applied))
  core.setOutput('has-changes', String(planned.some((p) => p.plan?.hasChanges)))
  core.setOutput('plan-checksum', combinedChecksum(planned))
  for (const r of results) {
    const outcome = `${t.format(`apply.outcome.${r.outcome}`)}${r.forced ? ` ${t.format('apply.forced')}` : ''}`
    info(`${inline(r.file)}: ${outcome}${r.reasons.length ? ` — ${inline(formatRefs(t, r.reasons, redactor))}` : ''}`)
  }

  let commentError: MessageRef | undefined
  if (clearance.pull && ctx.inputs.comment) {
    try {
      const github = await loadGitHub()
      await github.createComment(gh, { owner: event.owner, repo: event.repo, issueNumber: clearance.pull.number, body: appendLines(renderApplyMarkdown(results, markdown), taskLines) })
    } catch (error) {
      commentError = ref('apply.failure.comment', { number: String(clearance.pull.number), detail: error instanceof Error ? error.message : String(error) })
    }
  }

  const failures = clearance.refusals.map((reason) => t.format('apply.failure.run', { reason: say(reason) }))
  for (const r of results.filter((r) => r.outcome === 'refused' || r.outcome === 'failed')) {
    failures.push(t.format('apply.failure.file', { file: inline(r.file), outcome: r.outcome, reasons: inline(formatRefs(t, r.reasons, redactor)) }))
  }
  if (commentError) failures.push(say(commentError))
  if (taskError) failures.push(say(taskError))
  if (failures.length > 0) core.setFailed(redactor.text(failures.join('\n')))
}

function appendLines(markdown: string, lines: readonly string[]): string {
  return lines.length ? `${markdown.trimEnd()}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n` : markdown
}

/**
 * A manual portal (SPEC §11): one task per partner with pending steps, opened or updated in place, assigned to the
 * operators. The first file of a partner decides: a manual portal keeps one confirmed state per partner.
 */
async function openPortalTasks(
  ctx: ActionContext,
  gh: GitHubClient,
  event: GitHubEvent,
  sha: string,
  results: readonly ApplyFileResult[],
  pull: MergedPullRequest | undefined,
  redactor: Redactor,
): Promise<string[]> {
  const github = await loadGitHub()
  const { owner, repo } = event
  const open = await github.listPortalTasks(gh, { owner, repo, state: 'open', trustedAuthors: await github.trustedAuthorsForToken(gh) })
  const lines: string[] = []
  const done = new Set<string>()
  for (const r of results) {
    const plan = r.planned.plan
    if (r.outcome !== 'pending' || !plan || !r.partnerId || done.has(r.partnerId)) continue
    done.add(r.partnerId)
    const operators = await operatorsFor(ctx, gh, event, sha, r.file)
    const marker = taskMarker({ partnerId: r.partnerId, kind: 'update', file: r.file, commit: sha, checksum: desiredStateChecksum(plan.desired), ...(pull ? { pull: pull.number } : {}) })
    const body = renderTaskIssue({
      partnerId: r.partnerId,
      ...(r.planned.model?.partner.name ? { partnerName: r.planned.model.partner.name } : {}),
      file: r.file,
      plan,
      kind: 'update',
      commit: sha,
      ...(pull ? { pull: pull.number } : {}),
      operators,
      confirmation: r.planned.confirmation ?? null,
      fileUrl: `${event.serverUrl}/${owner}/${repo}/blob/${sha}/${encodeURI(r.file)}`,
      redactor,
      marker,
      messages: ctx.messages,
    })
    const assignees = operators.filter((o) => !o.includes('/')).map((o) => o.replace(/^@/, ''))
    const task = await github.upsertPortalTask(gh, { owner, repo, partnerId: r.partnerId, body, assignees, open: open.get(r.partnerId) ?? [] })
    info(`portal task for partner ${inline(r.partnerId)}: #${task.number} ${task.action}`)
    lines.push(CONFIRM_TEXT.taskOpened(r.partnerId, task.number, task.action, ctx.messages))
  }
  return lines
}

/** `portal-operators`, else the CODEOWNERS owners of the file at this commit (people and teams; emails cannot be assigned). */
export async function operatorsFor(ctx: ActionContext, gh: GitHubClient, event: GitHubEvent, ref: string, file: string): Promise<string[]> {
  if (ctx.inputs.portalOperators.length > 0) return ctx.inputs.portalOperators.map((o) => (o.startsWith('@') ? o : `@${o}`))
  const github = await loadGitHub()
  const codeowners = await github.loadCodeowners(gh, event.owner, event.repo, ref)
  return github.ownersOf(codeowners, file).owners.filter((o) => o.startsWith('@'))
}

/**
 * SPEC §5 steps 1–2 and the reviewed checksums, all before the portal is touched. Any GitHub failure here refuses the
 * run: without an answer, an approval cannot be assumed (fail closed).
 */
async function clear(ctx: ActionContext, gh: GitHubClient, event: GitHubEvent, sha: string | undefined): Promise<Clearance> {
  const github = await loadGitHub()
  const refusals: MessageRef[] = []
  const reviewed = new Map<string, string>()
  if (!sha) return { pull: undefined, reviewed, refusals: [ref('approval.noCommit')] }
  const { owner, repo } = event
  let pull: MergedPullRequest | undefined
  try {
    const target = await branchToApply(ctx, gh, event)
    if ('refusal' in target) return { pull, reviewed, refusals: [target.refusal] }
    pull = await github.findMergedPullRequestForCommit(gh, owner, repo, sha, { baseRef: target.branch })
    if (!pull) {
      if (!ctx.inputs.allowDirectPush) {
        refusals.push(ref('approval.directPush', { commit: sha.slice(0, 7) }))
      }
      return { pull, reviewed, refusals }
    }
    const contactsFiles = new Set(await expandFiles(ctx.inputs.files, ctx.workspace))
    const changed = (await github.listPullRequestFiles(gh, owner, repo, pull.number)).map((f) => f.filename).filter((f) => contactsFiles.has(f))
    // The plan comment first: its markers say which checksums were reviewed and since when (approval freshness).
    const sticky = await github.findStickyComment(gh, { owner, repo, issueNumber: pull.number, marker: PLAN_MARKER, trustedAuthors: await github.trustedAuthorsForToken(gh) })
    const markers = sticky.comment ? parsePlanMarkers(sticky.comment.body) : new Map<string, PlanMarker>()
    for (const [file, marker] of markers) reviewed.set(file, marker.checksum)
    const planPublishedAt = sticky.comment ? latestPublication(markers, sticky.comment.updatedAt) : undefined
    const approvers = ctx.inputs.approvers
    const codeowners = approvers.length === 1 && approvers[0]!.toLowerCase() === 'codeowners'
    // A PR that touched no contacts file still applies them all: every file then needs its owners' approval.
    const writes = changed.length > 0 ? changed : [...contactsFiles]
    // SPEC §11 Ownership: a partner ID declared at the base commit by another path needs that path's owners too.
    const ownership = await checkOwnership(ctx, gh, { owner, repo, baseSha: pull.baseSha, writes, codeowners })
    refusals.push(...ownership.refusals)
    const approvals = await github.evaluateApprovals(gh, {
      owner,
      repo,
      pull,
      requiredApprovals: ctx.inputs.requiredApprovals,
      ...(codeowners ? { approvers: 'codeowners' as const } : approvers.length > 0 ? { approvers } : {}),
      changedFiles: [...writes, ...ownership.claims.map((c) => c.ownedBy)],
      ...(planPublishedAt ? { planPublishedAt } : {}),
    })
    // force never overrides approvals.
    if (!approvals.ok) {
      refusals.push(...approvals.reasons.map((reason) => ref('approval.notApproved', { number: String(pull!.number), reason })))
      refusals.push(...ownership.claims.map((c) => explainClaim(c, pull!.baseSha)))
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    refusals.push(ref('approval.githubFailed', { detail: message }))
  }
  return { pull, reviewed, refusals }
}

/**
 * When the reviewed plan was published: the latest first publication among the comment's markers, since one approval
 * covers every file. A marker written before the time was recorded counts from the comment's last edit (GitHub's
 * clock): later is stricter, so an unknown time never lets an older approval count.
 */
function latestPublication(markers: ReadonlyMap<string, PlanMarker>, updatedAt: string | undefined): string | undefined {
  let latest: string | undefined
  for (const marker of markers.values()) {
    const at = marker.firstPublished ?? updatedAt
    if (at === undefined) return new Date().toISOString()
    if (latest === undefined || Date.parse(at) > Date.parse(latest)) latest = at
  }
  return latest
}

/**
 * SPEC §6 `apply-branches`: apply writes for the default branch, and for the branches the input names (names or globs);
 * anything else (another branch, a tag) is refused before GitHub is asked about pull requests.
 */
async function branchToApply(ctx: ActionContext, gh: GitHubClient, event: GitHubEvent): Promise<{ branch: string } | { refusal: MessageRef }> {
  const pushed = event.name === 'push' && typeof event.payload['ref'] === 'string' ? event.payload['ref'] : event.ref
  const branch = /^refs\/heads\/(.+)$/.exec(pushed)?.[1]
  const defaultBranch = event.defaultBranch ?? (await (await loadGitHub()).fetchRepository(gh, event.owner, event.repo)).defaultBranch
  const named = ctx.inputs.applyBranches
  if (branch !== undefined && (branch === defaultBranch || named.some((p) => matchesNameOrGlob(branch, p)))) return { branch }
  const allowed = [defaultBranch, ...named].join(', ')
  const runFor = branch !== undefined ? ref('approval.branch.branch', { name: branch }) : pushed ? ref('approval.branch.ref', { name: pushed }) : ref('approval.branch.none')
  const writesFor = named.length ? ref('approval.branch.named', { names: allowed }) : ref('approval.branch.default', { name: defaultBranch })
  return { refusal: ref('approval.branch', { runFor, writesFor }) }
}
