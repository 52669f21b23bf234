// `--format github`: workflow-command annotations (`::error file=…,line=…::message`).
import type { Finding } from '../findings/finding.js'
import { inline } from '../output/terminal.js'
import { allFindings, type Report } from './report.js'

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const

export function renderGithub(report: Report): string {
  return allFindings(report)
    .map((f) => formatAnnotation(f, f.file))
    .join('')
}

export function formatAnnotation(f: Finding, file: string): string {
  const props: Array<[string, string | number]> = [
    // `inline`: no control character, and no `##[` (which the runner reads anywhere in a line).
    ['file', inline(file)],
    ['line', f.line],
    ['endLine', f.endLine],
  ]
  // GitHub accepts columns only when the annotation starts and ends on one line.
  if (f.line === f.endLine) props.push(['col', f.column], ['endColumn', f.endColumn])
  props.push(['title', `partner-contacts ${f.ruleId}`])
  const rendered = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')
  return `::${COMMANDS[f.severity]} ${rendered}::${escapeData(inline(f.message))}\n`
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
