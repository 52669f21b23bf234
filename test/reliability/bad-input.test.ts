// Reliability groups A and B: every hostile or broken file is findings with a rule ID and a line, never a crash, a leak or "delete all".
import fc from 'fast-check'
import { PassThrough } from 'node:stream'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyFile } from '../../src/apply/apply-file.js'
import type { CliIo } from '../../src/cli/io.js'
import { main } from '../../src/cli/main.js'
import { EMPTY_CONFIG } from '../../src/config/config.js'
import { PortalEmulator } from '../../src/portal/emulator/emulator.js'
import { HttpPortalClient } from '../../src/portal/http-portal-client.js'
import { planFile } from '../../src/plan/plan-files.js'
import { prepareRules } from '../../src/rules/run-rules.js'
import { tempDir } from '../helpers/temp-dir.js'
import { exampleText, validateText } from '../helpers/validate-text.js'

const SECRET_EMAIL = 'leak.check@secret-domain.example'
const SECRET_PHONE = '+39 347 123 4567'
const enc = (s: string) => new TextEncoder().encode(s)
const example = exampleText()
const withSecrets = example.replace('integrations@example.com', SECRET_EMAIL).replace('+39 02 1234 5678', SECRET_PHONE)

/** The bad-input corpus, generated at test time: [name, bytes, expected rule ID of the first finding]. */
const CORPUS: Array<[string, Uint8Array, string]> = [
  ['billion laughs', enc(`a: &a ["${SECRET_EMAIL}","${SECRET_EMAIL}"]\n${Array.from({ length: 9 }, (_, i) => `${'b'.repeat(i + 1)}: &x${i} [*${i ? `x${i - 1}` : 'a'},*${i ? `x${i - 1}` : 'a'}]`).join('\n')}\n`), 'yaml-unsafe'],
  ['one harmless alias', enc(`version: 1\nx: &e ${SECRET_EMAIL}\ny: *e\n`), 'yaml-unsafe'],
  ['20,000-deep flow nesting', enc(`contacts: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`), 'yaml-unsafe'],
  ['5,000-deep block mappings', enc(Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ` ${SECRET_EMAIL}\n`), 'yaml-unsafe'],
  ['2 MiB file', enc(`# ${SECRET_EMAIL}\n` + '#'.repeat(2 * 1024 * 1024) + '\n'), 'yaml-unsafe'],
  ['duplicate key', enc(withSecrets.replace('stage: live', 'stage: live\nstage: launching')), 'yaml-syntax'],
  ['%YAML 1.1 with country: NO', enc(`%YAML 1.1\n---\n${withSecrets}`), 'yaml-unsafe'],
  ['merge key', enc(`base: &b {email: ${SECRET_EMAIL}}\nmerged:\n  <<: *b\n`), 'yaml-unsafe'],
  ['!!js/function', enc(`version: !!js/function "function(){ return '${SECRET_EMAIL}' }"\n`), 'yaml-unsafe'],
  ['!!binary', enc(`version: !!binary aGVsbG8=\n`), 'yaml-unsafe'],
  ['__proto__ key', enc(withSecrets.replace('version: 1', 'version: 1\n__proto__:\n  polluted: yes')), 'schema'],
  ['constructor key, nested', enc(withSecrets.replace('partner:\n', 'partner:\n  constructor: {prototype: {polluted: yes}}\n')), 'schema'],
  ['invalid UTF-8', new Uint8Array([...enc(`version: 1\nname: "${SECRET_EMAIL} `), 0xc3, 0x28, ...enc('"\n')]), 'yaml-unsafe'],
  ['UTF-16 LE with BOM', new Uint8Array([0xff, 0xfe, ...[...'version: 1\n'].flatMap((c) => [c.charCodeAt(0), 0])]), 'yaml-unsafe'],
  ['two documents', enc(`${withSecrets}---\n${withSecrets}`), 'yaml-unsafe'],
  ['empty file', enc(''), 'schema'],
  ['null document', enc('null\n'), 'schema'],
  ['comments only', enc(`# contacts: ${SECRET_EMAIL}\n# nothing else\n`), 'schema'],
  ['tab indentation', enc(withSecrets.replace('  id: "10000001"', '\tid: "10000001"')), 'yaml-syntax'],
  ['unquoted @handle', enc(withSecrets.replace('name: Example Eats', 'name: @example_eats')), 'yaml-syntax'],
  ['bidi override', enc(withSecrets.replace('Example Eats', 'Example \u202eEats')), 'yaml-unsafe'],
  ['zero-width space', enc(withSecrets.replace(SECRET_EMAIL, `leak\u200b.check@secret-domain.example`)), 'yaml-unsafe'],
  ['unknown key (typo)', enc(withSecrets.replace('    - email: escalations@example.com', '    - emial: escalations@example.com')), 'schema'],
  ['bad email', enc(withSecrets.replace(SECRET_EMAIL, 'leak.check@@secret-domain.example')), 'schema'],
  ['letters in a phone', enc(withSecrets.replace(SECRET_PHONE, '+39 347 CALL ME')), 'schema'],
  ['unquoted phone', enc(withSecrets.replace(`"${SECRET_PHONE}"`, '+393471234567')), 'schema'],
  ['51 contacts in one field', enc(withSecrets.replace(`    - email: ${SECRET_EMAIL}\n      type: alias\n`, Array.from({ length: 51 }, (_, i) => `    - c${i}.${SECRET_EMAIL}\n`).join(''))), 'schema'],
  ['a 201-character name', enc(withSecrets.replace('name: Example Eats', `name: ${'x'.repeat(201)}`)), 'schema'],
]

