// `--format stylish`: ESLint's terminal layout (file, line:col, severity, message, rule ID, summary).
import { styleText } from 'node:util'
import { inline } from '../output/terminal.js'
import type { Report } from './report.js'

export interface StylishOptions {
  color: boolean
}

type Style = Parameters<typeof styleText>[0]

export function renderStylish(report: Report, options: StylishOptions): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text)
  const out: string[] = []
  for (const file of report.files) {
    if (file.findings.length === 0) continue
    out.push(paint('underline', inline(file.file)))
    const rows = file.findings.map((f) => [`${f.line}:${f.column}`, f.severity, inline(f.message), f.ruleId] as const)
    const posWidth = Math.max(...rows.map((r) => r[0].length))
    const sevWidth = Math.max(...rows.map((r) => r[1].length))
    // Long messages are not padded to: one long line must not push every rule ID off the screen.
    const msgWidth = Math.max(0, ...rows.map((r) => r[2].length).filter((n) => n <= 80))
    for (const [pos, severity, message, ruleId] of rows) {
      const sev = paint(severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'blue', severity.padEnd(sevWidth))
      out.push(`  ${paint('dim', pos.padEnd(posWidth))}  ${sev}  ${message.padEnd(msgWidth)}  ${paint('dim', ruleId)}`)
    }
    out.push('')
  }
  const { errors, warnings, infos, files } = report.summary
  const problems = errors + warnings + infos
  if (problems === 0) {
    out.push(paint('green', `✔ ${files} file${files === 1 ? '' : 's'} checked, no problems`))
  } else {
    const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`]
    if (infos > 0) parts.push(`${infos} info`)
    const line = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${parts.join(', ')}) in ${files} file${files === 1 ? '' : 's'}`
    out.push(paint(errors > 0 ? 'red' : 'yellow', line))
  }
  return out.join('\n') + '\n'
}
