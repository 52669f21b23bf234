// Repository facts the payload may lack (schedule events carry none): visibility and default branch.
import type { GitHubClient } from './client.js'
import type { RepositoryVisibility } from './event.js'
import { badResponse, gitHubCall } from './github-error.js'

export interface RepositoryInfo {
  owner: string
  repo: string
  visibility: RepositoryVisibility
  defaultBranch: string
}

/** `GET /repos/{owner}/{repo}` (permission: metadata read, which every token has). */
export async function fetchRepository(gh: GitHubClient, owner: string, repo: string): Promise<RepositoryInfo> {
  const operation = `read repository ${owner}/${repo}`
  const { data } = await gitHubCall(operation, () => gh.rest.repos.get({ owner, repo }))
  if (typeof data.default_branch !== 'string' || typeof data.private !== 'boolean') throw badResponse(operation, 'no default_branch or private flag')
  const v = data.visibility
  const visibility: RepositoryVisibility = v === 'public' || v === 'private' || v === 'internal' ? v : data.private ? 'private' : 'public'
  return { owner, repo, visibility, defaultBranch: data.default_branch }
}
