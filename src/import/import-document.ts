// Writes what the portal holds into a contacts.yaml Document in place: comments, key order, `type` and formatting survive.
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node, type Pair } from 'yaml'
import { CONTACT_FIELDS, normalizeEmail, type ContactEntry, type ContactField, type Integration, type SupportWindow, type User } from '../model/contacts.js'
import { normalizePhone, toPortalWindow, windowKey } from '../plan/mapping.js'

/** The schema's `$id`: a modeline that works wherever the file lives. */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/partner-contacts/partner-contacts/v1/schemas/contacts.schema.json'

/** SPEC §2 order of the top-level keys. */
const TOP_LEVEL_ORDER = ['version', 'partner', 'integration', 'environment', 'stage', 'reviewed', 'users', 'contacts', 'support'] as const

export interface ImportedData {
  partnerId: string
  /** Undefined leaves the file's users alone (or, for a new file, writes no `users:`). */
  users?: User[]
  contacts: Record<ContactField, ContactEntry[]>
  support: SupportWindow[]
}

export interface NewFileOptions {
  integration: string
  environment?: 'production' | 'sandbox'
  stage?: 'onboarding' | 'launching' | 'live'
}

/** The integration the portal's data implies, when it implies one: testers exist only for Food Ordering End-to-End. */
export function inferIntegration(data: ImportedData): { integration: Integration; because: string; reason: 'tester' } | undefined {
  if (data.users?.some((u) => u.role === 'tester')) return { integration: 'ordering-e2e', because: 'the account has a tester user', reason: 'tester' }
  return undefined
}

/** A new file: a skeleton in the documented order, then the same in-place update as an existing file gets. */
export function newContactsDocument(data: ImportedData, options: NewFileOptions): Document {
  const lines = [
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    `# Imported from the Partner Portal by partner-contacts import.`,
    'version: 1',
    'partner:',
    `  id: "${data.partnerId}"`,
    `integration: ${options.integration}`,
    ...(options.environment ? [`environment: ${options.environment}`] : []),
    ...(options.stage ? [`stage: ${options.stage}${options.stage === 'onboarding' ? '  # a new, empty account: fill in the contacts, then set launching' : ''}`] : []),
    '',
  ]
  const doc = parseDocument(lines.join('\n'))
  updateContactsDocument(doc, data, { addUsers: data.users !== undefined })
  return doc
}

/**
 * Brings `doc` to the portal's state. Entries are matched by normalised email (support windows by
 * their normalised value) and kept where they are, with their comments, `type` and spelling; entries
 * the portal does not have are removed; new ones are appended. `users:` is only touched when the
 * file already has it, or `addUsers` is set.
 */
export function updateContactsDocument(doc: Document, data: ImportedData, options: { addUsers?: boolean } = {}): void {
  const root = ensureMap(doc.contents, () => (doc.contents = doc.createNode({}) as YAMLMap))

  const partner = ensureMap(root.get('partner', true), () => setInOrder(doc, root, 'partner', doc.createNode({})))
  if (!sameScalar(partner.get('id', true), data.partnerId)) partner.set('id', quoted(data.partnerId))

  if (data.users && (root.has('users') || options.addUsers)) {
    const seq = ensureSeq(root.get('users', true), () => setInOrder(doc, root, 'users', new YAMLSeq()))
    reconcile(
      seq,
      data.users,
      (node) => (isMap(node) ? emailOf(node.get('email')) : undefined),
      (user) => normalizeEmail(user.email),
      (node, user) => updateUser(doc, node as YAMLMap, user),
      (user) => userNode(doc, user),
    )
  }

  const contactsExisting = root.get('contacts', true)
  const anyContacts = CONTACT_FIELDS.some((f) => data.contacts[f].length > 0)
  if (contactsExisting !== undefined || anyContacts || !root.has('contacts')) {
    const contacts = ensureMap(contactsExisting, () => setInOrder(doc, root, 'contacts', new YAMLMap()))
    for (const field of CONTACT_FIELDS) {
      const entries = data.contacts[field]
      const existing = contacts.get(field, true)
      // A missing key and an empty list mean the same: leave a missing key missing.
      if (existing === undefined && entries.length === 0 && contactsExisting !== undefined) continue
      const seq = ensureSeq(existing, () => setInOrder(doc, contacts, field, flowSeq(), CONTACT_FIELDS))
      reconcile(
        seq,
        entries,
        (node) => (isMap(node) ? emailOf(node.get('email')) : emailOf(isScalar(node) ? node.value : undefined)),
        (entry) => normalizeEmail(typeof entry === 'string' ? entry : entry.email),
        (node, entry, index) => updateContact(doc, seq, node, entry, index),
        (entry) => contactNode(doc, entry),
      )
      // `[]` for an empty list, block style once it has entries.
      seq.flow = seq.items.length === 0
    }
  }

  const supportExisting = root.get('support', true)
  if (supportExisting !== undefined || data.support.length > 0 || !root.has('support')) {
    const seq = ensureSeq(supportExisting, () => setInOrder(doc, root, 'support', new YAMLSeq()))
    reconcile(
      seq,
      data.support,
      (node) => (isMap(node) ? supportKey(node.toJSON() as SupportWindow) : undefined),
      (window) => supportKey(window),
      () => {},
      (window) => windowNode(doc, window),
    )
    seq.flow = seq.items.length === 0
  }
}

