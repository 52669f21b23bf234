// Labels the Action files its issues under: created on first use, a concurrent creation (422) is fine.
import type { GitHubClient } from './client.js'
import { statusOf, toGitHubError } from './github-error.js'

export interface LabelSpec {
  name: string
  color: string
  description: string
}

/** Creates the label when missing. Permission: `issues: write`. */
export async function ensureLabel(gh: GitHubClient, owner: string, repo: string, label: LabelSpec): Promise<void> {
  try {
    await gh.rest.issues.getLabel({ owner, repo, name: label.name })
    return
  } catch (error) {
    if (statusOf(error) !== 404) throw toGitHubError(error, `read the label ${label.name} in ${owner}/${repo}`)
  }
  try {
    await gh.rest.issues.createLabel({ owner, repo, ...label })
  } catch (error) {
    if (statusOf(error) !== 422) throw toGitHubError(error, `create the label ${label.name} in ${owner}/${repo}`)
  }
}
