// SARIF as GitHub code scanning reads it, checked against the official 2.1.0 schema.
import { describe, expect, it } from 'vitest'
import { sampleReport, finding } from '../../test/helpers/sample-report.js'
import { sarifSchemaErrors } from '../../test/helpers/sarif-schema.js'
import { RULES } from '../rules/index.js'
import { buildReport } from './report.js'
import { renderSarif } from './render-sarif.js'

describe('renderSarif', () => {
  const sarif = JSON.parse(renderSarif(sampleReport(), { version: '1.2.3' }))
  const run = sarif.runs[0]

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(sarif)).toBe('')
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs).toHaveLength(1)
    expect(run.tool.driver).toMatchObject({ name: 'partner-contacts', version: '1.2.3' })
  })

  it('the schema check can fail', () => {
    expect(sarifSchemaErrors({ ...sarif, version: '2.0.0' })).not.toBe('')
    expect(sarifSchemaErrors({ ...sarif, runs: [{ ...run, results: [{ message: {} }] }] })).not.toBe('')
  })

  it('describes every rule the way code scanning shows it: name ≠ id, full description, help with the doc link', () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id)
    expect(ids).toEqual([...Object.keys(RULES), 'schema', 'yaml-syntax', 'yaml-unsafe'].sort())
    for (const r of run.tool.driver.rules) {
      expect(r.name).not.toBe(r.id)
      expect(r.name).toMatch(/^[A-Z][A-Za-z]+$/)
      expect(r.shortDescription.text).toMatch(/\.$/)
      expect(r.fullDescription.text.length).toBeGreaterThan(r.shortDescription.text.length)
      const doc = new RegExp(`/docs/rules/${r.id}\\.md$`)
      expect(r.helpUri).toMatch(doc)
      expect(r.help.text).toContain(r.helpUri)
      expect(r.help.markdown).toContain(`[Rule documentation](${r.helpUri})`)
    }
    const freshness = run.tool.driver.rules.find((r: { id: string }) => r.id === 'review-freshness')
    expect(freshness).toMatchObject({ name: 'ReviewFreshness', defaultConfiguration: { level: 'warning' } })
    expect(freshness.help.markdown).toContain('`maxAgeDays` (default 180)')
  })

  it('puts results most severe first, each pointing at its rule by index', () => {
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'error', 'warning', 'note'])
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId)
    expect(run.results[0]).toMatchObject({
      ruleId: 'schema',
      message: { text: 'partner.id must be a string: put the value in quotes.' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'partners/eats/contacts.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 7, endLine: 5, endColumn: 15 } } }],
    })
    expect(run.results[0].partialFingerprints.primaryLocationLineHash).toBe('schema:/partner/id')
  })

  it('takes artifact URIs from the caller (repository-relative) and percent-encodes them', () => {
    const out = JSON.parse(renderSarif(sampleReport({ eats: 'eats/contacts.yaml', clinic: 'c.yaml' }), { version: '1', artifactUri: (f) => `partners/new one/${f}` }))
    expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('partners/new%20one/eats/contacts.yaml')
    expect(sarifSchemaErrors(out)).toBe('')
  })

  it('caps the results at GitHub’s limit with a notice, keeping the most severe', () => {
    const many = buildReport([
      { file: 'a.yaml', findings: Array.from({ length: 7 }, (_, i) => finding({ severity: i < 5 ? 'info' : 'error', line: i + 1, endLine: i + 1 })) },
    ])
    const out = JSON.parse(renderSarif(many, { version: '1', maxResults: 3 }))
    expect(out.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error', 'error', 'note'])
    const [notice] = out.runs[0].invocations[0].toolExecutionNotifications
    expect(notice).toMatchObject({ level: 'warning' })
    expect(notice.message.text).toMatch(/^4 of 7 results were left out: GitHub code scanning accepts at most 3 results per run/)
    expect(sarifSchemaErrors(out)).toBe('')
    expect(JSON.parse(renderSarif(many, { version: '1' })).runs[0].invocations[0].toolExecutionNotifications).toBeUndefined()
  })
})
