// One sticky comment, one stylish run and one drift issue per language, from a real broken file validated in that language.
import { describe, expect, it } from 'vitest'
import { EMPTY_CONFIG } from '../../src/config/config.js'
import { loadMessages } from '../../src/i18n/catalogue.js'
import { LOCALES } from '../../src/i18n/locale.js'
import { createRedactor } from '../../src/redact/redactor.js'
import { buildReport } from '../../src/report/report.js'
import { renderDriftIssue } from '../../src/report/render-drift-markdown.js'
import { parsePlanMarkers, renderPlanComment } from '../../src/report/render-plan-markdown.js'
import { renderStylish } from '../../src/report/render-stylish.js'
import { prepareRules } from '../../src/rules/run-rules.js'
import { renderSupportPicture } from '../../src/support/render-support-picture.js'
import { validateContactsFile } from '../../src/validate/validate-file.js'
import { withFile } from '../plan/fixtures.js'
import { plannedResult } from '../plan/results.js'
import { exampleText, FIXED_NOW } from '../helpers/validate-text.js'

/** A live file with a warning on a contact field (no pager) and a support window the portal does not have yet. */
const TEXT = exampleText()
  .replace('    - email: eats-oncall@example.pagerduty.com\n      name: Platform on-call\n      type: pager\n', '    - email: eats-oncall@example.com\n      name: Platform on-call\n      type: alias\n')
  .replace(/^reviewed: .*$/m, 'reviewed: "2026-11-01"')

async function scenario(locale: (typeof LOCALES)[number]) {
  const messages = await loadMessages(locale)
  const validated = await validateContactsFile('partners/eats/contacts.yaml', new TextEncoder().encode(TEXT), { rules: prepareRules(EMPTY_CONFIG, messages), now: FIXED_NOW })
  const model = validated.model!
  const portal = withFile((f) => ((f.partner = model.partner), (f.integration = model.integration), (f.support = [{ days: 'sat', hours: '10:00-12:00', zone: 'Europe/Rome' }])))
  const planned = plannedResult(validated.file, model, portal, validated.findings)
  return { messages, validated, planned }
}

describe.each(LOCALES)('%s', (locale) => {
  it('sticky plan comment', async () => {
    const { messages, planned } = await scenario(locale)
    const comment = renderPlanComment([planned], {
      redactor: createRedactor('always', { salt: 'i18n' }),
      messages,
      supportPicture: (windows) => renderSupportPicture(windows, { messages }),
      linkFor: (file, line) => `https://github.com/o/r/blob/abc/${file}#L${line}`,
    })
    // Markers are written and read in the same fixed place in every language.
    expect(parsePlanMarkers(comment).get('partners/eats/contacts.yaml')?.checksum).toBe(planned.plan!.checksum)
    expect(comment).not.toMatch(/eats-oncall@example\.com|\+39 02 1234 5678/)
    expect(planned.findings.map((f) => f.ruleId)).toEqual(['emergency-contact-pageable'])
    expect(comment).toMatchSnapshot()
  })

  it('stylish run', async () => {
    const { messages, validated } = await scenario(locale)
    const report = buildReport([{ file: validated.file, findings: validated.findings }])
    expect(validated.findings.length).toBeGreaterThan(0)
    expect(renderStylish(report, { color: false, messages })).toMatchSnapshot()
  })

  it('drift issue', async () => {
    const { messages, planned } = await scenario(locale)
    expect(renderDriftIssue('10000001', [planned], { redactor: createRedactor('always', { salt: 'i18n' }), messages })).toMatchSnapshot()
  })
})
