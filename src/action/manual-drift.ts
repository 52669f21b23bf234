// mode: drift with a manual portal — nothing to read but what people confirmed: ask them to look again when it is old.
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { desiredStateChecksum } from '../plan/checksum.js'
import { combinedChecksum, planFiles } from '../plan/plan-files.js'
import { taskMarker } from '../portal/manual/markers.js'
import { createRedactor } from '../redact/redactor.js'
import { buildPlanReport } from '../report/plan-report.js'
import { renderJson } from '../report/render-json.js'
import { mdCode, mdText } from '../output/markdown.js'
import { CONFIRM_TEXT, renderTaskIssue } from '../report/render-portal-task.js'
import { operatorsFor } from './apply-mode.js'
import type { ActionContext } from './context.js'
import { annotate, setFindingOutputs, writeSummary } from './publish.js'
import { loadGitHub, openGitHub, openPortal, readEvent } from './services.js'

const DAY = 86_400_000

/**
 * Per partner: a confirmed state older than `reconfirm-days` (and no open task) gets a re-confirmation task, whose
 * steps list the whole page as the file says it; an unconfirmed change is already someone's task and is only reported.
 */
export async function runManualDrift(ctx: ActionContext, isPublic: boolean): Promise<void> {
  const event = await readEvent(ctx)
  const gh = await openGitHub(ctx)
  const github = await loadGitHub()
  const redactor = createRedactor(ctx.inputs.redact, { isPublic })
  const t = ctx.messages
  const client = await openPortal(ctx, { gh, event })
  const results = await planFiles({ patterns: ctx.inputs.files, cwd: ctx.workspace, config: ctx.config, messages: t, client, maxRemovalRatio: ctx.inputs.maxRemovalRatio })
  const report = buildPlanReport(results, redactor, t)
  await writeFile(ctx.reportPath, renderJson(report))
  annotate(report, t)

  const open = await github.listPortalTasks(gh, { owner: event.owner, repo: event.repo, state: 'open', trustedAuthors: await github.trustedAuthorsForToken(gh) })
  const rows: string[] = []
  const seen = new Set<string>()
  const now = Date.now()
  for (const r of results) {
    if (!r.partnerId || !r.plan || seen.has(r.partnerId)) continue
    seen.add(r.partnerId)
    const tasks = open.get(r.partnerId) ?? []
    const confirmed = r.confirmation ?? null
    const age = confirmed ? Math.floor((now - Date.parse(confirmed.at)) / DAY) : undefined
    let status: string
    if (tasks.length > 0) status = t.format('task.drift.open', { task: String(tasks[0]!.number) })
    else if (r.plan.hasChanges) status = t.format('task.drift.unconfirmed')
    else if (age !== undefined && age >= ctx.inputs.reconfirmDays) {
      const sha = event.sha
      const operators = await operatorsFor(ctx, gh, event, sha, r.file)
      const body = renderTaskIssue({
        partnerId: r.partnerId,
        ...(r.model?.partner.name ? { partnerName: r.model.partner.name } : {}),
        file: r.file,
        plan: r.plan,
        kind: 'reconfirm',
        commit: sha,
        operators,
        confirmation: confirmed,
        confirmedDaysAgo: age,
        fileUrl: `${event.serverUrl}/${event.owner}/${event.repo}/blob/${sha}/${encodeURI(r.file)}`,
        redactor,
        marker: taskMarker({ partnerId: r.partnerId, kind: 'reconfirm', file: r.file, commit: sha, checksum: desiredStateChecksum(r.plan.desired) }),
        messages: t,
      })
      const assignees = operators.filter((o) => !o.includes('/')).map((o) => o.replace(/^@/, ''))
      const task = await github.upsertPortalTask(gh, { owner: event.owner, repo: event.repo, partnerId: r.partnerId, body, assignees, open: tasks })
      status = CONFIRM_TEXT.taskOpened(r.partnerId, task.number, task.action, t)
    } else status = confirmed ? t.format('task.drift.confirmedAgo', { days: age! }) : t.format('task.drift.never')
    rows.push(`| ${r.partnerId} | ${mdCode(r.file)} | ${mdText(status)} |`)
  }
  await writeSummary([`## ${t.format('task.drift.heading')}`, '', t.format('task.drift.header'), '|---|---|---|', ...rows].join('\n') + '\n')
  setFindingOutputs(report, ctx)
  core.setOutput('has-changes', String(results.some((r) => r.plan?.hasChanges)))
  core.setOutput('plan-checksum', combinedChecksum(results))
  const unchecked = results.filter((r) => r.outcome !== 'planned')
  if (unchecked.length > 0) core.setFailed(unchecked.map((r) => `${r.file}: drift not checked: ${r.outcome === 'failed' ? redactor.text(r.error ?? 'the records could not be read') : 'the file has errors'}`).join('\n'))
}
