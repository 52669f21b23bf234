// The output layer: what each context function guarantees for any string.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONTROL_CHARS, escapeControls, hasControls, listControls } from './controls.js'
import { htmlText, mdCode, mdLink, mdText } from './markdown.js'
import { inline, jsonSafe, neutraliseCommands } from './terminal.js'

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\n::warning::pwned', '::add-mask::x', '::set-output name=a::b', '::stop-commands::tok', '\u001b[31mred\u001b[0m', 'a\u202Eb', '##[add-mask]x', '<!-- x -->', '</summary></details><img src=x onerror=alert(1)><!--', 'a|b', '\r\n', '\u0000', '\u0085'),
)

describe('escapeControls', () => {
  it('leaves no control, bidi or line break, and leaves other text alone', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = escapeControls(s)
        expect(hasControls(out)).toBe(false)
        expect(out.replace(/\\(?:[nrte0]|x[0-9A-F]{2}|u\{[0-9A-F]{4,5}\})/g, '')).toBe(s.replace(CONTROL_CHARS, '').replace(/\\(?:[nrte0]|x[0-9A-F]{2}|u\{[0-9A-F]{4,5}\})/g, ''))
      }),
    )
    expect(escapeControls('a\nb\u001b[1m\u202E')).toBe('a\\nb\\e[1m\\u{202E}')
    expect(listControls('x\n\u202Ey\n')).toBe('\\n, \\u{202E}')
  })
})

describe('terminal and runner log', () => {
  const isCommandLine = (line: string) => /^\s*::/.test(line) || line.includes('##[')
  it('inline: one line, no workflow command anywhere, no ANSI escape', () => {
    fc.assert(
      fc.property(hostile, fc.string({ maxLength: 5 }), (s, prefix) => {
        const out = inline(s)
        expect(out).not.toMatch(/[\n\r\u001b\u009b]/)
        expect(isCommandLine(out)).toBe(false)
        // Whatever our own text puts around it, the line stays inert after the sink guard.
        expect(neutraliseCommands(`${prefix}${out}`).split('\n').some(isCommandLine)).toBe(false)
      }),
    )
    expect(inline('::warning::pwned')).toBe('\\x3a:warning::pwned')
    expect(inline('x ##[add-mask]y')).toBe('x #\\x23[add-mask]y')
  })

  it('neutraliseCommands keeps colours and our own lines, and breaks every command line', () => {
    expect(neutraliseCommands('\u001b[1mfile\u001b[22m\n  ::error::x\nok\n')).toBe('\u001b[1mfile\u001b[22m\n  \\x3a:error::x\nok\n')
  })

  it('jsonSafe is the same JSON without ##[', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const json = jsonSafe(JSON.stringify({ s }, null, 2))
        expect(JSON.parse(json)).toEqual({ s })
        expect(json).not.toContain('##[')
      }),
    )
  })
})

describe('markdown contexts', () => {
  it('never produce a newline, an HTML comment opener or closer, or an unescaped pipe', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        for (const out of [mdText(s), mdCode(s), htmlText(s), mdLink(s, `https://x.test/${s}`)]) {
          expect(out).not.toMatch(/[\n\r]/)
          expect(out).not.toContain('<!--')
          expect(out).not.toContain('-->')
          expect(out.replace(/\\\\/g, '')).not.toMatch(/(^|[^\\])\|/)
        }
        expect(htmlText(s)).not.toMatch(/[<>"'|]/)
      }),
    )
  })
})
