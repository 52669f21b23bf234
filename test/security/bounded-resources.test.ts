// Bounded resources (issue 11 item 10), through the bundles: files are sized before they are read and must resolve
// inside the working tree; portal and GitHub answers are capped; a portal redirect is refused at once.
import { mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startGitHubServer, type RunningGitHubServer } from '../helpers/github-server.js'
import { closeAfterTest, listenLocal } from '../helpers/local-server.js'
import { runAction } from '../helpers/run-action.js'
import { spawnCli } from '../helpers/spawn-cli.js'
import { tempDir } from '../helpers/temp-dir.js'
import { webhookExample, writeEvent } from '../helpers/webhook-events.js'

const EXAMPLE = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
/** Reports the process's peak resident memory (KiB) on stderr as it exits: the bundle itself is unchanged. */
const MAX_RSS = ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`))']
const maxRssMiB = (stderr: string) => Number(/maxrss=(\d+)/.exec(stderr)?.[1]) / 1024


function sparseFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w')
  ftruncateSync(fd, bytes)
  closeSync(fd)
}

async function standIn(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    handler(req, res)
  })
  return { url: `http://127.0.0.1:${await listenLocal(server)}`, requests }
}

function project(): string {
  const dir = tempDir('pc-bounded-')
  writeFileSync(join(dir, 'contacts.yaml'), EXAMPLE)
  return dir
}

describe('contacts files are read with bounded cost', () => {
  it('a 1 GiB contacts file is refused from its size, without reading it', async () => {
    const dir = tempDir('pc-big-')
    mkdirSync(join(dir, 'partners/big'), { recursive: true })
    sparseFile(join(dir, 'partners/big/contacts.yaml'), 1024 ** 3)
    const run = await spawnCli(['validate', 'partners/*/contacts.yaml', '--format', 'json'], { cwd: dir, nodeArgs: MAX_RSS })
    expect(run.code).toBe(1)
    const [file] = JSON.parse(run.stdout).files
    expect(file.findings).toEqual([expect.objectContaining({ ruleId: 'yaml-unsafe', line: 1, message: 'the file is 1073741824 bytes; the limit is 1048576 bytes (1 MiB)' })])
    expect(maxRssMiB(run.stderr)).toBeLessThan(200)
  })

  it('a symlink out of the working tree (to /etc/shadow, to a 2 GB file) is refused with a finding and never read', async () => {
    const outside = tempDir('pc-outside-')
    writeFileSync(join(outside, 'secret.yaml'), 'root:$6$saltsalt$hashedpasswordline:19000:0:99999:7:::\n')
    sparseFile(join(outside, 'huge.yaml'), 2 * 1024 ** 3)
    const dir = tempDir('pc-tree-')
    for (const [name, target] of [['shadow', '/etc/shadow'], ['secret', join(outside, 'secret.yaml')], ['huge', join(outside, 'huge.yaml')]] as const) {
      mkdirSync(join(dir, 'partners', name), { recursive: true })
      symlinkSync(target, join(dir, 'partners', name, 'contacts.yaml'))
    }
    // A link that stays inside the tree is still read.
    mkdirSync(join(dir, 'shared'))
    writeFileSync(join(dir, 'shared/eats.yaml'), EXAMPLE)
    mkdirSync(join(dir, 'partners/eats'))
    symlinkSync('../../shared/eats.yaml', join(dir, 'partners/eats/contacts.yaml'))
    const json = await spawnCli(['validate', 'partners/*/contacts.yaml', '--format', 'json'], { cwd: dir, nodeArgs: MAX_RSS })
    const sarif = await spawnCli(['validate', 'partners/*/contacts.yaml', '--format', 'sarif'], { cwd: dir })
    expect(json.code).toBe(1)
    const byFile = Object.fromEntries(JSON.parse(json.stdout).files.map((f: { file: string; findings: unknown[] }) => [f.file, f.findings]))
    const refused = [expect.objectContaining({ ruleId: 'yaml-unsafe', line: 1, message: 'the file is a symbolic link to a place outside the working tree; only files inside it are read' })]
    expect(byFile['partners/huge/contacts.yaml']).toEqual(refused)
    expect(byFile['partners/secret/contacts.yaml']).toEqual(refused)
    if (byFile['partners/shadow/contacts.yaml']) expect(byFile['partners/shadow/contacts.yaml']).toEqual(refused)
    expect(byFile['partners/eats/contacts.yaml']).toEqual([])
    for (const output of [json.stdout, sarif.stdout]) {
      expect(output).not.toContain('hashedpasswordline')
      expect(output).not.toMatch(/root:/)
    }
    expect(maxRssMiB(json.stderr)).toBeLessThan(200)
  })
})

