// The plan as Markdown: the sticky PR comment (≤ 60,000 characters, degrading in tiers) and the job summary (≤ 1 MiB). Pure.
import type { Finding } from '../findings/finding.js'
import type { SupportWindow } from '../model/contacts.js'
import { planFieldLabel, type Change } from '../plan/change.js'
import type { PlanFileResult } from '../plan/plan-files.js'
import type { Redactor } from '../redact/redactor.js'
import type { ChecklistRow, ChecklistStatus } from './launch-checklist.js'
import { changeDetail, changeSubject, countChanges, describeCounts, plural, registerPlanValues } from './plan-format.js'
import { htmlCode, htmlText, mdCode, mdText } from '../output/markdown.js'
import { findingsTable } from './render-markdown.js'

/** First line of every plan comment: how the Action finds its own sticky comment. */
export const PLAN_MARKER = '<!-- partner-contacts:plan -->'
/** GitHub refuses comments over 65,536 characters; the margin leaves room for what the caller adds. */
export const COMMENT_LIMIT = 60_000
/** The job summary's limit is 1 MiB per step, counted in bytes. */
export const SUMMARY_LIMIT_BYTES = 1_000_000

export interface PlanMarkdownOptions {
  redactor: Redactor
  /** A link to a file's line at the PR head; plain line numbers when absent. */
  linkFor?: (file: string, line: number) => string | undefined
  /** The weekly support picture (`renderSupportPicture` from src/support), injected to keep this pure and light. */
  supportPicture?: (windows: readonly SupportWindow[]) => string
  /** The run's summary page: where the comment points when it has to leave details out. */
  runUrl?: string
  /** Lines shown under the heading, e.g. "this pull request comes from a fork: the plan needs a trusted run". */
  notes?: readonly string[]
  heading?: string
  /** Recorded in each checksum marker, for approval freshness (SPEC §11); the Action's plan mode passes it. */
  firstPublished?: FirstPublished
}

/**
 * Degradation order: everything; every file collapsed into `<details>` without the support
 * pictures; one line per file; only the headline and a link; and, when even the checksum markers of
 * the files with changes do not fit, no markers at all (apply then refuses without `force`).
 */
export type Tier = 'full' | 'collapsed' | 'summaries' | 'link' | 'bare'
export const TIERS: readonly Tier[] = ['full', 'collapsed', 'summaries', 'link', 'bare']

/** The sticky comment: the fullest tier that fits in COMMENT_LIMIT characters. */
export function renderPlanComment(results: readonly PlanFileResult[], options: PlanMarkdownOptions): string {
  return renderWithin(results, options, (text) => text.length <= COMMENT_LIMIT)
}

/** The job summary: the whole report unless it would pass 1 MiB. */
export function renderPlanSummary(results: readonly PlanFileResult[], options: PlanMarkdownOptions): string {
  return renderWithin(results, { ...options, runUrl: undefined }, (text) => Buffer.byteLength(text, 'utf8') <= SUMMARY_LIMIT_BYTES)
}

function renderWithin(results: readonly PlanFileResult[], options: PlanMarkdownOptions, fits: (text: string) => boolean): string {
  registerPlanValues(results, options.redactor)
  let text = ''
  for (const tier of TIERS) {
    text = renderTier(results, options, tier)
    if (fits(text)) return text
  }
  return text
}

/** When a plan with a given checksum was first published in the plan comment (ISO 8601, UTC), per file. */
export type FirstPublished = (file: string, checksum: string) => string | undefined

/** One checksum marker per planned file, right under the first line: apply reads them back with parsePlanMarkers. */
export function checksumMarker(file: string, checksum: string, firstPublished?: string): string {
  const since = firstPublished && ISO_TIME.test(firstPublished) ? ` first-published=${firstPublished}` : ''
  return `<!-- partner-contacts:checksum file=${encodeFile(file)} ${checksum}${since} -->`
}

