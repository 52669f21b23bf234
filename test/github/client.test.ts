// The Octokit client over loopback: GITHUB_API_URL (GHES), the token, retries of 5xx only, rate limits via the throttling plugin.
import { afterEach, describe, expect, it } from 'vitest'
import { createGitHubClient } from '../../src/github/client.js'
import { fetchRepository } from '../../src/github/repository.js'
import { gitHubCall } from '../../src/github/github-error.js'
import { gitHubFailure, serve } from './helpers.js'

const seed = { repos: [{ owner: 'acme', name: 'contacts', private: true, defaultBranch: 'trunk' }] }
const savedApiUrl = process.env['GITHUB_API_URL']
afterEach(() => {
  if (savedApiUrl === undefined) delete process.env['GITHUB_API_URL']
  else process.env['GITHUB_API_URL'] = savedApiUrl
})

function throttled(url: string, warnings: string[] = [], extra: Partial<Parameters<typeof createGitHubClient>[0]> = {}) {
  return createGitHubClient({ token: 't0k', baseUrl: url, retryAfterBaseValue: 1, log: { warn: (m) => warnings.push(m) }, ...extra })
}

describe('createGitHubClient', () => {
  it('takes the base URL from GITHUB_API_URL (GitHub Enterprise Server) and sends the token and user agent', async () => {
    const gh = await serve(seed)
    process.env['GITHUB_API_URL'] = `${gh.url}/`
    const client = createGitHubClient({ token: 't0k', userAgent: 'partner-contacts-test/1.0', retryAfterBaseValue: 1 })
    expect(await fetchRepository(client, 'acme', 'contacts')).toEqual({ owner: 'acme', repo: 'contacts', visibility: 'private', defaultBranch: 'trunk' })
    expect(gh.requests[0]).toMatchObject({ method: 'GET', path: '/repos/acme/contacts', authorization: 'token t0k' })
    expect(gh.requests[0]!.userAgent).toContain('partner-contacts-test/1.0')
  })

  it('retries a 5xx twice, then gives up with a GitHubError', async () => {
    const gh = await serve(seed)
    gh.fail({ path: '/repos/acme/contacts', status: 502, times: 10 })
    const error = await gitHubFailure(fetchRepository(throttled(gh.url), 'acme', 'contacts'))
    expect(error).toMatchObject({ kind: 'unavailable', status: 502, operation: 'read repository acme/contacts' })
    expect(gh.requests).toHaveLength(3)
  })

  it.each([
    [400, 'invalid'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not-found'],
    [422, 'invalid'],
  ] as const)('does not retry %i (→ %s)', async (status, kind) => {
    const gh = await serve(seed)
    gh.fail({ path: '/repos/acme/contacts', status })
    expect((await gitHubFailure(fetchRepository(throttled(gh.url), 'acme', 'contacts'))).kind).toBe(kind)
    expect(gh.requests).toHaveLength(1)
  })

  it('waits out a primary rate limit (403, x-ratelimit-remaining: 0) and succeeds, with a warning', async () => {
    const gh = await serve(seed)
    gh.failRateLimit('/repos/acme/contacts')
    const warnings: string[] = []
    expect((await fetchRepository(throttled(gh.url, warnings), 'acme', 'contacts')).defaultBranch).toBe('trunk')
    expect(gh.requests.map((r) => r.status)).toEqual([403, 200])
    expect(warnings[0]).toMatch(/^GitHub rate limit reached on GET \/repos\/\{owner\}\/\{repo\}; retrying after \d+ s$/)
  })

  it('waits out a secondary rate limit (Retry-After) and succeeds', async () => {
    const gh = await serve(seed)
    gh.failRateLimit('/repos/acme/contacts', { secondary: true })
    const warnings: string[] = []
    await fetchRepository(throttled(gh.url, warnings), 'acme', 'contacts')
    expect(gh.requests.map((r) => r.status)).toEqual([403, 200])
    expect(warnings[0]).toContain('secondary rate limit')
  })

  it('gives up after two rate-limit retries: GitHubError rate-limited', async () => {
    const gh = await serve(seed)
    gh.failRateLimit('/repos/acme/contacts', { times: 5 })
    const error = await gitHubFailure(fetchRepository(throttled(gh.url), 'acme', 'contacts'))
    expect(error.kind).toBe('rate-limited')
    expect(gh.requests).toHaveLength(3)
  })

  it('does not hold the job for a rate limit that resets in an hour', async () => {
    const gh = await serve(seed)
    gh.fail({ path: '/repos/acme/contacts', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600) }, body: { message: 'API rate limit exceeded' } })
    const warnings: string[] = []
    const error = await gitHubFailure(fetchRepository(throttled(gh.url, warnings), 'acme', 'contacts'))
    expect(error.kind).toBe('rate-limited')
    expect(gh.requests).toHaveLength(1)
    expect(warnings[0]).toContain('giving up')
  })

  it('an unreachable server is a GitHubError unavailable, naming the cause', async () => {
    const gh = await serve(seed)
    const url = gh.url
    await gh.close()
    const error = await gitHubFailure(fetchRepository(throttled(url, [], { retries: 0 }), 'acme', 'contacts'))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toContain('GitHub could not be reached')
  })

  it('GitHub error text is one clipped line; the token never appears in it', async () => {
    const gh = await serve(seed)
    gh.fail({ path: '/repos/acme/contacts', status: 422, body: { message: `bad\n${'x'.repeat(500)}` } })
    const client = throttled(gh.url)
    const error = await gitHubFailure(gitHubCall('probe', () => client.rest.repos.get({ owner: 'acme', repo: 'contacts' })))
    expect(error.message).not.toContain('\n')
    expect(error.message.length).toBeLessThan(300)
    expect(error.message).not.toContain('t0k')
  })
})
