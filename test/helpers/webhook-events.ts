// Real webhook payloads from @octokit/webhooks-examples, written to a file as the runner does.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

interface EventExamples {
  name: string
  examples: Array<Record<string, unknown> & { action?: string }>
}

const require = createRequire(import.meta.url)
const all = require('@octokit/webhooks-examples/api.github.com/index.json') as EventExamples[]

/** A deep copy of the first example of `event` (with `action` when given), to adjust per test. */
export function webhookExample(event: string, action?: string): Record<string, any> {
  const examples = all.find((e) => e.name === event)?.examples ?? []
  const found = examples.find((e) => action === undefined || e.action === action)
  if (!found) throw new Error(`no ${event}${action ? `.${action}` : ''} example in @octokit/webhooks-examples`)
  return structuredClone(found)
}

export function writeEvent(dir: string, payload: unknown): string {
  const path = join(dir, 'event.json')
  writeFileSync(path, JSON.stringify(payload))
  return path
}

/**
 * A pull request and the push of its merge commit to the default branch (`master` in the examples), as GitHub sends
 * them: the opened PR's payload, its number and head, and the push whose `after` is the merge commit.
 */
export function mergedPullRequestEvents() {
  const pr = webhookExample('pull_request', 'opened')
  const push = webhookExample('push')
  push['ref'] = 'refs/heads/master'
  return { pr, number: pr['number'] as number, head: pr['pull_request'].head.sha as string, push, mergeSha: push['after'] as string }
}
