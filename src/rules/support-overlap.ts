// support-overlap: two support windows covering the same moment, once both are read in UTC.
import { findOverlaps, formatWeekMinute, resolveWindows } from '../support/support-week.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'support-overlap',
    description: 'No two Operational Support windows overlap in absolute time, across time zones.',
    defaultSeverity: 'warning',
    messages: {
      overlap: 'support[{{second}}] overlaps support[{{first}}] from {{from}} to {{to}} UTC{{when}}; merge them or adjust the hours',
    },
  },
  check({ file, env, report }) {
    const windows = resolveWindows(file.support ?? [])
    for (const o of findOverlaps(windows, env.now.getUTCFullYear())) {
      report({
        messageId: 'overlap',
        data: {
          first: o.first,
          second: o.second,
          from: formatWeekMinute(o.start),
          to: formatWeekMinute(o.end),
          when: o.season === 'july' ? ' in July, when daylight saving time differs between the zones' : '',
        },
        path: `/support/${o.second}`,
      })
    }
  },
})
