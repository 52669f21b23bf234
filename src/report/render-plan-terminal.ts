// `partner-contacts plan` in a terminal: per file, the changes as +/-/~ lines, unsafe reasons, then the findings and a total.
import { styleText } from 'node:util'
import { PLAIN_STYLE, describeConfirmation } from './render-portal-task.js'
import type { PlanField } from '../plan/change.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { planFieldMessage } from './labels.js'
import type { PlanFileResult } from '../plan/plan-files.js'
import type { Redactor } from '../redact/redactor.js'
import { changeDetail, changeSubject, countChanges, describeCounts, registerPlanValues } from './plan-format.js'
import { formatRef } from './message-refs.js'
import { inline } from '../output/terminal.js'
import { buildReport } from './report.js'
import { renderStylish } from './render-stylish.js'

export interface PlanTerminalOptions {
  color: boolean
  redactor: Redactor
  /** The reader's language (default English). */
  messages?: Messages
}

type Style = Parameters<typeof styleText>[0]
const SIGNS = { add: '+', remove: '-', update: '~' } as const
const SIGN_STYLES = { add: 'green', remove: 'red', update: 'yellow' } as const

export function renderPlanTerminal(results: readonly PlanFileResult[], options: PlanTerminalOptions): string {
  const { redactor } = options
  const t = options.messages ?? ENGLISH
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text)
  registerPlanValues(results, redactor)
  const out: string[] = []
  for (const result of results) {
    out.push(`${paint('bold', inline(result.file))}${result.partnerId ? paint('dim', `  ${t.format('term.partner', { id: inline(result.partnerId) })}`) : ''}`)
    const plan = result.plan
    if (plan && result.confirmation !== undefined) out.push(`  ${paint('dim', describeConfirmation(result.confirmation, PLAIN_STYLE, t))}`)
    if (result.outcome === 'failed') out.push(`  ${paint('red', t.format('term.portal'))} ${inline(redactor.text(result.error ?? ''))}`)
    else if (!plan) out.push(`  ${paint('red', t.format('term.notPlanned'))} ${t.format('term.notPlannedWhy')}`)
    else if (!plan.hasChanges) out.push(`  ${paint('green', t.format('counts.none'))}  ${paint('dim', plan.checksum)}`)
    else {
      out.push(`  ${t.format('plan.line.changes', { count: plan.changes.length, counts: describeCounts(countChanges(plan), t) })}  ${paint('dim', plan.checksum)}`)
      let field: PlanField | undefined
      for (const change of plan.changes) {
        if (change.field !== field) {
          field = change.field
          out.push(`    ${t.format(planFieldMessage(field))}`)
        }
        const detail = inline(changeDetail(change, redactor, t))
        out.push(`      ${paint(SIGN_STYLES[change.kind], `${SIGNS[change.kind]} ${inline(changeSubject(change, redactor, t))}`)}${detail ? `  ${paint('dim', detail)}` : ''}`)
      }
    }
    if (plan && !plan.safe) {
      out.push(`  ${paint('red', `✖ ${t.format('term.unsafe')}`)} ${t.format('term.unsafeWhy')}`)
      for (const reason of plan.unsafeReasons) out.push(`    - ${inline(formatRef(t, reason, redactor))}`)
    }
    out.push('')
  }
  const report = buildReport(results.map((r) => ({ file: r.file, findings: r.findings.map((f) => ({ ...f, message: redactor.text(f.message) })) })))
  // The stylish block lists the findings and ends with their total (one line when there are none).
  out.push(renderStylish(report, { color: options.color, messages: t }).trimEnd())
  out.push(totalLine(results, paint, t))
  return out.join('\n') + '\n'
}

function totalLine(results: readonly PlanFileResult[], paint: (style: Style, text: string) => string, t: Messages): string {
  const planned = results.filter((r) => r.plan)
  const changed = planned.filter((r) => r.plan!.hasChanges).length
  const parts = [t.format('term.total.changed', { count: changed }), t.format('term.total.unchanged', { count: planned.length - changed })]
  const invalid = results.filter((r) => r.outcome === 'invalid').length
  const failed = results.filter((r) => r.outcome === 'failed').length
  const unsafe = planned.filter((r) => !r.plan!.safe).length
  if (invalid) parts.push(t.format('term.total.notPlanned', { count: invalid }))
  if (failed) parts.push(t.format('term.total.failed', { count: failed }))
  if (unsafe) parts.push(t.format('term.total.unsafe', { count: unsafe }))
  const style: Style = failed || invalid || unsafe ? 'red' : changed ? 'yellow' : 'green'
  return paint(style, t.format('term.total', { files: t.format('count.files', { count: results.length }), parts: t.list(parts, 'unit') }))
}
