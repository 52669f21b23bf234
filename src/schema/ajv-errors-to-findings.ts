// Turns ajv's errors into one plain-words problem each: named field, no echoed contact data.
import type { ErrorObject } from 'ajv'
import { ref, type MessageRef, type MessageValues } from '../i18n/messages.js'
import type { LocateTarget } from '../parse/locate.js'
import { parsePointer } from '../parse/locate.js'
import schema from '../../schemas/contacts.schema.json' with { type: 'json' }
import { describeField, isSafeToEcho, suggest } from './describe.js'

export interface SchemaProblem {
  /** A catalogue message (`schema.*`), written in the reader's language by validateSchema. */
  message: MessageRef
  /** The JSON pointer the report shows: no segment the user wrote unless it is a schema key or an index. */
  path: string
  /** Where the finding is located, which may go one segment deeper (an unknown key's own line). */
  locateAt: string
  target: LocateTarget
}

const TYPE_WORDS = new Set(['string', 'array', 'object', 'integer', 'number', 'boolean', 'null'])

/** Fields that hold digits and that YAML turns into numbers unless they are quoted. */
const QUOTE_ME = new Set(['phone', 'id', 'hours', 'reviewed', 'zone', 'name', 'email'])

export function ajvErrorsToProblems(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const problems = new Map<string, SchemaProblem>()
  const add = (p: SchemaProblem) => {
    const key = `${p.locateAt}|${p.target}`
    if (!problems.has(key)) problems.set(key, p)
  }
  for (const e of errors) {
    const problem = toProblem(e, data)
    if (problem) add(problem)
  }
  return [...problems.values()]
}

function toProblem(e: ErrorObject, data: unknown): SchemaProblem | undefined {
  const field = describeField(e.instancePath)
  const segments = parsePointer(e.instancePath)
  const last = segments[segments.length - 1] ?? ''
  const value = valueAt(data, segments)
  const problem = (id: string, values: MessageValues = {}, path = e.instancePath, target: LocateTarget = 'value'): SchemaProblem => ({
    message: ref(`schema.${id}`, { field, ...values }),
    path: reportablePointer(path),
    locateAt: path,
    target,
  })
  const at = (id: string, values: MessageValues = {}) => problem(id, values)

  switch (e.keyword) {
    case 'if':
      return undefined // the branch that failed reports the real problem
    case 'required': {
      const missing = String(e.params['missingProperty'])
      return problem('missingKey', { key: missing }, `${e.instancePath}/${missing}`, 'missing')
    }
    case 'additionalProperties': {
      const key = String(e.params['additionalProperty'])
      const known = Object.keys(propertiesAt(segments, data))
      // The key is named only as a likely typo of an allowed key: anything else the user wrote (an email used as a
      // key, a line of some other file read as YAML) stays out of the message and the path (SPEC §9).
      const hint = isTypoOfKnown(key, known)
      const where = e.instancePath === '' ? ref('schema.where.top') : ref('schema.where.in', { field })
      const tail = hint ? ref('schema.hint.didYouMean', { hint }) : known.length > 0 ? ref('schema.hint.allowed', { keys: known.join(', ') }) : ''
      const values = { where, hint: tail, ...(hint ? { key } : {}) }
      return problem(hint ? 'unknownKey' : 'unknownKeyUnnamed', values, `${e.instancePath}/${escapePointer(key)}`, 'key')
    }
    case 'type': {
      if (e.instancePath === '') {
        return at(value === null || value === undefined ? 'emptyFile' : 'notMapping')
      }
      if (/^\/contacts\/\w+\/\d+$/.test(e.instancePath)) return at('contactEntry')
      const type = String(e.params['type'])
      if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean') && QUOTE_ME.has(last)) {
        return at('quoteIt', { actual: ref(`type.${typeof value === 'number' ? 'number' : 'boolean'}`) })
      }
      if (type === 'string' && typeof value === 'number') return at('quoteNumber')
      // A union such as "string,array" (days: a range or a list of days).
      const types = type.split(',')
      const word = (w: string) => (TYPE_WORDS.has(w) ? ref(`type.${w}`) : w)
      if (types.length === 2) return at('wrongTypeEither', { expected: word(types[0]!), other: word(types[1]!), actual: describeType(value) })
      return at('wrongType', { expected: word(type), actual: describeType(value) })
    }
    case 'enum': {
      const allowed = (e.params['allowedValues'] as unknown[]).map(String)
      // The value itself is never quoted: only the allowed values, which are ours.
      const hint = isSafeToEcho(value) ? suggest(value, allowed) : undefined
      if (hint) return at('enumHint', { hint })
      return at('enum', { allowed: allowed.join(', ') })
    }
    case 'const':
      return at('const', { value: JSON.stringify(e.params['allowedValue']) })
    case 'format':
      if (e.params['format'] === 'email') return at('email')
      if (e.params['format'] === 'date') return at('date')
      return at('format', { format: String(e.params['format']) })
    case 'pattern':
      return at(patternMessage(last, segments))
    case 'minItems':
      return at('minItems', { limit: Number(e.params['limit']) })
    case 'maxItems':
      return at('maxItems', { limit: Number(e.params['limit']) })
    case 'minLength':
      return at('minLength')
    case 'maxLength':
      return at('maxLength', { limit: Number(e.params['limit']) })
    case 'uniqueItems':
      return at('uniqueItems')
    default:
      return at('other', { keyword: e.keyword })
  }
}

