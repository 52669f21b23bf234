// The files a pull request's plan covers (`plan-scope`), read from GitHub's list of the PR's files; any doubt plans them all.
import * as core from '@actions/core'
import { expandFiles } from '../files/expand-files.js'
import type { EventPullRequest, GitHubEvent } from '../github/index.js'
import { filesInScope } from '../plan/plan-scope.js'
import type { ActionContext } from './context.js'
import { loadGitHub, openGitHub } from './services.js'

export interface PlanSelection {
  /** The files to plan. */
  files: string[]
  /** One line for the comment and the summary saying what was left out and why, when anything was. */
  note?: string
}

/**
 * `changed` on a pull request: the contacts files it changes. When GitHub cannot list them (no token, no permission,
 * 3,000 files or more, an outage), every file is planned: a plan that covers too much costs time, a plan that covers
 * too little would let a change through unseen. `all`, or no pull request (workflow_dispatch): every file.
 */
export async function selectPlanFiles(ctx: ActionContext, event: GitHubEvent, pull: EventPullRequest | undefined): Promise<PlanSelection> {
  const all = await expandFiles(ctx.inputs.files, ctx.workspace)
  if (ctx.inputs.planScope === 'all' || !pull) return { files: all }
  let changed
  try {
    const gh = await openGitHub(ctx)
    changed = await (await loadGitHub()).listPullRequestFiles(gh, event.owner, event.repo, pull.number)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    core.warning(`plan-scope: changed: the pull request's files could not be listed, so every contacts file is planned (${why})`)
    return { files: all, note: `Every contacts file is planned: GitHub could not list the files this pull request changes.` }
  }
  const decision = filesInScope(all, changed)
  if (decision.allBecause) return { files: all, note: `Every contacts file is planned: ${decision.allBecause}.` }
  const skipped = all.length - decision.files.length
  if (skipped === 0) return { files: decision.files }
  const note =
    decision.files.length === 0
      ? `This pull request changes none of the ${all.length} contacts files: nothing to plan (plan-scope: changed).`
      : `${decision.files.length} of ${all.length} contacts files planned: the ones this pull request changes (plan-scope: changed).`
  core.info(note)
  return { files: decision.files, note }
}