/**
 * YAML 1.1 tools (js-yaml, PyYAML, ajv-cli) read an unquoted `reviewed: 2026-11-01` as a timestamp:
 * the file import writes quotes it, comments kept. Returns whether it changed the document's text.
 */
export function quoteDates(doc: Document): boolean {
  const reviewed = isMap(doc.contents) ? doc.contents.get('reviewed', true) : undefined
  if (!isScalar(reviewed) || typeof reviewed.value !== 'string' || reviewed.type !== Scalar.PLAIN) return false
  reviewed.type = Scalar.QUOTE_DOUBLE
  return true
}

/** Keeps matched items in place (updated), drops unmatched ones, appends the new ones in the portal's order. */
function reconcile<T>(
  seq: YAMLSeq,
  wanted: readonly T[],
  keyOfNode: (node: unknown) => string | undefined,
  keyOfWanted: (item: T) => string,
  update: (node: unknown, item: T, index: number) => void,
  create: (item: T) => Node,
): void {
  const byKey = new Map<string, T>()
  for (const item of wanted) if (!byKey.has(keyOfWanted(item))) byKey.set(keyOfWanted(item), item)
  const kept = new Set<string>()
  for (let i = 0; i < seq.items.length; ) {
    const key = keyOfNode(seq.items[i])
    const item = key === undefined ? undefined : byKey.get(key)
    if (item === undefined || kept.has(key!)) {
      seq.items.splice(i, 1)
      continue
    }
    kept.add(key!)
    update(seq.items[i], item, i)
    i++
  }
  for (const [key, item] of byKey) if (!kept.has(key)) seq.items.push(create(item))
}

function updateContact(doc: Document, seq: YAMLSeq, node: unknown, entry: ContactEntry, index: number): void {
  const wanted = typeof entry === 'string' ? { email: entry } : entry
  if (!isMap(node)) {
    // A string entry stays a string while the portal has only the email.
    if (wanted.name === undefined && wanted.phone === undefined) return
    const map = contactNode(doc, entry) as YAMLMap
    const old = node as Scalar
    if (old.comment) map.comment = old.comment
    if (old.commentBefore) map.commentBefore = old.commentBefore
    // Keep the spelling the file had for the email.
    map.set('email', doc.createNode(old.value))
    seq.items[index] = map
    return
  }
  setOrDelete(doc, node, 'name', wanted.name, (current) => typeof current === 'string' && current.trim() === wanted.name)
  setOrDelete(doc, node, 'phone', wanted.phone, (current) => typeof current === 'string' && wanted.phone !== undefined && normalizePhone(current) === normalizePhone(wanted.phone), true)
}

function updateUser(doc: Document, node: YAMLMap, user: User): void {
  setOrDelete(doc, node, 'name', user.name, (current) => typeof current === 'string' && current.trim() === user.name)
  if (!sameScalar(node.get('role', true), user.role)) node.set('role', doc.createNode(user.role))
}

