// support-overlap: two support windows covering the same moment, once both are read in UTC.
import { findOverlaps, resolveWindows, weekMinuteMessage } from '../support/support-week.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'support-overlap',
    description: 'No two Operational Support windows overlap in absolute time, across time zones.',
    defaultSeverity: 'warning',
    messages: ['overlap'],
  },
  check({ file, env, report }) {
    const windows = resolveWindows(file.support ?? [])
    for (const o of findOverlaps(windows, env.now.getUTCFullYear())) {
      report({
        messageId: 'overlap',
        data: {
          first: o.first,
          second: o.second,
          from: weekMinuteMessage(o.start),
          to: weekMinuteMessage(o.end),
          july: o.season === 'july' ? 'yes' : 'no',
        },
        path: `/support/${o.second}`,
      })
    }
  },
})
