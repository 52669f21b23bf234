// Issue 11 item 2, through the bundle: a pull request cannot take another partner's ID and write that partner's portal.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type RunningGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { mergedPullRequestEvents, writeEvent } from '../helpers/webhook-events.js'

const OWNER = 'Codertocat'
const REPO = 'Hello-World'
const EATS = 'partners/eats/contacts.yaml'
const MALLORY = 'partners/mallory/contacts.yaml'
const BASE_SHA = 'b'.repeat(40)
const CODEOWNERS = '/partners/eats/     @eats-owner\n/partners/mallory/  @mallory-owner\n'

const eats = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
/** Mallory's file: the same partner ID, her own addresses where the partner's were. */
const mallory = eats.replace('name: Example Eats', 'name: Mallory Eats').replace('integrations@example.com', 'integrations@mallory.example').replace('support@example.com', 'help@mallory.example')

const servers: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

interface Scenario {
  /** The merged commit, as the push checks it out. */
  workspace: Record<string, string>
  /** The pull request's base commit, as the API serves it. */
  base: Record<string, string>
  prFiles: Array<string | { filename: string; status: string }>
  approvedBy: string[]
  approvers?: string
}

async function scenario(s: Scenario) {
  const dir = tempDir('pc-own-ws-')
  for (const [path, text] of Object.entries(s.workspace)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  // The portal holds what the eats file says: the partner's real contacts.
  await seedPortal('file:portal.json', eats, { cwd: dir })
  const { pr, number, head, push, mergeSha } = mergedPullRequestEvents()
  pr['pull_request'].base.sha = BASE_SHA
  const gh = await startGitHubServer({
    repos: [
      {
        owner: OWNER,
        name: REPO,
        private: true,
        defaultBranch: 'master',
        collaborators: { 'eats-owner': 'write', 'mallory-owner': 'write', Codertocat: 'write' },
        files: { '.github/CODEOWNERS': CODEOWNERS },
        filesAt: { [BASE_SHA]: s.base },
        pulls: [{ number, user: 'Codertocat', headSha: head, baseRef: 'master', baseSha: BASE_SHA, merged: true, mergeCommitSha: mergeSha, files: s.prFiles }],
        reviews: s.approvedBy.map((user) => ({ pull: number, user, state: 'APPROVED' as const, commitId: head })),
      },
    ],
  })
  servers.push(gh)
  const env = { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' }
  const inputs = { files: 'partners/*/contacts.yaml', 'portal-url': 'file:portal.json', 'github-token': 'ghs_test', ...(s.approvers ? { approvers: s.approvers } : {}) }
  return {
    dir,
    gh,
    portal: () => readFileSync(join(dir, 'portal.json'), 'utf8'),
    // Reviewers read the plan, then approve (approval freshness, SPEC §11): the seeded approvals are submitted after it.
    plan: async () => {
      const run = await runAction({ workspace: dir, eventName: 'pull_request', eventPath: writeEvent(tempDir('pc-ev-'), pr), inputs, env })
      for (const review of gh.repo(`${OWNER}/${REPO}`).reviews) review.submittedAt = new Date().toISOString()
      return run
    },
    apply: () => runAction({ workspace: dir, eventName: 'push', eventPath: writeEvent(tempDir('pc-ev-'), push), inputs, env: { ...env, GITHUB_SHA: mergeSha, GITHUB_REF: 'refs/heads/master' } }),
  }
}

describe("a partner belongs to its path (mallory's pull request)", () => {
  it('a new file with another partner\'s ID: duplicate-partner on both files in the plan, and apply is refused with the portal byte for byte as it was', async () => {
    const s = await scenario({ workspace: { [EATS]: eats, [MALLORY]: mallory }, base: { [EATS]: eats }, prFiles: [{ filename: MALLORY, status: 'added' }], approvedBy: ['mallory-owner'], approvers: 'codeowners' })
    const before = s.portal()
    const plan = await s.plan()
    expect(plan.code).toBe(1)
    expect(plan.stdout).toContain(`file=${MALLORY},line=5`)
    expect(plan.stdout).toContain(`partner 10000001 (production) is also declared by ${EATS}`)
    expect(plan.stdout).toContain(`partner 10000001 (production) is also declared by ${MALLORY}`)
    expect(plan.outputs['has-changes']).toBe('false')

    const apply = await s.apply()
    expect(apply.code).toBe(1)
    expect(apply.outputs['applied']).toBe('false')
    expect(apply.stdout).toContain(`${EATS} declared at the base commit bbbbbbb: a code owner of ${EATS} must approve too`)
    expect(s.portal()).toBe(before)
  })

  it('taking the ID and deleting the partner\'s file (no duplicate left in the run): the owners of the path that declared it at the base commit must approve', async () => {
    const take = { workspace: { [MALLORY]: mallory }, base: { [EATS]: eats }, prFiles: [{ filename: EATS, status: 'removed' }, { filename: MALLORY, status: 'added' }], approvers: 'codeowners' }
    const s = await scenario({ ...take, approvedBy: ['mallory-owner'] })
    expect((await s.plan()).outputs['has-changes']).toBe('true')
    const before = s.portal()
    const apply = await s.apply()
    expect(apply.code).toBe(1)
    expect(apply.stdout).toContain(`no approval from a code owner of ${EATS} (owners: @eats-owner)`)
    expect(apply.stdout).toContain(`${MALLORY} declares partner 10000001, which ${EATS} declared at the base commit bbbbbbb`)
    expect(s.portal()).toBe(before)
    // The base commit's files were listed and read through the API, not taken from the workspace.
    expect(s.gh.requests.some((r) => r.path === `/repos/${OWNER}/${REPO}/git/trees/${BASE_SHA}` && r.query['recursive'])).toBe(true)

    // The control: with the partner's owner approving too, the same merge applies.
    const approved = await scenario({ ...take, approvedBy: ['mallory-owner', 'eats-owner'] })
    await approved.plan()
    const applied = await approved.apply()
    expect(applied.stdout).not.toContain('::error::')
    expect(applied.outputs['applied']).toBe('true')
    expect(approved.portal()).toContain('integrations@mallory.example')
  })

  it('fails closed when the base commit cannot be listed', async () => {
    const s = await scenario({ workspace: { [MALLORY]: mallory }, base: { [EATS]: eats }, prFiles: [MALLORY], approvedBy: ['mallory-owner', 'eats-owner'], approvers: 'codeowners' })
    await s.plan()
    const before = s.portal()
    s.gh.fail({ method: 'GET', path: /\/git\/trees\//, status: 502, times: 10 })
    const apply = await s.apply()
    expect(apply.code).toBe(1)
    expect(apply.stdout).toMatch(/fail closed.*list the files at bbbbbbbbbbbb/)
    expect(s.portal()).toBe(before)
  })

  it('partners: pins in the base commit\'s .partner-contacts.yaml refuse another path, even when the pull request moves the pin', async () => {
    const pinned = 'partners:\n  "10000001": partners/eats/contacts.yaml\n'
    const moved = 'partners:\n  "10000001": partners/mallory/contacts.yaml\n'
    const s = await scenario({
      workspace: { [MALLORY]: mallory, '.partner-contacts.yaml': moved },
      base: { [EATS]: eats, '.partner-contacts.yaml': pinned },
      prFiles: [{ filename: EATS, status: 'removed' }, MALLORY, '.partner-contacts.yaml'],
      approvedBy: ['mallory-owner'],
    })
    await s.plan()
    const before = s.portal()
    const apply = await s.apply()
    expect(apply.code).toBe(1)
    expect(apply.stdout).toContain(`apply refused: ${MALLORY} declares partner 10000001, which .partner-contacts.yaml at the base commit pins to ${EATS}`)
    expect(s.portal()).toBe(before)
  })

  it('the CLI reports duplicate-partner on both files, with the other path, and exits 1', async () => {
    const s = await scenario({ workspace: { [EATS]: eats, [MALLORY]: mallory }, base: {}, prFiles: [], approvedBy: [] })
    const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
    const run = spawnSync(process.execPath, [cli, 'validate', 'partners/*/contacts.yaml', '--format', 'json'], { cwd: s.dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } })
    expect(run.status).toBe(1)
    const report = JSON.parse(run.stdout) as { files: Array<{ file: string; findings: Array<{ ruleId: string; line: number; message: string }> }> }
    const found = report.files.map((f) => [f.file, f.findings.filter((x) => x.ruleId === 'duplicate-partner').map((x) => `${x.line} ${x.message}`)])
    expect(found).toEqual([
      [EATS, [`5 partner 10000001 (production) is also declared by ${MALLORY}; one file per partner and environment, so that only its owners change it`]],
      [MALLORY, [`5 partner 10000001 (production) is also declared by ${EATS}; one file per partner and environment, so that only its owners change it`]],
    ])
  })

  it('a pin in the workspace config is a duplicate-partner finding on the file at another path', async () => {
    const s = await scenario({ workspace: { [MALLORY]: mallory, '.partner-contacts.yaml': 'partners:\n  "10000001": partners/eats/contacts.yaml\n' }, base: {}, prFiles: [MALLORY], approvedBy: ['mallory-owner'] })
    const plan = await s.plan()
    expect(plan.code).toBe(1)
    expect(plan.stdout).toContain(`partner 10000001 is pinned to ${EATS} in .partner-contacts.yaml (partners:); this file may not declare it`)
    rmSync(join(s.dir, '.partner-contacts.yaml'))
    expect((await s.plan()).code).toBe(0)
  })
})