describe('portal answers are bounded', () => {
  it('an endless portal answer is cut at 4 MiB with a clear error, once, without the memory', async () => {
    let sent = 0
    const portal = await standIn((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(1024 * 1024, 0x20)
      const pump = () => {
        while (sent < 200 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end('{}')
      }
      pump()
    })
    const run = await spawnCli(['plan', '--portal', portal.url], { cwd: project(), nodeArgs: MAX_RSS })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`${portal.url} sent an answer larger than 4 MiB, the limit: check that --portal (portal-url in the Action) is the portal API`)
    expect(new Set(portal.requests).size).toBe(portal.requests.length) // each read once: not retried
    expect(sent).toBeLessThan(100 * 1024 * 1024)
    expect(maxRssMiB(run.stderr)).toBeLessThan(200)
  })

  it('a declared 700 MB answer is refused from its Content-Length', async () => {
    const portal = await standIn((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(700 * 1024 * 1024) })
      res.write('{"name":')
    })
    const run = await spawnCli(['plan', '--portal', portal.url], { cwd: project() })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('sent an answer larger than 4 MiB')
    expect(run.ms).toBeLessThan(8000)
  })

  it('a redirect from the portal is a clear error, not followed and not retried', async () => {
    const elsewhere = await standIn((_req, res) => res.end('{}'))
    const portal = await standIn((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/steal?key=abc` })
      res.end()
    })
    const run = await spawnCli(['plan', '--portal', portal.url], { cwd: project(), env: { PARTNER_CONTACTS_PORTAL_TOKEN: 'portal-secret-token' } })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `${portal.url} answered HTTP 307, a redirect to ${elsewhere.url}/steal; redirects are not followed (the token would go with them): set --portal (portal-url in the Action) to the portal API's own base URL`,
    )
    expect(run.stderr).not.toContain('key=abc')
    expect(new Set(portal.requests).size).toBe(portal.requests.length) // not retried
    expect(elsewhere.requests).toEqual([])
  })
})

describe('GitHub answers are bounded', () => {
  it('a GitHub answer over 8 MiB fails the plan step with a clear error', async () => {
    const dir = tempDir('pc-gh-big-')
    mkdirSync(join(dir, 'partners/eats'), { recursive: true })
    writeFileSync(join(dir, 'partners/eats/contacts.yaml'), EXAMPLE)
    const payload = webhookExample('pull_request', 'opened')
    payload['repository'].private = false
    const pr = payload['pull_request']
    const gh: RunningGitHubServer = await startGitHubServer({
      repos: [{ owner: 'Codertocat', name: 'Hello-World', pulls: [{ number: payload['number'], user: pr.user.login, headSha: pr.head.sha }] }],
    })
    closeAfterTest(() => gh.close())
    gh.fail({ method: 'GET', path: /\/issues\/\d+\/comments$/, status: 200, body: [{ id: 1, body: 'x'.repeat(12 * 1024 * 1024) }], times: 10 })
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      eventPath: writeEvent(dir, payload),
      inputs: { files: 'partners/*/contacts.yaml', 'portal-url': 'file:portal.json', 'github-token': 'ghs_test' },
      env: { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' },
    })
    expect(run.code).not.toBe(0)
    expect(run.stdout + run.stderr).toContain('GitHub sent an answer larger than 8 MiB, the limit; check GITHUB_API_URL')
  })
})
