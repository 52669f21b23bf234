// JSON pointer → line and column in the YAML source: the one place where paths become positions.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'
import type { Range } from '../findings/finding.js'

/**
 * What to point at: the value itself, the key of the last segment (an unknown key), or the
 * place a missing key belongs (its parent mapping's key).
 */
export type LocateTarget = 'value' | 'key' | 'missing'

export interface Locatable {
  document?: Document.Parsed
  lineCounter: LineCounter
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

interface Step {
  node: Node | null
  /** The key node under which `node` sits, when its parent is a mapping. */
  key?: Node
}

export function locate(parsed: Locatable, pointer: string, target: LocateTarget = 'value'): Range {
  const root = parsed.document?.contents ?? null
  if (!root) return { line: 1, column: 1, endLine: 1, endColumn: 1 }
  const segments = parsePointer(pointer)
  const chain: Step[] = [{ node: root }]
  for (const segment of segments) {
    const next = child(chain[chain.length - 1]!.node, segment)
    if (!next) break
    chain.push(next)
  }
  const found = chain.length === segments.length + 1
  const last = chain[chain.length - 1]!
  const rangeOf = (node: Node) => toRange(parsed.lineCounter, node, true)

  if (found && target === 'key' && last.key) return rangeOf(last.key)
  if (found && target === 'value' && last.node) {
    // A whole mapping or list is better shown by the key that names it than by its every line.
    if ((isMap(last.node) || isSeq(last.node)) && last.key) return rangeOf(last.key)
    return toRange(parsed.lineCounter, last.node, false)
  }
  // Missing, or not found: the deepest existing ancestor, shown by its key when it has one.
  if (last.key) return rangeOf(last.key)
  if (isMap(last.node) && isPair(last.node.items[0]) && last.node.items[0].key) {
    return rangeOf(last.node.items[0].key as Node)
  }
  return last.node ? toRange(parsed.lineCounter, last.node, false) : { line: 1, column: 1, endLine: 1, endColumn: 1 }
}

function child(node: Node | null, segment: string): Step | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key
      const name = isScalar(key) ? String(key.value) : undefined
      if (name === segment) return { node: (pair.value as Node | null) ?? null, key: key as Node }
    }
    return undefined
  }
  if (isSeq(node) && /^\d+$/.test(segment)) {
    const item = node.items[Number(segment)]
    return item === undefined ? undefined : { node: (item as Node | null) ?? null }
  }
  return undefined
}

function toRange(lc: LineCounter, node: Node, whole: boolean): Range {
  const [start, valueEnd] = node.range ?? [0, 0]
  const a = lc.linePos(start)
  const b = lc.linePos(Math.max(start, valueEnd))
  // A multi-line value is shown on its first line only, so annotations stay on one line.
  if (!whole && b.line !== a.line) return { line: a.line, column: a.col, endLine: a.line, endColumn: a.col }
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col }
}
