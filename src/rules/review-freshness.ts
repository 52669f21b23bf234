// review-freshness: contacts go stale; `reviewed` says when a person last confirmed them.
import { defineRule } from './rule.js'

const DAY_MS = 86_400_000

export default defineRule({
  meta: {
    id: 'review-freshness',
    description: 'The reviewed date is no older than maxAgeDays, and not in the future.',
    defaultSeverity: 'warning',
    messages: ['stale', 'future'],
    options: {
      maxAgeDays: { type: 'number', default: 180, min: 1, description: 'How many days a review stays fresh.' },
    },
  },
  check({ file, env, options, report }) {
    if (file.reviewed === undefined) return
    const reviewed = Date.parse(`${file.reviewed}T00:00:00Z`)
    if (Number.isNaN(reviewed)) return // the schema checks the date format
    const today = Date.UTC(env.now.getUTCFullYear(), env.now.getUTCMonth(), env.now.getUTCDate())
    const age = Math.round((today - reviewed) / DAY_MS)
    // One day of grace: east of UTC it is already tomorrow for part of the day.
    if (age < -1) report({ messageId: 'future', path: '/reviewed', severity: 'error' })
    else if (age > options.maxAgeDays) report({ messageId: 'stale', data: { age, max: options.maxAgeDays }, path: '/reviewed' })
  },
})
