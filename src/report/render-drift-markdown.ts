// The body of a partner's drift issue: what differs between the portal and the file(s), and the two ways to fix it. Pure.
import type { PlanFileResult } from '../plan/plan-files.js'
import { mdCode, mdText } from '../output/markdown.js'
import type { Redactor } from '../redact/redactor.js'
import { dropMarkers } from './render-apply-markdown.js'
import { renderPlanSummary } from './render-plan-markdown.js'

/**
 * Stable for the same drift (no timestamps or run links), so a daily run that finds the same drift leaves the issue
 * untouched instead of notifying everyone again.
 */
export function renderDriftIssue(partnerId: string, drifted: readonly PlanFileResult[], options: { redactor: Redactor }): string {
  const files = drifted.map((r) => mdCode(r.file)).join(', ')
  const plan = dropMarkers(renderPlanSummary(drifted, { redactor: options.redactor, heading: 'What apply would change' }))
  return [
    `The Partner Portal's contact information for partner **${mdText(partnerId)}** differs from ${files}.`,
    '',
    'Someone changed the portal by hand, or an apply did not finish. Either:',
    '',
    '- **the file is right**: run the apply workflow again (or `partner-contacts apply`) to put the portal back; or',
    `- **the portal is right**: update the file with \`partner-contacts import --partner ${partnerId} --out <file>\`, and merge that pull request.`,
    '',
    'This issue is updated by the scheduled drift check and closed when the portal matches the file again.',
    '',
    plan.trim(),
    '',
  ].join('\n')
}
