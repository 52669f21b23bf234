// CODEOWNERS: read from the base branch (a PR cannot name its own reviewers), parsed, and matched as GitHub does.
import { readFileAt } from './base-files.js'
import type { GitHubClient } from './client.js'

/** Where GitHub looks, in its order; the first one found is the only one used. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const

export interface CodeownersRule {
  pattern: string
  /** `@login`, `@org/team` or an email, as written. Empty: the rule removes ownership for the paths it matches. */
  owners: string[]
  line: number
  regex: RegExp
}

export interface Codeowners {
  /** Where it was read from, or undefined when the repository has none. */
  path: string | undefined
  rules: CodeownersRule[]
  /** Lines GitHub would skip as invalid; they are skipped here too, and reported. */
  errors: Array<{ line: number; message: string }>
}

const OWNER = /^(@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?(?:\/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/

/** Splits a line on unescaped whitespace, keeping `\ ` and `\#` as literal characters and stopping at a comment. */
function tokens(line: string): string[] {
  const out: string[] = []
  let current = ''
  let inToken = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (ch === '\\' && i + 1 < line.length) {
      current += ch + line[i + 1]
      inToken = true
      i++
    } else if (/\s/.test(ch)) {
      if (inToken) out.push(current)
      current = ''
      inToken = false
    } else if (ch === '#' && !inToken) {
      break
    } else {
      current += ch
      inToken = true
    }
  }
  if (inToken) out.push(current)
  return out
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/**
 * A CODEOWNERS pattern as a regular expression over a repository path (no leading slash). gitignore rules, as GitHub
 * documents them: a leading `/` or a slash inside anchors the pattern at the root, otherwise it matches at any depth;
 * `*` and `?` stay within one path segment, `**` spans segments; a trailing `/` matches only what is inside a directory;
 * a pattern that names a directory owns everything below it, except `dir/*`, which owns that directory's files only.
 */
export function patternToRegex(pattern: string): RegExp {
  const dirOnly = pattern.endsWith('/')
  let body = pattern.replace(/\/+$/, '')
  const anchored = body.startsWith('/') || body.includes('/')
  body = body.replace(/^\/+/, '')
  let re = ''
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!
    if (ch === '\\' && i + 1 < body.length) {
      re += escapeRegex(body[++i]!)
    } else if (ch === '*' && body[i + 1] === '*') {
      const atSegmentStart = i === 0 || body[i - 1] === '/'
      if (atSegmentStart && body[i + 2] === '/') {
        re += '(?:.*/)?'
        i += 2
      } else if (atSegmentStart && i + 2 === body.length) {
        re += '.*'
        i += 1
      } else {
        re += '[^/]*'
        i += 1
      }
    } else if (ch === '*') {
      re += '[^/]*'
    } else if (ch === '?') {
      re += '[^/]'
    } else {
      re += escapeRegex(ch)
    }
  }
  const prefix = anchored ? '^' : '^(?:.*/)?'
  const filesOnly = /(^|\/)\*$/.test(body) && !body.endsWith('**')
  const suffix = dirOnly ? '/.*$' : filesOnly ? '$' : '(?:/.*)?$'
  return new RegExp(prefix + re + suffix)
}

export function parseCodeowners(text: string, path?: string): Codeowners {
  const rules: CodeownersRule[] = []
  const errors: Codeowners['errors'] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    const parts = tokens(raw)
    if (parts.length === 0) return
    const [pattern, ...owners] = parts as [string, ...string[]]
    if (pattern.startsWith('!')) return void errors.push({ line, message: 'negated patterns (!) are not supported in CODEOWNERS' })
    if (/(^|[^\\])[[\]]/.test(pattern)) return void errors.push({ line, message: 'character ranges ([ ]) are not supported in CODEOWNERS' })
    const bad = owners.find((o) => !OWNER.test(o))
    if (bad !== undefined) return void errors.push({ line, message: `"${bad}" is not an @user, @org/team or email owner` })
    rules.push({ pattern, owners, line, regex: patternToRegex(pattern) })
  })
  return { path, rules, errors }
}

/** The owners of a path: the LAST matching rule wins; none, or a rule without owners, means nobody owns it. */
export function ownersOf(codeowners: Codeowners, file: string): { owners: string[]; rule: CodeownersRule | undefined } {
  const path = file.replace(/^\.?\/+/, '')
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i]!
    if (rule.regex.test(path)) return { owners: rule.owners, rule }
  }
  return { owners: [], rule: undefined }
}

/**
 * Reads the first CODEOWNERS GitHub would use at `ref` (contents API); `path: undefined` when there is none. 404 means
 * "not here"; any other failure is a GitHubError. Permission: `contents: read`.
 */
export async function loadCodeowners(gh: GitHubClient, owner: string, repo: string, ref: string): Promise<Codeowners> {
  for (const path of CODEOWNERS_LOCATIONS) {
    // Over 1 MB the contents API leaves content empty: readFileAt refuses rather than read it as no owners.
    const bytes = await readFileAt(gh, owner, repo, path, ref)
    if (bytes) return parseCodeowners(Buffer.from(bytes).toString('utf8'), path)
  }
  return { path: undefined, rules: [], errors: [] }
}
