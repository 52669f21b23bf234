// Validates YAML text or bytes through the whole validate pipeline, as the CLI does for one file.
import { readFileSync } from 'node:fs'
import { EMPTY_CONFIG } from '../../src/config/config.js'
import { prepareRules } from '../../src/rules/run-rules.js'
import { validateContactsFile, type FileResult } from '../../src/validate/validate-file.js'

const rules = prepareRules(EMPTY_CONFIG)

export const FIXED_NOW = new Date('2026-11-24T12:00:00Z')

export function validateText(source: string | Uint8Array, file = 'contacts.yaml'): Promise<FileResult> {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source
  return validateContactsFile(file, bytes, { rules, now: FIXED_NOW })
}

/** The valid ordering example, as text, to derive broken variants from. */
export function exampleText(name = 'ordering-e2e'): string {
  return readFileSync(new URL(`../../examples/${name}/contacts.yaml`, import.meta.url), 'utf8')
}
