// Which comment and issue authors we trust: a marker anyone can paste means nothing unless our own identity wrote it.
import type { GitHubClient } from './client.js'
import { statusOf, toGitHubError } from './github-error.js'

export interface TrustedAuthors {
  /**
   * Accept any account of type `Bot` (GitHub Actions' `github-actions[bot]`, a GitHub App's `<app>[bot]`). Only an
   * installed App or a workflow token can write as a Bot, never a person. Default true.
   */
  anyBot?: boolean
  /** Accept these logins too (case-insensitive): the PAT's user when the Action runs with a personal token. */
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
  if ((trusted.anyBot ?? true) && author.type === 'Bot') return true
  const login = author.login.toLowerCase()
  return (trusted.logins ?? []).some((l) => l.toLowerCase() === login)
}

/**
 * The identity behind the token, to trust its own comments. `GET /user` answers for a personal token (classic or
 * fine-grained); GITHUB_TOKEN and App installation tokens get 403 ("Resource not accessible by integration"), and
 * then `{ anyBot: true }` already covers what they write. One cheap call; any other failure is a GitHubError.
 */
export async function trustedAuthorsForToken(gh: GitHubClient): Promise<TrustedAuthors> {
  try {
    const { data } = await gh.rest.users.getAuthenticated()
    return typeof data.login === 'string' ? { anyBot: true, logins: [data.login] } : { anyBot: true }
  } catch (error) {
    const status = statusOf(error)
    if (status === 403 || status === 404) return { anyBot: true }
    throw toGitHubError(error, 'find the identity of the GitHub token')
  }
}
