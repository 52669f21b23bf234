// Which comment and issue authors we trust: a marker anyone can paste means nothing unless our own identity wrote it.
import type { GitHubClient } from './client.js'
import { GitHubError, statusOf, toGitHubError } from './github-error.js'

export interface TrustedAuthors {
  /**
   * Accept any account of type `Bot`. Default false: any installed App (or another workflow's token) writes as a Bot,
   * so "a bot wrote it" does not mean "we wrote it". Only tests and tools that want the old behaviour set it.
   */
  anyBot?: boolean
  /** The identities whose comments count (case-insensitive): the token's own, from trustedAuthorsForToken. */
  logins?: readonly string[]
}

export interface Author {
  login: string
  type: string
}

export function authorOf(user: { login?: unknown; type?: unknown } | null | undefined): Author | undefined {
  if (!user || typeof user.login !== 'string') return undefined
  return { login: user.login, type: typeof user.type === 'string' ? user.type : 'User' }
}

export function isTrustedAuthor(author: Author | undefined, trusted: TrustedAuthors = {}): boolean {
  if (!author) return false
  if ((trusted.anyBot ?? false) && author.type === 'Bot') return true
  const login = author.login.toLowerCase()
  return (trusted.logins ?? []).some((l) => l.toLowerCase() === login)
}

/** The identity GitHub gives the workflow's GITHUB_TOKEN: what it writes is authored by this login. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]'

/**
 * The identity behind the token, so that only its own comments count. `GET /user` answers for a personal token
 * (classic or fine-grained) with its login. GITHUB_TOKEN gets 403 ("Resource not accessible by integration"): it
 * writes as `github-actions[bot]`, so that is the identity. A GitHub App installation token gets 403 too and writes
 * as `<app>[bot]`, which no endpoint open to it names: such a token is not supported for the plan comment (its
 * comments are not found again, and apply refuses for want of a reviewed plan: fail closed). See docs/github.md.
 * One cheap call; any other failure is a GitHubError.
 */
export async function trustedAuthorsForToken(gh: GitHubClient): Promise<TrustedAuthors> {
  try {
    const { data } = await gh.rest.users.getAuthenticated()
    if (typeof data.login !== 'string') throw new GitHubError('bad-response', 'find the identity of the GitHub token', 'GET /user answered without a login')
    return { logins: [data.login] }
  } catch (error) {
    const status = statusOf(error)
    if (status === 403 || status === 404) return { logins: [GITHUB_ACTIONS_LOGIN] }
    throw toGitHubError(error, 'find the identity of the GitHub token')
  }
}
