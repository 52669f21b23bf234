// The apply report as Markdown, for the comment on the merged pull request and the job summary. Pure.
import type { ApplyFileResult } from '../apply/apply-file.js'
import type { Redactor } from '../redact/redactor.js'
import { ENGLISH } from '../i18n/catalogue.js'
import { htmlText, mdCode, mdText } from '../output/markdown.js'
import type { MessageRef, Messages } from '../i18n/messages.js'
import { formatRef } from './message-refs.js'
import { renderPlanSummary, type PlanMarkdownOptions } from './render-plan-markdown.js'

/** First line of every apply comment: tells it apart from the plan comment, whose checksums it must never shadow. */
export const APPLY_MARKER = '<!-- partner-contacts:apply -->'

export interface ApplyMarkdownOptions extends Pick<PlanMarkdownOptions, 'linkFor' | 'supportPicture' | 'runUrl' | 'messages'> {
  redactor: Redactor
  /** Reasons that refused the whole run (no merged PR, approvals) before any file was applied. */
  refusedRun?: readonly MessageRef[]
  /** The commit applied, for the heading. */
  commit?: string
  dryRun?: boolean
  /** Comment limit in characters; the job summary passes a larger one. */
  limit?: number
}

const ICONS = { applied: '✅', unchanged: '➖', 'dry-run': '🔍', refused: '🛑', failed: '💥', pending: '⏳' } as const

export function renderApplyMarkdown(results: readonly ApplyFileResult[], options: ApplyMarkdownOptions): string {
  const { redactor } = options
  const t = options.messages ?? ENGLISH
  const text = (m: MessageRef) => mdText(formatRef(t, m, redactor))
  const commit = options.commit ? `\`${options.commit.slice(0, 7).replace(/[^0-9a-f]/gi, '')}\`` : ''
  const out: string[] = [APPLY_MARKER, '', `## ${commit ? t.format('apply.headingOf', { commit }) : t.format('apply.heading')}`, '']
  const refusedRun = options.refusedRun ?? []
  if (refusedRun.length > 0) {
    out.push(`🛑 ${t.format('apply.refusedRun')}`, '')
    for (const reason of refusedRun) out.push(`- ${text(reason)}`)
    out.push('')
  }
  if (results.length > 0) {
    out.push(headline(results, options.dryRun ?? false, t), '', t.format('apply.tableHeader'), '|---|---|---|')
    for (const r of results) out.push(`| ${mdCode(r.file)} | ${mdText(r.partnerId ?? '')} | ${ICONS[r.outcome]} ${t.format(`apply.outcome.${r.outcome}`)}${r.forced ? ` ${t.format('apply.forced')}` : ''} |`)
    out.push('')
  }
  for (const r of results.filter((r) => r.outcome !== 'unchanged')) {
    out.push(`### ${mdCode(r.file)}`, '')
    if (r.forced) out.push(`> [!WARNING]\n> ${t.format('apply.forcedOverriding', { reasons: r.reasons.map(text).join('; ') })}`, '')
    else if (r.reasons.length > 0) out.push(...r.reasons.map((reason) => `- ${text(reason)}`), '')
    if (r.written.length > 0) out.push(t.format('apply.written'), '', ...r.written.map((w) => `- ✅ ${text(w)}`), '')
    if (r.outcome === 'pending') out.push(t.format('apply.pendingNote'), '')
    else if (r.pending.length > 0) out.push(t.format(r.outcome === 'dry-run' ? 'apply.wouldWrite' : 'apply.notWritten'), '', ...r.pending.map((w) => `- ⏸️ ${text(w)}`), '')
    // A refused file shows the fresh plan: what apply would write now, to review again.
    if ((r.outcome === 'refused' || r.outcome === 'failed') && r.planned.plan?.hasChanges) {
      const plan = renderPlanSummary([r.planned], { ...options, heading: t.format('apply.freshPlanHeading') })
      out.push(`<details><summary>${htmlText(t.format('apply.freshPlan'))}</summary>`, '', dropMarkers(plan), '', '</details>', '')
    }
  }
  const body = out.join('\n')
  const limit = options.limit ?? 60_000
  if (body.length <= limit) return body
  const cut = body.slice(0, limit - 400)
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n${options.runUrl ? t.format('apply.cutLink', { url: options.runUrl }) : t.format('apply.cut')}\n`
}

function headline(results: readonly ApplyFileResult[], dryRun: boolean, t: Messages): string {
  const by = (o: ApplyFileResult['outcome']) => results.filter((r) => r.outcome === o).length
  const parts = [`**${t.format('count.files', { count: results.length })}**`]
  for (const outcome of ['applied', 'unchanged', 'dry-run', 'refused', 'failed', 'pending'] as const) {
    if (by(outcome)) parts.push(`${ICONS[outcome]} ${t.format(`apply.count.${outcome}`, { count: by(outcome) })}`)
  }
  if (dryRun) parts.push(t.format('apply.dryRun'))
  return parts.join(' · ')
}

/** An embedded plan keeps its content but not its markers: only the plan comment carries reviewed checksums. */
export function dropMarkers(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !line.startsWith('<!-- partner-contacts:'))
    .join('\n')
}
