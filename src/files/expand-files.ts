// Files and globs as the user gave them → the files to check, in a stable order.
import { glob, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'

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
    // Entries with their type, as the directory listing gave it: no stat per match, except to follow a symbolic link.
    for await (const entry of glob(pattern, { cwd, withFileTypes: true, exclude: (e) => e.name === 'node_modules' || e.name === '.git' })) {
      const path = join(entry.parentPath, entry.name)
      const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile() === true)
      if (isFile) matches.push(display(relative(cwd, path), cwd))
    }
    if (matches.length === 0) throw new FilesError(`${pattern}: no file matches`)
    for (const m of matches) found.add(m)
  }
  return [...found].sort()
}

/** Reports name files as given, relative to the working directory, with forward slashes. */
function display(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path
  return rel.split('\\').join('/').replace(/^\.\//, '')
}
