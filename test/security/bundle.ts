// What the attack tests in this folder share: the CLI bundle as a process, a PR workspace for the Action bundle, and
// the question every runner-log test asks (did a line become a workflow command?).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startGitHubServer, type CommentSeed, type RunningGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { mergedPullRequestEvents, writeEvent } from '../helpers/webhook-events.js'

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
export const EXAMPLE = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
/** Timeout of a test that runs a bundle several times: each run starts Node and the stand-ins (seconds on a busy machine). */
export const BUNDLE_RUNS = 90_000
export const OWNER = 'Codertocat'
export const REPO = 'Hello-World'

export function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A contacts file for another partner: the example with its own ID (and, optionally, its own name). */
export function partnerFile(id: string, name = 'Example Eats'): string {
  return EXAMPLE.replace('id: "10000001"', `id: "${id}"`).replace('name: Example Eats', `name: ${JSON.stringify(name)}`)
}

export function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

/** The commands we print ourselves, through @actions/core or `--format github`, always with escaped data. */
const OUR_COMMANDS = new Set(['error', 'warning', 'notice', 'debug'])

/**
 * Lines the runner would run as a workflow command that an attacker wrote, read the way the runner reads them: a line
 * starting (after blanks) with `::` is `::command properties::data`, where only the first `::` after the command
 * ends it; otherwise `##[` anywhere is the old form. Injected: a command we never print (`add-mask`, `set-output`,
 * `stop-commands`…), one whose data is the payload (`::warning::PWNED`), or any old form.
 */
export function injectedCommands(output: string): string[] {
  return output.split(/\r?\n|\r/).filter((raw) => {
    const line = raw.trim()
    if (line.startsWith('::')) {
      const end = line.indexOf('::', 2)
      if (end < 0) return false
      const command = line.slice(2, end).split(' ')[0]!
      return !OUR_COMMANDS.has(command) || line.slice(end + 2).startsWith('PWNED')
    }
    return line.includes('##[')
  })
}

const servers: RunningGitHubServer[] = []
export async function closeServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()))
}

export interface PullRequestSetup {
  /** Files of the workspace (the PR's merge commit); default one contacts.yaml, the example. */
  files?: Record<string, string>
  /** The portal before the PR: the example with another technical contact. */
  portal?: string[]
  comments?: Array<Omit<CommentSeed, 'issue'>>
  private?: boolean
  /** The pushed commit is no PR's merge commit (with allow-direct-push, apply needs no review). */
  directPush?: boolean
}

/** A merged PR in the stand-in GitHub, the `file:` portal, and the Action bundle in plan and apply mode. */
export async function pullRequest(options: PullRequestSetup = {}) {
  const dir = tempDir('pc-sec-ws-')
  write(dir, options.files ?? { 'contacts.yaml': EXAMPLE })
  for (const yaml of options.portal ?? [EXAMPLE.replace('integrations@example.com', 'old-integrations@example.com')]) await seedPortal('file:portal.json', yaml, { cwd: dir })
  const { pr, number, head, push, mergeSha } = mergedPullRequestEvents()
  if (options.private) pr['repository'].private = true
  const gh = await startGitHubServer({
    repos: [
      {
        owner: OWNER,
        name: REPO,
        private: options.private ?? false,
        defaultBranch: 'master',
        collaborators: { reviewer: 'write', Codertocat: 'admin' },
        pulls: [{ number, user: 'Codertocat', headSha: head, baseRef: 'master', merged: !options.directPush, ...(options.directPush ? {} : { mergeCommitSha: mergeSha }), files: Object.keys(options.files ?? { 'contacts.yaml': '' }) }],
        comments: (options.comments ?? []).map((c) => ({ issue: number, ...c })),
      },
    ],
  })
  servers.push(gh)
  const env = { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' }
  const inputs = { 'portal-url': 'file:portal.json', 'github-token': 'ghs_test', files: Object.keys(options.files ?? { 'contacts.yaml': '' }).join('\n') }
  const prEvent = writeEvent(tempDir('pc-ev-'), pr)
  const pushEvent = writeEvent(tempDir('pc-ev-'), push)
  const repo = () => gh.repo(`${OWNER}/${REPO}`)
  let reviewId = 90_000
  return {
    dir,
    gh,
    number,
    head,
    portal: () => readFileSync(join(dir, 'portal.json'), 'utf8'),
    plan: (extra: Record<string, string> = {}) => runAction({ workspace: dir, eventName: 'pull_request', eventPath: prEvent, inputs: { ...inputs, ...extra }, env }),
    apply: (extra: Record<string, string> = {}) =>
      runAction({ workspace: dir, eventName: 'push', eventPath: pushEvent, inputs: { ...inputs, ...extra }, env: { ...env, GITHUB_SHA: mergeSha, GITHUB_REF: 'refs/heads/master' } }),
    /** An approval on the PR's final head, submitted at `at` (default: now). */
    approve: (at: string = new Date().toISOString(), login = 'reviewer') =>
      repo().reviews.push({ id: reviewId++, pull: number, user: { login, type: 'User' }, state: 'APPROVED', commitId: head, submittedAt: at, body: '' }),
    comments: () => gh.commentsOn(`${OWNER}/${REPO}`, number),
  }
}
