// `--format stylish`: ESLint's terminal layout (file, line:col, severity, message, rule ID, summary).
import { styleText } from 'node:util'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { inline } from '../output/terminal.js'
import type { Report } from './report.js'

export interface StylishOptions {
  color: boolean
  /** The reader's language (default English); rule IDs and positions never change with it. */
  messages?: Messages
}

type Style = Parameters<typeof styleText>[0]

export function renderStylish(report: Report, options: StylishOptions): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text)
  const t = options.messages ?? ENGLISH
  const out: string[] = []
  for (const file of report.files) {
    if (file.findings.length === 0) continue
    out.push(paint('underline', inline(file.file)))
    const rows = file.findings.map((f) => [`${f.line}:${f.column}`, t.format(`severity.${f.severity}`), inline(f.message), f.ruleId, f.severity] as const)
    const posWidth = Math.max(...rows.map((r) => r[0].length))
    const sevWidth = Math.max(...rows.map((r) => displayWidth(r[1])))
    // Long messages are not padded to: one long line must not push every rule ID off the screen.
    const msgWidth = Math.max(0, ...rows.map((r) => displayWidth(r[2])).filter((n) => n <= 80))
    for (const [pos, word, message, ruleId, severity] of rows) {
      const sev = paint(severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'blue', pad(word, sevWidth))
      out.push(`  ${paint('dim', pos.padEnd(posWidth))}  ${sev}  ${pad(message, msgWidth)}  ${paint('dim', ruleId)}`)
    }
    out.push('')
  }
  const { errors, warnings, infos, files } = report.summary
  const problems = errors + warnings + infos
  if (problems === 0) {
    out.push(paint('green', `✔ ${t.format('stylish.clean', { files })}`))
  } else if (errors + warnings === 0) {
    // Notes only: nothing is wrong, so neither a cross nor red or yellow.
    out.push(paint('green', `✔ ${t.format('stylish.infoOnly', { files, infos })}`))
  } else {
    out.push(paint(errors > 0 ? 'red' : 'yellow', `✖ ${t.format('stylish.problems', { problems, errors, warnings, infos, files })}`))
  }
  return out.join('\n') + '\n'
}

/** Columns a terminal gives the text: CJK ideographs and full-width punctuation take two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1
  return width
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}
