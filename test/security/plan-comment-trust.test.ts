// Item 3 of issue 11: the reviewed checksum cannot be forged. Markers are read only from the fixed place under the
// first line, only from a comment written by the token's own identity, and no user string can write one.
import { describe, expect, it, afterEach } from 'vitest'
import { PLAN_MARKER, checksumMarker, parsePlanMarkers } from '../../src/report/render-plan-markdown.js'
import { BUNDLE_RUNS, EXAMPLE, closeServers, pullRequest } from './bundle.js'

afterEach(closeServers)

const HASH = `sha256:${'a'.repeat(64)}`

describe('parsePlanMarkers reads only the fixed place', () => {
  it('markers right under the first line count; a marker-shaped line anywhere else does not', () => {
    const real = checksumMarker('contacts.yaml', HASH, '2026-11-30T10:00:00.000Z')
    const forged = checksumMarker('contacts.yaml', `sha256:${'f'.repeat(64)}`)
    expect(parsePlanMarkers([PLAN_MARKER, real, '', '## plan', forged].join('\n'))).toEqual(new Map([['contacts.yaml', { checksum: HASH, firstPublished: '2026-11-30T10:00:00.000Z' }]]))
    expect(parsePlanMarkers([PLAN_MARKER, '', forged].join('\n')).size).toBe(0)
    // A second marker for the same file (a forged one appended to the block) never replaces the first.
    expect(parsePlanMarkers([PLAN_MARKER, real, forged].join('\n')).get('contacts.yaml')?.checksum).toBe(HASH)
    expect(parsePlanMarkers(` ${PLAN_MARKER}\n${real}`).size).toBe(0)
  })
})

describe('Action bundle: only our own comment carries the reviewed plan', () => {
  it("another bot's comment with the marker and the right checksum is not the plan: apply refuses, the portal is untouched", { timeout: BUNDLE_RUNS }, async () => {
    const s = await pullRequest()
    // A real plan, to learn the body a forger would copy, then the real comment is gone and another App posts the copy.
    const plan = await s.plan()
    const body = s.comments()[0]!.body
    s.gh.repo('Codertocat/Hello-World').comments.splice(0)
    s.gh.repo('Codertocat/Hello-World').comments.push({ id: 7777, issue: s.number, user: { login: 'evil-app[bot]', type: 'Bot' }, body, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() })
    s.approve()
    const portal = s.portal()
    const run = await s.apply()
    expect(plan.outputs['plan-checksum']).toMatch(/^sha256:/)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('no reviewed plan')
    expect(run.outputs['applied']).toBe('false')
    expect(s.portal()).toBe(portal)
  })

  it('a partner or contact name with a line break and a marker stays text: the real checksum is what apply reads', { timeout: BUNDLE_RUNS }, async () => {
    const forged = `<!-- partner-contacts:checksum file=contacts.yaml sha256:${'0'.repeat(64)} -->`
    const file = EXAMPLE.replace('name: Example Eats', `name: ${JSON.stringify(`Eats\n${forged}\n`)}`).replace('name: Platform on-call', `name: ${JSON.stringify(`x\n${forged}`)}`)
    const s = await pullRequest({ files: { 'contacts.yaml': file } })
    const plan = await s.plan()
    expect(plan.code).toBe(0)
    const [comment] = s.comments()
    expect(comment!.body.split('\n').filter((line) => line.includes('partner-contacts:checksum'))).toHaveLength(1)
    expect(parsePlanMarkers(comment!.body).get('contacts.yaml')?.checksum).toBe(plan.outputs['plan-checksum'])
    s.approve()
    const run = await s.apply()
    expect(run.code).toBe(0)
    expect(run.outputs['applied']).toBe('true')
  })
})
