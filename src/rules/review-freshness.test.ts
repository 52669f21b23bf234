// review-freshness: against the injected "today" (2026-11-24 in these cases).
import { testRule } from '../../test/helpers/rule-tester.js'

testRule('review-freshness', {
  valid: [
    { name: 'reviewed three weeks ago' },
    { name: 'never reviewed', file: { reviewed: undefined } },
    { name: 'exactly 180 days', file: { reviewed: '2026-05-28' } },
    { name: 'tomorrow (east of UTC it may already be)', file: { reviewed: '2026-11-25' } },
    { name: 'a longer maxAgeDays', file: { reviewed: '2025-11-24' }, options: { maxAgeDays: 400 } },
  ],
  invalid: [
    {
      name: '181 days',
      yaml: `version: 1
partner:
  id: "10000001"
integration: ordering-e2e
reviewed: 2026-05-27
`,
      errors: [{ messageId: 'stale', line: 5, severity: 'warning', message: 'reviewed is 181 days ago, more than the 180 allowed by maxAgeDays; confirm the contacts and update the date' }],
    },
    { name: 'in the future: an error', file: { reviewed: '2026-12-25' }, errors: [{ messageId: 'future', severity: 'error' }] },
    { name: 'a shorter maxAgeDays', file: { reviewed: '2026-10-01' }, options: { maxAgeDays: 30 }, errors: [{ messageId: 'stale', message: /54 days ago/ }] },
  ],
})
