// Files and globs as the user gave them → the files to check, in a stable order.
import { glob, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { isAbsolute, join, posix, relative, resolve } from 'node:path'
import { LocalizedError } from '../i18n/localized-error.js'
import { ref, type MessageRef } from '../i18n/messages.js'
import { hasControls, listControls } from '../output/controls.js'
import { inline } from '../output/terminal.js'

/** A usage problem with the file arguments (nothing matched, a named file is missing): exit 2. */
export class FilesError extends LocalizedError {
  override name = 'FilesError'
}

const GLOB_CHARS = /[*?[\]{}]/

/** How standard input (`-`) is named in reports. */
export const STDIN_FILE = '<stdin>'

export interface ExpandOptions {
  /** `-` means standard input (the CLI); otherwise it is a file name like any other. */
  stdin?: boolean
}

/** Splits the Action's `files` input: newlines or commas. */
export function splitFileList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'))
}

export async function expandFiles(patterns: readonly string[], cwd: string, options: ExpandOptions = {}): Promise<string[]> {
  const found = new Set<string>()
  for (const pattern of patterns) {
    if (pattern === '-' && options.stdin) {
      found.add(STDIN_FILE)
      continue
    }
    if (!GLOB_CHARS.test(pattern)) {
      const info = await stat(resolve(cwd, pattern)).catch(() => undefined)
      // A directory means the contacts files below it, as `eslint .` means the files below `.`.
      if (info?.isDirectory()) {
        for (const m of await below(pattern, cwd)) found.add(m)
        continue
      }
      if (!info?.isFile()) throw new FilesError(otherExtension(pattern, cwd) ?? ref('cli.files.noSuchFile', { pattern }))
      found.add(display(pattern, cwd))
      continue
    }
    const matches = await globFiles(pattern, cwd)
    if (matches.length === 0) {
      const yml = /contacts\.yaml$/.test(pattern) ? await globFiles(pattern.replace(/contacts\.yaml$/, 'contacts.yml'), cwd) : []
      throw new FilesError(yml.length > 0 ? ref('cli.files.noMatchYml', { pattern, hint: ymlHint(yml) }) : ref('cli.files.noMatch', { pattern }))
    }
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

async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  const matches: string[] = []
  // Entries with their type, as the directory listing gave it: no stat per match, except to follow a symbolic link.
  for await (const entry of glob(pattern, { cwd, withFileTypes: true, exclude: (e) => e.name === 'node_modules' || e.name === '.git' })) {
    const path = join(entry.parentPath, entry.name)
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile() === true)
    if (isFile) matches.push(display(relative(cwd, path), cwd))
  }
  return matches
}

async function below(dir: string, cwd: string): Promise<string[]> {
  const base = resolve(cwd, dir)
  const shown = (m: string) => display(join(dir, m), cwd)
  const matches = (await globFiles('**/contacts.yaml', base)).map(shown)
  if (matches.length > 0) return matches
  const yml = (await globFiles('**/contacts.yml', base)).map(shown)
  throw new FilesError(yml.length > 0 ? ref('cli.files.noneBelowYml', { dir, hint: ymlHint(yml) }) : ref('cli.files.noneBelow', { dir }))
}

function ymlHint(yml: readonly string[]): MessageRef {
  return ref('cli.files.ymlHint', { file: yml[0]!, more: yml.length - 1 })
}

/** `contacts.yaml` missing next to a `contacts.yml` (or the other way round): say so, it is the likely mistake. */
function otherExtension(pattern: string, cwd: string): MessageRef | undefined {
  const other = pattern.endsWith('.yaml') ? pattern.replace(/\.yaml$/, '.yml') : pattern.endsWith('.yml') ? pattern.replace(/\.yml$/, '.yaml') : undefined
  if (other === undefined || !existsSync(resolve(cwd, other))) return undefined
  return pattern.endsWith('.yaml')
    ? ref('cli.files.noSuchFileRename', { pattern, other: display(other, cwd), renamed: display(pattern, cwd) })
    : ref('cli.files.noSuchFileDidYouMean', { pattern, other: display(other, cwd) })
}

/** Reports name files as given, relative to the working directory, with forward slashes. */
function display(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path
  return rel.split('\\').join('/').replace(/^(\.\/)+/, '')
}

/**
 * A path with a newline, CR, NUL, ESC, another C0/C1 control or a bidi character is not read: such a name could
 * forge lines in a log or a comment, or show a different name than the real one. One error names each, escaped.
 */
function refuseControlNames(files: readonly string[]): void {
  const bad = files.filter(hasControls)
  if (bad.length === 0) return
  const names = bad.map((f) => `"${inline(f)}" (${listControls(f)})`).join(', ')
  throw new FilesError(ref('cli.files.controlNames', { count: bad.length, names }))
}
