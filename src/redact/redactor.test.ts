// Redaction: the masked forms, collisions told apart by a salted hash, free-text scrubbing, and the modes.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRedactor, maskEmail, maskPhone, redactText, shouldRedact } from './redactor.js'

describe('masked forms', () => {
  it('keeps the first letter of the local part and the domain of an email', () => {
    expect(maskEmail('Ana.Rossi@Example.com')).toBe('a***@example.com')
    expect(maskEmail('x@ex.it')).toBe('x***@ex.it')
    expect(maskEmail('not-an-email')).toBe('***')
  })

  it('keeps the country code and the last two digits of a phone', () => {
    expect(maskPhone('+39 02 1234 5678')).toBe('+39 ••• ••• 78')
    expect(maskPhone('+390212345678')).toBe('+39 ••• ••• 78')
    expect(maskPhone('+1 (415) 555-0100')).toBe('+1 ••• ••• 00')
    expect(maskPhone('+886 2 2722 1234')).toBe('+886 ••• ••• 34')
  })
})

describe('createRedactor', () => {
  it('follows the mode: always, never, auto by repository visibility (unknown counts as public)', () => {
    expect(shouldRedact('always', false)).toBe(true)
    expect(shouldRedact('never', true)).toBe(false)
    expect(shouldRedact('auto', true)).toBe(true)
    expect(shouldRedact('auto', false)).toBe(false)
    expect(shouldRedact('auto')).toBe(true)
    const off = createRedactor('never')
    expect(off.enabled).toBe(false)
    expect(off.email('ana@example.com')).toBe('ana@example.com')
    expect(off.text('call +39 02 1234 5678')).toBe('call +39 02 1234 5678')
  })

  it('adds a short salted hash only when two different values would mask alike', () => {
    const r = createRedactor('always', { salt: 'run-1' })
    r.register(['ana@example.com', 'Anna@example.com', 'luca@example.com', '+39 02 1234 5678', '+39 06 9999 0078'])
    const ana = r.email('ana@example.com')
    const anna = r.email('anna@example.com')
    expect(ana).toMatch(/^a\*\*\*@example\.com \([0-9a-f]{4}\)$/)
    expect(anna).toMatch(/^a\*\*\*@example\.com \([0-9a-f]{4}\)$/)
    expect(ana).not.toBe(anna)
    expect(r.email('ANA@example.com')).toBe(ana)
    expect(r.email('luca@example.com')).toBe('l***@example.com')
    expect(r.phone('+390212345678')).not.toBe(r.phone('+39 06 9999 0078'))
    // Another salt, other hashes: nothing links two runs.
    const other = createRedactor('always', { salt: 'run-2' })
    other.register(['ana@example.com', 'anna@example.com'])
    expect(other.email('ana@example.com')).not.toBe(ana)
  })

  it('scrubs emails, international phones and registered values from free text, once', () => {
    const r = createRedactor('always', { salt: 's' })
    r.register(['02 1234 5678'])
    expect(r.text('write to Ops.Team@Example.com or call +39 02 1234 5678 (office: 02 1234 5678), ticket 12345')).toBe(
      'write to o***@example.com or call +39 ••• ••• 78 (office: +••• ••• 78), ticket 12345',
    )
    expect(r.text(r.text('ana@example.com'))).toBe('a***@example.com')
  })

  it('redactText needs no redactor', () => {
    expect(redactText('PATCH failed for ana@example.com', [])).toBe('PATCH failed for a***@example.com')
  })

  it('leaves no raw email or phone in any text (property)', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9._-]{1,10}$/)
    const domain = fc.stringMatching(/^[a-z]{2,8}\.(com|it|io)$/)
    const email = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`)
    const phone = fc.tuple(fc.constantFrom('+39', '+1', '+44', '+886'), fc.stringMatching(/^[0-9]{8,10}$/)).map(([c, n]) => `${c} ${n.slice(0, 3)} ${n.slice(3)}`)
    fc.assert(
      fc.property(fc.array(fc.oneof(email, phone, fc.string({ maxLength: 8 })), { maxLength: 6 }), (parts) => {
        const text = parts.join(' ')
        const out = createRedactor('always', { salt: 'p' }).text(text)
        for (const part of parts) {
          if (/^[a-z][^@]*@[a-z]+\.[a-z]+$/.test(part)) expect(out).not.toContain(part)
          if (/^\+\d+ \d+ \d+$/.test(part)) expect(out).not.toContain(part)
        }
      }),
      { seed: 4242, numRuns: 100 },
    )
  })
})
