// JUnit XML as CI servers read it: parsed back with junit2json (the JUnit reader many pipelines use), hostile text kept intact.
import { parse } from 'junit2json'
import { describe, expect, it } from 'vitest'
import { HOSTILE, sampleReport } from '../../test/helpers/sample-report.js'
import { renderJunit } from './render-junit.js'

describe('renderJunit', () => {
  const xml = renderJunit(sampleReport())

  it('has a suite per file and a case per finding; errors and warnings fail, info does not', async () => {
    const parsed = (await parse(xml)) as any
    expect(parsed).toMatchObject({ name: 'partner-contacts', tests: 5, failures: 3 })
    const [eats, clinic] = parsed.testsuite
    expect(eats).toMatchObject({ name: 'partners/eats/contacts.yaml', tests: 4, failures: 3 })
    expect(eats.testcase.map((c: any) => c.name)).toEqual(['schema at 5:7', 'required-contacts at 20:3', 'merchant-issues-contact at 30:3', 'schema at 40:1'])
    expect(eats.testcase[0].failure[0]).toMatchObject({ type: 'error', message: 'partner.id must be a string: put the value in quotes' })
    expect(eats.testcase[1].failure[0]).toMatchObject({ type: 'warning' })
    expect(eats.testcase[2].failure).toBeUndefined()
    expect(eats.testcase[2]['system-out'][0]).toContain('given although optional')
    expect(clinic).toMatchObject({ name: 'partners/clinic/contacts.yaml', tests: 1, failures: 0 })
    expect(clinic.testcase[0].failure).toBeUndefined()
  })

  it('escapes markup, and replaces characters XML cannot carry', async () => {
    const parsed = (await parse(xml)) as any
    const hostile = parsed.testsuite[0].testcase[3].failure[0]
    const expected = HOSTILE.replace(/[\u0001\u001b]/g, '\uFFFD')
    expect(hostile.message).toBe(expected)
    expect(hostile.inner).toContain(expected)
    expect(xml).not.toMatch(/[\u0001\u001b]/)
    expect(xml).not.toContain('<x a=')
  })
})
