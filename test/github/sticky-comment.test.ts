// The sticky comment against the stand-in GitHub: one comment per PR, found across pages, never hijacked by a human.
import { describe, expect, it } from 'vitest'
import { findStickyComment, upsertStickyComment, createComment, GITHUB_BODY_LIMIT } from '../../src/github/sticky-comment.js'
import { trustedAuthorsForToken } from '../../src/github/authors.js'
import { clientFor, gitHubFailure, serve, sha } from './helpers.js'

const MARKER = '<!-- partner-contacts:plan -->'
// What trustedAuthorsForToken answers for a GITHUB_TOKEN: only github-actions[bot]'s comments count.
const target = { owner: 'acme', repo: 'contacts', issueNumber: 7, marker: MARKER, trustedAuthors: { logins: ['github-actions[bot]'] } }

function seed(comments: Array<{ user: string | { login: string; type: 'User' | 'Bot' }; body: string }> = []) {
  return { repos: [{ owner: 'acme', name: 'contacts', pulls: [{ number: 7, user: 'alice', headSha: sha('head') }], comments: comments.map((c) => ({ issue: 7, ...c })) }] }
}

const noise = (n: number) => Array.from({ length: n }, (_, i) => ({ user: i % 2 ? 'bob' : 'carol', body: `LGTM ${i}` }))

