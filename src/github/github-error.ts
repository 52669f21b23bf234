// Typed failures of GitHub calls, so apply can refuse (fail closed) with a plain message and never a stack trace.

export type GitHubErrorKind =
  | 'auth' // 401, or 403 that is not a rate limit: the token lacks a permission
  | 'not-found' // 404: wrong repository, number or path, or a token that cannot see it
  | 'invalid' // 400 / 422: GitHub refused the request (e.g. a body over 65,536 characters)
  | 'conflict' // 409
  | 'rate-limited' // 403 / 429 with a rate-limit signal, after the retries allowed
  | 'unavailable' // 5xx, network errors, timeouts, after retries
  | 'bad-response' // an answer without the fields we rely on: never taken as "nothing there"
  | 'ambiguous' // e.g. several merged pull requests for one commit

export class GitHubError extends Error {
  override name = 'GitHubError'
  constructor(
    readonly kind: GitHubErrorKind,
    /** What was being done, e.g. "list reviews of pull request #12". */
    readonly operation: string,
    message: string,
    readonly status?: number,
    /** `x-github-request-id`, for a support ticket. */
    readonly requestId?: string,
  ) {
    super(`${operation}: ${message}`)
  }
}

interface RequestErrorLike {
  status: number
  message: string
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown }
}

/** Octokit's RequestError, recognised by shape so that only client.ts loads Octokit at run time. */
function isRequestError(error: unknown): error is RequestErrorLike {
  return error instanceof Error && typeof (error as Partial<RequestErrorLike>).status === 'number'
}

/**
 * GitHub's own short message (`{ "message": "…" }`), summarised: one line of plain ASCII words, clipped, and left out
 * when it holds anything that could be a value (an `@`, quotes, brackets, controls). The body itself never passes.
 */
function gitHubMessage(error: RequestErrorLike): string | undefined {
  const data = error.response?.data
  const message = data && typeof data === 'object' && 'message' in data ? (data as { message: unknown }).message : undefined
  if (typeof message !== 'string' || message.length === 0) return undefined
  const line = message.replace(/\s+/g, ' ').trim()
  if (!/^[A-Za-z0-9 .,;:()/_-]+$/.test(line)) return undefined
  return line.length > 160 ? `${line.slice(0, 160)}…` : line
}

/** Turns anything a GitHub call throws into a GitHubError; a GitHubError passes through unchanged. */
export function toGitHubError(error: unknown, operation: string): GitHubError {
  if (error instanceof GitHubError) return error
  const cause: unknown = error instanceof Error ? error.cause : undefined
  if (cause instanceof Error && cause.name === 'ResponseTooLarge') {
    return new GitHubError('bad-response', operation, `GitHub sent ${cause.message}; check GITHUB_API_URL`)
  }
  if (!isRequestError(error) || error.status === 500 && !error.response) {
    // Network failures reach us as plain errors (fetch failed, ECONNREFUSED…) or a RequestError 500 without a response.
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)
    return new GitHubError('unavailable', operation, `GitHub could not be reached (${cause.split('\n')[0]?.slice(0, 200)})`)
  }
  const status = error.status
  const headers = error.response?.headers ?? {}
  const requestId = typeof headers['x-github-request-id'] === 'string' ? headers['x-github-request-id'] : undefined
  const said = gitHubMessage(error)
  const detail = (text: string) => (said ? `${text}: ${said}` : text) + ` (HTTP ${status})`
  const rateLimited = String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(said ?? '') || status === 429
  let kind: GitHubErrorKind
  let text: string
  if ((status === 403 || status === 429) && rateLimited) [kind, text] = ['rate-limited', 'GitHub rate limit reached']
  else if (status === 401) [kind, text] = ['auth', 'the GitHub token was refused']
  else if (status === 403) [kind, text] = ['auth', 'the GitHub token lacks a permission for this']
  else if (status === 404) [kind, text] = ['not-found', 'not found, or not visible to this token']
  else if (status === 409) [kind, text] = ['conflict', 'GitHub reported a conflict']
  else if (status === 400 || status === 422 || status === 410) [kind, text] = ['invalid', 'GitHub refused the request']
  else if (status >= 500) [kind, text] = ['unavailable', 'GitHub is unavailable']
  else [kind, text] = ['bad-response', 'unexpected answer from GitHub']
  return new GitHubError(kind, operation, detail(text), status, requestId)
}

/** Runs one GitHub call (or a paginated series) and converts any failure into a GitHubError. */
export async function gitHubCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw toGitHubError(error, operation)
  }
}

/** The HTTP status of an Octokit failure, for the few places where a status is an answer (404 = absent). */
export function statusOf(error: unknown): number | undefined {
  return isRequestError(error) ? error.status : undefined
}

export function badResponse(operation: string, what: string): GitHubError {
  return new GitHubError('bad-response', operation, `unexpected answer from GitHub: ${what}`)
}
