// The bad-input corpus (reliability groups A and B): hostile or broken contacts files, each with the rule ID of its first finding.
import { exampleText } from '../helpers/validate-text.js'

export const SECRET_EMAIL = 'leak.check@secret-domain.example'
export const SECRET_PHONE = '+39 347 123 4567'
export const enc = (s: string) => new TextEncoder().encode(s)
export const example = exampleText()
const withSecrets = example.replace('integrations@example.com', SECRET_EMAIL).replace('+39 02 1234 5678', SECRET_PHONE)

/** The bad-input corpus, generated at test time: [name, bytes, expected rule ID of the first finding]. */
export const CORPUS: Array<[string, Uint8Array, string]> = [
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

