// support-coverage: enough weekly support hours, for partners whose policy sets a minimum.
import { resolveWindows, weeklyCoverageMinutes } from '../support/support-week.js'
import { fieldLabel } from '../i18n/messages.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'support-coverage',
    description: 'Operational Support covers at least minWeeklyHours hours a week (off unless turned on).',
    defaultSeverity: 'off',
    messages: ['tooFew'],
    options: {
      minWeeklyHours: { type: 'number', default: 40, min: 0, description: 'The least number of support hours a week (overlaps count once).' },
    },
  },
  check({ file, env, options, report }) {
    const windows = resolveWindows(file.support ?? [])
    if (windows.length === 0) return // no support is required-contacts' finding, bad windows support-hours'
    const hours = weeklyCoverageMinutes(windows, env.now.getUTCFullYear()) / 60
    if (hours < options.minWeeklyHours) {
      report({ messageId: 'tooFew', data: { hours: Math.round(hours * 10) / 10, min: options.minWeeklyHours, label: fieldLabel('support') }, path: '/support' })
    }
  },
})
