// The plan comment and summary: snapshots, redaction, the checksum markers, and degradation under the size limits.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ContactsFile } from '../model/contacts.js'
import type { PlanFileResult } from '../plan/plan-files.js'
import { createRedactor } from '../redact/redactor.js'
import { BASE_FILE, withFile } from '../../test/plan/fixtures.js'
import { failedResult, finding, invalidResult, plannedResult } from '../../test/plan/results.js'
import { buildPlanReport } from './plan-report.js'
import { COMMENT_LIMIT, PLAN_MARKER, SUMMARY_LIMIT_BYTES, checksumMarker, parsePlanMarkers, renderPlanComment, renderPlanSummary } from './render-plan-markdown.js'
import { renderPlanTerminal } from './render-plan-terminal.js'

const changed = withFile((f) => {
  f.contacts!.technicalNonEmergency = ['integrations@example.com', 'platform@example.com']
  f.contacts!.operationalForGoogle = [{ email: 'escalations@example.com', name: 'Escalations', phone: '+39 02 1234 5679' }]
  f.support = [{ days: 'mon-fri', hours: '09:00-18:00', zone: 'Europe/Rome' }]
  f.users![1]!.role = 'administrator'
})

function scenario(): PlanFileResult[] {
  const eats = plannedResult('partners/eats/contacts.yaml', changed, BASE_FILE, [
    finding('emergency-contact-pageable', 'warning', '/contacts/technicalEmergency', 24, 'Technical Emergency Contacts (contacts.technicalEmergency) has no paging contact'),
  ])
  const same = plannedResult('partners/same/contacts.yaml', withFile((f) => (f.partner = { id: '10000002' })), withFile((f) => (f.partner = { id: '10000002' })))
  const unsafe = plannedResult(
    'partners/unsafe/contacts.yaml',
    withFile((f) => ((f.partner = { id: '10000003' }), (f.contacts!.operationalForUsers = []))),
    withFile((f) => (f.partner = { id: '10000003' })),
  )
  const bad = invalidResult('partners/bad/contacts.yaml', withFile((f) => (f.partner = { id: '10000004' })), [
    finding('contact-phone', 'error', '/contacts/operationalForGoogle/0/phone', 30, 'Operational contact (for Google) phone is not a possible number'),
  ])
  const down = failedResult('partners/down/contacts.yaml', withFile((f) => (f.partner = { id: '10000005' })), 'read contact information of partner 10000005: the portal answered 503 UNAVAILABLE')
  return [eats, same, unsafe, bad, down]
}

const options = {
  linkFor: (file: string, line: number) => `https://github.com/o/r/blob/abc123/${file}#L${line}`,
  supportPicture: () => '```\nMon ██████\n```',
  runUrl: 'https://github.com/o/r/actions/runs/1',
}

describe('renderPlanComment', () => {
  it('shows checklist, plan, unsafe reasons, findings, support picture and markers', () => {
    expect(renderPlanComment(scenario(), { ...options, redactor: createRedactor('never') })).toMatchSnapshot()
  })

  it('redacts every email and phone when redaction is on', () => {
    const text = renderPlanComment(scenario(), { ...options, redactor: createRedactor('always', { salt: 'test' }) })
    expect(text).toMatchSnapshot()
    expect(text).not.toMatch(/[a-z0-9.-]{2,}@example\.com/)
    expect(text).not.toContain('+390212345678')
    expect(text).not.toContain('5678')
  })

  it('says so when nothing changes', () => {
    const same = plannedResult('contacts.yaml', BASE_FILE, BASE_FILE)
    const text = renderPlanComment([same], { redactor: createRedactor('never') })
    expect(text).toContain('✅ **No changes**: the portal already matches this file.')
    expect(text).toContain('✅ 1 already matches the portal')
  })

  it('puts the plan marker first and a checksum marker per planned file', () => {
    const results = scenario()
    const text = renderPlanComment(results, { redactor: createRedactor('never') })
    expect(text.split('\n')[0]).toBe(PLAN_MARKER)
    const markers = parsePlanMarkers(text)
    expect([...markers.keys()]).toEqual(['partners/eats/contacts.yaml', 'partners/same/contacts.yaml', 'partners/unsafe/contacts.yaml'])
    expect(markers.get('partners/eats/contacts.yaml')).toEqual({ checksum: results[0]!.plan!.checksum })
  })
})