describe('upsertStickyComment', () => {
  it('creates the comment once, then updates it in place: still one', async () => {
    const gh = await serve(seed())
    const client = clientFor(gh)
    const first = await upsertStickyComment(client, { ...target, body: `${MARKER}\nplan v1` })
    const second = await upsertStickyComment(client, { ...target, body: `${MARKER}\nplan v2` })
    expect(first.action).toBe('created')
    expect(second).toMatchObject({ action: 'updated', id: first.id, duplicates: [] })
    const comments = gh.commentsOn('acme/contacts', 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]).toMatchObject({ body: `${MARKER}\nplan v2`, user: { login: 'github-actions[bot]', type: 'Bot' } })
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(gh.requests.find((r) => r.method === 'PATCH')?.path).toBe(`/repos/acme/contacts/issues/comments/${first.id}`)
    expect(gh.requests.every((r) => r.authorization === 'token t0k')).toBe(true)
  })

  it('finds its comment on page 3 of 250 comments (per_page 100), and does not write a second one', async () => {
    const gh = await serve(seed([...noise(230), { user: 'github-actions[bot]', body: `${MARKER}\nold plan` }, ...noise(19)]))
    const result = await upsertStickyComment(clientFor(gh), { ...target, body: 'new plan' })
    expect(result.action).toBe('updated')
    const lists = gh.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/issues/7/comments'))
    expect(lists.map((r) => [r.query['per_page'], r.query['page'] ?? '1'])).toEqual([['100', '1'], ['100', '2'], ['100', '3']])
    const mine = gh.commentsOn('acme/contacts', 7).filter((c) => c.body.startsWith(MARKER))
    expect(mine).toHaveLength(1)
    expect(mine[0]!.body).toBe(`${MARKER}\nnew plan`) // the marker is put on the first line when the body lacks it
  })

  it('ignores a human-authored comment that carries the marker', async () => {
    const gh = await serve(seed([{ user: 'mallory', body: `${MARKER}\nchecksum sha256:forged` }]))
    const client = clientFor(gh)
    const found = await findStickyComment(client, target)
    expect(found).toMatchObject({ comment: undefined, ignoredUntrusted: 1 })
    const result = await upsertStickyComment(client, { ...target, body: `${MARKER}\nreal plan` })
    expect(result.action).toBe('created')
    const comments = gh.commentsOn('acme/contacts', 7)
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([
      ['mallory', `${MARKER}\nchecksum sha256:forged`],
      ['github-actions[bot]', `${MARKER}\nreal plan`],
    ])
  })

  it('requires the marker at the start: quoting it further down does not count', async () => {
    const gh = await serve(seed([{ user: 'github-actions[bot]', body: `> ${MARKER}\nquoted` }]))
    expect((await findStickyComment(clientFor(gh), target)).comment).toBeUndefined()
  })

  it('with several matching comments (an old bug), updates the newest and says so', async () => {
    const gh = await serve(seed([
      { user: 'github-actions[bot]', body: `${MARKER}\nfirst` },
      ...noise(3),
      { user: 'github-actions[bot]', body: `${MARKER}\nsecond` },
    ]))
    const [older, newer] = gh.commentsOn('acme/contacts', 7).filter((c) => c.body.startsWith(MARKER))
    const result = await upsertStickyComment(clientFor(gh), { ...target, body: `${MARKER}\nthird` })
    expect(result).toMatchObject({ action: 'updated', id: newer!.id, duplicates: [older!.id] })
    expect(result.note).toContain('updated the newest')
    expect(gh.commentsOn('acme/contacts', 7).filter((c) => c.body.startsWith(MARKER)).map((c) => c.body)).toEqual([`${MARKER}\nfirst`, `${MARKER}\nthird`])
  })

  it('creates a new comment when the found one was deleted before the update (404)', async () => {
    const gh = await serve(seed([{ user: 'github-actions[bot]', body: `${MARKER}\nold` }]))
    const [old] = gh.commentsOn('acme/contacts', 7)
    gh.fail({ method: 'PATCH', path: `/repos/acme/contacts/issues/comments/${old!.id}`, status: 404 })
    const result = await upsertStickyComment(clientFor(gh), { ...target, body: `${MARKER}\nnew` })
    expect(result.action).toBe('created')
    expect(result.id).not.toBe(old!.id)
  })

  it('leaves an identical comment alone (no write)', async () => {
    const gh = await serve(seed([{ user: 'github-actions[bot]', body: `${MARKER}\nsame` }]))
    const result = await upsertStickyComment(clientFor(gh), { ...target, body: `${MARKER}\nsame` })
    expect(result.action).toBe('unchanged')
    expect(gh.requests.filter((r) => r.method !== 'GET')).toHaveLength(0)
  })

  it('trusts a PAT user only when told to: trustedAuthorsForToken() asks GET /user', async () => {
    const gh = await serve({ ...seed([{ user: 'release-bot-user', body: `${MARKER}\nby the PAT` }]), tokens: { pat: 'release-bot-user', t0k: 'github-actions[bot]' } })
    const pat = clientFor(gh, { token: 'pat' })
    expect((await findStickyComment(pat, target)).comment).toBeUndefined()
    const trustedAuthors = await trustedAuthorsForToken(pat)
    expect(trustedAuthors).toEqual({ logins: ['release-bot-user'] })
    const result = await upsertStickyComment(pat, { ...target, trustedAuthors, body: 'updated by the PAT' })
    expect(result.action).toBe('updated')
    expect(gh.commentsOn('acme/contacts', 7)).toHaveLength(1)
    // GITHUB_TOKEN and App tokens get 403 from GET /user: bots only.
    expect(await trustedAuthorsForToken(clientFor(gh))).toEqual({ logins: ['github-actions[bot]'] })
  })

  it('with anyBot: false and a login list, another App\'s bot comment is not ours', async () => {
    const gh = await serve(seed([{ user: 'other-app[bot]', body: `${MARKER}\nnot ours` }, { user: 'our-app[bot]', body: `${MARKER}\nours` }]))
    const found = await findStickyComment(clientFor(gh), { ...target, trustedAuthors: { anyBot: false, logins: ['Our-App[bot]'] } })
    expect(found.comment?.body).toBe(`${MARKER}\nours`)
    expect(found.comment?.author).toEqual({ login: 'our-app[bot]', type: 'Bot' })
    expect(found.ignoredUntrusted).toBe(1)
  })

  it('refuses a body GitHub would reject (over 65,536 characters) before sending it', async () => {
    const gh = await serve(seed())
    const error = await gitHubFailure(upsertStickyComment(clientFor(gh), { ...target, body: 'x'.repeat(GITHUB_BODY_LIMIT) }))
    expect(error.kind).toBe('invalid')
    expect(error.message).toContain('65536')
    expect(gh.requests).toHaveLength(0)
  })

  it('turns a failure while listing into a GitHubError, and writes nothing', async () => {
    const gh = await serve(seed(noise(120)))
    gh.fail({ method: 'GET', path: '/repos/acme/contacts/issues/7/comments', status: 502, times: 10 })
    const error = await gitHubFailure(upsertStickyComment(clientFor(gh), { ...target, body: 'plan' }))
    expect(error).toMatchObject({ kind: 'unavailable', status: 502 })
    expect(error.message).toMatch(/^list comments of #7 in acme\/contacts: GitHub is unavailable/)
    expect(gh.requests.filter((r) => r.method !== 'GET')).toHaveLength(0)
  })

  it('a 403 from a read-only token (fork PR) is an auth error, not a crash', async () => {
    const gh = await serve(seed())
    gh.fail({ method: 'POST', path: '/repos/acme/contacts/issues/7/comments', status: 403, body: { message: 'Resource not accessible by integration' } })
    const error = await gitHubFailure(upsertStickyComment(clientFor(gh), { ...target, body: 'plan' }))
    expect(error.kind).toBe('auth')
    expect(error.message).toContain('Resource not accessible by integration')
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1) // 403 is not retried
  })
})

describe('createComment', () => {
  it('posts a plain comment (the apply report), every time', async () => {
    const gh = await serve(seed())
    const client = clientFor(gh)
    const a = await createComment(client, { owner: 'acme', repo: 'contacts', issueNumber: 7, body: 'Applied.' })
    const b = await createComment(client, { owner: 'acme', repo: 'contacts', issueNumber: 7, body: 'Applied.' })
    expect(a.id).not.toBe(b.id)
    expect(a.htmlUrl).toContain('/issues/7#issuecomment-')
    expect(gh.commentsOn('acme/contacts', 7)).toHaveLength(2)
  })
})
