// After an in-place import, gives back the person's own layout: lines that did not change keep their exact text
// (trailing comments at their column, a comment's indentation), since the YAML library re-spaces comments it writes.
import { splitComment } from '../parse/indentation.js'

/** Above this many line pairs the alignment is skipped (a contacts file is a few hundred lines). */
const MAX_CELLS = 4_000_000

export function keepLayout(original: string, updated: string): string {
  const before = original.split('\n')
  const after = mergeMovedComments(before, updated.split('\n'))
  if (before.length * after.length > MAX_CELLS) return after.join('\n')
  const a = before.map(normalize)
  const b = after.map(normalize)
  // Longest common subsequence of the normalised lines; every matched line takes the original's text.
  const n = a.length
  const m = b.length
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  }
  const out = [...after]
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      out[j] = before[i]!
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++
    else j++
  }
  return out.join('\n')
}

/** Same code, same comment: spacing before the comment and a comment line's indentation do not count. */
function normalize(line: string): string {
  const { code, comment } = splitComment(line)
  return code.trim() === '' ? (comment ?? '') : `${code}${comment ? ` ${comment}` : ''}`
}

/**
 * `key:  # note` above a block: the library writes the note on its own line under the key. When the original had
 * exactly that key with that note, the two lines become the original line again.
 */
function mergeMovedComments(before: readonly string[], after: string[]): string[] {
  const originals = new Map<string, string>()
  for (const line of before) {
    const { code, comment } = splitComment(line)
    if (comment && code.trim().endsWith(':')) originals.set(`${code}\n${comment}`, line)
  }
  if (originals.size === 0) return after
  const out: string[] = []
  for (let i = 0; i < after.length; i++) {
    const line = after[i]!
    const next = after[i + 1]
    const comment = next === undefined ? undefined : splitComment(next.trimStart()).comment
    const original = comment !== undefined && next!.trim() === comment ? originals.get(`${line.trimEnd()}\n${comment}`) : undefined
    if (original !== undefined) {
      out.push(original)
      i++
    } else out.push(line)
  }
  return out
}
