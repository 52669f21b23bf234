// Editor help as editors give it: yaml-language-server (VS Code's YAML extension, Neovim, Helix, …) over LSP,
// completion, hover and diagnostics at chosen positions of the examples; and the config file's schema.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configSchema } from '../src/config/config-schema.js'
import { KNOWN_KEYS } from '../src/config/load-config.js'
import { RULES } from '../src/rules/index.js'
import { YamlLanguageServer, positionAfter, type CompletionItem } from './helpers/yaml-language-server.js'
import { tempDir } from './helpers/temp-dir.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const CONTACTS_SCHEMA = pathToFileURL(join(root, 'schemas/contacts.schema.json')).href
const CONFIG_SCHEMA = pathToFileURL(join(root, 'schemas/config.schema.json')).href
const example = readFileSync(join(root, 'examples/ordering-e2e/contacts.yaml'), 'utf8').replace('../../schemas/contacts.schema.json', CONTACTS_SCHEMA)

const inserted = (items: CompletionItem[]) => items.map((i) => i.textEdit?.newText ?? i.insertText ?? i.label)

let server: YamlLanguageServer
let dir: string
let opened = 0
beforeAll(async () => {
  dir = tempDir('pc-lsp-')
  server = await YamlLanguageServer.start(dir)
}, 30_000)
afterAll(async () => {
  await server?.stop()
})

/** Each case opens its own document, so diagnostics and caches never mix. */
const open = (text: string, name = 'contacts.yaml') => server.open(join(dir, `${opened++}`, name), text)

describe('contacts.yaml in yaml-language-server', () => {
  it('the support key and a new support item complete with days, hours and zone', async () => {
    const noSupport = example.slice(0, example.indexOf('support:')) + 'supp'
    const uri = await open(noSupport)
    const key = inserted(await server.completion(uri, positionAfter(noSupport, '\nsupp')))
    expect(key.find((t) => t.startsWith('support:'))).toMatch(/days: .*\n.*hours: .*\n.*zone: /s)

    const newItem = example + '  - '
    const item = inserted(await server.completion(await open(newItem), { line: newItem.split('\n').length - 1, character: 4 }))
    expect(item.some((t) => /days: .*\n\s*hours: .*\n\s*zone: /s.test(t))).toBe(true)
  })

  it('inside a contact mapping, completes the contact keys and nothing else', async () => {
    const text = example.replace('    - email: integrations@example.com\n', '    - email: integrations@example.com\n      \n')
    const labels = (await server.completion(await open(text), positionAfter(text, 'integrations@example.com\n      '))).map((i) => i.label)
    expect(labels.sort()).toEqual(['name', 'phone'])

    const newContact = example.replace('contacts:\n  alert:', 'contacts:\n  technicalEmergency:\n    - \n  alert:')
    const offered = (await server.completion(await open(newContact), positionAfter(newContact, 'technicalEmergency:\n    - '))).map((i) => i.label)
    expect(offered).not.toContain('[object Object]')
    expect(offered.filter((l) => l.includes('@'))).toEqual([])
    expect(offered).toEqual(expect.arrayContaining(['email', 'name', 'phone', 'type']))
  })

  it('hovers with the portal’s field names and the format', async () => {
    const uri = await open(example)
    expect(await server.hover(uri, positionAfter(example, '  technicalEm'))).toContain('Technical Emergency Contacts')
    expect(await server.hover(uri, positionAfter(example, '    hou'))).toMatch(/24-hour clock/)
    expect(await server.hover(uri, positionAfter(example, 'revie'))).toMatch(/in quotes/)
  })

  it('says what is wrong with hours, days, phone and partner.id in words, not as a regular expression', async () => {
    const text = example
      .replace('id: "10000001"', 'id: "A-1"')
      .replace('"09:00-18:00"', '"9-18"')
      .replace('days: mon-fri', 'days: Mon..Fri')
      .replace('phone: "+39 02 1234 5678"', 'phone: "02 1234 5678"')
    const uri = await open(text)
    const messages = (await server.diagnosticsOf(uri)).map((d) => [d.range.start.line, d.message])
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle))
    expect(messages).toEqual(
      expect.arrayContaining([
        [lineOf('id: "A-1"'), expect.stringMatching(/^The Partner ID is digits only/)],
        [lineOf('"9-18"'), expect.stringMatching(/^Hours are "HH:MM-HH:MM"/)],
        [lineOf('Mon..Fri'), expect.stringMatching(/^Days are a range such as mon-fri/)],
        [lineOf('"02 1234 5678"'), expect.stringMatching(/^A phone is in international form/)],
      ]),
    )
    for (const [, message] of messages) expect(message).not.toMatch(/pattern|\^|\$"/)
    // The example itself is clean.
    expect(await server.diagnosticsOf(await open(example))).toEqual([])
  })
})

