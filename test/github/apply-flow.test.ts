// The GitHub side of apply, as the Action will chain it, from a real push payload: event → PR → approvals → reviewed checksum → report.
import { ENGLISH } from '../../src/i18n/catalogue.js'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluateApprovals } from '../../src/github/approvals.js'
import { readGitHubEvent } from '../../src/github/event.js'
import { findMergedPullRequestForCommit, listPullRequestFiles } from '../../src/github/pull-request.js'
import { createComment, findStickyComment } from '../../src/github/sticky-comment.js'
import { tempDir } from '../helpers/temp-dir.js'
import type { ReviewSeed } from '../helpers/github-server.js'
import { clientFor, example, serve, sha } from './helpers.js'

const MARKER = '<!-- partner-contacts:plan -->'
const dir = tempDir('pc-gh-apply-')

async function applyChecks(reviews: Array<Omit<ReviewSeed, 'pull'>>, comments: Array<{ user: string; body: string }>) {
  const push = example('push', undefined, 4) // refs/heads/master → 6113728f…
  const path = join(dir, `push-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, JSON.stringify(push))
  const event = readGitHubEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_SHA: String(push['after']), GITHUB_REF: 'refs/heads/master', GITHUB_RUN_ID: '9' })
  const head = sha('head of #3')
  const gh = await serve({
    repos: [{
      owner: 'Codertocat', name: 'Hello-World', defaultBranch: 'master', collaborators: { reviewer: 'write', Codertocat: 'admin' },
      pulls: [{ number: 3, user: 'Codertocat', headSha: head, mergeCommitSha: event.pushedSha!, baseRef: 'master', files: ['contacts.yaml'] }],
      reviews: reviews.map((r) => ({ pull: 3, ...r })),
      comments: comments.map((c) => ({ issue: 3, ...c })),
    }],
  })
  const client = clientFor(gh)
  expect(event.isDefaultBranchPush).toBe(true)
  const pull = await findMergedPullRequestForCommit(client, event.owner, event.repo, event.pushedSha!, { baseRef: event.defaultBranch! })
  if (!pull) throw new Error('no PR')
  const files = (await listPullRequestFiles(client, event.owner, event.repo, pull.number)).map((f) => f.filename)
  const approvals = await evaluateApprovals(client, { owner: event.owner, repo: event.repo, pull, requiredApprovals: 1, changedFiles: files })
  const sticky = await findStickyComment(client, { owner: event.owner, repo: event.repo, issueNumber: pull.number, marker: MARKER, trustedAuthors: { logins: ['github-actions[bot]'] } })
  const reviewed = /checksum: (sha256:[0-9a-f]+)/.exec(sticky.comment?.body ?? '')?.[1]
  await createComment(client, { owner: event.owner, repo: event.repo, issueNumber: pull.number, body: approvals.ok ? `Applied ${reviewed}` : `Not applied: ${approvals.reasons.map((r) => ENGLISH.format(r.id, r.values)).join('; ')}` })
  return { gh, approvals, reviewed, head }
}

describe('apply, GitHub side', () => {
  it('an approved merge: the reviewed checksum comes from the bot comment, and the report is posted on the PR', async () => {
    const head = sha('head of #3')
    const { gh, approvals, reviewed } = await applyChecks([{ user: 'reviewer', state: 'APPROVED', commitId: head }], [
      { user: 'reviewer', body: `${MARKER}\nchecksum: sha256:beef` }, // a human pasting the marker does not count
      { user: 'github-actions[bot]', body: `${MARKER}\nchecksum: sha256:c0ffee` },
    ])
    expect(approvals.ok).toBe(true)
    expect(reviewed).toBe('sha256:c0ffee')
    expect(gh.commentsOn('Codertocat/Hello-World', 3).at(-1)?.body).toBe('Applied sha256:c0ffee')
  })

  it('an approval on an older commit: refused, and the report says why', async () => {
    const { gh, approvals } = await applyChecks([{ user: 'reviewer', state: 'APPROVED', commitId: sha('older') }], [])
    expect(approvals.ok).toBe(false)
    expect(gh.commentsOn('Codertocat/Hello-World', 3).at(-1)?.body).toMatch(/^Not applied: @reviewer's approval was on an older commit/)
  })
})
