// The bundle in apply mode as the runner runs it on a push to main: the PR planned first, then merged and applied (SPEC §5).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { mergedPullRepo, startGitHubServer, type ReviewSeed, type RunningGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { mergedPullRequestEvents, writeEvent } from '../helpers/webhook-events.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const before = example.replace('integrations@example.com', 'old-integrations@example.com')
const OWNER = 'Codertocat'
const REPO = 'Hello-World'
const APPLY_MARKER = '<!-- partner-contacts:apply -->'

const servers: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

interface Setup {
  /** The portal before the pull request; default: the example with another technical contact. */
  portal?: string
  reviews?: (head: string) => Array<Omit<ReviewSeed, 'pull'>>
  /** No pull request has the pushed commit as its merge commit. */
  directPush?: boolean
}

async function setup(options: Setup = {}) {
  const dir = tempDir('pc-apply-ws-')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'contacts.yaml'), example)
  await seedPortal('file:portal.json', options.portal ?? before, { cwd: dir })

  // The PR, and the push of its merge commit to the default branch, as GitHub sends it after a merge.
  const { pr, number, head, push, mergeSha } = mergedPullRequestEvents()
  const gh = await startGitHubServer({
    repos: [
      mergedPullRepo(
        { number, head, mergeSha },
        { ...(options.reviews ? { reviews: options.reviews(head) } : {}), ...(options.directPush ? { repo: { pulls: [{ number, user: 'Codertocat', headSha: head, baseRef: 'master', merged: false, files: ['contacts.yaml'] }] } } : {}) },
      ),
    ],
  })
  servers.push(gh)
  const env = { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' }
  const inputs = { 'portal-url': 'file:portal.json', 'github-token': 'ghs_test' }
  const prEvent = writeEvent(tempDir('pc-ev-'), pr)
  const pushEvent = writeEvent(tempDir('pc-ev-'), push)
  return {
    dir,
    gh,
    portal: () => readFileSync(join(dir, 'portal.json'), 'utf8'),
    // Reviewers read the plan, then approve: a review seeded without a time is submitted after the plan run
    // (approval freshness, SPEC §11: an approval older than the plan it covers does not count).
    plan: async () => {
      const run = await runAction({ workspace: dir, eventName: 'pull_request', eventPath: prEvent, inputs, env })
      const seeded = options.reviews?.(head) ?? [{ user: 'reviewer', state: 'APPROVED', commitId: head }]
      gh.repo(`${OWNER}/${REPO}`).reviews.forEach((r, i) => {
        if (seeded[i]?.submittedAt === undefined) r.submittedAt = new Date().toISOString()
      })
      return run
    },
    apply: (extra: Record<string, string> = {}) => runAction({ workspace: dir, eventName: 'push', eventPath: pushEvent, inputs: { ...inputs, ...extra }, env: { ...env, GITHUB_SHA: mergeSha, GITHUB_REF: 'refs/heads/master' } }),
    applyComments: () => gh.commentsOn(`${OWNER}/${REPO}`, number).filter((c) => c.body.startsWith(APPLY_MARKER)),
  }
}

