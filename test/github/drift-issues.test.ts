// Drift issues against the stand-in GitHub: one per partner, found across pages, updated, closed; label made once.
import { describe, expect, it } from 'vitest'
import { DRIFT_LABEL, closeDriftIssue, driftIssueTitle, listDriftIssues, upsertDriftIssue } from '../../src/github/drift-issues.js'
import type { IssueSeed } from '../helpers/github-server.js'
import { clientFor, gitHubFailure, serve, sha } from './helpers.js'

const where = { owner: 'acme', repo: 'contacts' }

async function setup(issues: IssueSeed[] = [], labels: string[] = []) {
  const gh = await serve({ repos: [{ owner: 'acme', name: 'contacts', issues, labels, pulls: [{ number: 1, user: 'alice', headSha: sha('pr') }] }] })
  return { gh, client: clientFor(gh) }
}

describe('drift issues', () => {
  it('opens one issue with the label (creating the label), a second run updates it, a third with the same body writes nothing', async () => {
    const { gh, client } = await setup()
    const first = await upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'drift v1' })
    expect(first).toMatchObject({ action: 'created', duplicates: [] })
    const label = gh.repo('acme/contacts').labels.find((l) => l.name === DRIFT_LABEL)
    expect(label).toMatchObject({ color: 'd93f0b', description: 'The partner portal differs from contacts.yaml' })

    const second = await upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'drift v2' })
    expect(second).toMatchObject({ action: 'updated', number: first.number })
    const third = await upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'drift v2' })
    expect(third.action).toBe('unchanged')

    const issues = gh.repo('acme/contacts').issues
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ title: 'Contact information drift: partner 10000001', body: 'drift v2', labels: [DRIFT_LABEL], state: 'open', user: { login: 'github-actions[bot]' } })
    expect(gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))).toHaveLength(1)
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
  })

  it('lists with labels= and state=open, never the search API', async () => {
    const { gh, client } = await setup()
    await upsertDriftIssue(client, { ...where, partnerId: '7', body: 'x' })
    const list = gh.requests.find((r) => r.method === 'GET' && r.path === '/repos/acme/contacts/issues')
    expect(list?.query).toMatchObject({ labels: DRIFT_LABEL, state: 'open', per_page: '100' })
    expect(gh.requests.some((r) => r.path.startsWith('/search'))).toBe(false)
  })

  it('finds its issue past the first page among 150 other drift issues, and updates that one', async () => {
    const others: IssueSeed[] = Array.from({ length: 150 }, (_, i) => ({ title: driftIssueTitle(`2${String(i).padStart(7, '0')}`), labels: [DRIFT_LABEL] }))
    // Oldest: listed last (newest first), so on page 2 with 100 a page.
    const { gh, client } = await setup([{ title: driftIssueTitle('10000001'), body: 'old', labels: [DRIFT_LABEL] }, ...others])
    const result = await upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'new' })
    expect(result).toMatchObject({ action: 'updated', number: 2 })
    expect(gh.repo('acme/contacts').issues.filter((i) => i.title === driftIssueTitle('10000001'))).toHaveLength(1)
    expect(gh.requests.filter((r) => r.path === '/repos/acme/contacts/issues' && r.method === 'GET').map((r) => r.query['page'] ?? '1')).toEqual(['1', '2'])
  })

  it('ignores closed issues, other titles, unlabelled look-alikes and near-miss titles', async () => {
    const { gh, client } = await setup([
      { title: driftIssueTitle('10000001'), labels: [DRIFT_LABEL], state: 'closed' },
      { title: driftIssueTitle('10000001') }, // no label: a human's issue
      { title: `${driftIssueTitle('10000001')} (copy)`, labels: [DRIFT_LABEL] },
      { title: driftIssueTitle('100000011'), labels: [DRIFT_LABEL] },
    ])
    const result = await upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'drift' })
    expect(result.action).toBe('created')
    expect(gh.repo('acme/contacts').issues).toHaveLength(5)
  })

  it('with duplicates, updates the oldest and reports the rest', async () => {
    const { client } = await setup([
      { title: driftIssueTitle('10000001'), labels: [DRIFT_LABEL] },
      { title: driftIssueTitle('10000001'), labels: [DRIFT_LABEL] },
    ])
    expect(await upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'drift' })).toMatchObject({ action: 'updated', number: 2, duplicates: [3] })
  })

  it('tolerates a label created meanwhile (422 already_exists)', async () => {
    const { gh, client } = await setup()
    gh.fail({ method: 'GET', path: `/repos/acme/contacts/labels/${DRIFT_LABEL}`, status: 404 })
    gh.repo('acme/contacts').labels.push({ id: 1, name: DRIFT_LABEL, color: 'ededed', description: null })
    const result = await upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'drift' })
    expect(result.action).toBe('created')
    expect(gh.requests.find((r) => r.method === 'POST' && r.path.endsWith('/labels'))?.status).toBe(422)
  })

  it('closes the issue with a comment when the drift is gone; nothing to close → nothing written', async () => {
    const { gh, client } = await setup()
    const { number } = await upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'drift' })
    expect(await closeDriftIssue(client, { ...where, partnerId: '10000001' })).toEqual({ closed: [number] })
    const issue = gh.repo('acme/contacts').issues[0]!
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' })
    expect(gh.commentsOn('acme/contacts', number).map((c) => c.body)).toEqual(['The portal matches `contacts.yaml` again for partner 10000001; closing.'])
    const writes = gh.requests.filter((r) => r.method !== 'GET').length
    expect(await closeDriftIssue(client, { ...where, partnerId: '10000001' })).toEqual({ closed: [] })
    expect(gh.requests.filter((r) => r.method !== 'GET')).toHaveLength(writes)
    // Drift again later: a new issue, since the old one is closed.
    expect((await upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'again' })).action).toBe('created')
  })

  it('listDriftIssues groups by partner, skips pull requests, and can be passed in to avoid re-listing', async () => {
    const { gh, client } = await setup([
      { title: driftIssueTitle('1'), labels: [DRIFT_LABEL] },
      { title: driftIssueTitle('2'), labels: [DRIFT_LABEL] },
    ])
    const known = await listDriftIssues(client, 'acme', 'contacts')
    expect([...known.keys()].sort()).toEqual(['1', '2'])
    const before = gh.requests.length
    await upsertDriftIssue(client, { ...where, partnerId: '1', body: 'a', known })
    await upsertDriftIssue(client, { ...where, partnerId: '2', body: 'b', known })
    expect(gh.requests.slice(before).every((r) => r.method === 'PATCH')).toBe(true)
  })

  it('a failure while listing → GitHubError and no issue created (never a second one by mistake)', async () => {
    const { gh, client } = await setup([{ title: driftIssueTitle('10000001'), labels: [DRIFT_LABEL] }])
    gh.fail({ method: 'GET', path: '/repos/acme/contacts/issues', status: 500, times: 3 })
    expect((await gitHubFailure(upsertDriftIssue(client, { ...where, partnerId: '10000001', body: 'x' }))).kind).toBe('unavailable')
    expect(gh.repo('acme/contacts').issues).toHaveLength(1)
  })

  it('a partner id with spaces is refused', async () => {
    const { client } = await setup()
    await expect(upsertDriftIssue(client, { ...where, partnerId: 'a b', body: 'x' })).rejects.toThrow(TypeError)
  })
})
