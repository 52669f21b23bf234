// support-zone-canonical: write time zones by their canonical IANA names, as the portal and the plan compare them.
import { checkZone } from '../model/zones.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'support-zone-canonical',
    description: 'Support time zones use canonical IANA names, not legacy links or other spellings.',
    defaultSeverity: 'warning',
    messages: ['legacyZone'],
  },
  check({ file, report }) {
    ;(file.support ?? []).forEach((w, index) => {
      const zone = checkZone(w.zone)
      // Only names that resolved to a real zone are echoed; anything else is support-hours' finding.
      if (zone.ok && !zone.isCanonical) {
        report({ messageId: 'legacyZone', data: { index, zone: w.zone, canonical: zone.canonical }, path: `/support/${index}/zone` })
      }
    })
  },
})
