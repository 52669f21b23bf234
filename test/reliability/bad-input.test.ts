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
import { validateText } from '../helpers/validate-text.js'

import { CORPUS, SECRET_EMAIL, SECRET_PHONE, enc, example } from './bad-input-corpus.js'

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
