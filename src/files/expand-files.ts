// Files and globs as the user gave them → the files to check, in a stable order.
import { glob, stat } from 'node:fs/promises'
import { isAbsolute, posix, relative, resolve } from 'node:path'

/** A usage problem with the file arguments (nothing matched, a named file is missing): exit 2. */
export class FilesError extends Error {
  override name = 'FilesError'
}

const GLOB_CHARS = /[*?[\]{}]/

/** Splits the Action's `files` input: newlines or commas. */
export function splitFileList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'))
}

export async function expandFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>()
  for (const pattern of patterns) {
    if (!GLOB_CHARS.test(pattern)) {
      const info = await stat(resolve(cwd, pattern)).catch(() => undefined)
      if (!info?.isFile()) throw new FilesError(`${pattern}: no such file`)
      found.add(display(pattern, cwd))
      continue
    }
    const matches: string[] = []
    for await (const match of glob(pattern, { cwd, exclude: (name) => name === 'node_modules' || name === '.git' })) {
      const info = await stat(resolve(cwd, match)).catch(() => undefined)
      if (info?.isFile()) matches.push(display(match, cwd))
    }
    if (matches.length === 0) throw new FilesError(`${pattern}: no file matches`)
    for (const m of matches) found.add(m)
  }
  return [...found].sort()
}

/**
 * Whether a repository path (forward slashes, from the root) is one `patterns` names, as expandFiles would find it on
 * disk: for the files of another commit, listed by the API rather than on disk.
 */
export function matchesFilePatterns(path: string, patterns: readonly string[]): boolean {
  if (path.split('/').some((name) => name === 'node_modules' || name === '.git')) return false
  return patterns.some((pattern) => matchesNameOrGlob(path, normalizeRepoPath(pattern)))
}

/** A plain name matches itself; a pattern with glob characters matches as `fs.glob` would (also for branch names). */
export function matchesNameOrGlob(name: string, pattern: string): boolean {
  return GLOB_CHARS.test(pattern) ? posix.matchesGlob(name, pattern) : name === pattern
}

/** A repository path as reports name files: forward slashes, no leading `./`. */
export function normalizeRepoPath(path: string): string {
  return path.trim().split('\\').join('/').replace(/^(\.\/)+/, '')
}

/** Reports name files as given, relative to the working directory, with forward slashes. */
function display(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path
  return rel.split('\\').join('/').replace(/^\.\//, '')
}
