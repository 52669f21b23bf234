// The run's event from real @octokit/webhooks-examples payloads, written to a file as the runner does; bad files are typed errors.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GitHubEventError, isPublicRepository, readGitHubEvent, type EventEnv } from '../../src/github/event.js'
import { tempDir } from '../helpers/temp-dir.js'
import { example } from './helpers.js'

const dir = tempDir('pc-gh-event-')
let n = 0

function envFor(name: string, payload: unknown, extra: EventEnv = {}): EventEnv {
  const path = join(dir, `event-${++n}.json`)
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload))
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_SHA: 'f'.repeat(40), GITHUB_REF: 'refs/pull/2/merge', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42', ...extra }
}

function failure(env: EventEnv): GitHubEventError {
  try {
    readGitHubEvent(env)
  } catch (error) {
    if (error instanceof GitHubEventError) return error
    throw error
  }
  throw new Error('expected a GitHubEventError')
}

describe('readGitHubEvent', () => {
  it('pull_request.opened: number, head, base, author, not a fork, public', () => {
    const payload = example('pull_request', 'opened')
    const event = readGitHubEvent(envFor('pull_request', payload))
    expect(event).toMatchObject({ name: 'pull_request', owner: 'Codertocat', repo: 'Hello-World', defaultBranch: 'master', visibility: 'public', runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/42', pushedSha: undefined, isDefaultBranchPush: false })
    expect(event.pullRequest).toEqual({
      number: 2,
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      headRef: 'changes',
      baseRef: 'master',
      baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      authorLogin: 'Codertocat',
      fromFork: false,
      merged: false,
      mergeCommitSha: undefined,
      htmlUrl: 'https://github.com/Codertocat/Hello-World/pull/2',
    })
    expect(isPublicRepository(event)).toBe(true)
  })

  it('pull_request.synchronize and pull_request_review carry the PR too', () => {
    expect(readGitHubEvent(envFor('pull_request', example('pull_request', 'synchronize'))).pullRequest?.number).toBe(2)
    expect(readGitHubEvent(envFor('pull_request_review', example('pull_request_review', 'submitted'))).pullRequest?.number).toBe(2)
  })

  it('a PR from a fork: the head repository differs (by id, else by full name); a deleted fork counts as a fork', () => {
    const payload = example('pull_request', 'opened') as { pull_request: { head: { repo: Record<string, unknown> | null } } }
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, id: 1, full_name: 'mallory/Hello-World', fork: true }
    expect(readGitHubEvent(envFor('pull_request', payload)).pullRequest?.fromFork).toBe(true)
    const { id: _id, ...withoutId } = payload.pull_request.head.repo
    payload.pull_request.head.repo = withoutId
    expect(readGitHubEvent(envFor('pull_request', payload)).pullRequest?.fromFork).toBe(true)
    payload.pull_request.head.repo = null
    expect(readGitHubEvent(envFor('pull_request', payload)).pullRequest?.fromFork).toBe(true)
  })

  it('head.repo.fork alone does not make a fork: the base repository may itself be one', () => {
    const payload = example('pull_request', 'opened') as { pull_request: { head: { repo: Record<string, unknown> }; base: { repo: Record<string, unknown> } } }
    payload.pull_request.head.repo['fork'] = true
    payload.pull_request.base.repo['fork'] = true
    expect(readGitHubEvent(envFor('pull_request', payload)).pullRequest?.fromFork).toBe(false)
  })

  it('a private or internal repository is not public; unknown visibility counts as public (redact)', () => {
    const payload = example('pull_request', 'opened') as { repository: Record<string, unknown> }
    payload.repository['private'] = true
    expect(isPublicRepository(readGitHubEvent(envFor('pull_request', payload)))).toBe(false)
    payload.repository['visibility'] = 'internal'
    expect(readGitHubEvent(envFor('pull_request', payload)).visibility).toBe('internal')
    const schedule = readGitHubEvent(envFor('schedule', { schedule: '17 6 * * *' }))
    expect(schedule).toMatchObject({ owner: 'Codertocat', repo: 'Hello-World', visibility: 'unknown', pullRequest: undefined, defaultBranch: undefined })
    expect(isPublicRepository(schedule)).toBe(true)
  })

  it('push to the default branch: the pushed SHA is `after`', () => {
    const payload = example('push', undefined, 4)
    const event = readGitHubEvent(envFor('push', payload, { GITHUB_REF: 'refs/heads/master', GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246' }))
    expect(event).toMatchObject({ pushedSha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', isDefaultBranchPush: true, defaultBranch: 'master', pullRequest: undefined })
  })

  it('a tag push is not a default-branch push; a deletion (after = 0…0) falls back to GITHUB_SHA', () => {
    const tag = readGitHubEvent(envFor('push', example('push', undefined, 0)))
    expect(tag.isDefaultBranchPush).toBe(false)
    const deletion = readGitHubEvent(envFor('push', example('push', undefined, 1)))
    expect(deletion.pushedSha).toBe('f'.repeat(40))
  })

  it('GHES: the run URL uses GITHUB_SERVER_URL', () => {
    const event = readGitHubEvent(envFor('workflow_dispatch', example('workflow_dispatch'), { GITHUB_SERVER_URL: 'https://git.example.com/', GITHUB_REPOSITORY: 'octo-org/contacts' }))
    expect(event.runUrl).toBe('https://git.example.com/octo-org/contacts/actions/runs/42')
  })

  it('missing variables, a missing file, bad JSON, a non-object, a PR without a head → typed errors with plain messages', () => {
    expect(failure({}).kind).toBe('missing-env')
    expect(failure({ GITHUB_EVENT_NAME: 'push' }).message).toContain('GITHUB_EVENT_PATH is not set')
    const missing = failure({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(dir, 'nope.json'), GITHUB_REPOSITORY: 'o/r' })
    expect(missing).toMatchObject({ kind: 'unreadable' })
    expect(missing.message).toContain('ENOENT')
    expect(failure(envFor('push', '{"ref": "refs/heads/ma')).kind).toBe('malformed')
    expect(failure(envFor('push', '[1, 2]')).message).toContain('does not hold a JSON object')
    const pr = example('pull_request', 'opened') as { pull_request: { head: Record<string, unknown> } }
    delete pr.pull_request.head['sha']
    expect(failure(envFor('pull_request', pr)).message).toContain('without a head SHA')
    expect(failure(envFor('push', example('push'), { GITHUB_REPOSITORY: 'no-slash' })).kind).toBe('missing-env')
  })

  it('falls back to the payload for the repository name when GITHUB_REPOSITORY is unset', () => {
    const event = readGitHubEvent(envFor('pull_request', example('pull_request', 'opened'), { GITHUB_REPOSITORY: undefined }))
    expect([event.owner, event.repo]).toEqual(['Codertocat', 'Hello-World'])
  })
})
