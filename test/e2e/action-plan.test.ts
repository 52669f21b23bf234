// The bundle in plan mode as the runner runs it on a pull request: emulator portal, stand-in GitHub, one sticky comment.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PLAN_MARKER, parsePlanMarkers } from '../../src/report/render-plan-markdown.js'
import { startGitHubServer, type RunningGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { pullRequestRunner } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { webhookExample, writeEvent } from '../helpers/webhook-events.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
/** The portal as it was before this pull request: another technical contact. */
const before = example.replace('integrations@example.com', 'old-integrations@example.com')
const OWNER = 'Codertocat'
const REPO = 'Hello-World'

const servers: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function setup(options: { private?: boolean; fromFork?: boolean } = {}) {
  const dir = tempDir('pc-plan-ws-')
  mkdirSync(join(dir, 'partners/eats'), { recursive: true })
  writeFileSync(join(dir, 'partners/eats/contacts.yaml'), example)
  await seedPortal('file:portal.json', before, { cwd: dir })
  const payload = webhookExample('pull_request', 'opened')
  payload['repository'].private = options.private ?? false
  if (options.fromFork) payload['pull_request'].head.repo.id = 999
  const pr = payload['pull_request']
  const gh = await startGitHubServer({
    repos: [{ owner: OWNER, name: REPO, private: options.private ?? false, pulls: [{ number: payload['number'], user: pr.user.login, headSha: pr.head.sha, files: ['partners/eats/contacts.yaml', 'README.md'] }], comments: [{ issue: payload['number'], user: 'Codertocat', body: 'LGTM once the plan is green' }] }],
  })
  servers.push(gh)
  const event = writeEvent(dir, payload)
  const plan = pullRequestRunner(dir, event, gh.url, { 'portal-url': 'file:portal.json' })
  const stickies = () => gh.commentsOn(`${OWNER}/${REPO}`, payload['number']).filter((c) => c.body.startsWith(PLAN_MARKER))
  return { dir, gh, plan, stickies, portal: () => readFileSync(join(dir, 'portal.json'), 'utf8'), pullNumber: payload['number'] as number, headSha: pr.head.sha as string }
}

describe('Action, mode plan (auto on a pull request with portal-url)', () => {
  it('posts one sticky comment with the plan and checksum, sets outputs, and never writes to the portal', async () => {
    const { plan, stickies, portal, gh } = await setup()
    const portalBefore = portal()
    const run = await plan()
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ 'has-changes': 'true', valid: 'true', errors: '0', warnings: '0' })
    expect(run.outputs['plan-checksum']).toMatch(/^sha256:[0-9a-f]{64}$/)

    const [comment, ...more] = stickies()
    expect(more).toEqual([])
    expect(comment!.user.type).toBe('Bot')
    // The reviewed checksum travels in the comment: it is what apply compares with on merge.
    expect(parsePlanMarkers(comment!.body).get('partners/eats/contacts.yaml')?.checksum).toBe(run.outputs['plan-checksum'])
    expect(unescapeMarkdown(comment!.body)).toContain('Technical Non-Emergency')
    // A public repository: `redact: auto` masks every address, in the comment and in the summary.
    // Checked on the text as rendered (backslash escapes removed), where a reader would see an address.
    for (const text of [comment!.body, run.summary, run.stdout].map(unescapeMarkdown)) {
      expect(text).not.toContain('integrations@example.com')
      expect(text).not.toContain('eats-oncall@example.pagerduty.com')
    }
    expect(unescapeMarkdown(comment!.body)).toContain('i***@example.com')
    expect(run.summary).toContain('partner-contacts plan')
    expect(portal()).toBe(portalBefore)
    expect(gh.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([`POST /repos/${OWNER}/${REPO}/issues/2/comments`])
  })

  it('updates the same comment on the next run, never a second one', async () => {
    const { plan, stickies, dir } = await setup()
    await plan()
    const first = stickies()
    const firstBody = first[0]!.body
    writeFileSync(join(dir, 'partners/eats/contacts.yaml'), example.replace('integrations@example.com', 'api-team@example.com'))
    const run = await plan()
    expect(run.code).toBe(0)
    const second = stickies()
    expect(second).toHaveLength(1)
    expect(second[0]!.id).toBe(first[0]!.id)
    expect(second[0]!.body).not.toBe(firstBody)
    expect(parsePlanMarkers(second[0]!.body).get('partners/eats/contacts.yaml')?.checksum).toBe(run.outputs['plan-checksum'])
  })

  it('shows addresses in a private repository, and says "no changes" once the portal matches', async () => {
    const { plan, stickies, dir } = await setup({ private: true })
    const run = await plan()
    expect(unescapeMarkdown(stickies()[0]!.body)).toContain('integrations@example.com')
    expect(unescapeMarkdown(run.summary)).toContain('old-integrations@example.com')
    await seedPortal('file:portal.json', example, { cwd: dir })
    const again = await plan()
    expect(again.outputs['has-changes']).toBe('false')
    expect(stickies()).toHaveLength(1)
  })

  it('a fork pull request without secrets validates, says the plan needs a trusted run, and touches neither portal nor PR', async () => {
    const { plan, stickies, gh } = await setup({ fromFork: true })
    // An https portal with no credentials: a fork run must not even try it.
    const run = await plan({ 'portal-url': 'https://portal.invalid/v1' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('::notice::This pull request comes from a fork')
    expect(run.summary).toContain('the plan needs a trusted run')
    expect(run.outputs).toMatchObject({ valid: 'true', errors: '0' })
    expect(run.outputs['has-changes']).toBeUndefined()
    expect(stickies()).toEqual([])
    expect(gh.requests).toEqual([])
  })

  it('fails the step with a clear line when the portal cannot be read, and leaves the comment saying so', async () => {
    const { plan, stickies, dir } = await setup()
    writeFileSync(join(dir, 'portal.json'), '{"partners": ')
    const run = await plan()
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::partners\/eats\/contacts\.yaml: read the emulator state file: .*is not JSON/)
    expect(run.stdout).not.toContain('    at ')
    expect(stickies()[0]!.body).toContain('could not read the portal')
  })

  it('fails the step when GitHub refuses the comment, after writing the summary and outputs', async () => {
    const { plan, gh } = await setup()
    gh.fail({ method: 'POST', path: /\/comments$/, status: 500, times: 10 })
    const run = await plan()
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::.*comment/i)
    expect(run.summary).toContain('partner-contacts plan')
    expect(run.outputs['plan-checksum']).toMatch(/^sha256:/)
  })

  it('blocks an incomplete launch: errors are annotated, nothing is planned, the comment shows the checklist', async () => {
    const { plan, stickies, dir, headSha } = await setup()
    writeFileSync(join(dir, 'partners/eats/contacts.yaml'), example.replace(/  operationalForUsers:\n(    .*\n)+/, ''))
    const run = await plan()
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ valid: 'false', 'has-changes': 'false', 'plan-checksum': '' })
    expect(run.stdout).toMatch(/::error title=partner-contacts launch-readiness,file=partners\/eats\/contacts\.yaml,line=\d+/)
    const body = stickies()[0]!.body
    expect(body).toContain('❌')
    // Findings link to their line at the PR head, the commit the reviewer is reading.
    expect(body).toContain(`https://github.com/${OWNER}/${REPO}/blob/${headSha}/partners/eats/contacts.yaml#L`)
  })
})

/** Markdown's backslash escapes removed: the text a reader sees. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}