describe('.partner-contacts.yaml', () => {
  const config = `# yaml-language-server: $schema=${CONFIG_SCHEMA}\nrules:\n  review-freshness: { maxAgeDays: 90 }\n  support-coverage: warning\nintegrations:\n  ordering-e2e: required\n`

  it('schemas/config.schema.json is generated from the rule registry (npm run build)', () => {
    expect(JSON.parse(readFileSync(join(root, 'schemas/config.schema.json'), 'utf8'))).toEqual(configSchema())
    expect(Object.keys((configSchema()['properties'] as object) ?? {}).sort()).toEqual([...KNOWN_KEYS].sort())
  })

  it('accepts what the loader accepts and rejects unknown rules, severities and options', () => {
    const validate = new Ajv2020({ strict: false }).compile(configSchema())
    expect(validate({ rules: { 'review-freshness': { maxAgeDays: 90, severity: 'info' }, 'support-coverage': 'warning', 'emergency-contact-pageable': { pagingDomains: ['pager.example.net'] } }, integrations: { 'ordering-e2e': 'required', events: { merchantIssues: 'optional' } }, partners: { '10000001': 'partners/eats/contacts.yaml', '10000002': ['a/contacts.yaml', 'b/contacts.yml'] } })).toBe(true)
    for (const bad of [{ rules: { 'no-such-rule': 'error' } }, { rules: { 'support-coverage': 'loud' } }, { rules: { 'review-freshness': { maxAgeDayz: 1 } } }, { integrations: { 'ordering-e2e': 'maybe' } }, { partners: { eats: 'a.yaml' } }, { partners: { '1': 'partners/*/contacts.yaml' } }, { partners: { '1': '../x.yaml' } }, { partners: { '1': [] } }, { colour: true }]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false)
    }
  })

  it('completes rule IDs and a rule’s options, and hovers with the rule’s description', async () => {
    const atRules = config.replace('rules:\n', 'rules:\n  \n')
    const ids = (await server.completion(await open(atRules, '.partner-contacts.yaml'), positionAfter(atRules, 'rules:\n  '))).map((i) => i.label)
    expect(ids).toEqual(expect.arrayContaining(['launch-readiness', 'users-roles', 'contact-phone']))
    expect(ids.every((id) => id in RULES)).toBe(true)

    const atOption = config.replace('{ maxAgeDays: 90 }', '\n    ')
    const options = (await server.completion(await open(atOption, '.partner-contacts.yaml'), positionAfter(atOption, 'review-freshness: \n    '))).map((i) => i.label)
    expect(options).toEqual(expect.arrayContaining(['maxAgeDays', 'severity']))

    const uri = await open(config, '.partner-contacts.yaml')
    expect(await server.hover(uri, positionAfter(config, '  support-cov'))).toContain(RULES['support-coverage'].meta.description)
    expect(await server.diagnosticsOf(uri)).toEqual([])
    const typo = await open(config.replace('support-coverage: warning', 'support-coverage: loud'), '.partner-contacts.yaml')
    expect((await server.diagnosticsOf(typo)).length).toBeGreaterThan(0)
  })
})
