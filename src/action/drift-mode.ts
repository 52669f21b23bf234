// mode: drift — on a schedule, plan every file expecting no change; one issue per drifted partner, closed once it matches again.
import type { Messages } from '../i18n/messages.js'
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import type { GitHubClient, GitHubEvent } from '../github/index.js'
import { combinedChecksum, planFiles, type PlanFileResult } from '../plan/plan-files.js'
import { createRedactor } from '../redact/redactor.js'
import { buildPlanReport } from '../report/plan-report.js'
import { renderJson } from '../report/render-json.js'
import { renderDriftIssue } from '../report/render-drift-markdown.js'
import { mdCode, mdText } from '../output/markdown.js'
import { inline } from '../output/terminal.js'
import type { ActionContext } from './context.js'
import { annotate, setFindingOutputs, writeSummary } from './publish.js'
import { isManual, loadGitHub, openGitHub, openPortal, readEvent } from './services.js'

/** What the run did for one partner. `unknown`: a file could not be planned, so its issue is left as it is. */
interface PartnerOutcome {
  partnerId: string
  files: string[]
  drift: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none' | 'unknown'
  issue?: number
}

export async function runDrift(ctx: ActionContext): Promise<void> {
  const event = await readEvent(ctx)
  const gh = await openGitHub(ctx)
  const github = await loadGitHub()
  const visibleToAll = await isPublic(gh, event)
  if (isManual(ctx)) return (await import('./manual-drift.js')).runManualDrift(ctx, visibleToAll)
  const redactor = createRedactor(ctx.inputs.redact, { isPublic: visibleToAll })
  const client = await openPortal(ctx)
  const shard = ctx.inputs.shard
  const results = await planFiles({ patterns: ctx.inputs.files, cwd: ctx.workspace, config: ctx.config, messages: ctx.messages, client, maxRemovalRatio: ctx.inputs.maxRemovalRatio, ...(shard ? { shard } : {}) })
  if (shard) core.info(`shard ${shard.index}/${shard.count}: ${results.length} file${results.length === 1 ? '' : 's'} of the partners this job owns`)
  const report = buildPlanReport(results, redactor, ctx.messages)
  await writeFile(ctx.reportPath, renderJson(report))
  annotate(report, ctx.messages)

  // One issue per partner (SPEC §5), whatever number of files (production and sandbox, say) describe it.
  const byPartner = new Map<string, PlanFileResult[]>()
  for (const r of results) if (r.partnerId) byPartner.set(r.partnerId, [...(byPartner.get(r.partnerId) ?? []), r])
  const known = await github.listDriftIssues(gh, event.owner, event.repo)
  const outcomes: PartnerOutcome[] = []
  for (const [partnerId, files] of byPartner) {
    const target = { owner: event.owner, repo: event.repo, partnerId, known }
    const drifted = files.filter((r) => r.plan?.hasChanges)
    const outcome: PartnerOutcome = { partnerId, files: files.map((r) => r.file), drift: 'none' }
    if (drifted.length > 0) {
      const result = await github.upsertDriftIssue(gh, { ...target, body: renderDriftIssue(partnerId, drifted, { redactor, messages: ctx.messages }) })
      outcome.drift = result.action === 'created' ? 'opened' : result.action
      outcome.issue = result.number
    } else if (files.some((r) => r.outcome !== 'planned')) {
      // Unknown is not "no drift": an issue is only closed on a plan that says the portal matches.
      outcome.drift = 'unknown'
    } else {
      const { closed } = await github.closeDriftIssue(gh, target)
      if (closed.length > 0) {
        outcome.drift = 'closed'
        outcome.issue = closed[0]!
      }
    }
    outcomes.push(outcome)
  }

  await writeSummary(renderDriftSummary(outcomes, results, ctx.messages, shard ? ` (shard ${shard.index}/${shard.count})` : ''))
  setFindingOutputs(report, ctx)
  core.setOutput('has-changes', String(outcomes.some((o) => o.drift === 'opened' || o.drift === 'updated' || o.drift === 'unchanged')))
  core.setOutput('plan-checksum', combinedChecksum(results))
  // Drift alone does not fail the step: the issue is the signal. Files that could not be checked do.
  const unchecked = results.filter((r) => r.outcome !== 'planned')
  if (unchecked.length > 0) {
    core.setFailed(unchecked.map((r) => `${inline(r.file)}: drift not checked: ${r.outcome === 'failed' ? inline(redactor.text(r.error ?? 'the portal could not be read')) : 'the file has errors'}`).join('\n'))
  }
}

/** schedule payloads carry no repository: ask GitHub, and when even that fails, treat it as public (redact). */
async function isPublic(gh: GitHubClient, event: GitHubEvent): Promise<boolean> {
  const github = await loadGitHub()
  if (event.visibility !== 'unknown') return github.isPublicRepository(event)
  try {
    return github.isPublicRepository(await github.fetchRepository(gh, event.owner, event.repo))
  } catch {
    return true
  }
}

const ICONS: Record<PartnerOutcome['drift'], string> = { opened: '⚠️', updated: '⚠️', unchanged: '⚠️', closed: '✅', none: '✅', unknown: '❓' }

function renderDriftSummary(outcomes: readonly PartnerOutcome[], results: readonly PlanFileResult[], t: Messages, heading: string): string {
  const label = (drift: PartnerOutcome['drift']) => `${ICONS[drift]} ${t.format(`drift.outcome.${drift}`)}`
  const lines = [`## partner-contacts drift${heading}`, '', t.format('drift.summaryHeader'), '|---|---|---|---|']
  for (const o of outcomes) lines.push(`| ${mdText(o.partnerId)} | ${o.files.map((f) => mdCode(f)).join(', ')} | ${label(o.drift)} | ${o.issue ? `#${o.issue}` : ''} |`)
  const orphans = results.filter((r) => !r.partnerId)
  for (const r of orphans) lines.push(`| — | ${mdCode(r.file)} | ${label('unknown')} | |`)
  return lines.join('\n') + '\n'
}
