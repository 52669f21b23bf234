// The body of a partner's drift issue: what differs between the portal and the file(s), and the two ways to fix it. Pure.
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import type { PlanFileResult } from '../plan/plan-files.js'
import { mdCode, mdText } from '../output/markdown.js'
import type { Redactor } from '../redact/redactor.js'
import { dropMarkers } from './render-apply-markdown.js'
import { renderPlanSummary } from './render-plan-markdown.js'

/**
 * Stable for the same drift (no timestamps or run links), so a daily run that finds the same drift leaves the issue
 * untouched instead of notifying everyone again.
 */
export function renderDriftIssue(partnerId: string, drifted: readonly PlanFileResult[], options: { redactor: Redactor; messages?: Messages }): string {
  const t = options.messages ?? ENGLISH
  const files = t.list(drifted.map((r) => mdCode(r.file)))
  const plan = dropMarkers(renderPlanSummary(drifted, { redactor: options.redactor, messages: t, heading: t.format('drift.planHeading') }))
  // The partner ID goes into inline code only when it is digits (the schema's pattern); anything else is text.
  const id = /^\d{1,20}$/.test(partnerId) ? partnerId : '<id>'
  return [
    t.format('drift.intro', { partner: mdText(partnerId), files }),
    '',
    t.format('drift.why'),
    '',
    `- ${t.format('drift.fileRight')}`,
    `- ${t.format('drift.portalRight', { command: `\`partner-contacts import --partner ${id} -o <file>\`` })}`,
    '',
    t.format('drift.footer'),
    '',
    plan.trim(),
    '',
  ].join('\n')
}
