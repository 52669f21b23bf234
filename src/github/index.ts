// The GitHub layer's public surface; the Action loads it with `await import()` so validate never pulls in Octokit.
export { createGitHubClient, type GitHubClient, type GitHubClientOptions, type GitHubLogger } from './client.js'
export { GitHubError, toGitHubError, type GitHubErrorKind } from './github-error.js'
export { GitHubEventError, isPublicRepository, readGitHubEvent, type EventEnv, type EventPullRequest, type GitHubEvent, type RepositoryVisibility } from './event.js'
export { fetchRepository, type RepositoryInfo } from './repository.js'
export { isTrustedAuthor, trustedAuthorsForToken, type Author, type TrustedAuthors } from './authors.js'
export {
  GITHUB_BODY_LIMIT,
  createComment,
  findStickyComment,
  upsertStickyComment,
  withMarker,
  type CreatedComment,
  type StickyComment,
  type StickyFound,
  type StickyTarget,
  type UpsertResult,
} from './sticky-comment.js'
export { findMergedPullRequestForCommit, listPullRequestFiles, PULL_REQUEST_FILES_LIMIT, type MergedPullRequest, type PullRequestFile } from './pull-request.js'
export { gitBlobSha, listFilesAt, readFileAt, type TreeFile } from './base-files.js'
export { CODEOWNERS_LOCATIONS, loadCodeowners, ownersOf, parseCodeowners, patternToRegex, type Codeowners, type CodeownersRule } from './codeowners.js'
export { evaluateApprovals, type ApprovalPolicy, type ApprovalResult, type ReviewState, type ReviewerOutcome } from './approvals.js'
export {
  DRIFT_LABEL,
  closeDriftIssue,
  driftIssueTitle,
  listDriftIssues,
  upsertDriftIssue,
  type CloseDriftResult,
  type DriftIssue,
  type DriftTarget,
  type UpsertDriftResult,
} from './drift-issues.js'
