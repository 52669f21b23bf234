// The bundle in drift mode as a scheduled run: one issue per drifted partner, kept up to date, closed when the portal matches again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type RunningGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { writeEvent } from '../helpers/webhook-events.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const drifted = example.replace('integrations@example.com', 'old-integrations@example.com')
const TITLE = 'Contact information drift: partner 10000001'

const servers: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function setup(options: { private?: boolean } = {}) {
  const dir = tempDir('pc-drift-ws-')
  mkdirSync(join(dir, 'partners/eats'), { recursive: true })
  writeFileSync(join(dir, 'partners/eats/contacts.yaml'), example)
  await seedPortal('file:portal.json', drifted, { cwd: dir })
  const gh = await startGitHubServer({ repos: [{ owner: 'Codertocat', name: 'Hello-World', private: options.private ?? false }] })
  servers.push(gh)
  // GitHub's schedule payload names the cron and the workflow, and no repository.
  const event = writeEvent(dir, { schedule: '17 6 * * *', workflow: '.github/workflows/contacts.yml' })
  const drift = () =>
    runAction({
      workspace: dir,
      eventName: 'schedule',
      eventPath: event,
      inputs: { files: 'partners/*/contacts.yaml', 'portal-url': 'file:portal.json', 'github-token': 'ghs_test' },
      env: { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' },
    })
  const issues = () => gh.repo('Codertocat/Hello-World').issues
  return { dir, gh, drift, issues }
}

describe('Action, mode drift (auto on schedule)', () => {
  it('opens one labelled issue with the diff, keeps it on the next run, and closes it when the portal matches', async () => {
    const s = await setup()
    const first = await s.drift()
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({ 'has-changes': 'true', valid: 'true' })
    const [issue, ...more] = s.issues()
    expect(more).toEqual([])
    expect(issue).toMatchObject({ title: TITLE, labels: ['partner-contacts-drift'], state: 'open' })
    expect(issue!.body.replace(/\\(.)/g, '$1')).toContain('Technical Non-Emergency')
    expect(issue!.body).toContain('partner-contacts import --partner 10000001')
    // A public repository (learnt from GitHub, as a schedule payload does not say): no address in clear.
    expect(issue!.body).not.toContain('integrations@example.com')
    expect(first.summary).toContain('⚠️ drift: issue opened')

    const second = await s.drift()
    expect(second.code).toBe(0)
    expect(s.issues()).toHaveLength(1)
    expect(second.summary).toMatch(/⚠️ drift: issue (unchanged|updated) \| #1/)

    await seedPortal('file:portal.json', example, { cwd: s.dir })
    const fixed = await s.drift()
    expect(fixed.code).toBe(0)
    expect(fixed.outputs['has-changes']).toBe('false')
    expect(s.issues()[0]).toMatchObject({ state: 'closed', stateReason: 'completed' })
    expect(fixed.summary).toContain('✅ matches again: issue closed')
  })

  it('never closes an issue when the portal cannot be read, and fails the step', async () => {
    const s = await setup()
    await s.drift()
    writeFileSync(join(s.dir, 'portal.json'), 'not json')
    const run = await s.drift()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::partners/eats/contacts.yaml: drift not checked: read the emulator state file')
    expect(s.issues()[0]!.state).toBe('open')
    expect(run.summary).toContain('❓ not checked')
  })

  it('shows addresses in a private repository; with no drift and no issue, creates nothing', async () => {
    const s = await setup({ private: true })
    await s.drift()
    // As rendered: Markdown's backslash escapes removed.
    expect(s.issues()[0]!.body.replace(/\\([!-/:-@[-`{-~])/g, '$1')).toContain('old-integrations@example.com')
    await seedPortal('file:portal.json', example, { cwd: s.dir })
    await s.drift()
    const quiet = await setup({ private: true })
    await seedPortal('file:portal.json', example, { cwd: quiet.dir })
    const run = await quiet.drift()
    expect(run.outputs['has-changes']).toBe('false')
    expect(quiet.issues()).toEqual([])
    expect(quiet.gh.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })
})
