// The PR-plan figure: the Action in plan mode on a pull request that changes one of many partner files. A stand-in
// GitHub API lists that one file; a counting proxy in front of the portal emulator records which partners were asked.
import { spawn } from 'node:child_process'
import { createServer, request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Starts an HTTP server on 127.0.0.1 and resolves its base URL. */
function listen(handler) {
  const server = createServer(handler)
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })))
}

/** Starts `partner-contacts portal serve` with `args`; resolves the process and the base URL it prints first. */
export async function servePortal(node, cli, args) {
  const server = spawn(node, [cli, 'portal', 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    let buffer = ''
    server.stdout.on('data', (d) => {
      buffer += d
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0].trim())
    })
    server.on('exit', (code) => reject(new Error(`portal serve exited ${code}`)))
  })
  return { server, url }
}

/**
 * Writes `partners` files under `dir`, runs each bundle once against the same emulator, and returns, per bundle, the
 * partners the portal was asked about and the wall time. `changed` is the index of the one file the PR changes.
 */
export async function prPlan({ node, cli, bundles, work, example, partners, changed }) {
  const dir = join(work, 'pr')
  const ids = []
  for (let i = 0; i < partners; i++) {
    const id = String(40000000 + i)
    ids.push(id)
    mkdirSync(join(dir, `p${i}`), { recursive: true })
    writeFileSync(join(dir, `p${i}/contacts.yaml`), example.replace('id: "10000001"', `id: "${id}"`))
  }
  const { server: portal, url: portalUrl } = await servePortal(node, cli, ['--state', join(work, 'pr-portal.json'), ...ids.flatMap((id) => ['--partner', id])])
  let asked = new Set()
  const proxy = await listen((req, res) => {
    const match = /^\/v1\/partners\/([^/]+)\//.exec(req.url ?? '')
    if (match) asked.add(match[1])
    const upstream = request(portalUrl + req.url, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers)
      r.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  const changedFile = `pr/p${changed}/contacts.yaml`
  const github = await listen((req, res) => {
    res.setHeader('content-type', 'application/json')
    if (req.method === 'GET' && /^\/repos\/o\/r\/pulls\/7\/files/.test(req.url ?? '')) {
      res.end(JSON.stringify([{ sha: '0'.repeat(40), filename: changedFile, status: 'modified', additions: 1, deletions: 1, changes: 2 }]))
    } else {
      res.statusCode = 404
      res.end('{"message":"Not Found"}')
    }
  })
  const runner = join(work, 'pr-runner')
  mkdirSync(runner, { recursive: true })
  const repo = { id: 1, full_name: 'o/r', private: true, visibility: 'private' }
  const event = { number: 7, repository: repo, pull_request: { number: 7, user: { login: 'author' }, head: { sha: 'a'.repeat(40), ref: 'change', repo }, base: { sha: 'b'.repeat(40), ref: 'main', repo } } }
  writeFileSync(join(runner, 'event.json'), JSON.stringify(event))
  const results = []
  for (const bundle of bundles) {
    asked = new Set()
    writeFileSync(join(runner, 'out'), '')
    writeFileSync(join(runner, 'summary'), '')
    const env = {
      ...process.env,
      GITHUB_WORKSPACE: work, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(runner, 'event.json'), GITHUB_REPOSITORY: 'o/r',
      GITHUB_OUTPUT: join(runner, 'out'), GITHUB_STEP_SUMMARY: join(runner, 'summary'), RUNNER_TEMP: runner, GITHUB_API_URL: github.url,
      'INPUT_MODE': 'plan', 'INPUT_FILES': 'pr/*/contacts.yaml', 'INPUT_PORTAL-URL': proxy.url, 'INPUT_PORTAL-TOKEN': 'bench',
      'INPUT_GITHUB-TOKEN': 'bench', 'INPUT_COMMENT': 'false', PARTNER_CONTACTS_RATE_LIMIT: '0',
    }
    const started = process.hrtime.bigint()
    const code = await new Promise((resolve) => spawn(node, [bundle.path], { cwd: work, env, stdio: 'ignore' }).on('close', resolve))
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    results.push({ name: bundle.name, code, ms, asked: [...asked] })
  }
  portal.kill()
  proxy.server.close()
  github.server.close()
  return { results, expected: ids[changed] }
}
