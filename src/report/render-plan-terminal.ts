// `partner-contacts plan` in a terminal: per file, the changes as +/-/~ lines, unsafe reasons, then the findings and a total.
import { styleText } from 'node:util'
import { planFieldLabel, type PlanField } from '../plan/change.js'
import type { PlanFileResult } from '../plan/plan-files.js'
import type { Redactor } from '../redact/redactor.js'
import { changeDetail, changeSubject, countChanges, describeCounts, plural, registerPlanValues } from './plan-format.js'
import { inline } from '../output/terminal.js'
import { buildReport } from './report.js'
import { renderStylish } from './render-stylish.js'

export interface PlanTerminalOptions {
  color: boolean
  redactor: Redactor
}

type Style = Parameters<typeof styleText>[0]
const SIGNS = { add: '+', remove: '-', update: '~' } as const
const SIGN_STYLES = { add: 'green', remove: 'red', update: 'yellow' } as const

export function renderPlanTerminal(results: readonly PlanFileResult[], options: PlanTerminalOptions): string {
  const { redactor } = options
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text)
  registerPlanValues(results, redactor)
  const out: string[] = []
  for (const result of results) {
    out.push(`${paint('bold', inline(result.file))}${result.partnerId ? paint('dim', `  partner ${inline(result.partnerId)}`) : ''}`)
    const plan = result.plan
    if (result.outcome === 'failed') out.push(`  ${paint('red', 'portal:')} ${inline(redactor.text(result.error ?? ''))}`)
    else if (!plan) out.push(`  ${paint('red', 'not planned:')} the file has errors (below)`)
    else if (!plan.hasChanges) out.push(`  ${paint('green', 'no changes')}  ${paint('dim', plan.checksum)}`)
    else {
      out.push(`  ${plural(plan.changes.length, 'change')} (${describeCounts(countChanges(plan))})  ${paint('dim', plan.checksum)}`)
      let field: PlanField | undefined
      for (const change of plan.changes) {
        if (change.field !== field) {
          field = change.field
          out.push(`    ${planFieldLabel(field)}`)
        }
        const detail = inline(changeDetail(change, redactor))
        out.push(`      ${paint(SIGN_STYLES[change.kind], `${SIGNS[change.kind]} ${inline(changeSubject(change, redactor))}`)}${detail ? `  ${paint('dim', detail)}` : ''}`)
      }
    }
    if (plan && !plan.safe) {
      out.push(`  ${paint('red', '✖ unsafe plan')} (apply refuses it without --force):`)
      for (const reason of plan.unsafeReasons) out.push(`    - ${inline(reason)}`)
    }
    out.push('')
  }
  const report = buildReport(results.map((r) => ({ file: r.file, findings: r.findings.map((f) => ({ ...f, message: redactor.text(f.message) })) })))
  // The stylish block lists the findings and ends with their total (one line when there are none).
  out.push(renderStylish(report, { color: options.color }).trimEnd())
  out.push(totalLine(results, paint))
  return out.join('\n') + '\n'
}

function totalLine(results: readonly PlanFileResult[], paint: (style: Style, text: string) => string): string {
  const planned = results.filter((r) => r.plan)
  const changed = planned.filter((r) => r.plan!.hasChanges).length
  const parts = [`${changed} with changes`, `${planned.length - changed} unchanged`]
  const invalid = results.filter((r) => r.outcome === 'invalid').length
  const failed = results.filter((r) => r.outcome === 'failed').length
  const unsafe = planned.filter((r) => !r.plan!.safe).length
  if (invalid) parts.push(`${invalid} not planned`)
  if (failed) parts.push(`${failed} failed`)
  if (unsafe) parts.push(`${unsafe} unsafe`)
  const style: Style = failed || invalid || unsafe ? 'red' : changed ? 'yellow' : 'green'
  return paint(style, `Plan: ${plural(results.length, 'file')}: ${parts.join(', ')}`)
}
