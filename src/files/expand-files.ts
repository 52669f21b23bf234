// Files and globs as the user gave them → the files to check, in a stable order.
import { glob, stat } from 'node:fs/promises'
import { isAbsolute, posix, relative, resolve } from 'node:path'
import { hasControls, listControls } from '../output/controls.js'
import { inline } from '../output/terminal.js'

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
  refuseControlNames([...found])
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

/**
 * A path with a newline, CR, NUL, ESC, another C0/C1 control or a bidi character is not read: such a name could
 * forge lines in a log or a comment, or show a different name than the real one. One error names each, escaped.
 */
function refuseControlNames(files: readonly string[]): void {
  const bad = files.filter(hasControls)
  if (bad.length === 0) return
  const names = bad.map((f) => `"${inline(f)}" (${listControls(f)})`).join(', ')
  throw new FilesError(`${bad.length === 1 ? 'a file name holds' : 'file names hold'} control or bidirectional characters, so ${bad.length === 1 ? 'it was' : 'they were'} not read: ${names}; rename ${bad.length === 1 ? 'it' : 'them'} without such characters`)
}
