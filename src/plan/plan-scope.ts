// `plan-scope: changed` (SPEC §6): which contacts files a pull request's plan covers, from the files it changes. Pure.
import { CONFIG_FILE } from '../config/load-config.js'

export type PlanScope = 'changed' | 'all'

export interface ChangedPath {
  filename: string
  /** For a rename: the path it had before. */
  previousFilename?: string | undefined
}

export interface ScopeDecision {
  /** The files to plan, in the order of `contactsFiles`. */
  files: string[]
  /** Why all of them, when it is all; undefined when the change itself chose. */
  allBecause?: string
}

/** Changes that can alter the plan of a file the pull request does not touch. */
function widens(path: string): string | undefined {
  if (path === CONFIG_FILE) return `it changes ${CONFIG_FILE}, which sets the rules for every file`
  // Any workflow, not only the running one: a reusable workflow or a changed input can change every plan.
  if (path.startsWith('.github/workflows/')) return `it changes a workflow (${path})`
  return undefined
}

/**
 * The contacts files (workspace-relative, as expandFiles names them) that the pull request changes — added, modified or
 * renamed to — or all of them when it changes the config file or a workflow. A deleted file is not in `contactsFiles`
 * (it is gone from the checkout), so it is never planned: deleting a file never empties a partner's portal page.
 */
export function filesInScope(contactsFiles: readonly string[], changed: readonly ChangedPath[]): ScopeDecision {
  for (const c of changed) {
    const reason = widens(c.filename) ?? (c.previousFilename !== undefined ? widens(c.previousFilename) : undefined)
    if (reason) return { files: [...contactsFiles], allBecause: reason }
  }
  const touched = new Set(changed.map((c) => c.filename))
  return { files: contactsFiles.filter((f) => touched.has(f)) }
}
