// `--format markdown` and the Action's job summary: every finding, per file, as Markdown tables.
import type { Finding } from '../findings/finding.js'
import { mdCode, mdLink, mdText } from '../output/markdown.js'
import type { FileReport, Report } from './report.js'

const ICONS = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const

export interface MarkdownOptions {
  /** Turns a file and line into a link (to the PR head); plain text when absent. */
  linkFor?: (file: string, line: number) => string | undefined
  /** Extra Markdown per file, e.g. the weekly support picture. */
  fileExtras?: (file: FileReport) => string | undefined
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const { files, errors, warnings, infos } = report.summary
  const out: string[] = ['## partner-contacts', '']
  out.push(
    errors > 0
      ? `❌ **${errors} error${plural(errors)}**, ${warnings} warning${plural(warnings)} in ${files} file${plural(files)}`
      : warnings > 0
        ? `⚠️ ${warnings} warning${plural(warnings)} in ${files} file${plural(files)}, no errors`
        : `✅ ${files} file${plural(files)} checked, no problems${infos > 0 ? ` (${infos} info)` : ''}`,
    '',
  )
  for (const file of report.files) {
    out.push(`### ${mdCode(file.file)}${file.partnerId ? ` — partner ${mdText(file.partnerId)}` : ''}`, '')
    if (file.findings.length === 0) out.push('No problems.', '')
    else out.push(findingsTable(file.file, file.findings, options), '')
    const extra = options.fileExtras?.(file)
    if (extra) out.push(extra, '')
  }
  return out.join('\n')
}

export function findingsTable(file: string, findings: readonly Finding[], options: MarkdownOptions = {}): string {
  const rows = ['| | Line | Problem | Rule |', '|---|---|---|---|']
  for (const f of findings) {
    const link = options.linkFor?.(file, f.line)
    const line = link ? mdLink(String(f.line), link) : String(f.line)
    rows.push(`| ${ICONS[f.severity]} | ${line} | ${mdText(f.message)} | \`${f.ruleId}\` |`)
  }
  return rows.join('\n')
}

function plural(n: number): string {
  return n === 1 ? '' : 's'
}
