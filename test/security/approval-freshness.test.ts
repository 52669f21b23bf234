// Item 6 of issue 11 (SPEC §11 "Approval freshness"): an approval counts only when it is on the final head AND was
// submitted after the plan with the reviewed checksum was first published; a re-run with the same checksum keeps that time.
import { afterEach, describe, expect, it } from 'vitest'
import { parsePlanMarkers } from '../../src/report/render-plan-markdown.js'
import { BUNDLE_RUNS, EXAMPLE, closeServers, pullRequest } from './bundle.js'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

afterEach(closeServers)

const minutesBefore = (iso: string, minutes: number) => new Date(Date.parse(iso) - minutes * 60_000).toISOString()
const firstPublished = (body: string) => parsePlanMarkers(body).get('contacts.yaml')?.firstPublished

describe('Action bundle: approval freshness', () => {
  it('an approval on the final head but older than the plan is refused, and the refusal names it; a fresh one applies', { timeout: BUNDLE_RUNS }, async () => {
    const s = await pullRequest()
    await s.plan()
    const published = firstPublished(s.comments()[0]!.body)!
    expect(published).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    // GitHub moved this review's commit_id forward to the head after a force-push: it was given to an older plan.
    s.approve(minutesBefore(published, 5))
    const portal = s.portal()
    const stale = await s.apply()
    expect(stale.code).toBe(1)
    expect(stale.stdout).toContain(`@reviewer's approval (${minutesBefore(published, 5)}) is older than the plan it must cover, first published ${published}`)
    expect(s.portal()).toBe(portal)

    s.approve(new Date().toISOString(), 'reviewer')
    const fresh = await s.apply()
    expect(fresh.code).toBe(0)
    expect(fresh.outputs['applied']).toBe('true')
  })

  it('a re-run with the same checksum keeps the first publication time; a new checksum starts a new one', { timeout: BUNDLE_RUNS }, async () => {
    const s = await pullRequest()
    await s.plan()
    const first = firstPublished(s.comments()[0]!.body)!
    await new Promise((resolve) => setTimeout(resolve, 20))
    await s.plan()
    expect(firstPublished(s.comments()[0]!.body)).toBe(first)

    // A new push changes the plan: approvals given before it no longer count.
    s.approve()
    writeFileSync(join(s.dir, 'contacts.yaml'), EXAMPLE.replace('integrations@example.com', 'api-team@example.com'))
    await s.plan()
    const second = firstPublished(s.comments()[0]!.body)!
    expect(Date.parse(second)).toBeGreaterThan(Date.parse(first))
    const run = await s.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('is older than the plan it must cover')
  })
})
