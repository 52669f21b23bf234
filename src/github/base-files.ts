// Files of another commit (the pull request's base), read through the API: git trees for the paths, contents for the bytes.
import { createHash } from 'node:crypto'
import type { GitHubClient } from './client.js'
import { GitHubError, badResponse, gitHubCall, statusOf, toGitHubError } from './github-error.js'

export interface TreeFile {
  path: string
  /** The git blob SHA: equal to the local file's when the bytes are the same. */
  sha: string
}

/**
 * Every file (blob) of the commit `ref`: `GET /repos/{o}/{r}/git/trees/{ref}?recursive=1`. A truncated listing (over
 * 100,000 entries or 7 MB) is an error, never taken as the whole tree. Permission: `contents: read`.
 */
export async function listFilesAt(gh: GitHubClient, owner: string, repo: string, ref: string): Promise<TreeFile[]> {
  const operation = `list the files at ${ref.slice(0, 12)} in ${owner}/${repo}`
  const { data } = await gitHubCall(operation, () => gh.rest.git.getTree({ owner, repo, tree_sha: ref, recursive: 'true' }))
  if (!Array.isArray(data.tree)) throw badResponse(operation, 'no tree')
  if (data.truncated) throw new GitHubError('bad-response', operation, 'GitHub truncated the listing (the repository is too large to list in one answer)')
  const files: TreeFile[] = []
  for (const entry of data.tree) {
    if (typeof entry.path !== 'string' || typeof entry.type !== 'string') throw badResponse(operation, 'a tree entry without a path or type')
    // Blobs only; a symbolic link (mode 120000) holds a path, not a file: expandFiles does not read it as one either.
    if (entry.type !== 'blob' || entry.mode === '120000') continue
    if (typeof entry.sha !== 'string') throw badResponse(operation, `${entry.path} has no SHA`)
    files.push({ path: entry.path, sha: entry.sha })
  }
  return files
}

/**
 * One file's bytes at `ref` (contents API); `undefined` when there is no file at that path (404, or a directory). A
 * file the API does not return (over 1 MB: `encoding: none`) is an error, never read as absent.
 */
export async function readFileAt(gh: GitHubClient, owner: string, repo: string, path: string, ref: string): Promise<Uint8Array | undefined> {
  const operation = `read ${path} at ${ref.slice(0, 12)} in ${owner}/${repo}`
  let data: unknown
  try {
    data = (await gh.rest.repos.getContent({ owner, repo, path, ref })).data
  } catch (error) {
    if (statusOf(error) === 404) return undefined
    throw toGitHubError(error, operation)
  }
  if (Array.isArray(data) || !data || typeof data !== 'object') return undefined
  const file = data as { type?: unknown; encoding?: unknown; content?: unknown }
  if (file.type !== 'file') return undefined
  if (file.encoding !== 'base64' || typeof file.content !== 'string') {
    throw new GitHubError('bad-response', operation, 'the contents API did not return the file (too large?)')
  }
  return Buffer.from(file.content, 'base64')
}

/** The git blob SHA of some bytes, to know without a request whether a local file equals the one at another commit. */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex')
}
