// The validate output formats: stylish, JSON (SPEC §8), GitHub workflow commands, SARIF 2.1.0, Markdown.
import { describe, expect, it } from 'vitest'
import type { Finding } from '../findings/finding.js'
import { buildReport, type Report } from './report.js'
import { renderGithub } from './render-github.js'
import { renderJson } from './render-json.js'
import { renderMarkdown } from './render-markdown.js'
import { renderSarif } from './render-sarif.js'
import { renderStylish } from './render-stylish.js'

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'schema',
  severity: 'error',
  message: 'partner.id must be a string: put the value in quotes',
  path: '/partner/id',
  line: 5,
  column: 7,
  endLine: 5,
  endColumn: 15,
  ...over,
})

const report: Report = buildReport([
  {
    file: 'partners/eats/contacts.yaml',
    partnerId: '10000001',
    findings: [
      finding({}),
      finding({ ruleId: 'required-contacts', severity: 'warning', message: 'Technical Emergency Contacts (contacts.technicalEmergency) is required, 100%, a:b, c', path: '/contacts/technicalEmergency', line: 20, column: 3, endLine: 20, endColumn: 21 }),
      finding({ ruleId: 'merchant-issues-contact', severity: 'info', message: 'given although optional', path: '/contacts/merchantIssues', line: 30, column: 3, endLine: 31, endColumn: 4 }),
    ],
  },
  { file: 'partners/clinic/contacts.yaml', findings: [] },
])

describe('buildReport', () => {
  it('counts findings by severity', () => {
    expect(report.summary).toEqual({ files: 2, errors: 1, warnings: 1, infos: 1 })
  })
})

describe('renderJson', () => {
  it('is the SPEC §8 report', () => {
    const json = JSON.parse(renderJson(report))
    expect(json.version).toBe(1)
    expect(json.files[0]).toMatchObject({ file: 'partners/eats/contacts.yaml', partnerId: '10000001' })
    expect(json.files[0].findings[0]).toEqual({
      ruleId: 'schema',
      severity: 'error',
      message: 'partner.id must be a string: put the value in quotes',
      path: '/partner/id',
      line: 5,
      column: 7,
      endLine: 5,
      endColumn: 15,
    })
    expect(json.summary).toEqual({ files: 2, errors: 1, warnings: 1, infos: 1 })
  })
})

describe('renderStylish', () => {
  it('looks like ESLint: file, line:col, severity, message, rule, summary', () => {
    expect(renderStylish(report, { color: false })).toMatchInlineSnapshot(`
      "partners/eats/contacts.yaml
        5:7   error    partner.id must be a string: put the value in quotes  schema
        20:3  warning  Technical Emergency Contacts (contacts.technicalEmergency) is required, 100%, a:b, c  required-contacts
        30:3  info     given although optional                               merchant-issues-contact

      ✖ 3 problems (1 error, 1 warning, 1 info) in 2 files
      "
    `)
  })
  it('says so when there is nothing to report', () => {
    expect(renderStylish(buildReport([{ file: 'a.yaml', findings: [] }]), { color: false })).toBe('✔ 1 file checked, no problems\n')
  })
  it('colours only when asked', () => {
    expect(renderStylish(report, { color: true })).toContain('\u001b[')
    expect(renderStylish(report, { color: false })).not.toContain('\u001b[')
  })
})

describe('renderGithub', () => {
  it('emits one escaped workflow command per finding, with columns only on one-line ranges', () => {
    expect(renderGithub(report).split('\n')).toEqual([
      '::error file=partners/eats/contacts.yaml,line=5,endLine=5,col=7,endColumn=15,title=partner-contacts schema::partner.id must be a string: put the value in quotes',
      '::warning file=partners/eats/contacts.yaml,line=20,endLine=20,col=3,endColumn=21,title=partner-contacts required-contacts::Technical Emergency Contacts (contacts.technicalEmergency) is required, 100%25, a:b, c',
      '::notice file=partners/eats/contacts.yaml,line=30,endLine=31,title=partner-contacts merchant-issues-contact::given although optional',
      '',
    ])
  })
})

describe('renderSarif', () => {
  const sarif = JSON.parse(renderSarif(report, { version: '1.2.3' }))
  it('is SARIF 2.1.0 with one run, the tool, its rules and the results', () => {
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/)
    expect(sarif.runs).toHaveLength(1)
    const run = sarif.runs[0]
    expect(run.tool.driver).toMatchObject({ name: 'partner-contacts', version: '1.2.3' })
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['merchant-issues-contact', 'required-contacts', 'schema'])
    for (const r of run.tool.driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0)
      expect(r.helpUri).toMatch(new RegExp(`/docs/rules/${r.id}\\.md$`))
    }
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note'])
  })
  it('locates results with what code scanning needs: relative URI, region, rule index, fingerprint', () => {
    const [result] = sarif.runs[0].results
    expect(result).toMatchObject({
      ruleId: 'schema',
      ruleIndex: 2,
      message: { text: 'partner.id must be a string: put the value in quotes' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'partners/eats/contacts.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 7, endLine: 5, endColumn: 15 } } }],
    })
    expect(result.partialFingerprints.primaryLocationLineHash).toBe('schema:/partner/id')
  })
})

describe('renderMarkdown', () => {
  it('lists every finding per file, escaping Markdown', () => {
    const md = renderMarkdown(report, { linkFor: (file, line) => `https://example.test/${file}#L${line}` })
    expect(md).toContain('❌ **1 error**, 1 warning in 2 files')
    expect(md).toContain('### <code>partners/eats/contacts\\.yaml</code> — partner 10000001')
    expect(md).toContain('| ❌ | [5](https://example.test/partners/eats/contacts.yaml#L5) | partner\\.id must be a string\\: put the value in quotes | `schema` |')
    expect(md).toContain('### <code>partners/clinic/contacts\\.yaml</code>\n\nNo problems.')
  })
})
