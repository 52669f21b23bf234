// launch-readiness: one summary of the incomplete portal fields, so a launch PR is blocked with one clear message.
import { fieldLabel, ref } from '../i18n/messages.js'
import { stageOf } from '../model/contacts.js'
import { incompleteFields } from './incomplete-fields.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'launch-readiness',
    description: 'When launching or live, every portal field the launch needs is complete; one summary finding.',
    defaultSeverity: (file) => (stageOf(file) === 'onboarding' ? 'off' : 'error'),
    messages: ['incomplete'],
  },
  check({ file, env, report }) {
    const incomplete = incompleteFields(file, env)
    if (incomplete.length === 0) return
    report({
      messageId: 'incomplete',
      data: {
        stage: stageOf(file),
        count: incomplete.length,
        page: fieldLabel('page'),
        fields: incomplete.map((f) => ref('rule.launch-readiness.field', { label: fieldLabel(f.field), reason: f.reason })),
      },
      path: '/stage',
      target: file.stage === undefined ? 'missing' : 'value',
    })
  },
})
