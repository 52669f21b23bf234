// Reliability groups E and F: hostile PR metadata is inert, debug logging leaks nothing, and the example workflows are locked down.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type RunningGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { webhookExample, writeEvent } from '../helpers/webhook-events.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const EMAILS = [...new Set(example.match(/[a-z0-9.-]+@[a-z0-9.-]+/g) ?? [])]
const PORTAL_TOKEN = 'portal-secret-token-4242'
const GITHUB_TOKEN = 'ghs_secret_github_token_4242'

const servers: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

describe('hostile pull-request metadata and debug logging', () => {
  it('injection-shaped titles and branch names are inert; with step debug on, no token and no contact appears', async () => {
    const dir = tempDir('pc-sec-')
    mkdirSync(join(dir, 'partners/eats'), { recursive: true })
    writeFileSync(join(dir, 'partners/eats/contacts.yaml'), example)
    await seedPortal('file:portal.json', example.replace('integrations@example.com', 'old-integrations@example.com'), { cwd: dir })
    const marker = join(dir, 'pwned')
    const payload = webhookExample('pull_request', 'opened')
    payload['pull_request'].title = `"; touch ${marker}; # $(touch ${marker}) \n::error::pwned\n::set-output name=applied::true`
    payload['pull_request'].head.ref = `$(touch ${marker})\`touch ${marker}\``
    payload['pull_request'].body = `::add-mask::x\n%0A::warning::pwned ${'${{ secrets.TOKEN }}'}`
    const gh = await startGitHubServer({ repos: [{ owner: 'Codertocat', name: 'Hello-World', pulls: [{ number: payload['number'], user: 'Codertocat', headSha: payload['pull_request'].head.sha, files: ['partners/eats/contacts.yaml'] }] }] })
    servers.push(gh)
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      eventPath: writeEvent(dir, payload),
      inputs: { files: 'partners/*/contacts.yaml', 'portal-url': 'file:portal.json', 'portal-token': PORTAL_TOKEN, 'github-token': GITHUB_TOKEN },
      env: { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1', RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' },
    })
    expect(run.code).toBe(0)
    expect(existsSync(marker)).toBe(false)
    const everything = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), ...gh.commentsOn('Codertocat/Hello-World', payload['number']).map((c) => c.body)].join('\n')
    expect(everything).not.toContain('pwned')
    expect(run.outputs['applied']).toBeUndefined()
    // The runner masks what the Action registers with add-mask; the raw token itself must never be printed by us.
    expect(run.stdout.replace(`::add-mask::${PORTAL_TOKEN}`, '')).not.toContain(PORTAL_TOKEN)
    expect(everything).not.toContain(GITHUB_TOKEN)
    // A public repository: no contact in clear anywhere, debug lines included.
    for (const email of EMAILS) expect(everything, email).not.toContain(email)
    expect(run.stdout).toContain('::debug::')
  })
})

describe('example workflows (static checks, E43 and E48)', () => {
  const dir = new URL('../../examples/workflows/', import.meta.url)
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'))

  it.each(files)('%s: no ${{ }} inside run:, permissions everywhere, apply bound to an environment', (file) => {
    const workflow = parse(readFileSync(new URL(file, dir), 'utf8')) as { permissions?: unknown; jobs: Record<string, { permissions?: unknown; environment?: unknown; steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> }> }
    expect(workflow.permissions, 'top-level permissions').toBeDefined()
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions ?? workflow.permissions, `${name}: permissions`).toBeDefined()
      for (const step of job.steps) {
        if (step.run) expect(step.run, `${name}: run`).not.toMatch(/\$\{\{/)
        // Values from the event reach the Action as inputs, never through a shell.
        for (const value of Object.values(step.with ?? {})) expect(String(value)).not.toMatch(/github\.event\.(pull_request|issue|comment|head_commit)\.(title|body|head\.ref|message)/)
      }
      const appliesOrDrifts = job.steps.some((s) => s.uses?.startsWith('partner-contacts/') && ['apply', 'drift'].includes(String(s.with?.['mode'])))
      if (appliesOrDrifts) expect(job.environment, `${name}: environment`).toBeDefined()
    }
  })
})