/** Sets `key` unless the current value already means the same (so its spelling survives); deletes it when absent. */
function setOrDelete(doc: Document, map: YAMLMap, key: string, value: string | undefined, same: (current: unknown) => boolean, quote = false): void {
  if (value === undefined) {
    map.delete(key)
    return
  }
  if (same(map.get(key))) return
  if (map.has(key)) map.set(key, quote ? quoted(value) : doc.createNode(value))
  else {
    // New keys go before `type`, matching the documented { email, name, phone, type } order.
    const pair = doc.createPair(key, quote ? quoted(value) : value)
    const typeIndex = map.items.findIndex((p) => isScalar(p.key) && p.key.value === 'type')
    if (typeIndex >= 0) map.items.splice(typeIndex, 0, pair)
    else map.items.push(pair)
  }
}

function contactNode(doc: Document, entry: ContactEntry): Node {
  if (typeof entry === 'string') return doc.createNode(entry)
  const map = new YAMLMap()
  map.set('email', doc.createNode(entry.email))
  if (entry.name !== undefined) map.set('name', doc.createNode(entry.name))
  if (entry.phone !== undefined) map.set('phone', quoted(entry.phone))
  return map
}

function userNode(doc: Document, user: User): Node {
  const map = new YAMLMap()
  map.set('email', doc.createNode(user.email))
  if (user.name !== undefined) map.set('name', doc.createNode(user.name))
  map.set('role', doc.createNode(user.role))
  return map
}

function windowNode(doc: Document, window: SupportWindow): Node {
  const map = new YAMLMap()
  const days = doc.createNode(window.days)
  if (days instanceof YAMLSeq) days.flow = true
  map.set('days', days)
  map.set('hours', quoted(window.hours))
  map.set('zone', doc.createNode(window.zone))
  return map
}

function supportKey(window: SupportWindow): string {
  if (!window || typeof window.hours !== 'string' || typeof window.zone !== 'string' || window.days === undefined) return '?'
  return windowKey(toPortalWindow(window))
}

function quoted(value: string): Scalar {
  const scalar = new Scalar(value)
  scalar.type = Scalar.QUOTE_DOUBLE
  return scalar
}

function flowSeq(): YAMLSeq {
  const seq = new YAMLSeq()
  seq.flow = true
  return seq
}

function emailOf(value: unknown): string | undefined {
  const text = isScalar(value) ? value.value : value
  return typeof text === 'string' ? normalizeEmail(text) : undefined
}

function sameScalar(node: unknown, value: string): boolean {
  return isScalar(node) && node.value === value
}

function ensureMap(node: unknown, create: () => unknown): YAMLMap {
  if (isMap(node)) return node
  const created = create()
  if (isMap(created)) return created
  throw new Error('internal: expected a mapping') // create() always returns one; keeps the type honest
}

function ensureSeq(node: unknown, create: () => unknown): YAMLSeq {
  if (isSeq(node)) return node
  const created = create()
  if (isSeq(created)) return created
  throw new Error('internal: expected a sequence')
}

/** Sets `key` in `map` (replacing a wrong-typed value in place), inserting a new key at its documented position. */
function setInOrder<T extends Node>(doc: Document, map: YAMLMap, key: string, value: T, order: readonly string[] = TOP_LEVEL_ORDER): T {
  const existing = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key)
  if (existing >= 0) {
    map.items[existing]!.value = value
    return value
  }
  const rank = order.indexOf(key)
  const pair = doc.createPair(key, value) as Pair<unknown, unknown>
  // A blank line before each top-level section, as in the documented layout.
  if (order === TOP_LEVEL_ORDER && ['users', 'contacts', 'support'].includes(key) && isScalar(pair.key)) pair.key.spaceBefore = true
  const after = map.items.findIndex((p) => isScalar(p.key) && order.indexOf(String(p.key.value)) > rank)
  if (after >= 0) map.items.splice(after, 0, pair)
  else map.items.push(pair)
  return value
}
