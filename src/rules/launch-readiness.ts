// launch-readiness: one summary of the incomplete portal fields, so a launch PR is blocked with one clear message.
import { FIELD_LABELS, stageOf } from '../model/contacts.js'
import { incompleteFields, type IncompleteField } from './incomplete-fields.js'
import { defineRule } from './rule.js'

const REASONS: Record<IncompleteField['reason'], string> = {
  empty: 'no entry',
  'not-users': 'not all are portal users',
}

export default defineRule({
  meta: {
    id: 'launch-readiness',
    description: 'When launching or live, every portal field the launch needs is complete; one summary finding.',
    defaultSeverity: (file) => (stageOf(file) === 'onboarding' ? 'off' : 'error'),
    messages: {
      incomplete: 'Contact Information is not complete for stage {{stage}}: {{count}} portal field{{s}} to fix: {{fields}}',
    },
  },
  check({ file, env, report }) {
    const incomplete = incompleteFields(file, env)
    if (incomplete.length === 0) return
    report({
      messageId: 'incomplete',
      data: {
        stage: stageOf(file),
        count: incomplete.length,
        s: incomplete.length === 1 ? '' : 's',
        fields: incomplete.map((f) => `${FIELD_LABELS[f.field]} (${REASONS[f.reason]})`).join('; '),
      },
      path: '/stage',
      target: file.stage === undefined ? 'missing' : 'value',
    })
  },
})
