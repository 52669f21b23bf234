// locate(): JSON pointer → the value, the key of an unknown key, or the parent of a missing key.
import { describe, expect, it } from 'vitest'
import { locate, parsePointer, toPointer } from './locate.js'
import { parseContactsFile } from './parse-contacts-file.js'

const text = [
  'version: 1', // 1
  'partner:', // 2
  '  id: "10000001"', // 3
  'contacts:', // 4
  '  alert:', // 5
  '    - ana@example.com', // 6
  '    - email: "luca@example.com"', // 7
  '      name: Luca', // 8
  'a/b~c: 1', // 9
].join('\n')
const parsed = parseContactsFile('c.yaml', new TextEncoder().encode(text))

describe('locate', () => {
  it('finds scalar values with their full range', () => {
    expect(locate(parsed, '/partner/id')).toEqual({ line: 3, column: 7, endLine: 3, endColumn: 17 })
    expect(locate(parsed, '/contacts/alert/0')).toEqual({ line: 6, column: 7, endLine: 6, endColumn: 22 })
    expect(locate(parsed, '/contacts/alert/1/email')).toEqual({ line: 7, column: 14, endLine: 7, endColumn: 32 })
  })
  it('shows a mapping or list by the key that names it', () => {
    expect(locate(parsed, '/contacts/alert')).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 8 })
  })
  it('points an unknown key at the key', () => {
    expect(locate(parsed, '/contacts/alert/1/name', 'key')).toEqual({ line: 8, column: 7, endLine: 8, endColumn: 11 })
  })
  it('points a missing key at its parent mapping', () => {
    expect(locate(parsed, '/contacts/technicalEmergency', 'missing')).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 9 })
    expect(locate(parsed, '/contacts/alert/1/phone', 'missing')).toEqual({ line: 7, column: 7, endLine: 7, endColumn: 12 })
    expect(locate(parsed, '/integration', 'missing')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 8 })
  })
  it('falls back to the nearest existing ancestor', () => {
    expect(locate(parsed, '/contacts/alert/9/email')).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 8 })
  })
  it('unescapes ~1 and ~0', () => {
    expect(parsePointer('/a~1b~0c')).toEqual(['a/b~c'])
    expect(toPointer(['a/b~c', 0])).toBe('/a~1b~0c/0')
    expect(locate(parsed, '/a~1b~0c')).toEqual({ line: 9, column: 8, endLine: 9, endColumn: 9 })
  })
  it('gives line 1 for an empty document', () => {
    expect(locate(parseContactsFile('e.yaml', new Uint8Array()), '/x')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 })
  })
})
