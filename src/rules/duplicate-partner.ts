// duplicate-partner: a partner belongs to one file; a second file with its ID (or a file outside its pin) could write its portal.
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'duplicate-partner',
    description:
      'Each partner ID and environment is declared by one file of the run, and a partner pinned in `.partner-contacts.yaml` (`partners:`) only by its pinned paths.',
    defaultSeverity: 'error',
    messages: ['duplicate', 'pinned'],
  },
  checkRun({ declarations, pins, report }) {
    const byPartner = new Map<string, string[]>()
    for (const d of declarations) {
      const key = `${d.partnerId} ${d.environment}`
      byPartner.set(key, [...(byPartner.get(key) ?? []), d.file])
    }
    for (const d of declarations) {
      const others = byPartner.get(`${d.partnerId} ${d.environment}`)!.filter((f) => f !== d.file)
      if (others.length > 0) report({ file: d.file, messageId: 'duplicate', data: { id: d.partnerId, environment: d.environment, others: others.join(', ') } })
      const pinned = pins[d.partnerId]
      if (pinned && !pinned.includes(d.file)) report({ file: d.file, messageId: 'pinned', data: { id: d.partnerId, paths: pinned.join(', ') } })
    }
  },
})
