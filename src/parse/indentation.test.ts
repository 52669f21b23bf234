// The indentation diagnosis: the misplaced line and the indentation it needs; never a false alarm on valid YAML.
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { findBadIndentation } from './indentation.js'
import { parseContactsFile } from './parse-contacts-file.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1

describe('findBadIndentation', () => {
  it('a list key one space short: that line, and the sibling indentation', () => {
    const text = example.replace('  technicalNonEmergency:\n', ' technicalNonEmergency:\n')
    expect(findBadIndentation(text)).toEqual({ line: lineOf(text, ' technicalNonEmergency:'), indent: 1, expected: 2, like: lineOf(text, '  alert:') })
  })

  it('a list item one space short, and a key inside an item one space short', () => {
    const item = example.replace('  - email: luca.bianchi@example.com\n', ' - email: luca.bianchi@example.com\n')
    expect(findBadIndentation(item)).toMatchObject({ line: lineOf(item, ' - email: luca'), indent: 1, expected: 2 })
    const key = example.replace('    name: Luca Bianchi\n', '   name: Luca Bianchi\n')
    expect(findBadIndentation(key)).toMatchObject({ line: lineOf(key, 'name: Luca'), indent: 3, expected: 4, like: lineOf(key, 'luca.bianchi@example.com') })
  })

  it('a line deeper than the line above allows', () => {
    const text = example.replace('    name: Luca Bianchi\n', '      name: Luca Bianchi\n')
    expect(findBadIndentation(text)).toMatchObject({ line: lineOf(text, 'name: Luca'), indent: 6, expected: 4 })
  })

  it('skips block scalars, multi-line flow collections and comments', () => {
    expect(findBadIndentation('a: |\n   text\n  more\nb: [1,\n 2]\n# note\n   # indented note\nc: 1\n')).toBeUndefined()
  })

  it('finds nothing in the examples or in any YAML the library writes', () => {
    for (const dir of readdirSync(new URL('../../examples/', import.meta.url))) {
      for (const name of ['contacts.yaml', 'contacts.yml']) {
        try {
          expect(findBadIndentation(readFileSync(new URL(`../../examples/${dir}/${name}`, import.meta.url), 'utf8'))).toBeUndefined()
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        }
      }
    }
    const key = fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/)
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).map
    fc.assert(
      fc.property(value, fc.integer({ min: 2, max: 4 }), fc.boolean(), (data, indent, indentSeq) => {
        expect(findBadIndentation(stringify(data, { indent, indentSeq }))).toBeUndefined()
      }),
    )
  })
})

describe('parseContactsFile on bad indentation', () => {
  it('reports one yaml-syntax finding about indentation, not an unclosed quote', () => {
    const text = example.replace('    name: Luca Bianchi\n', '   name: Luca Bianchi\n')
    const { findings } = parseContactsFile('contacts.yaml', new TextEncoder().encode(text))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ ruleId: 'yaml-syntax', line: lineOf(text, 'name: Luca'), column: 4 })
    expect(findings[0]!.message).toMatch(/^bad indentation: this line is indented 3 spaces, .* indent it 4 spaces, like line \d+$/)
    expect(findings[0]!.message).not.toContain('quote')
  })
})