function patternMessage(last: string, segments: string[]): string {
  if (segments[0] === 'partner' && last === 'id') return 'partnerId'
  if (last === 'phone') return 'phone'
  if (last === 'hours') return 'hours'
  if (last === 'days') return 'days'
  return 'pattern'
}

/**
 * The properties allowed at an instance path, found by walking the schema along the data (ajv's
 * schemaPath is relative to the last $ref, so it cannot say which object it was).
 */
function propertiesAt(segments: string[], data: unknown): Record<string, unknown> {
  let node = resolve(schema, data)
  let value = data
  for (const s of segments) {
    const props = node['properties'] as Record<string, Json> | undefined
    const next = props?.[s] ?? (node['items'] as Json | undefined)
    if (!next) return {}
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[s] : undefined
    node = resolve(next, value)
  }
  return (node['properties'] as Record<string, unknown> | undefined) ?? {}
}

type Json = Record<string, unknown>

/** Follows $ref and picks the if/then/else branch that applies to `value`. */
function resolve(node: Json, value: unknown): Json {
  for (let guard = 0; guard < 10; guard++) {
    const ref = node['$ref']
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
      node = (schema.$defs as Record<string, Json>)[ref.slice('#/$defs/'.length)]!
      continue
    }
    const condition = node['if'] as Json | undefined
    if (condition) {
      const wanted = condition['type']
      const matches = wanted === 'string' ? typeof value === 'string' : wanted === 'array' ? Array.isArray(value) : false
      node = (matches ? node['then'] : node['else']) as Json
      continue
    }
    return node
  }
  return node
}

function valueAt(data: unknown, segments: string[]): unknown {
  let node = data
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined
    node = Array.isArray(node) ? node[Number(s)] : Object.hasOwn(node, s) ? (node as Record<string, unknown>)[s] : undefined
  }
  return node
}

function describeType(value: unknown): MessageRef {
  if (value === null || value === undefined) return ref('type.empty')
  if (Array.isArray(value)) return ref('type.array')
  if (typeof value === 'object') return ref('type.mapping')
  return ref(`type.${typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string'}`)
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Every property name the schema defines: the only words besides indices a reported path may hold as they are. */
const SCHEMA_KEYS: ReadonlySet<string> = (() => {
  const keys = new Set<string>()
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) return node.forEach(walk)
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) keys.add(name)
      walk(v)
    }
  }
  walk(schema)
  return keys
})()

const SAFE_IDENTIFIER = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/

/** A key the user wrote that is a safe identifier and close to an allowed key: the one kind of unknown key we name. */
function isTypoOfKnown(key: string, known: readonly string[]): string | undefined {
  return SAFE_IDENTIFIER.test(key) ? suggest(key, known) : undefined
}

/**
 * The pointer as reports show it (JSON `path`, SARIF fingerprints): cut before the first segment that is neither a
 * schema key, an index, nor a likely typo of a schema key. An unknown key shaped like an email, or a line of another
 * file, never reaches a report; the finding still points at its line.
 */
export function reportablePointer(pointer: string): string {
  const segments = parsePointer(pointer)
  const kept: string[] = []
  for (const s of segments) {
    if (!(SCHEMA_KEYS.has(s) || /^\d{1,9}$/.test(s) || isTypoOfKnown(s, [...SCHEMA_KEYS]))) break
    kept.push(s)
  }
  return kept.map((s) => `/${escapePointer(s)}`).join('')
}