async function cli(args: string[], cwd: string) {
  const out: string[] = []
  const err: string[] = []
  const stdout = new PassThrough().on('data', (c: Buffer) => out.push(c.toString()))
  const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c.toString()))
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd }
  const code = await main(args, io)
  return { code, stdout: out.join(''), stderr: err.join('') }
}

describe('the bad-input corpus through `partner-contacts validate`', () => {
  const dir = tempDir('pc-corpus-')
  it.each(CORPUS)('%s: exit 1, the right rule ID on a line, no stack trace, no value echoed', async (name, bytes, ruleId) => {
    const file = `case-${name.replace(/[^a-z0-9]+/gi, '-')}.yaml`
    writeFileSync(join(dir, file), bytes)
    const started = performance.now()
    const run = await cli(['validate', file, '--format', 'json'], dir)
    const elapsed = performance.now() - started
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    const [report] = JSON.parse(run.stdout).files
    expect(report.findings[0]).toMatchObject({ ruleId, severity: 'error', line: expect.any(Number) })
    expect(report.findings.every((f: { line: number }) => f.line >= 1)).toBe(true)
    for (const text of [run.stdout, (await cli(['validate', file], dir)).stdout]) {
      expect(text).not.toContain(SECRET_EMAIL)
      expect(text).not.toContain('secret-domain')
      expect(text).not.toContain(SECRET_PHONE)
      expect(text).not.toMatch(/\n\s+at /)
    }
    // Not a timed test: a generous bound that only an exponential blow-up (an alias bomb expanded) would cross.
    expect(elapsed).toBeLessThan(10_000)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('a UTF-8 BOM and CRLF line endings are accepted, with the same result as without them', async () => {
    const plain = await validateText(example)
    const bom = await validateText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(example)]))
    const crlf = await validateText(example.replace(/\n/g, '\r\n'))
    expect(plain.findings).toEqual([])
    expect(bom.findings).toEqual([])
    expect(crlf.findings).toEqual([])
    expect(bom.model).toEqual(plain.model)
    expect(crlf.model).toEqual(plain.model)
  })
})

describe('an empty or comments-only file is never "delete everything"', () => {
  const rules = prepareRules(EMPTY_CONFIG)
  it.each([
    ['empty', ''],
    ['null', 'null\n'],
    ['comments only', '# all contacts removed\n'],
    ['empty mapping', '{}\n'],
  ])('%s: not planned, and apply writes nothing', async (_, text) => {
    const emulator = new PortalEmulator({ partners: ['10000001'] })
    const client = new HttpPortalClient({ baseUrl: 'http://emulator.invalid', fetch: emulator.fetch, rateLimit: 0, maxAttempts: 1 })
    const planned = await planFile('contacts.yaml', enc(text), { rules, client })
    expect(planned.outcome).toBe('invalid')
    expect(planned.plan).toBeUndefined()
    const applied = await applyFile('contacts.yaml', enc(text), { rules, client, force: true })
    expect(applied.outcome).toBe('refused')
    expect(emulator.requests).toEqual([])
  })
})

describe('properties of the validator', () => {
  it('never throws on arbitrary text, and every finding has a rule ID and a line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) => {
        const result = await validateText(text)
        for (const f of result.findings) {
          expect(typeof f.ruleId).toBe('string')
          expect(f.line).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const result = await validateText(bytes)
        expect(Array.isArray(result.findings)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('any single mutation of a valid document passes or gives findings, never a crash (B24)', async () => {
    const lines = example.split('\n')
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(lines.length - 1) }),
      fc.record({ kind: fc.constant('char' as const), at: fc.nat(example.length - 1), char: fc.constantFrom(':', '-', ' ', '"', "'", '[', '{', '#', '&', '*', '!', '\t', '\n', '|', '>', '@', '%') }),
      fc.record({ kind: fc.constant('indent' as const), at: fc.nat(lines.length - 1), by: fc.integer({ min: -2, max: 2 }) }),
    )
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        let text: string
        if (m.kind === 'delete') text = lines.filter((_, i) => i !== m.at).join('\n')
        else if (m.kind === 'duplicate') text = lines.flatMap((l, i) => (i === m.at ? [l, l] : [l])).join('\n')
        else if (m.kind === 'char') text = example.slice(0, m.at) + m.char + example.slice(m.at + 1)
        else text = lines.map((l, i) => (i === m.at ? (m.by > 0 ? ' '.repeat(m.by) + l : l.slice(-m.by)) : l)).join('\n')
        const result = await validateText(text)
        for (const f of result.findings) expect(f.line).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 200 },
    )
  })
})
