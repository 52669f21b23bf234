// Shared pieces for the GitHub layer's tests: a stand-in server closed after each test, a fast client, SHAs, real payloads.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { afterEach } from 'vitest'
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../src/github/client.js'
import { GitHubError } from '../../src/github/github-error.js'
import { startGitHubServer, type GitHubSeed, type RunningGitHubServer } from '../helpers/github-server.js'

const running: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()))
})

export async function serve(seed: GitHubSeed = {}): Promise<RunningGitHubServer> {
  const server = await startGitHubServer(seed)
  running.push(server)
  return server
}

/** Waits are 1 ms units, and write spacing is off: the throttling plugin's own behaviour has its tests in client.test.ts. */
export function clientFor(server: RunningGitHubServer, options: Partial<GitHubClientOptions> = {}): GitHubClient {
  return createGitHubClient({ token: 't0k', baseUrl: server.url, retryAfterBaseValue: 1, throttle: false, ...options })
}

/** A stable 40-hex SHA named by a word, so failures read `sha('head')` rather than noise. */
export function sha(name: string): string {
  return createHash('sha1').update(name).digest('hex')
}

export async function gitHubFailure(promise: Promise<unknown>): Promise<GitHubError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof GitHubError) return error
    throw error
  }
  throw new Error('expected a GitHubError')
}

interface EventExamples {
  name: string
  examples: Array<Record<string, unknown>>
}
const require = createRequire(import.meta.url)
const all = require('@octokit/webhooks-examples/api.github.com/index.json') as EventExamples[]

/** A deep copy of a real webhook payload from @octokit/webhooks-examples (`index` picks among several). */
export function example(event: string, action?: string, index = 0): Record<string, unknown> {
  const found = (all.find((e) => e.name === event)?.examples ?? []).filter((e) => action === undefined || e['action'] === action)[index]
  if (!found) throw new Error(`no ${event}${action ? `.${action}` : ''} example #${index} in @octokit/webhooks-examples`)
  return structuredClone(found)
}
