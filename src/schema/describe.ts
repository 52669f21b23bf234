// Human names for JSON pointers and values: `contacts.technicalEmergency[0].email`, never the value itself.
import { fieldLabel, ref, type MessageValue } from '../i18n/messages.js'
import { CONTACT_FIELDS } from '../model/contacts.js'
import { parsePointer } from '../parse/locate.js'

export function describePath(pointer: string): string {
  const segments = parsePointer(pointer)
  if (segments.length === 0) return 'the file'
  let out = ''
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`
  return out
}

const LABELLED_SECTIONS = new Set(['support', 'users'])

/**
 * A field as a message names it: the portal page's label (in the reader's language) and the YAML path, e.g.
 * `Technical Emergency Contacts (contacts.technicalEmergency[0].email)`.
 */
export function describeField(pointer: string): MessageValue {
  const segments = parsePointer(pointer)
  if (segments.length === 0) return ref('schema.theFile')
  const path = describePath(pointer)
  if (segments[0] === 'contacts' && (CONTACT_FIELDS as readonly string[]).includes(segments[1] ?? '')) return ref('field.path', { label: fieldLabel(segments[1]!), path })
  if (LABELLED_SECTIONS.has(segments[0]!)) return ref('field.path', { label: fieldLabel(segments[0]!), path })
  return path
}

/**
 * Whether a value typed by the user may appear in a message. Emails and phone numbers never may;
 * short words (a misspelt enum, a key) may, so that the message can say what was wrong.
 */
export function isSafeToEcho(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 40 &&
    /^[A-Za-z0-9_./ -]*$/.test(value) &&
    !/\d{5,}/.test(value.replace(/[ .()-]/g, ''))
  )
}

/** Closest candidate by edit distance, when it is close enough to be a likely typo. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  const lower = input.toLowerCase()
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [c, d]
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.max(input.length, best.length) / 3)) ? best : undefined
}

/** Optimal-string-alignment distance: a swapped pair of letters (`emial`) counts as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i])
  for (let j = 0; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}
