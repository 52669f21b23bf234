// The plan as Markdown: the sticky PR comment (≤ 60,000 characters, degrading in tiers) and the job summary (≤ 1 MiB). Pure.
import type { Finding } from '../findings/finding.js'
import type { SupportWindow } from '../model/contacts.js'
import type { Change } from '../plan/change.js'
import type { PlanFileResult } from '../plan/plan-files.js'
import type { Redactor } from '../redact/redactor.js'
import type { ChecklistRow, ChecklistStatus } from '../model/launch-checklist.js'
import { changeDetail, changeSubject, countChanges, describeCounts, registerPlanValues } from './plan-format.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { fieldLabelBeside, planFieldMessage } from './labels.js'
import { htmlCode, htmlText, mdCode, mdText } from '../output/markdown.js'
import { findingsTable } from './render-markdown.js'
import { formatRef } from './message-refs.js'
import { MARKDOWN_STYLE, describeConfirmation } from './render-portal-task.js'

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
  /** The reader's language (default English); markers, checksums, paths and rule IDs never change with it. */
  messages?: Messages
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
  const t = options.messages ?? ENGLISH
  const out: string[] = [PLAN_MARKER]
  // Files without changes need no marker to be applied (a fresh plan with no changes is a success),
  // so the last tiers keep only the markers that matter.
  const marked = tier === 'bare' ? [] : results.filter((r) => r.plan && (tier !== 'link' || r.plan.hasChanges))
  const markers = marked.map((r) => checksumMarker(r.file, r.plan!.checksum, options.firstPublished?.(r.file, r.plan!.checksum)))
  out.push(...markers, '', `## ${options.heading ?? t.format('plan.heading')}`, '', headline(results, t), '')
  for (const note of options.notes ?? []) out.push(`> ${mdText(options.redactor.text(note))}`, '')
  const unsafe = results.filter((r) => r.plan && !r.plan.safe)
  if (unsafe.length > 0) {
    out.push('> [!CAUTION]', `> ${t.format('plan.unsafeAll', { count: unsafe.length })}`, '')
  }
  if (tier === 'full' || tier === 'collapsed') {
    for (const result of results) out.push(fileSection(result, options, tier), '')
  } else if (tier === 'summaries') {
    out.push(moreDetails(options, t), '', t.format('plan.summaryHeader'), '|---|---|---|---|---|')
    for (const result of results) out.push(summaryRow(result, options.redactor, t))
    out.push('')
  } else {
    out.push(moreDetails(options, t), '')
    if (tier === 'bare') out.push(t.format('plan.bare'), '')
  }
  return out.join('\n')
}

function moreDetails(options: PlanMarkdownOptions, t: Messages): string {
  return options.runUrl ? t.format('plan.tooLong.link', { url: options.runUrl }) : t.format('plan.tooLong.report')
}

function headline(results: readonly PlanFileResult[], t: Messages): string {
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
  const parts = [`**${t.format('count.files', { count: results.length })}**`]
  if (changed.length > 0) parts.push(`📝 ${t.format('plan.headline.changed', { count: changed.length, counts: describeCounts(totals, t) })}`)
  const same = planned.length - changed.length
  if (same > 0) parts.push(`✅ ${t.format('plan.headline.same', { count: same })}`)
  const invalid = results.filter((r) => r.outcome === 'invalid').length
  if (invalid > 0) parts.push(`🚫 ${t.format('plan.headline.invalid', { count: invalid })}`)
  const failed = results.filter((r) => r.outcome === 'failed').length
  if (failed > 0) parts.push(`💥 ${t.format('plan.headline.failed', { count: failed })}`)
  parts.push(errors > 0 ? `❌ ${t.format('count.errors', { count: errors })}` : t.format('plan.headline.noErrors'))
  if (warnings > 0) parts.push(`⚠️ ${t.format('count.warnings', { count: warnings })}`)
  return parts.join(' · ')
}

/** One line per file, as plain text: each caller escapes it for its context (a table cell, or raw HTML in `<summary>`). */
function oneLine(result: PlanFileResult, redactor: Redactor, t: Messages): { icon: string; plan: string; unsafe: boolean; findings: string } {
  const errors = result.findings.filter((f) => f.severity === 'error').length
  const warnings = result.findings.filter((f) => f.severity === 'warning').length
  const counted = [errors ? `❌ ${t.format('count.errors', { count: errors })}` : '', warnings ? `⚠️ ${t.format('count.warnings', { count: warnings })}` : ''].filter(Boolean)
  const findings = counted.length > 0 ? t.list(counted, 'unit') : t.format('plan.line.noFindings')
  if (result.outcome === 'failed') return { icon: '💥', plan: t.format('plan.line.failed', { error: redactor.text(result.error ?? '') }), unsafe: false, findings }
  if (result.outcome === 'invalid' || !result.plan) return { icon: '🚫', plan: t.format('plan.line.invalid'), unsafe: false, findings }
  const plan = result.plan
  if (!plan.hasChanges) return { icon: '✅', plan: t.format('counts.none'), unsafe: false, findings }
  const text = t.format('plan.line.changes', { count: plan.changes.length, counts: describeCounts(countChanges(plan), t) })
  return plan.safe ? { icon: '📝', plan: text, unsafe: false, findings } : { icon: '⛔', plan: text, unsafe: true, findings }
}

