// Paths as code scanning resolves them: relative to the repository root, not to the working directory.
import { execFileSync } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'

/** `git rev-parse --show-toplevel` from `cwd`; undefined outside a repository or without git. */
export function findRepositoryRoot(cwd: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 })
    return out.trim() || undefined
  } catch {
    return undefined
  }
}

/**
 * A report's file (as given, relative to `cwd`) as a forward-slash path relative to `root`. Files
 * outside the root, and standard input, keep their name: there is nothing better to point at.
 */
export function repositoryRelative(root: string, cwd: string, file: string): string {
  if (file === '-' || file === '<stdin>') return file
  // git prints the real path, so symlinks in the working directory (macOS /tmp, say) must not make `..` paths.
  const path = relative(realOrSame(root), resolve(realOrSame(cwd), file))
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return file.split(sep).join('/')
  return path.split(sep).join('/')
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}
