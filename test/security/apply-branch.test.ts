// Issue 11 item 7 (second half): apply on push writes only for the default branch, unless apply-branches names others.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type RunningGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { webhookExample, writeEvent } from '../helpers/webhook-events.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const before = example.replace('integrations@example.com', 'old-integrations@example.com')

const servers: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** A push to `branch` (or a full ref) with no pull request behind it, in a repository that allows direct pushes to apply. */
async function pushTo(branch: string, inputs: Record<string, string> = {}) {
  const ref = branch.startsWith('refs/') ? branch : `refs/heads/${branch}`
  const dir = tempDir('pc-branch-ws-')
  writeFileSync(join(dir, 'contacts.yaml'), example)
  await seedPortal('file:portal.json', before, { cwd: dir })
  const push = webhookExample('push')
  push['ref'] = ref
  const gh = await startGitHubServer({ repos: [{ owner: 'Codertocat', name: 'Hello-World', private: true, defaultBranch: push['repository'].default_branch }] })
  servers.push(gh)
  const portal = () => readFileSync(join(dir, 'portal.json'), 'utf8')
  const start = portal()
  const run = await runAction({
    workspace: dir,
    eventName: 'push',
    eventPath: writeEvent(tempDir('pc-ev-'), push),
    inputs: { 'portal-url': 'file:portal.json', 'github-token': 'ghs_test', 'allow-direct-push': 'true', ...inputs },
    env: { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1', GITHUB_SHA: push['after'], GITHUB_REF: ref },
  })
  return { run, changed: portal() !== start, defaultBranch: push['repository'].default_branch as string }
}

describe('apply-branches', () => {
  it('a push to another branch (here an unprotected one, where anyone with write access pushes) is refused, the portal untouched', async () => {
    const { run, changed, defaultBranch } = await pushTo('feature/contacts')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error::apply refused: this run is for branch feature/contacts, and apply writes only for the default branch ${defaultBranch}: nothing was written. To apply from this branch too, name it in the apply-branches input`)
    expect(run.outputs['applied']).toBe('false')
    expect(changed).toBe(false)
  })

  it('the default branch applies, and so does a branch apply-branches names (by name or glob)', async () => {
    const { defaultBranch, ...onDefault } = await pushTo('master')
    expect(defaultBranch).toBe('master')
    expect(onDefault.run.outputs['applied']).toBe('true')
    expect(onDefault.changed).toBe(true)
    const named = await pushTo('release/2026-12', { 'apply-branches': 'staging, release/*' })
    expect(named.run.code).toBe(0)
    expect(named.changed).toBe(true)
    const other = await pushTo('hotfix', { 'apply-branches': 'staging, release/*' })
    expect(other.run.stdout).toContain('apply writes only for the branches master, staging, release/*')
    expect(other.changed).toBe(false)
  })

  it('a tag push is refused too', async () => {
    const { run, changed } = await pushTo('refs/tags/v1.0.0')
    expect(run.stdout).toContain('apply refused: this run is for refs/tags/v1.0.0, and apply writes only for the default branch master')
    expect(changed).toBe(false)
  })
})
