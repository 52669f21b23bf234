// The bundle on a pull request in a repository of 50 partners: plan-scope decides which partners the portal is asked about.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulatorServer, type RunningEmulator } from '../../src/portal/emulator/server.js'
import { PLAN_MARKER, parsePlanMarkers } from '../../src/report/render-plan-markdown.js'
import { startGitHubServer, type RunningGitHubServer } from '../helpers/github-server.js'
import { pullRequestRunner } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { webhookExample, writeEvent } from '../helpers/webhook-events.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const PARTNERS = 50
const partnerId = (i: number) => String(20000000 + i)
const fileOf = (i: number) => `partners/p${String(i).padStart(2, '0')}/contacts.yaml`

const closers: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((s) => s.close()))
})

/** Every portal request's partner ID, in order, as the emulator on loopback received them. */
function partnersAsked(portal: RunningEmulator): string[] {
  const asked: string[] = []
  portal.server.prependListener('request', (req) => {
    const match = /^\/v1\/partners\/([^/]+)\//.exec(req.url ?? '')
    asked.push(match ? match[1]! : `? ${req.url}`)
  })
  return asked
}

/** `count` partners; the cases that plan every file use few, as a full 50-partner plan takes seconds on a loaded runner. */
async function setup(changed: string[], count = PARTNERS) {
  const dir = tempDir('pc-scope-ws-')
  for (let i = 1; i <= count; i++) {
    mkdirSync(join(dir, fileOf(i), '..'), { recursive: true })
    writeFileSync(join(dir, fileOf(i)), example.replace('id: "10000001"', `id: "${partnerId(i)}"`))
  }
  const portal = await startEmulatorServer({ partners: Array.from({ length: count }, (_, i) => partnerId(i + 1)) })
  closers.push(portal)
  const asked = partnersAsked(portal)
  const payload = webhookExample('pull_request', 'synchronize')
  const pr = payload['pull_request']
  const gh: RunningGitHubServer = await startGitHubServer({
    repos: [{ owner: 'Codertocat', name: 'Hello-World', pulls: [{ number: payload['number'], user: pr.user.login, headSha: pr.head.sha, files: changed }] }],
  })
  closers.push(gh)
  const event = writeEvent(dir, payload)
  const plan = pullRequestRunner(dir, event, gh.url, { 'portal-url': portal.url, 'portal-token': 'test-token' }, { PARTNER_CONTACTS_RATE_LIMIT: '0' })
  const sticky = () => gh.commentsOn('Codertocat/Hello-World', payload['number']).find((c) => c.body.startsWith(PLAN_MARKER))
  return { plan, asked, sticky, gh }
}

const FEW = 6
const allPartners = Array.from({ length: FEW }, (_, i) => partnerId(i + 1))

describe('Action, plan-scope on a pull request', () => {
  it('changed (the default): a PR changing one file makes portal calls for that one partner only', async () => {
    const s = await setup([fileOf(7), 'README.md', `${fileOf(60)}`])
    // A shard would hide files from the reviewer: plan mode says it ignores one.
    const run = await s.plan({ shard: '2/2' })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('::warning::input shard is for modes drift and apply; mode plan ignores it')
    expect(new Set(s.asked)).toEqual(new Set([partnerId(7)]))
    const body = s.sticky()!.body
    expect([...parsePlanMarkers(body).keys()]).toEqual([fileOf(7)])
    expect(body).toContain('1 of 50 contacts files planned')
    expect(run.summary).toContain('1 of 50 contacts files planned')
    expect(JSON.parse(readFileSync(run.outputs['report']!, 'utf8')).files.map((f: { file: string }) => f.file)).toEqual([fileOf(7)])
  })

  it('a PR that changes no contacts file asks the portal nothing and says so', async () => {
    const s = await setup(['README.md'])
    const run = await s.plan()
    expect(run.code).toBe(0)
    expect(s.asked).toEqual([])
    expect(run.outputs).toMatchObject({ 'has-changes': 'false', 'plan-checksum': '' })
    expect(s.sticky()!.body).toContain('changes none of the 50 contacts files')
  })

  // The config file's case is in src/plan/plan-scope.test.ts; one full run here is enough to show the wiring.
  it('a PR that changes a workflow plans every partner', async () => {
    const s = await setup([fileOf(3), '.github/workflows/contacts.yml'], FEW)
    const run = await s.plan()
    expect(run.code).toBe(0)
    expect(new Set(s.asked)).toEqual(new Set(allPartners))
    expect(parsePlanMarkers(s.sticky()!.body).size).toBe(FEW)
    expect(s.sticky()!.body).toContain('changes a workflow')
  })

  it('plan-scope: all plans every partner; a GitHub failure listing the files also plans every partner, with a warning', async () => {
    const s = await setup([fileOf(1)], FEW)
    const all = await s.plan({ 'plan-scope': 'all' })
    expect(all.code).toBe(0)
    expect(new Set(s.asked)).toEqual(new Set(allPartners))
    s.asked.length = 0
    s.gh.fail({ method: 'GET', path: /\/pulls\/\d+\/files$/, status: 500, times: 20 })
    const failed = await s.plan()
    expect(failed.code).toBe(0)
    expect(new Set(s.asked)).toEqual(new Set(allPartners))
    expect(failed.stdout).toMatch(/::warning::plan-scope: changed: the pull request's files could not be listed, so every contacts file is planned/)
    expect(s.sticky()!.body).toContain('GitHub could not list the files this pull request changes')
  })

  it('refuses a plan-scope that is neither changed nor all', async () => {
    const s = await setup([fileOf(1)], FEW)
    const run = await s.plan({ 'plan-scope': 'some' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::input plan-scope: must be changed or all')
    expect(s.asked).toEqual([])
  })
})