function summaryRow(result: PlanFileResult, redactor: Redactor, t: Messages): string {
  const line = oneLine(result, redactor, t)
  const plan = `${mdText(line.plan)}${line.unsafe ? `, **${t.format('plan.line.unsafe')}**` : ''}`
  return `| ${line.icon} | ${mdCode(result.file)} | ${mdText(result.partnerId ?? '')} | ${plan} | ${line.findings} |`
}

function fileSection(result: PlanFileResult, options: PlanMarkdownOptions, tier: Tier): string {
  const { redactor } = options
  const t = options.messages ?? ENGLISH
  const name = result.model?.partner.name
  const body: string[] = []
  const plan = result.plan
  if (result.outcome === 'failed') {
    body.push('> [!WARNING]', `> ${t.format('plan.file.failed', { error: mdText(redactor.text(result.error ?? '')) })}`, '')
  } else if (result.outcome === 'invalid' || !plan) {
    body.push(`🚫 ${t.format('plan.file.invalid')}`, '')
  } else {
    if (result.confirmation !== undefined) body.push(`🧑‍💼 ${describeConfirmation(result.confirmation, MARKDOWN_STYLE, t)}`, '')
    if (!plan.safe) {
      body.push('> [!CAUTION]', `> ${t.format('plan.file.unsafe')}`, ...plan.unsafeReasons.map((r) => `> - ${mdText(formatRef(t, r, redactor))}`), '')
    }
    if (plan.hasChanges) {
      const summary = t.format('plan.line.changes', { count: plan.changes.length, counts: describeCounts(countChanges(plan), t) })
      body.push(t.format('plan.file.plan', { summary }), '', changesTable(plan.changes, redactor, t), '')
    } else body.push(`✅ ${t.format('plan.file.noChanges')}`, '')
  }
  if (result.checklist) body.push(`**${t.format('plan.file.checklist')}**`, '', checklistTable(result.checklist, t), '')
  if (result.findings.length > 0) body.push(`**${t.format('plan.file.findings')}**`, '', findingsTable(result.file, redacted(result.findings, redactor), { ...(options.linkFor ? { linkFor: options.linkFor } : {}), messages: t }), '')
  if (tier === 'full' && options.supportPicture && result.model?.support?.length) {
    const picture = options.supportPicture(result.model.support)
    if (picture) body.push(`<details><summary>${htmlText(t.format('plan.file.weekly'))}</summary>`, '', picture, '', '</details>', '')
  }
  if (plan) body.push(`<sub>${htmlText(t.format('plan.file.checksum'))} \`${plan.checksum}\`</sub>`)
  const partner = result.partnerId ? t.format('plan.file.partner', { id: result.partnerId }) : ''
  if (tier === 'full') return [`### ${mdCode(result.file)}${mdText(partner)}${name ? ` (${mdText(name)})` : ''}`, '', ...body].join('\n')
  // Inside <details> the summary line is raw HTML, where Markdown is not parsed: HTML escaping, not Markdown's.
  const line = oneLine(result, redactor, t)
  const title = `${htmlCode(result.file)}${htmlText(partner)}${name ? ` (${htmlText(name)})` : ''}`
  const summary = `${line.icon} ${title}: ${htmlText(line.plan)}${line.unsafe ? `, <b>${htmlText(t.format('plan.line.unsafe'))}</b>` : ''}`
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>'].join('\n')
}

const CHANGE_ICONS = { add: '➕', remove: '➖', update: '✏️' } as const

function changesTable(changes: readonly Change[], redactor: Redactor, t: Messages): string {
  const rows = [t.format('plan.changes.header'), '|---|---|---|---|']
  for (const change of changes) {
    const detail = changeDetail(change, redactor, t)
    const kind = `${CHANGE_ICONS[change.kind]} ${t.format(`plan.change.${change.kind}`)}`
    rows.push(`| ${mdText(t.format(planFieldMessage(change.field)))} | ${kind} | ${mdText(changeSubject(change, redactor, t))} | ${detail ? mdText(detail) : ''} |`)
  }
  return rows.join('\n')
}

const STATUS_ICONS: Record<ChecklistStatus, string> = { complete: '✅', missing: '❌', errors: '❌', warnings: '⚠️', optional: '➖', 'production-only': '➖' }

/** The portal page's fields in the reader's language, with the English label beside them to match the English page. */
export function checklistTable(rows: readonly ChecklistRow[], t: Messages): string {
  const out = [t.format('checklist.header'), '|---|---|---|']
  for (const row of rows) {
    const optional = row.required ? '' : ` *${mdText(t.format('checklist.optional'))}*`
    out.push(`| ${mdText(fieldLabelBeside(row.field, t))}${optional} | ${STATUS_ICONS[row.status]} ${t.format(`checklist.status.${row.status}`)} | ${row.entries} |`)
  }
  return out.join('\n')
}

function redacted(findings: readonly Finding[], redactor: Redactor): Finding[] {
  return redactor.enabled ? findings.map((f) => ({ ...f, message: redactor.text(f.message) })) : [...findings]
}
