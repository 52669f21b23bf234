// Masks contact emails and phones (`a***@example.com`, `+39 ••• ••• 78`) in everything a run shows, keeping contacts tell-apart-able.
import { createHash, randomUUID } from 'node:crypto'
import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

/** SPEC §6 `redact`: `auto` redacts in public repositories. */
export type RedactMode = 'auto' | 'always' | 'never'

export interface RedactorOptions {
  /** For `auto`: whether the repository is public. Unknown counts as public (fail safe). */
  isPublic?: boolean
  /**
   * Salt of the short hash that tells colliding redactions apart. Default: a random value per
   * redactor (per run), so the hashes cannot be linked across runs or looked up from the public
   * partner ID; pass a stable value when the comment must not change between runs.
   */
  salt?: string
}

export interface Redactor {
  readonly enabled: boolean
  /**
   * Every email and phone a render will show, given up front: when two different values would
   * redact alike, both get a short salted hash so a reviewer can still tell them apart.
   */
  register(values: Iterable<string>): void
  email(email: string): string
  phone(phone: string): string
  /** Scrubs any email or international phone (and any registered value) left in free text. */
  text(text: string): string
}

export function shouldRedact(mode: RedactMode, isPublic?: boolean): boolean {
  return mode === 'always' || (mode === 'auto' && isPublic !== false)
}

export function createRedactor(mode: RedactMode | boolean, options: RedactorOptions = {}): Redactor {
  const enabled = typeof mode === 'boolean' ? mode : shouldRedact(mode, options.isPublic)
  if (!enabled) return PASS_THROUGH
  return new MaskingRedactor(options.salt ?? randomUUID())
}

const PASS_THROUGH: Redactor = Object.freeze({
  enabled: false,
  register() {},
  email: (email: string) => email,
  phone: (phone: string) => phone,
  text: (text: string) => text,
})

/** `a***@example.com`: the first letter of the local part and the domain, lower-cased. */
export function maskEmail(email: string): string {
  const value = email.trim().toLowerCase()
  const at = value.lastIndexOf('@')
  if (at < 0) return '***'
  const local = value.slice(0, at)
  return `${local ? [...local][0] : ''}***@${value.slice(at + 1)}`
}

/** `+39 ••• ••• 78`: the country calling code and the last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  const last = digits.slice(-2)
  const country = parsePhoneNumberFromString(phone.trim().startsWith('+') ? phone : `+${digits}`)?.countryCallingCode
  return country ? `+${country} ••• ••• ${last}` : `+••• ••• ${last}`
}

// An email as it may appear in free text, and an international phone (a `+`, then 7+ digits with separators).
const EMAIL_IN_TEXT = String.raw`[^\s@<>()\[\]"'\`,;:|]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`
const PHONE_IN_TEXT = String.raw`\+\d(?:[\d\s().-]{5,}\d)`

class MaskingRedactor implements Redactor {
  readonly enabled = true
  // masked form → the distinct normalised values that mask to it
  private readonly groups = new Map<string, Set<string>>()
  private readonly known = new Set<string>()

  constructor(private readonly salt: string) {}

  register(values: Iterable<string>): void {
    for (const raw of values) {
      const value = raw.trim()
      if (value === '') continue
      this.known.add(value)
      const [masked, normal] = this.classify(value)
      let group = this.groups.get(masked)
      if (!group) this.groups.set(masked, (group = new Set()))
      group.add(normal)
    }
  }

  email(email: string): string {
    return this.disambiguate(maskEmail(email), email.trim().toLowerCase())
  }

  phone(phone: string): string {
    return this.disambiguate(maskPhone(phone), phoneDigits(phone))
  }

  text(text: string): string {
    // One pass over one alternation, so a masked value is never masked again.
    const known = [...this.known].sort((a, b) => b.length - a.length).map(escapeRegExp)
    const pattern = new RegExp([...known, EMAIL_IN_TEXT, PHONE_IN_TEXT].join('|'), 'gi')
    return text.replace(pattern, (match) => {
      if (match.includes('@')) return this.email(match)
      return phoneDigits(match).length >= 7 ? this.phone(match) : match
    })
  }

  private classify(value: string): [masked: string, normal: string] {
    return value.includes('@') ? [maskEmail(value), value.toLowerCase()] : [maskPhone(value), phoneDigits(value)]
  }

  private disambiguate(masked: string, normal: string): string {
    const group = this.groups.get(masked)
    if (!group || group.size < 2 || !group.has(normal)) return masked
    const hash = createHash('sha256').update(`${this.salt}\u0000${normal}`).digest('hex').slice(0, 4)
    return `${masked} (${hash})`
  }
}

function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Scrubs known emails and phones (as written or normalised) and anything shaped like one from
 * free text: error messages, finding messages, log lines. Redaction is always on here.
 */
export function redactText(text: string, knownValues: Iterable<string> = [], salt?: string): string {
  const redactor = createRedactor(true, salt === undefined ? {} : { salt })
  redactor.register(knownValues)
  return redactor.text(text)
}
