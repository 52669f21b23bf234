// Issue 11 item 11: answers the code handles (403 on GET /user for a GITHUB_TOKEN, 404 for a drift label not made yet) are never logged as errors.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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

async function workspace() {
  const dir = tempDir('pc-alarm-ws-')
  mkdirSync(join(dir, 'partners/eats'), { recursive: true })
  writeFileSync(join(dir, 'partners/eats/contacts.yaml'), example)
  await seedPortal('file:portal.json', before, { cwd: dir })
  return dir
}

const inputs = { files: 'partners/*/contacts.yaml', 'portal-url': 'file:portal.json', 'github-token': 'ghs_test' }

describe('no false alarms in the runner log', () => {
  it('plan with a GITHUB_TOKEN: the 403 of GET /user is expected and is not an ::error::', async () => {
    const dir = await workspace()
    const payload = webhookExample('pull_request', 'opened')
    const gh = await startGitHubServer({ repos: [{ owner: 'Codertocat', name: 'Hello-World', pulls: [{ number: payload['number'], user: 'Codertocat', headSha: payload['pull_request'].head.sha }] }] })
    servers.push(gh)
    const run = await runAction({ workspace: dir, eventName: 'pull_request', eventPath: writeEvent(dir, payload), inputs, env: { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' } })
    expect(run.code).toBe(0)
    // The stand-in answered 403 as GitHub does for an installation token: the test exercises the path it claims to.
    expect(gh.requests.some((r) => r.path === '/user' && r.status === 403)).toBe(true)
    expect(run.stdout).not.toMatch(/::(error|warning)::/)
  })

  it('drift: the 404 of a label not created yet is expected and is not an ::error::', async () => {
    const dir = await workspace()
    const gh = await startGitHubServer({ repos: [{ owner: 'Codertocat', name: 'Hello-World', private: true }] })
    servers.push(gh)
    const event = writeEvent(dir, { schedule: '17 6 * * *', workflow: '.github/workflows/contacts.yml' })
    const run = await runAction({ workspace: dir, eventName: 'schedule', eventPath: event, inputs, env: { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' } })
    expect(run.code).toBe(0)
    expect(gh.requests.some((r) => /\/labels\//.test(r.path) && r.status === 404)).toBe(true)
    expect(run.stdout).not.toMatch(/::(error|warning)::/)
  })

  it('a failure the code does not handle is still reported, once, by the code', async () => {
    const dir = await workspace()
    const gh = await startGitHubServer({ repos: [{ owner: 'Codertocat', name: 'Hello-World', private: true }] })
    servers.push(gh)
    gh.fail({ method: 'GET', path: /\/issues$/, status: 403, times: 5 })
    const event = writeEvent(dir, { schedule: '17 6 * * *', workflow: '.github/workflows/contacts.yml' })
    const run = await runAction({ workspace: dir, eventName: 'schedule', eventPath: event, inputs, env: { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' } })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors.length).toBeGreaterThan(0)
    // Octokit's own request line (`GET /repos/… - 403 with id …`) is not among them.
    expect(errors.filter((l) => / - \d{3} with id /.test(l))).toEqual([])
  })
})
