// The narrowed parser against reliability.md §6 A: every bad input becomes findings, never a throw.
import { describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES, parseContactsFile } from './parse-contacts-file.js'

const parse = (text: string | Uint8Array) =>
  parseContactsFile('contacts.yaml', typeof text === 'string' ? new TextEncoder().encode(text) : text)

const summary = (text: string | Uint8Array) => parse(text).findings.map((f) => [f.ruleId, f.line, f.message])

describe('parseContactsFile', () => {
  it('reads a plain mapping with no findings', () => {
    const parsed = parse('version: 1\npartner:\n  id: "1"\n')
    expect(parsed.findings).toEqual([])
    expect(parsed.data).toEqual({ version: 1, partner: { id: '1' } })
  })

  it('rejects a billion-laughs alias bomb quickly (A1)', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i)
      const name = String.fromCharCode(97 + i)
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const started = performance.now()
    const parsed = parse(lines.join('\n') + '\n')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(parsed.data).toBeUndefined()
    expect(parsed.findings.every((f) => f.ruleId === 'yaml-unsafe')).toBe(true)
    expect(parsed.findings.some((f) => f.message.startsWith('aliases'))).toBe(true)
  })

  it('rejects a single harmless anchor and alias (A2)', () => {
    expect(summary('a: &x 1\nb: *x\n')).toEqual([
      ['yaml-unsafe', 1, 'anchors (&name) are not allowed; remove the anchor'],
      ['yaml-unsafe', 2, 'aliases (*name) are not allowed; write the value out'],
    ])
  })

  it('reports deep nesting as a finding, never a RangeError (A3)', () => {
    const flow = parse('a: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n')
    expect(flow.findings.length).toBeGreaterThan(0)
    expect(flow.findings.length).toBeLessThanOrEqual(21)
    expect(flow.findings[0]!.ruleId).toBe('yaml-unsafe')
    let block = ''
    for (let i = 0; i < 200; i++) block += `${' '.repeat(i * 2)}k${i}:\n`
    const deep = parse(block + ' '.repeat(400) + 'v: 1\n')
    expect(deep.findings.map((f) => f.ruleId)).toContain('yaml-unsafe')
    expect(deep.findings.some((f) => f.message.includes('nested more than 32 levels'))).toBe(true)
  })

  it('rejects a file over 1 MiB before parsing it (A4)', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61)
    expect(summary(big)).toEqual([['yaml-unsafe', 1, `the file is ${MAX_FILE_BYTES + 1} bytes; the limit is 1048576 bytes (1 MiB)`]])
  })

  it('reports a duplicate key on its line (A5)', () => {
    expect(summary('version: 1\nstage: live\nstage: launching\n')).toEqual([
      ['yaml-syntax', 3, 'this key appears twice in the same mapping; keep one (DUPLICATE_KEY)'],
    ])
  })

  it('rejects %YAML 1.1 and %TAG directives, so NO never becomes false (A6)', () => {
    const parsed = parse('%YAML 1.1\n---\ncountry: NO\n')
    expect(parsed.data).toBeUndefined()
    expect(summary('%YAML 1.1\n---\ncountry: NO\n')[0]![0]).toBe('yaml-unsafe')
    expect(summary('%TAG !e! tag:example.com,2000:\n---\na: 1\n')[0]![0]).toBe('yaml-unsafe')
  })

  it('keeps YAML 1.2 core semantics: 09:00 and no stay strings (A7)', () => {
    expect(parse('hours: 09:00-18:00\nflag: no\ntime: 1:30\n').data).toEqual({ hours: '09:00-18:00', flag: 'no', time: '1:30' })
  })

  it('rejects merge keys (A8)', () => {
    expect(summary('base: {a: 1}\nother:\n  <<: {a: 2}\n')).toEqual([['yaml-unsafe', 3, 'merge keys (<<) are not allowed; write the keys out']])
  })

  it('rejects explicit and custom tags (A9)', () => {
    for (const text of ['a: !!js/function "function () {}"\n', 'a: !!binary aGk=\n', 'a: !custom x\n', 'a: !!str 3\n']) {
      const parsed = parse(text)
      expect(parsed.data, text).toBeUndefined()
      expect(parsed.findings.map((f) => f.ruleId), text).toContain('yaml-unsafe')
    }
  })

  it('does not pollute prototypes through __proto__ keys (A10)', () => {
    const parsed = parse('__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype)
  })

  it('rejects invalid UTF-8 with the line of the bad byte (A11)', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a: 1\nb: "'), 0xc3, 0x28, 0x22, 0x0a])
    expect(summary(bytes)).toEqual([['yaml-unsafe', 2, 'the file is not valid UTF-8 (bad byte at offset 9); save it as UTF-8']])
  })

  it('rejects UTF-16 (A12)', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(Buffer.from('a: 1\n', 'utf16le'))])
    expect(summary(utf16)).toEqual([['yaml-unsafe', 1, 'the file is UTF-16; save it as UTF-8']])
  })

  it('accepts a UTF-8 BOM with the same result as without it (A13)', () => {
    const plain = parse('version: 1\n')
    const withBom = parse(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('version: 1\n')]))
    expect(withBom.findings).toEqual([])
    expect(withBom.data).toEqual(plain.data)
  })

  it('rejects more than one document (A14)', () => {
    expect(summary('a: 1\n---\nb: 2\n')).toEqual([['yaml-unsafe', 2, "the file holds 2 YAML documents; keep exactly one (remove '---' separators)"]])
  })

  it('gives no data for empty and comments-only files (A15)', () => {
    for (const text of ['', '# nothing here\n', '---\n', 'null\n', '~\n']) {
      const parsed = parse(text)
      expect(parsed.findings, JSON.stringify(text)).toEqual([])
      expect(parsed.data ?? null, JSON.stringify(text)).toBeNull()
    }
  })

  it('reports tab indentation, and accepts CRLF line endings (A16)', () => {
    expect(summary('a:\n\tb: 1\n')[0]).toEqual(['yaml-syntax', 2, 'tabs are not allowed as indentation; indent with spaces (TAB_AS_INDENT)'])
    expect(parse('a: 1\r\nb:\r\n  c: 2\r\n').data).toEqual({ a: 1, b: { c: 2 } })
  })

  it('asks to quote a value starting with @ (A17)', () => {
    expect(summary('handle: @eats\n')).toEqual([
      ['yaml-syntax', 1, 'a plain value cannot start with this character; put the value in quotes (BAD_SCALAR_START)'],
    ])
  })

  it('rejects control and bidirectional characters (B22)', () => {
    expect(summary('name: "Eats\u202Egnp.exe"\n')).toEqual([['yaml-unsafe', 1, 'invisible control or bidirectional character U+202E is not allowed; delete it']])
    expect(summary('a: 1\nname: "x\u0007"\n')[0]!.slice(0, 2)).toEqual(['yaml-unsafe', 2])
    expect(summary('a: 1\nname: "zero\u200Bwidth"\n')[0]!.slice(0, 2)).toEqual(['yaml-unsafe', 2])
  })

  it('never quotes the source in a message', () => {
    const secret = 'ana.rossi@example.com'
    for (const text of [`a: "${secret}\n`, `a: [${secret}\n`, `${secret}: 1\n${secret}: 2\n`, `a: &x ${secret}\nb: *x\n`, `a: !tag ${secret}\n`]) {
      for (const f of parse(text).findings) expect(f.message, text).not.toContain('ana')
    }
  })
})
