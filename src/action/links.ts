// Links from a report to file lines: at the pull request's head (the commit the reviewer reads), else the run's commit.
import type { GitHubEvent } from '../github/event.js'

export function lineLinks(event: GitHubEvent): ((file: string, line: number) => string) | undefined {
  const sha = event.pullRequest?.headSha ?? event.sha
  if (!sha) return undefined
  const base = `${event.serverUrl}/${event.owner}/${event.repo}`
  return (file, line) => `${base}/blob/${sha}/${encodeURI(file)}#L${line}`
}
