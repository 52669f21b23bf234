// `partner-contacts apply` in a terminal: each file's outcome, the writes done and not done, and why. Pure.
import { styleText } from 'node:util'
import type { ApplyFileResult } from '../apply/apply-file.js'
import type { Redactor } from '../redact/redactor.js'
import { inline } from '../output/terminal.js'
import { plural } from './plan-format.js'

type Style = Parameters<typeof styleText>[0]
const OUTCOMES: Record<ApplyFileResult['outcome'], [Style, string]> = {
  applied: ['green', 'applied'],
  unchanged: ['green', 'already up to date, nothing written'],
  'dry-run': ['yellow', 'dry run, nothing written'],
  refused: ['red', 'refused, nothing written'],
  failed: ['red', 'failed'],
}

export function renderApplyTerminal(results: readonly ApplyFileResult[], options: { color: boolean; redactor: Redactor }): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text)
  const text = (t: string) => inline(options.redactor.text(t))
  const out: string[] = []
  for (const r of results) {
    const [style, label] = OUTCOMES[r.outcome]
    out.push(`${paint('bold', inline(r.file))}${r.partnerId ? paint('dim', `  partner ${inline(r.partnerId)}`) : ''}  ${paint(style, label)}${r.forced ? paint('yellow', ' (forced)') : ''}`)
    for (const reason of r.reasons) out.push(`  ${r.forced ? 'overridden: ' : ''}${text(reason)}`)
    for (const w of r.written) out.push(`  ${paint('green', '✔')} ${text(w)}`)
    for (const w of r.pending) out.push(`  ${paint('dim', r.outcome === 'dry-run' ? '·' : '✖')} ${text(w)}${r.outcome === 'dry-run' ? '' : paint('dim', ' (not written)')}`)
  }
  const by = (o: ApplyFileResult['outcome']) => results.filter((r) => r.outcome === o).length
  const parts = [`${by('applied')} applied`, `${by('unchanged')} unchanged`]
  if (by('dry-run')) parts.push(`${by('dry-run')} dry run`)
  if (by('refused')) parts.push(`${by('refused')} refused`)
  if (by('failed')) parts.push(`${by('failed')} failed`)
  const style: Style = by('failed') || by('refused') ? 'red' : 'green'
  out.push('', paint(style, `Apply: ${plural(results.length, 'file')}: ${parts.join(', ')}`))
  return out.join('\n') + '\n'
}