describe('Action, mode apply (auto on a push to the default branch)', () => {
  it('applies the reviewed plan of an approved PR, comments on it, and a second run writes nothing', async () => {
    const s = await setup()
    const plan = await s.plan()
    expect(plan.outputs['has-changes']).toBe('true')

    const run = await s.apply()
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ applied: 'true', 'has-changes': 'true', 'plan-checksum': plan.outputs['plan-checksum'] })
    expect(s.portal()).toContain('"email": "integrations@example.com"')
    expect(s.portal()).not.toContain('old-integrations@example.com')
    const [comment] = s.applyComments()
    expect(comment!.body).toContain('✅ applied')
    expect(comment!.body).toContain('update contact information \\(technicalNonEmergencyContacts\\)')
    expect(run.summary).toContain('partner-contacts apply')

    const portalAfter = s.portal()
    const again = await s.apply()
    expect(again.code).toBe(0)
    expect(again.outputs).toMatchObject({ applied: 'false', 'has-changes': 'false' })
    expect(s.portal()).toBe(portalAfter)
    expect(s.applyComments().at(-1)!.body).toContain('already up to date')
  })

  it('refuses a direct push (no merged PR) and leaves the portal byte for byte as it was', async () => {
    const s = await setup({ directPush: true })
    const portal = s.portal()
    const run = await s.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::apply refused: commit 6113728 is not the merge commit of a merged pull request/)
    expect(run.outputs['applied']).toBe('false')
    expect(s.portal()).toBe(portal)
  })

  it.each([
    ['only the author approved', (head: string) => [{ user: 'Codertocat', state: 'APPROVED' as const, commitId: head }]],
    ['the approval is on an older commit', () => [{ user: 'reviewer', state: 'APPROVED' as const, commitId: 'a'.repeat(40) }]],
    ['the reviewer later requested changes', (head: string) => [
      { user: 'reviewer', state: 'APPROVED' as const, commitId: head, submittedAt: '2026-11-20T10:00:00Z' },
      { user: 'reviewer', state: 'CHANGES_REQUESTED' as const, commitId: head, submittedAt: '2026-11-20T11:00:00Z' },
    ]],
  ])('refuses when %s, even with force', async (_, reviews) => {
    const s = await setup({ reviews })
    await s.plan()
    const portal = s.portal()
    const run = await s.apply({ force: 'true' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('is not approved as required')
    expect(s.portal()).toBe(portal)
    expect(s.applyComments()[0]!.body).toContain('Refused: nothing was written to the portal')
  })

  it('refuses a stale plan (the portal changed after review) and shows the fresh plan; force applies it and says so', async () => {
    const s = await setup()
    await s.plan()
    // Someone edits the portal by hand after the review.
    await seedPortal('file:portal.json', before.replace('support@example.com', 'help@example.com'), { cwd: s.dir })
    const portal = s.portal()
    const stale = await s.apply()
    expect(stale.code).toBe(1)
    expect(stale.stdout).toMatch(/::error::contacts\.yaml: apply refused: stale plan: the reviewed plan was [0-9a-f]{12}, a fresh one is [0-9a-f]{12}/)
    expect(s.portal()).toBe(portal)
    expect(s.applyComments()[0]!.body).toContain('The fresh plan')

    const forced = await s.apply({ force: 'true' })
    expect(forced.code).toBe(0)
    expect(forced.outputs['applied']).toBe('true')
    expect(s.applyComments().at(-1)!.body).toContain('✅ applied (forced)')
    expect(s.portal()).toContain('"email": "support@example.com"')
  })

  it('refuses an unsafe plan without force, and leaves the portal as it was', async () => {
    const four = example.replace('    - email: integrations@example.com\n', '    - a@example.com\n    - b@example.com\n    - c@example.com\n    - email: integrations@example.com\n')
    const s = await setup({ portal: four })
    const plan = await s.plan()
    expect(plan.stdout + plan.summary).toContain('unsafe')
    const portal = s.portal()
    const run = await s.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::contacts\.yaml: apply refused: unsafe plan: /)
    expect(s.portal()).toBe(portal)
    expect(run.outputs['applied']).toBe('false')
  })

  it('refuses when the PR has no plan comment to say what was reviewed', async () => {
    const s = await setup()
    const run = await s.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('no reviewed plan')
  })

  it('dry run: every check, the writes it would make, nothing written', async () => {
    const s = await setup()
    await s.plan()
    const portal = s.portal()
    const run = await s.apply({ 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ applied: 'false', 'has-changes': 'true' })
    expect(s.portal()).toBe(portal)
    expect(s.applyComments()[0]!.body).toContain('Would write:')
  })

  it('fails closed when GitHub fails during the approval check', async () => {
    const s = await setup()
    await s.plan()
    const portal = s.portal()
    s.gh.fail({ method: 'GET', path: /\/reviews$/, status: 503, times: 20 })
    const run = await s.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('fail closed')
    expect(s.portal()).toBe(portal)
  })
})
