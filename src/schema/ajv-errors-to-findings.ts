// Turns ajv's errors into one plain-words problem each: named field, no echoed contact data.
import type { ErrorObject } from 'ajv'
import type { LocateTarget } from '../parse/locate.js'
import { parsePointer } from '../parse/locate.js'
import schema from '../../schemas/contacts.schema.json' with { type: 'json' }
import { describePath, isSafeToEcho, suggest } from './describe.js'

export interface SchemaProblem {
  message: string
  /** The JSON pointer the report shows: no segment the user wrote unless it is a schema key or an index. */
  path: string
  /** Where the finding is located, which may go one segment deeper (an unknown key's own line). */
  locateAt: string
  target: LocateTarget
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
}

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
  const field = describePath(e.instancePath)
  const segments = parsePointer(e.instancePath)
  const last = segments[segments.length - 1] ?? ''
  const value = valueAt(data, segments)
  const at = (message: string, path = e.instancePath, target: LocateTarget = 'value'): SchemaProblem => ({ message, path: reportablePointer(path), locateAt: path, target })

  switch (e.keyword) {
    case 'if':
      return undefined // the branch that failed reports the real problem
    case 'required': {
      const missing = String(e.params['missingProperty'])
      const where = e.instancePath === '' ? 'the file' : field
      return at(`${where} is missing the required key "${missing}"`, `${e.instancePath}/${missing}`, 'missing')
    }
    case 'additionalProperties': {
      const key = String(e.params['additionalProperty'])
      const known = Object.keys(propertiesAt(segments, data))
      // The key is named only as a likely typo of an allowed key: anything else the user wrote (an email used as a
      // key, a line of some other file read as YAML) stays out of the message and the path (SPEC §9).
      const hint = isTypoOfKnown(key, known)
      const named = hint ? `unknown key "${key}"` : 'unknown key'
      const where = e.instancePath === '' ? 'at the top level' : `in ${field}`
      const tail = hint ? `; did you mean "${hint}"?` : known.length > 0 ? `; allowed keys: ${known.join(', ')}` : ''
      return at(`${named} ${where}${tail}`, `${e.instancePath}/${escapePointer(key)}`, 'key')
    }
    case 'type': {
      if (e.instancePath === '') {
        return at(
          value === null || value === undefined
            ? 'the file is empty; it must describe a partner: version, partner, integration, contacts and support'
            : 'the file must be a YAML mapping (key: value lines) at the top level',
        )
      }
      if (/^\/contacts\/\w+\/\d+$/.test(e.instancePath)) {
        return at(`${field} must be an email address or a mapping with an "email" key`)
      }
      const expected = TYPE_WORDS[String(e.params['type'])] ?? String(e.params['type'])
      if (e.params['type'] === 'string' && (typeof value === 'number' || typeof value === 'boolean') && QUOTE_ME.has(last)) {
        return at(`${field} must be a string: put the value in quotes (YAML reads it unquoted as a ${typeof value})`)
      }
      if (e.params['type'] === 'string' && typeof value === 'number') {
        return at(`${field} must be a string: put the value in quotes`)
      }
      return at(`${field} must be ${expected}, not ${describeType(value)}`)
    }
    case 'enum': {
      const allowed = (e.params['allowedValues'] as unknown[]).map(String)
      // The value itself is never quoted: only the allowed values, which are ours.
      const hint = isSafeToEcho(value) ? suggest(value, allowed) : undefined
      if (hint) return at(`${field} is not a known value; did you mean "${hint}"?`)
      return at(`${field} must be one of: ${allowed.join(', ')}`)
    }
    case 'const':
      return at(`${field} must be ${JSON.stringify(e.params['allowedValue'])}`)
    case 'format':
      if (e.params['format'] === 'email') return at(`${field} is not a valid email address`)
      if (e.params['format'] === 'date') return at(`${field} must be a real date written YYYY-MM-DD`)
      return at(`${field} is not a valid ${String(e.params['format'])}`)
    case 'pattern':
      return at(patternMessage(field, last, segments))
    case 'minItems':
      return at(`${field} must have at least ${String(e.params['limit'])} item(s)`)
    case 'maxItems':
      return at(`${field} has more than ${String(e.params['limit'])} items`)
    case 'minLength':
      return at(`${field} must not be empty`)
    case 'maxLength':
      return at(`${field} is longer than ${String(e.params['limit'])} characters`)
    case 'uniqueItems':
      return at(`${field} lists the same item twice`)
    default:
      return at(`${field} is not valid (${e.keyword})`)
  }
}

function patternMessage(field: string, last: string, segments: string[]): string {
  if (segments[0] === 'partner' && last === 'id') return `${field} must be the Partner ID: digits only, in quotes (e.g. "10000001")`
  if (last === 'phone') return `${field} must be in international form: + and the country code, e.g. "+39 02 1234 5678"`
  if (last === 'hours') return `${field} must be "HH:MM-HH:MM" on a 24-hour clock, e.g. "09:00-18:00"`
  if (last === 'days') return `${field} must be a day range such as mon-fri, a list of days, or every-day`
  return `${field} has the wrong format`
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

function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `a ${typeof value}`
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