describe('parsePlanMarkers', () => {
  it('round-trips any file name', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30, unit: "grapheme" }), { maxLength: 5 }), fc.array(fc.stringMatching(/^[0-9a-f]{64}$/), { minLength: 5, maxLength: 5 }), (files, hashes) => {
        const body = [PLAN_MARKER, ...files.map((f, i) => checksumMarker(f, `sha256:${hashes[i]}`)), '', 'text'].join('\n')
        expect(parsePlanMarkers(body)).toEqual(new Map(files.map((f, i) => [f, { checksum: `sha256:${hashes[i]}` }])))
      }),
      { seed: 7, numRuns: 100 },
    )
  })

  it('keeps names that would end an HTML comment inside the marker', () => {
    const marker = checksumMarker('a --> b/c d%.yaml', `sha256:${'0'.repeat(64)}`)
    expect(marker).toBe(`<!-- partner-contacts:checksum file=a%20%2D%2D%3E%20b/c%20d%25.yaml sha256:${'0'.repeat(64)} -->`)
  })

  it('reads nothing from a body that is not a plan comment, or from markers quoted elsewhere', () => {
    const marker = checksumMarker('x.yaml', `sha256:${'1'.repeat(64)}`)
    expect(parsePlanMarkers(`hello\n${marker}`).size).toBe(0)
    expect(parsePlanMarkers(`${PLAN_MARKER}\n> ${marker}`).size).toBe(0)
  })
})

/** A partner whose plan replaces most of every list: a long table per file. */
function bigPartner(i: number): PlanFileResult {
  const id = String(20000000 + i)
  const many = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => ({ email: `${prefix}${k}.p${i}@example.com`, name: `Person ${k}`, phone: `+39 02 1234 ${String(5600 + k)}` }))
  const model: ContactsFile = withFile((f) => {
    f.partner = { id }
    f.contacts!.technicalNonEmergency = many('new', 6)
    f.contacts!.operationalForGoogle = many('esc', 4)
  })
  const portal = withFile((f) => {
    f.partner = { id }
    f.contacts!.technicalNonEmergency = many('old', 6)
  })
  return plannedResult(`partners/p${String(i).padStart(3, '0')}/contacts.yaml`, model, portal, [
    finding('user-facing-contact-is-alias', 'warning', '/contacts/operationalForUsers/0', 40, 'Operational contact (to share with users) looks like a person, not an alias'),
  ])
}

describe('size limits', () => {
  const results = Array.from({ length: 200 }, (_, i) => bigPartner(i))

  it('keeps the comment for 200 partner files under 60,000 characters, with every checksum', () => {
    const full = renderPlanSummary(results, { ...options, redactor: createRedactor('never') })
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT)
    const text = renderPlanComment(results, { ...options, redactor: createRedactor('never') })
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(text).toContain(options.runUrl)
    expect(parsePlanMarkers(text).size).toBe(200)
    expect(text).toContain('| ⛔ | <code>partners/p000/contacts\\.yaml</code> | 20000000 | 17 changes \\(10 to add, 7 to remove\\), **unsafe** | ⚠️ 1 warning |')
  })

  it('keeps the job summary whole when it fits in 1 MiB', () => {
    const text = renderPlanSummary(results, { ...options, redactor: createRedactor('never') })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(text).toContain('### <code>partners/p199/contacts\\.yaml</code>')
    expect(text).not.toContain('run summary')
  })

  it('degrades further for thousands of files, and never passes the limits', () => {
    const many = Array.from({ length: 2000 }, (_, i) => bigPartner(i))
    const comment = renderPlanComment(many, { ...options, redactor: createRedactor('never') })
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(comment).toContain('Too many files changed to carry their checksums')
    const summary = renderPlanSummary(many, { ...options, redactor: createRedactor('never') })
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(parsePlanMarkers(summary).size).toBe(2000)
    // Rendering 2,000 files through every tier takes seconds, more on a loaded 2-core machine: a limits test, not a timing one.
  }, 60_000)
})

// Any emails and phones, on either side of the plan: nothing raw may reach any rendered output.
const localArb = fc.stringMatching(/^[a-z][a-z0-9.]{1,8}$/)
const emailArb = fc.tuple(localArb, fc.constantFrom('example.com', 'ex.it', 'mail.io')).map(([l, d]) => `${l}@${d}`)
const phoneArb = fc.constantFrom('+39 02 1234 5678', '+1 415 555 0100', '+44 20 7183 8750', '+886 2 2722 1234', '+39 06 9876 5432')
const contactArb = fc.record({ email: emailArb, phone: phoneArb }, { requiredKeys: ['email'] })

describe('redaction everywhere (property)', () => {
  it('no raw email or phone in the comment, the summary, the terminal output or the JSON', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 4 }), fc.array(contactArb, { maxLength: 4 }), (before, after) => {
        const model = withFile((f) => (f.contacts!.technicalNonEmergency = after))
        const portal = withFile((f) => (f.contacts!.technicalNonEmergency = before))
        const results = [plannedResult('contacts.yaml', model, portal)]
        const redactor = createRedactor('always', { salt: 'prop' })
        const outputs = [
          renderPlanComment(results, { redactor }),
          renderPlanSummary(results, { redactor }),
          renderPlanTerminal(results, { color: false, redactor }),
          JSON.stringify(buildPlanReport(results, redactor)),
        ]
        const raw = [...before, ...after].flatMap((c) => [c.email, ...(c.phone ? [c.phone, c.phone.replace(/ /g, '')] : [])])
        for (const text of outputs) for (const value of raw) expect(text).not.toContain(value)
      }),
      { seed: 99, numRuns: 60 },
    )
  })
})
