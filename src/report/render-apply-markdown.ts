// The apply report as Markdown, for the comment on the merged pull request and the job summary. Pure.
import type { ApplyFileResult } from '../apply/apply-file.js'
import type { Redactor } from '../redact/redactor.js'
import { plural } from './plan-format.js'
import { mdCode, mdText } from '../output/markdown.js'
import { renderPlanSummary, type PlanMarkdownOptions } from './render-plan-markdown.js'

/** First line of every apply comment: tells it apart from the plan comment, whose checksums it must never shadow. */
export const APPLY_MARKER = '<!-- partner-contacts:apply -->'

export interface ApplyMarkdownOptions extends Pick<PlanMarkdownOptions, 'linkFor' | 'supportPicture' | 'runUrl'> {
  redactor: Redactor
  /** Reasons that refused the whole run (no merged PR, approvals) before any file was applied. */
  refusedRun?: readonly string[]
  /** The commit applied, for the heading. */
  commit?: string
  dryRun?: boolean
  /** Comment limit in characters; the job summary passes a larger one. */
  limit?: number
}

const ICONS = { applied: '✅ applied', unchanged: '➖ already up to date', 'dry-run': '🔍 dry run (nothing written)', refused: '🛑 refused', failed: '💥 failed' } as const

export function renderApplyMarkdown(results: readonly ApplyFileResult[], options: ApplyMarkdownOptions): string {
  const { redactor } = options
  const text = (t: string) => mdText(redactor.text(t))
  const out: string[] = [APPLY_MARKER, '', `## partner-contacts apply${options.commit ? ` of \`${options.commit.slice(0, 7)}\`` : ''}`, '']
  const refusedRun = options.refusedRun ?? []
  if (refusedRun.length > 0) {
    out.push('🛑 **Refused: nothing was written to the portal.**', '')
    for (const reason of refusedRun) out.push(`- ${text(reason)}`)
    out.push('')
  }
  if (results.length > 0) {
    out.push(headline(results, options.dryRun ?? false), '', '| File | Partner | Outcome |', '|---|---|---|')
    for (const r of results) out.push(`| ${mdCode(r.file)} | ${mdText(r.partnerId ?? '')} | ${ICONS[r.outcome]}${r.forced ? ' (forced)' : ''} |`)
    out.push('')
  }
  for (const r of results.filter((r) => r.outcome !== 'unchanged')) {
    out.push(`### ${mdCode(r.file)}`, '')
    if (r.forced) out.push(`> [!WARNING]\n> Applied with \`force\`, overriding: ${r.reasons.map(text).join('; ')}`, '')
    else if (r.reasons.length > 0) out.push(...r.reasons.map((reason) => `- ${text(reason)}`), '')
    if (r.written.length > 0) out.push('Written:', '', ...r.written.map((w) => `- ✅ ${text(w)}`), '')
    if (r.pending.length > 0) out.push(r.outcome === 'dry-run' ? 'Would write:' : 'Not written:', '', ...r.pending.map((w) => `- ⏸️ ${text(w)}`), '')
    // A refused file shows the fresh plan: what apply would write now, to review again.
    if ((r.outcome === 'refused' || r.outcome === 'failed') && r.planned.plan?.hasChanges) {
      const plan = renderPlanSummary([r.planned], { ...options, heading: 'fresh plan' })
      out.push('<details><summary>The fresh plan</summary>', '', dropMarkers(plan), '', '</details>', '')
    }
  }
  const body = out.join('\n')
  const limit = options.limit ?? 60_000
  if (body.length <= limit) return body
  const cut = body.slice(0, limit - 400)
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n… cut to fit${options.runUrl ? `: the [run summary](${options.runUrl}) has everything` : ''}.\n`
}

function headline(results: readonly ApplyFileResult[], dryRun: boolean): string {
  const by = (o: ApplyFileResult['outcome']) => results.filter((r) => r.outcome === o).length
  const parts = [`**${plural(results.length, 'file')}**`]
  if (by('applied')) parts.push(`✅ ${by('applied')} applied`)
  if (by('unchanged')) parts.push(`➖ ${by('unchanged')} already up to date`)
  if (by('dry-run')) parts.push(`🔍 ${by('dry-run')} checked (dry run)`)
  if (by('refused')) parts.push(`🛑 ${by('refused')} refused`)
  if (by('failed')) parts.push(`💥 ${by('failed')} failed`)
  if (dryRun) parts.push('nothing written: `dry-run` is on')
  return parts.join(' · ')
}

/** An embedded plan keeps its content but not its markers: only the plan comment carries reviewed checksums. */
export function dropMarkers(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !line.startsWith('<!-- partner-contacts:'))
    .join('\n')
}
