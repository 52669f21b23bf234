// Stage 1: bytes → one YAML document with positions, through a deliberately narrowed parser (SPEC §9).
import { ENGLISH } from '../i18n/catalogue.js'
import { ref, type Messages, type MessageValues } from '../i18n/messages.js'
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
  type ParsedNode,
} from 'yaml'
import type { Finding, PreRuleId, Range } from '../findings/finding.js'
import { bytePosition, decodeUtf8 } from './decode-utf8.js'
import { findBadIndentation } from './indentation.js'

export const MAX_FILE_BYTES = 1024 * 1024

/** A file the reader refused before parsing (src/files/read-contacts-file.ts): why, in one line. */
export interface UnreadableFile {
  /** Why, as a message: `yaml.<unreadable>` in the catalogues, with its arguments. */
  unreadable: 'symlinkOutside' | 'notRegular' | 'tooLarge' | 'overLimit' | 'symlinkLoop' | 'cannotRead'
  values?: Readonly<Record<string, string>>
}
/** What the parser takes: the file's bytes, or why they were not read. */
export type ContactsBytes = Uint8Array | UnreadableFile
/** A contacts file is four levels deep; anything past this is an attack or an accident. */
export const MAX_DEPTH = 32
/** A broken file can produce thousands of parser errors; the first few say enough. */
const MAX_YAML_FINDINGS = 20

export interface ParsedFile {
  file: string
  text: string
  lineCounter: LineCounter
  /** The one document, present when the stream held exactly one. */
  document?: Document.Parsed
  /** Plain data, present only when parsing produced no findings. */
  data?: unknown
  findings: Finding[]
}

const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
} as const

// Our own words for the parser's codes (`yaml.code.<CODE>` in the catalogues): the parser's messages may quote the
// source, and the source holds emails and phones.
const UNSAFE_CODES = new Set(['RESOURCE_EXHAUSTION', 'TAG_RESOLVE_FAILED', 'BAD_DIRECTIVE', 'MULTIPLE_DOCS'])

// C0/C1 controls except tab, LF and CR; zero-width space and word joiners; bidi controls.
// ZWJ and ZWNJ (U+200C, U+200D) are left alone: they belong in names in several scripts.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u

export function parseContactsFile(file: string, bytes: ContactsBytes, messages: Messages = ENGLISH): ParsedFile {
  const lineCounter = new LineCounter()
  const result: ParsedFile = { file, text: '', lineCounter, findings: [] }
  const report = (ruleId: PreRuleId, id: string, values: MessageValues, range: Range) =>
    result.findings.push({ ruleId, severity: 'error', message: messages.format(`yaml.${id}`, values), path: '', ...range })

  if (!(bytes instanceof Uint8Array)) {
    report('yaml-unsafe', bytes.unreadable, bytes.values ?? {}, point(1, 1))
    return result
  }
  if (bytes.length > MAX_FILE_BYTES) {
    report('yaml-unsafe', 'tooLarge', { bytes: String(bytes.length), limit: String(MAX_FILE_BYTES) }, point(1, 1))
    return result
  }
  const decoded = decodeUtf8(bytes)
  if (!decoded.ok) {
    const at = bytePosition(bytes, decoded.byteOffset)
    report(
      'yaml-unsafe',
      decoded.reason === 'utf-16' ? 'utf16' : 'notUtf8',
      { offset: String(decoded.byteOffset) },
      point(at.line, at.column),
    )
    return result
  }
  const text = decoded.text
  result.text = text

  const forbidden = FORBIDDEN_CHARS.exec(text)
  if (forbidden) {
    const at = positionOf(text, forbidden.index)
    const code = forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
    report('yaml-unsafe', 'control', { code }, point(at.line, at.column))
    return result
  }

  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter })
  const documents = Array.isArray(docs) ? docs : [docs]
  const rangeOf = (start: number, end: number): Range => {
    const a = lineCounter.linePos(start)
    const b = lineCounter.linePos(Math.max(start, end))
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col }
  }

  if (documents.length > 1) {
    const second = documents[1]!
    const start = second.range?.[0] ?? 0
    report('yaml-unsafe', 'documents', { count: documents.length }, rangeOf(start, start))
  }

  const doc = documents[0]
  if (!doc) return result // empty stream: the schema stage reports the missing content
  result.document = doc as Document.Parsed

  let yamlFindings = 0
  const seen = new Set<string>()
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const code = problem.code
    const range = rangeOf(problem.pos[0], problem.pos[1])
    const key = `${code}:${range.line}`
    if (seen.has(key)) continue
    seen.add(key)
    if (++yamlFindings > MAX_YAML_FINDINGS) break
    const ruleId: PreRuleId = UNSAFE_CODES.has(code) ? 'yaml-unsafe' : 'yaml-syntax'
    const words = ref(messages.has(`yaml.code.${code}`) ? `yaml.code.${code}` : 'yaml.code.other')
    report(ruleId, 'code', { words, code }, range)
  }

  // A misplaced indentation makes the parser guess (an unclosed quote, a key spanning lines): name the cause instead.
  const bad = doc.errors.length > 0 ? findBadIndentation(text) : undefined
  if (bad && result.findings.some((f) => f.ruleId === 'yaml-syntax' && f.line >= bad.line - 1)) {
    result.findings = result.findings.filter((f) => f.ruleId !== 'yaml-syntax' || f.line < bad.line - 1)
    const column = bad.indent + 1
    report('yaml-syntax', 'badIndentation', { indent: bad.indent, deeper: String(bad.indent > bad.expected), expected: bad.expected, like: bad.like }, { line: bad.line, column, endLine: bad.line, endColumn: column })
  }

  const directives = doc.directives
  if (directives?.yaml.explicit || Object.keys(directives?.tags ?? {}).some((h) => h !== '!!') || directives?.tags['!!'] !== 'tag:yaml.org,2002:') {
    report('yaml-unsafe', 'directives', {}, point(1, 1))
  }

  if (doc.contents) checkNodes(doc.contents, (id, values, node) => {
    const [start, end] = node.range ?? [0, 0]
    report('yaml-unsafe', id, values, rangeOf(start, end))
  })

  if (result.findings.length > 0) return result
  try {
    result.data = doc.toJS({ maxAliasCount: 0 })
  } catch {
    // Every alias is reported above, so this is a depth or size failure inside the library.
    report('yaml-unsafe', 'toData', {}, point(1, 1))
  }
  return result
}

/**
 * Walks the node tree iteratively (a recursive walk would itself overflow on hostile nesting)
 * and reports the features a contacts file never needs: aliases, anchors, tags, merge keys.
 */
function checkNodes(root: ParsedNode, report: (id: string, values: MessageValues, node: Node) => void): void {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    if (isPair(node)) {
      if (isScalar(node.key) && node.key.value === '<<') report('mergeKey', {}, node.key)
      stack.push({ node: node.value, depth }, { node: node.key, depth })
      continue
    }
    if (isAlias(node)) {
      report('alias', {}, node)
      continue
    }
    if (!isScalar(node) && !isCollection(node)) continue
    if (node.anchor) report('anchor', {}, node)
    if (node.tag) report('tag', {}, node)
    if (isCollection(node)) {
      if (depth > MAX_DEPTH) {
        report('depth', { max: MAX_DEPTH }, node)
        continue
      }
      if (isMap(node) || isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1 })
      }
    }
  }
}

function point(line: number, column: number): Range {
  return { line, column, endLine: line, endColumn: column }
}

function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: index - lineStart + 1 }
}
