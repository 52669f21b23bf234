// The stand-in GitHub itself: GitHub's pagination and Link headers, identities, error shapes, faults, and the request log.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { upsertStickyComment } from '../../src/github/sticky-comment.js'
import { clientFor, serve, sha } from './helpers.js'

const seed = (comments = 0) => ({
  repos: [
    { owner: 'acme', name: 'contacts', pulls: [{ number: 7, user: 'alice', headSha: sha('h') }], comments: Array.from({ length: comments }, (_, i) => ({ issue: 7, user: 'bob', body: `c${i}` })), reviews: [{ pull: 7, user: 'bob', state: 'PENDING' as const, commitId: sha('h') }] },
    { owner: 'acme', name: 'secret', private: true },
  ],
})

async function get(url: string, headers: Record<string, string> = { authorization: 'token t0k' }) {
  const res = await fetch(url, { headers })
  return { status: res.status, link: res.headers.get('link'), json: (await res.json()) as unknown }
}

describe('stand-in GitHub server', () => {
  it('pages like GitHub: 30 by default, per_page up to 100, rel=next/last/prev/first', async () => {
    const gh = await serve(seed(75))
    const path = '/repos/acme/contacts/issues/7/comments'
    const first = await get(`${gh.url}${path}`)
    expect((first.json as unknown[]).length).toBe(30)
    expect(first.link).toBe(`<${gh.url}${path}?per_page=30&page=2>; rel="next", <${gh.url}${path}?per_page=30&page=3>; rel="last"`)
    const last = await get(`${gh.url}${path}?page=3`)
    expect((last.json as unknown[]).length).toBe(15)
    expect(last.link).toBe(`<${gh.url}${path}?page=2&per_page=30>; rel="prev", <${gh.url}${path}?page=1&per_page=30>; rel="first"`)
    const big = await get(`${gh.url}${path}?per_page=500`)
    expect((big.json as unknown[]).length).toBe(75) // capped at 100, all fit
    expect(big.link).toBeNull()
  })

  it('answers with GitHub shapes (comment author with type, review commit_id, 404 body)', async () => {
    const gh = await serve(seed(1))
    const [comment] = (await get(`${gh.url}/repos/acme/contacts/issues/7/comments`)).json as Array<Record<string, unknown>>
    expect(comment).toMatchObject({ id: expect.any(Number), body: 'c0', user: { login: 'bob', type: 'User' }, html_url: expect.stringContaining('#issuecomment-') })
    expect(await get(`${gh.url}/repos/acme/nope`)).toMatchObject({ status: 404, json: { message: 'Not Found' } })
  })

  it('hides PENDING reviews from everyone but their author', async () => {
    const gh = await serve({ ...seed(), tokens: { t0k: 'github-actions[bot]', bobs: 'bob' } })
    expect((await get(`${gh.url}/repos/acme/contacts/pulls/7/reviews`)).json).toEqual([])
    expect((await get(`${gh.url}/repos/acme/contacts/pulls/7/reviews`, { authorization: 'token bobs' })).json).toHaveLength(1)
  })

  it('identities: unknown tokens → 401 when tokens are set; private repositories are invisible anonymously; writes need a token', async () => {
    const gh = await serve({ ...seed(), tokens: { t0k: 'github-actions[bot]' } })
    expect((await get(`${gh.url}/repos/acme/contacts`, { authorization: 'token wrong' })).status).toBe(401)
    expect((await get(`${gh.url}/repos/acme/secret`, {})).status).toBe(404)
    expect((await get(`${gh.url}/repos/acme/secret`)).status).toBe(200)
    const res = await fetch(`${gh.url}/repos/acme/contacts/issues/7/comments`, { method: 'POST', body: JSON.stringify({ body: 'x' }) })
    expect(res.status).toBe(401)
  })

  it('rejects a comment body over 65,536 characters with 422, as GitHub does', async () => {
    const gh = await serve(seed())
    const res = await fetch(`${gh.url}/repos/acme/contacts/issues/7/comments`, { method: 'POST', headers: { authorization: 'token t0k' }, body: JSON.stringify({ body: 'x'.repeat(65_537) }) })
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toContain('maximum is 65536 characters')
  })

  it('records method, path, query, body, authorization and status of every request', async () => {
    const gh = await serve(seed())
    await upsertStickyComment(clientFor(gh), { owner: 'acme', repo: 'contacts', issueNumber: 7, marker: '<!-- m -->', trustedAuthors: { logins: ['github-actions[bot]'] }, body: 'hello' })
    expect(gh.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: '/repos/acme/contacts/issues/7/comments', query: { per_page: '100' }, authorization: 'token t0k', status: 200 }),
      expect.objectContaining({ method: 'POST', path: '/repos/acme/contacts/issues/7/comments', body: { body: '<!-- m -->\nhello' }, status: 201 }),
    ])
  })

  it('faults: by method, path and query, a given number of times, then normal service', async () => {
    const gh = await serve(seed(40))
    gh.fail({ method: 'GET', path: /\/comments$/, query: { page: '2' }, status: 503, times: 2 })
    const path = `${gh.url}/repos/acme/contacts/issues/7/comments`
    expect((await get(path)).status).toBe(200)
    expect((await get(`${path}?page=2`)).status).toBe(503)
    expect((await get(`${path}?page=2`)).status).toBe(503)
    expect((await get(`${path}?page=2`)).status).toBe(200)
    gh.failRateLimit(/\/comments$/)
    const limited = await fetch(path, { headers: { authorization: 'token t0k' } })
    expect([limited.status, limited.headers.get('x-ratelimit-remaining')]).toEqual([403, '0'])
  })

  it('property: the sticky comment is found and kept single wherever it sits among up to 250 comments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 250 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async (total, at) => {
        const position = Math.floor(at * total)
        const comments = Array.from({ length: total }, (_, i) => ({ issue: 7, user: i === position ? 'github-actions[bot]' : 'bob', body: i === position ? '<!-- m -->\nold' : `c${i}` }))
        const gh = await serve({ repos: [{ owner: 'acme', name: 'contacts', pulls: [{ number: 7, user: 'alice', headSha: sha('h') }], comments }] })
        const result = await upsertStickyComment(clientFor(gh), { owner: 'acme', repo: 'contacts', issueNumber: 7, marker: '<!-- m -->', trustedAuthors: { logins: ['github-actions[bot]'] }, body: 'new' })
        expect(result.action).toBe(total === 0 ? 'created' : 'updated')
        expect(gh.commentsOn('acme/contacts', 7).filter((c) => c.body.startsWith('<!-- m -->'))).toHaveLength(1)
        await gh.close()
      }),
      { numRuns: 12 },
    )
  })
})

describe('src/github boundaries', () => {
  const dir = join(import.meta.dirname, '../../src/github')
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))

  it('only client.ts loads Octokit at run time (the rest imports types), and nothing imports @actions/core', () => {
    for (const file of sources) {
      const text = readFileSync(join(dir, file), 'utf8')
      const runtimeImports = [...text.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!)
      if (file !== 'client.ts') expect(runtimeImports.filter((m) => m.startsWith('@octokit/')), file).toEqual([])
      expect(text, file).not.toMatch(/(from|import\()\s*'@actions\/core'/)
    }
  })
})
