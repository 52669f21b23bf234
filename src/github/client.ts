// The one place that loads Octokit: @octokit/rest with retry and throttling, base URL from GITHUB_API_URL (works on GHES).
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import { cappedFetch } from '../files/read-capped-body.js'

/** No GitHub answer we read comes near this (a page of 100 reviews or files is well under 1 MiB). */
export const MAX_GITHUB_RESPONSE_BYTES = 8 * 1024 * 1024

/** What every function of src/github accepts: any @octokit/rest instance (tests may pass a bare one). */
export type GitHubClient = Octokit

export interface GitHubLogger {
  debug: (message: string) => void
  info: (message: string) => void
  warn: (message: string) => void
  error: (message: string) => void
}

export interface GitHubClientOptions {
  token: string
  /** Default `$GITHUB_API_URL`, else https://api.github.com. On GHES the runner sets it to `https://<host>/api/v3`. */
  baseUrl?: string
  userAgent?: string
  /** Where Octokit's and the throttling handlers' messages go (the Action passes @actions/core's); default silent. */
  log?: Partial<GitHubLogger>
  /** Retries of a 5xx / network failure, and of a primary or secondary rate limit. Default 2 each. */
  retries?: number
  /**
   * Unit of every wait, in ms (retry backoff is n² units; a rate limit waits its reset/Retry-After in units). Default
   * 1000 = GitHub's seconds. Tests pass 1 so that waits cost nothing.
   */
  retryAfterBaseValue?: number
  /**
   * The throttling plugin also spaces writes (1 s) and notifying writes such as new comments and issues (3 s), as GitHub
   * asks of integrations. `false` turns throttling off entirely; meant for tests only.
   */
  throttle?: boolean
  /** A rate limit that resets later than this (seconds) fails at once rather than holding the job. Default 60. */
  maxRateLimitWaitSeconds?: number
}

const ThrottledOctokit = Octokit.plugin(retry, throttling)

/** A fresh id per client: the throttling plugin keys its write-spacing limiters by it, so clients never wait on each other. */
let clientCount = 0

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? 2
  const base = options.retryAfterBaseValue ?? 1000
  const maxWait = options.maxRateLimitWaitSeconds ?? 60
  const noop = () => {}
  const log: GitHubLogger = { debug: noop, info: noop, warn: noop, error: noop, ...options.log }
  const baseUrl = (options.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, '')
  return new ThrottledOctokit({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? 'partner-contacts',
    log,
    request: { fetch: cappedFetch(MAX_GITHUB_RESPONSE_BYTES) },
    retry: {
      retries,
      retryAfterBaseValue: base,
      // Client errors never get better by retrying; 403 rate limits are the throttling plugin's job, not retry's.
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
    },
    throttle: {
      enabled: options.throttle ?? true,
      id: `partner-contacts-${process.pid}-${++clientCount}`,
      retryAfterBaseValue: base,
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        const again = retryCount < retries && retryAfter <= maxWait
        log.warn(`GitHub rate limit reached on ${request.method} ${request.url}; ${again ? `retrying after ${retryAfter} s` : 'giving up'}`)
        return again
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        const again = retryCount < retries && retryAfter <= maxWait
        log.warn(`GitHub secondary rate limit on ${request.method} ${request.url}; ${again ? `retrying after ${retryAfter} s` : 'giving up'}`)
        return again
      },
    },
  })
}
