// The rule tester catches its own misuse: duplicate cases, unknown messages, parse and schema failures, leaked contact data.
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { assertNoPersonalData, BASE_FILE, caseProblems, caseYaml, runRuleCase } from './helpers/rule-tester.js'

describe('rule tester', () => {
  it('lays file patches over the base file', () => {
    const data = parse(caseYaml({ file: { stage: undefined, contacts: { alert: undefined, merchantIssues: ['m@example.com'] } } }))
    expect(data.stage).toBeUndefined()
    expect(data.contacts.alert).toBeUndefined()
    expect(data.contacts.merchantIssues).toEqual(['m@example.com'])
    expect(data.contacts.technicalEmergency).toEqual((BASE_FILE['contacts'] as Record<string, unknown>)['technicalEmergency'])
    expect(caseYaml({ yaml: 'version: 1\n' })).toBe('version: 1\n')
  })

  it('reports duplicate cases, unknown messageIds and messages without an invalid case', () => {
    expect(
      caseProblems('review-freshness', {
        valid: [{ name: 'a' }, { name: 'b', file: {} }],
        invalid: [{ file: { reviewed: '2020-01-01' }, errors: [{ messageId: 'stale' }, { messageId: 'tooOld' }] }],
      }),
    ).toEqual(['duplicate case: valid b repeats valid a', 'unknown messageId "tooOld"', 'message "future" has no invalid case'])
  })

  it('refuses cases that do not parse or fail the schema, so every case reaches the rule', async () => {
    await expect(runRuleCase('duplicate-contact', { yaml: 'a: [\n' })).rejects.toThrow(/case does not parse/)
    await expect(runRuleCase('duplicate-contact', { file: { integration: 'nope' } })).rejects.toThrow(/case fails the schema/)
  })

  it('records each finding with its messageId, line and configured severity', async () => {
    const run = await runRuleCase('review-freshness', { file: { reviewed: '2020-01-01' }, severity: 'info' })
    expect(run.findings).toEqual([expect.objectContaining({ messageId: 'stale', severity: 'info', path: '/reviewed', line: 8 })])
  })

  it('fails a message that quotes an email, its local part or a phone', () => {
    const model = parse(caseYaml({ file: { contacts: { operationalForGoogle: [{ email: 'escalations@example.com', phone: '+39 02 1234 5678' }] } } }))
    const finding = (message: string) => ({ ruleId: 'contact-phone' as const, severity: 'error' as const, message, path: '', line: 1, column: 1, endLine: 1, endColumn: 1, messageId: 'x' })
    const check = (message: string) => () => assertNoPersonalData({ findings: [finding(message)], model, text: caseYaml({ file: { contacts: { operationalForGoogle: [{ email: 'escalations@example.com', phone: '+39 02 1234 5678' }] } } }) })
    expect(check('contacts.alert[0] is wrong')).not.toThrow()
    expect(check('ana.rossi@example.com is wrong')).toThrow(/quotes an email/)
    expect(check('ana.rossi is wrong')).toThrow(/local part/)
    expect(check('the number 390212345678 is wrong')).toThrow(/quotes a phone/)
  })
})