export interface PlanMarker {
  checksum: string
  /** When this checksum was first published; absent in comments written before it was recorded. */
  firstPublished?: string
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/
const MARKER_LINE = /^<!-- partner-contacts:checksum file=([A-Za-z0-9%/._]+) (sha256:[0-9a-f]{64})(?: first-published=(\S+))? -->$/

/**
 * The reviewed checksum of each file, read back from a plan comment's body: only from the fixed place the renderer
 * writes them, the lines right after the first line (PLAN_MARKER), up to the first line that is not a marker. A
 * marker-shaped line anywhere else (in a file name, a value, or text someone added) is never read.
 */
export function parsePlanMarkers(body: string): Map<string, PlanMarker> {
  const markers = new Map<string, PlanMarker>()
  const lines = body.split('\n')
  if (lines[0] !== PLAN_MARKER) return markers
  for (const line of lines.slice(1)) {
    const match = MARKER_LINE.exec(line)
    if (!match) break
    const file = decodeFile(match[1]!)
    const since = match[3] !== undefined && ISO_TIME.test(match[3]) ? match[3] : undefined
    if (file !== undefined && !markers.has(file)) markers.set(file, { checksum: match[2]!, ...(since ? { firstPublished: since } : {}) })
  }
  return markers
}

// Only letters, digits, `/`, `.` and `_` stay as they are; everything else (spaces, `-`, `>`, `!`, `%`, newlines) is
// percent-encoded as UTF-8, so no path can end the HTML comment or the line.
function encodeFile(file: string): string {
  // A lone surrogate cannot be encoded; GitHub would not keep one in a comment either.
  const wellFormed = file.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  return encodeURIComponent(wellFormed).replace(/[^A-Za-z0-9%/._]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(/%2F/g, '/')
}

function decodeFile(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

/** One tier, whatever its size: for tests that must see each tier (the renderers above pick the fullest that fits). */
export function renderTier(results: readonly PlanFileResult[], options: PlanMarkdownOptions, tier: Tier): string {
  const out: string[] = [PLAN_MARKER]
  // Files without changes need no marker to be applied (a fresh plan with no changes is a success),
  // so the last tiers keep only the markers that matter.
  const marked = tier === 'bare' ? [] : results.filter((r) => r.plan && (tier !== 'link' || r.plan.hasChanges))
  const markers = marked.map((r) => checksumMarker(r.file, r.plan!.checksum, options.firstPublished?.(r.file, r.plan!.checksum)))
  out.push(...markers, '', `## ${options.heading ?? 'partner-contacts plan'}`, '', headline(results), '')
  for (const note of options.notes ?? []) out.push(`> ${mdText(options.redactor.text(note))}`, '')
  const unsafe = results.filter((r) => r.plan && !r.plan.safe)
  if (unsafe.length > 0) {
    out.push('> [!CAUTION]', `> ${plural(unsafe.length, 'plan is', 'plans are')} unsafe: apply will refuse ${unsafe.length === 1 ? 'it' : 'them'} unless \`force\` is set.`, '')
  }
  if (tier === 'full' || tier === 'collapsed') {
    for (const result of results) out.push(fileSection(result, options, tier), '')
  } else if (tier === 'summaries') {
    out.push(moreDetails(options), '', '| | File | Partner | Plan | Findings |', '|---|---|---|---|---|')
    for (const result of results) out.push(summaryRow(result, options.redactor))
    out.push('')
  } else {
    out.push(moreDetails(options), '')
    if (tier === 'bare') out.push('Too many files changed to carry their checksums in one comment: split the pull request, or apply with `force`.', '')
  }
  return out.join('\n')
}

function moreDetails(options: PlanMarkdownOptions): string {
  return options.runUrl
    ? `The full plan is too long for a comment: see the [run summary](${options.runUrl}).`
    : 'The full plan is too long to show here: see the JSON report (the `report` output).'
}

function headline(results: readonly PlanFileResult[]): string {
  const planned = results.filter((r) => r.plan)
  const changed = planned.filter((r) => r.plan!.hasChanges)
  const totals = { add: 0, remove: 0, update: 0 }
  for (const r of changed) {
    const c = countChanges(r.plan!)
    totals.add += c.add
    totals.remove += c.remove
    totals.update += c.update
  }
  const findings = results.flatMap((r) => r.findings)
  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.filter((f) => f.severity === 'warning').length
  const parts = [`**${plural(results.length, 'file')}**`]
  if (changed.length > 0) parts.push(`📝 ${changed.length} with changes (${describeCounts(totals)})`)
  const same = planned.length - changed.length
  if (same > 0) parts.push(`✅ ${same} already ${same === 1 ? 'matches' : 'match'} the portal`)
  const invalid = results.filter((r) => r.outcome === 'invalid').length
  if (invalid > 0) parts.push(`🚫 ${invalid} not planned (errors)`)
  const failed = results.filter((r) => r.outcome === 'failed').length
  if (failed > 0) parts.push(`💥 ${failed} could not read the portal`)
  parts.push(errors > 0 ? `❌ ${plural(errors, 'error')}` : 'no errors')
  if (warnings > 0) parts.push(`⚠️ ${plural(warnings, 'warning')}`)
  return parts.join(' · ')
}

/** One line per file, as plain text: each caller escapes it for its context (a table cell, or raw HTML in `<summary>`). */
function oneLine(result: PlanFileResult, redactor: Redactor): { icon: string; plan: string; unsafe: boolean; findings: string } {
  const errors = result.findings.filter((f) => f.severity === 'error').length
  const warnings = result.findings.filter((f) => f.severity === 'warning').length
  const findings = [errors ? `❌ ${plural(errors, 'error')}` : '', warnings ? `⚠️ ${plural(warnings, 'warning')}` : ''].filter(Boolean).join(', ') || 'none'
  if (result.outcome === 'failed') return { icon: '💥', plan: `portal read failed: ${redactor.text(result.error ?? '')}`, unsafe: false, findings }
  if (result.outcome === 'invalid' || !result.plan) return { icon: '🚫', plan: 'not planned: fix the errors first', unsafe: false, findings }
  const plan = result.plan
  if (!plan.hasChanges) return { icon: '✅', plan: 'no changes', unsafe: false, findings }
  const text = `${plural(plan.changes.length, 'change')} (${describeCounts(countChanges(plan))})`
  return plan.safe ? { icon: '📝', plan: text, unsafe: false, findings } : { icon: '⛔', plan: text, unsafe: true, findings }
}

function summaryRow(result: PlanFileResult, redactor: Redactor): string {
  const line = oneLine(result, redactor)
  const plan = `${mdText(line.plan)}${line.unsafe ? ', **unsafe**' : ''}`
  return `| ${line.icon} | ${mdCode(result.file)} | ${mdText(result.partnerId ?? '')} | ${plan} | ${line.findings} |`
}

function fileSection(result: PlanFileResult, options: PlanMarkdownOptions, tier: Tier): string {
  const { redactor } = options
  const name = result.model?.partner.name
  const body: string[] = []
  const plan = result.plan
  if (result.outcome === 'failed') {
    body.push('> [!WARNING]', `> Could not read the portal, so there is no plan for this file: ${mdText(redactor.text(result.error ?? ''))}`, '')
  } else if (result.outcome === 'invalid' || !plan) {
    body.push('🚫 **Not planned**: the file has errors; fix them and the plan will follow.', '')
  } else {
    if (!plan.safe) {
      body.push('> [!CAUTION]', '> **Unsafe plan**: apply refuses it unless `force` is set, because it', ...plan.unsafeReasons.map((r) => `> - ${mdText(r)}`), '')
    }
    if (plan.hasChanges) body.push(`**Plan**: ${plural(plan.changes.length, 'change')} (${describeCounts(countChanges(plan))})`, '', changesTable(plan.changes, redactor), '')
    else body.push('✅ **No changes**: the portal already matches this file.', '')
  }
  if (result.checklist) body.push('**Launch readiness**', '', checklistTable(result.checklist), '')
  if (result.findings.length > 0) body.push('**Findings**', '', findingsTable(result.file, redacted(result.findings, redactor), options.linkFor ? { linkFor: options.linkFor } : {}), '')
  if (tier === 'full' && options.supportPicture && result.model?.support?.length) {
    const picture = options.supportPicture(result.model.support)
    if (picture) body.push('<details><summary>Weekly support hours</summary>', '', picture, '', '</details>', '')
  }
  if (plan) body.push(`<sub>checksum \`${plan.checksum}\`</sub>`)
  const partner = result.partnerId ? ` — partner ${result.partnerId}` : ''
  if (tier === 'full') return [`### ${mdCode(result.file)}${mdText(partner)}${name ? ` (${mdText(name)})` : ''}`, '', ...body].join('\n')
  // Inside <details> the summary line is raw HTML, where Markdown is not parsed: HTML escaping, not Markdown's.
  const line = oneLine(result, redactor)
  const title = `${htmlCode(result.file)}${htmlText(partner)}${name ? ` (${htmlText(name)})` : ''}`
  const summary = `${line.icon} ${title}: ${htmlText(line.plan)}${line.unsafe ? ', <b>unsafe</b>' : ''}`
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>'].join('\n')
}

const CHANGE_LABELS = { add: '➕ add', remove: '➖ remove', update: '✏️ update' } as const

function changesTable(changes: readonly Change[], redactor: Redactor): string {
  const rows = ['| Field | Change | Entry | Details |', '|---|---|---|---|']
  for (const change of changes) {
    const detail = changeDetail(change, redactor)
    rows.push(`| ${planFieldLabel(change.field)} | ${CHANGE_LABELS[change.kind]} | ${mdText(changeSubject(change, redactor))} | ${detail ? mdText(detail) : ''} |`)
  }
  return rows.join('\n')
}

const STATUS_TEXT: Record<ChecklistStatus, string> = {
  complete: '✅ complete',
  missing: '❌ missing',
  errors: '❌ has errors',
  warnings: '⚠️ has warnings',
  optional: '➖ optional, none given',
  'production-only': '➖ production only',
}

function checklistTable(rows: readonly ChecklistRow[]): string {
  const out = ['| Portal field | Status | Entries |', '|---|---|---|']
  for (const row of rows) out.push(`| ${row.label}${row.required ? '' : ' *(optional)*'} | ${STATUS_TEXT[row.status]} | ${row.entries} |`)
  return out.join('\n')
}

function redacted(findings: readonly Finding[], redactor: Redactor): Finding[] {
  return redactor.enabled ? findings.map((f) => ({ ...f, message: redactor.text(f.message) })) : [...findings]
}
