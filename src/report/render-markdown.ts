// `--format markdown` and the Action's job summary: every finding, per file, as Markdown tables.
import type { Finding } from '../findings/finding.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { mdCode, mdLink, mdText } from '../output/markdown.js'
import type { FileReport, Report } from './report.js'

const ICONS = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const

export interface MarkdownOptions {
  /** Turns a file and line into a link (to the PR head); plain text when absent. */
  linkFor?: (file: string, line: number) => string | undefined
  /** Extra Markdown per file, e.g. the weekly support picture. */
  fileExtras?: (file: FileReport) => string | undefined
  /** The reader's language (default English). */
  messages?: Messages
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const { files, errors, warnings, infos } = report.summary
  const t = options.messages ?? ENGLISH
  const out: string[] = ['## partner-contacts', '']
  out.push(
    errors > 0
      ? `❌ ${t.format('markdown.errors', { errors, warnings, files })}`
      : warnings > 0
        ? `⚠️ ${t.format('markdown.warnings', { warnings, files })}`
        : `✅ ${t.format('markdown.clean', { files, infos })}`,
    '',
  )
  for (const file of report.files) {
    out.push(`### ${mdCode(file.file)}${file.partnerId ? mdText(t.format('plan.file.partner', { id: file.partnerId })) : ''}`, '')
    if (file.findings.length === 0) out.push(t.format('markdown.noProblems'), '')
    else out.push(findingsTable(file.file, file.findings, options), '')
    const extra = options.fileExtras?.(file)
    if (extra) out.push(extra, '')
  }
  return out.join('\n')
}

export function findingsTable(file: string, findings: readonly Finding[], options: MarkdownOptions = {}): string {
  const rows = [(options.messages ?? ENGLISH).format('markdown.findingsHeader'), '|---|---|---|---|']
  for (const f of findings) {
    const link = options.linkFor?.(file, f.line)
    const line = link ? mdLink(String(f.line), link) : String(f.line)
    rows.push(`| ${ICONS[f.severity]} | ${line} | ${mdText(f.message)} | \`${f.ruleId}\` |`)
  }
  return rows.join('\n')
}
