// support-hours: each Operational Support window has real days, a real time range and an IANA zone.
import type { SupportWindow } from '../model/contacts.js'
import { parseDays } from '../model/days.js'
import { formatMinutes, parseHours } from '../model/hours.js'
import { checkZone, zoneNames } from '../model/zones.js'
import { isSafeToEcho, suggest } from '../schema/describe.js'
import { firstSkippedStart } from '../support/dst-gaps.js'
import { resolveWindows, type ResolvedWindow } from '../support/support-week.js'
import { ref } from '../i18n/messages.js'
import { defineRule } from './rule.js'

export default defineRule({
  meta: {
    id: 'support-hours',
    description: 'Operational Support windows have valid days, hours (start differs from end) and IANA time zones.',
    defaultSeverity: 'error',
    messages: ['badDays', 'badHours', 'equalHours', 'badZone', 'badZoneSuggest', 'skippedStart'],
  },
  check({ file, env, report }) {
    const windows: SupportWindow[] = file.support ?? []
    windows.forEach((w, index) => {
      const days = parseDays(w.days)
      if (!days.ok) report({ messageId: 'badDays', data: { index, reason: ref(`days.${days.reason}`) }, path: `/support/${index}/days` })
      const hours = parseHours(w.hours)
      if (!hours.ok) report({ messageId: hours.reason === 'equal' ? 'equalHours' : 'badHours', data: { index }, path: `/support/${index}/hours` })
      if (!checkZone(w.zone).ok) {
        const suggestion = isSafeToEcho(w.zone) ? suggest(w.zone, zoneNames()) : undefined
        if (suggestion) report({ messageId: 'badZoneSuggest', data: { index, zone: w.zone, suggestion }, path: `/support/${index}/zone` })
        else report({ messageId: 'badZone', data: { index }, path: `/support/${index}/zone` })
      }
    })
    for (const w of resolveWindows(windows)) {
      const date = skippedDate(w, env.now)
      if (date) {
        // A lost start hour is worth fixing but does not make the window unusable.
        report({ messageId: 'skippedStart', data: { index: w.index, start: formatMinutes(w.start), zone: w.zone, date }, path: `/support/${w.index}/hours`, severity: 'warning' })
      }
    }
  },
})

/**
 * The next such date from today (this year or the next), else the one earlier this year. A window
 * that starts at 00:00 is left alone: in a zone that skips midnight the day itself begins an hour
 * late, and no support time is lost.
 */
function skippedDate(window: ResolvedWindow, now: Date): string | undefined {
  if (window.start === 0) return undefined
  const today = now.toISOString().slice(0, 10)
  const year = now.getUTCFullYear()
  const thisYear = firstSkippedStart(window, year)
  if (thisYear && thisYear >= today) return thisYear
  return firstSkippedStart(window, year + 1) ?? thisYear
}
