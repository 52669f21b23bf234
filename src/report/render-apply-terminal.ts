// `partner-contacts apply` in a terminal: each file's outcome, the writes done and not done, and why. Pure.
import { styleText } from 'node:util'
import type { ApplyFileResult } from '../apply/apply-file.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import type { Redactor } from '../redact/redactor.js'
import { inline } from '../output/terminal.js'
import { formatRef } from './message-refs.js'

type Style = Parameters<typeof styleText>[0]
type Outcome = ApplyFileResult['outcome']
const OUTCOME_STYLES: Record<Outcome, Style> = { applied: 'green', unchanged: 'green', 'dry-run': 'yellow', refused: 'red', failed: 'red', pending: 'yellow' }
const SUMMARY_ORDER: readonly Outcome[] = ['dry-run', 'refused', 'failed', 'pending']

export interface ApplyTerminalOptions {
  color: boolean
  redactor: Redactor
  /** The run's language; English when not given. */
  messages?: Messages
}

export function renderApplyTerminal(results: readonly ApplyFileResult[], options: ApplyTerminalOptions): string {
  const t = options.messages ?? ENGLISH
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text)
  const say = (message: Parameters<typeof formatRef>[1]) => inline(formatRef(t, message, options.redactor))
  const out: string[] = []
  for (const r of results) {
    const partner = r.partnerId ? paint('dim', `  ${t.format('term.partner', { id: inline(r.partnerId) })}`) : ''
    const forced = r.forced ? paint('yellow', ` ${t.format('apply.forced')}`) : ''
    out.push(`${paint('bold', inline(r.file))}${partner}  ${paint(OUTCOME_STYLES[r.outcome], t.format(`apply.terminal.outcome.${r.outcome}`))}${forced}`)
    for (const reason of r.reasons) out.push(`  ${r.forced ? t.format('apply.terminal.overridden', { reason: say(reason) }) : say(reason)}`)
    for (const w of r.written) out.push(`  ${paint('green', '✔')} ${say(w)}`)
    // A manual portal's pending writes are a person's steps, printed in the portal's words after this.
    for (const w of r.outcome === 'pending' ? [] : r.pending) {
      out.push(`  ${paint('dim', r.outcome === 'dry-run' ? '·' : '✖')} ${say(w)}${r.outcome === 'dry-run' ? '' : paint('dim', ` ${t.format('apply.terminal.notWritten')}`)}`)
    }
  }
  const by = (o: Outcome) => results.filter((r) => r.outcome === o).length
  const parts = [t.format('apply.terminal.count.applied', { count: by('applied') }), t.format('apply.terminal.count.unchanged', { count: by('unchanged') })]
  for (const outcome of SUMMARY_ORDER) if (by(outcome)) parts.push(t.format(`apply.terminal.count.${outcome}`, { count: by(outcome) }))
  const style: Style = by('failed') || by('refused') ? 'red' : 'green'
  out.push('', paint(style, t.format('apply.terminal.total', { files: t.format('count.files', { count: results.length }), parts: t.list(parts, 'unit') })))
  return out.join('\n') + '\n'
}
