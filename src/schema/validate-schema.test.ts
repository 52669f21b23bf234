// Schema findings land on the exact line, in plain words, with no contact data in them.
import { describe, expect, it } from 'vitest'
import { exampleText, validateText } from '../../test/helpers/validate-text.js'

async function schemaFindings(text: string) {
  const result = await validateText(text)
  return result.findings.filter((f) => f.ruleId === 'schema').map((f) => ({ line: f.line, column: f.column, path: f.path, message: f.message }))
}

const base = exampleText()
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1

describe('validateSchema', () => {
  it('accepts the examples', async () => {
    expect(await schemaFindings(base)).toEqual([])
    expect(await schemaFindings(exampleText('appointments-e2e'))).toEqual([])
  })

  it('points a missing key at its parent mapping', async () => {
    const text = base.replace('- email: eats-oncall@example.pagerduty.com\n      name: Platform on-call', '- name: nobody')
    const [finding] = await schemaFindings(text)
    expect(finding).toEqual({
      line: lineOf(text, '- name: nobody'),
      column: 7,
      path: '/contacts/technicalEmergency/0/email',
      message: 'Technical Emergency Contacts (contacts.technicalEmergency[0]) is missing the required key "email"',
    })
  })

  it('points a missing top-level key at the first key', async () => {
    const text = base.replace('integration: ordering-e2e\n', '')
    expect(await schemaFindings(text)).toEqual([{ line: 3, column: 1, path: '/integration', message: 'the file is missing the required key "integration"' }])
  })

  it('points an unknown key at the key and suggests the close one', async () => {
    const text = base.replace('      phone: "+39', '      phnoe: "+39')
    const findings = await schemaFindings(text)
    expect(findings).toEqual([
      {
        line: lineOf(text, 'phnoe'),
        column: 7,
        path: '/contacts/operationalForGoogle/0/phnoe',
        message: 'unknown key "phnoe" in Operational contact (for Google) (contacts.operationalForGoogle[0]); did you mean "phone"?',
      },
    ])
  })

  it('suggests a key for a transposed typo at the top level', async () => {
    const text = base.replace('stage: live', 'satge: live')
    expect((await schemaFindings(text))[0]!.message).toBe('unknown key "satge" at the top level; did you mean "stage"?')
  })

  it('does not echo an unknown key that is an email', async () => {
    const text = base.replace('contacts:\n', 'ana.rossi@example.com: 1\ncontacts:\n')
    const [finding] = await schemaFindings(text)
    expect(finding!.message).toMatch(/^unknown key at the top level/)
    expect(finding!.message).not.toContain('ana')
  })

  it('reports a bad enum value with a suggestion', async () => {
    const text = base.replace('    role: editor', '    role: editr')
    expect(await schemaFindings(text)).toEqual([
      { line: lineOf(text, 'role: editr'), column: 11, path: '/users/1/role', message: 'Users (users[1].role) is not a known value; did you mean "editor"?' },
    ])
  })

  it('reports a wrong type', async () => {
    const text = base.replace('  technicalNonEmergency:\n    - email: integrations@example.com\n      type: alias\n', '  technicalNonEmergency: integrations\n')
    expect(await schemaFindings(text)).toEqual([
      { line: lineOf(text, 'technicalNonEmergency:'), column: 26, path: '/contacts/technicalNonEmergency', message: 'Technical Non-Emergency Contacts (contacts.technicalNonEmergency) must be a list, not a string' },
    ])
  })

  it('reports a bad email without quoting it', async () => {
    const text = base.replace('integrations@example.com', 'integrations@@example')
    const findings = await schemaFindings(text)
    expect(findings).toEqual([
      { line: lineOf(text, 'integrations@@example'), column: 14, path: '/contacts/technicalNonEmergency/0/email', message: 'Technical Non-Emergency Contacts (contacts.technicalNonEmergency[0].email) is not a valid email address' },
    ])
  })

  it('asks to quote an unquoted phone number', async () => {
    const text = base.replace('phone: "+39 02 1234 5678"', 'phone: +390212345678')
    expect(await schemaFindings(text)).toEqual([
      {
        line: lineOf(text, 'phone: +39'),
        column: 14,
        path: '/contacts/operationalForGoogle/0/phone',
        message: 'Operational contact (for Google) (contacts.operationalForGoogle[0].phone) must be a string: put the value in quotes (YAML reads it unquoted as a number)',
      },
    ])
  })

  it('asks to quote an unquoted partner ID', async () => {
    const text = base.replace('id: "10000001"', 'id: 10000001')
    expect(await schemaFindings(text)).toEqual([
      { line: 5, column: 7, path: '/partner/id', message: 'partner.id must be a string: put the value in quotes (YAML reads it unquoted as a number)' },
    ])
  })

  it('never turns 0044… into a number silently', async () => {
    const text = base.replace('phone: "+39 02 1234 5678"', 'phone: 00390212345678')
    const [finding] = await schemaFindings(text)
    expect(finding!.path).toBe('/contacts/operationalForGoogle/0/phone')
  })

  it('reports a phone that is not in international form', async () => {
    const text = base.replace('phone: "+39 02 1234 5678"', 'phone: "02 1234 5678"')
    expect((await schemaFindings(text))[0]!.message).toBe(
      'Operational contact (for Google) (contacts.operationalForGoogle[0].phone) must be in international form: + and the country code, e.g. "+39 02 1234 5678"',
    )
  })

  it('reports a bad date and a contact that is neither an email nor a mapping', async () => {
    const text = base.replace('reviewed: "2026-11-01"', 'reviewed: "2026-13-01"').replace('    - ana.rossi@example.com\n    - luca', '    - 42\n    - luca')
    const findings = await schemaFindings(text)
    expect(findings.map((f) => f.message)).toEqual([
      'reviewed must be a real date written YYYY-MM-DD',
      'Alert Contacts (contacts.alert[0]) must be an email address or a mapping with an "email" key',
    ])
  })

  it('explains an empty file, and a file that is not a mapping', async () => {
    for (const text of ['', '# only a comment\n']) {
      expect(await schemaFindings(text)).toEqual([
        { line: 1, column: 1, path: '', message: 'the file is empty; it must describe a partner: version, partner, integration, contacts and support' },
      ])
    }
    expect((await schemaFindings('- a\n- b\n'))[0]!.message).toBe('the file must be a YAML mapping (key: value lines) at the top level')
  })

  it('reports __proto__ and constructor keys as unknown keys', async () => {
    const text = base.replace('contacts:\n', '__proto__:\n  polluted: true\ncontacts:\n  constructor: {}\n')
    const messages = (await schemaFindings(text)).map((f) => f.message)
    // Neither is a likely typo of an allowed key, so neither is named (SPEC §9: no echo of what the user wrote).
    expect(messages).toContain('unknown key at the top level; allowed keys: version, partner, integration, environment, stage, reviewed, users, contacts, support')
    expect(messages.some((m) => m.startsWith('unknown key in contacts'))).toBe(true)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
