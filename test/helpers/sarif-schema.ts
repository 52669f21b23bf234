// The official SARIF 2.1.0 JSON Schema (draft-04, as @microsoft/jest-sarif ships it), compiled once for every test that writes SARIF.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Ajv04Module from 'ajv-draft-04'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

const require = createRequire(import.meta.url)
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')

// CommonJS default export, as ajv-formats is used elsewhere.
const Ajv04 = Ajv04Module.default
let compiled: ValidateFunction | undefined

/** The schema's errors for `log`, as one readable string; empty when valid. */
export function sarifSchemaErrors(log: unknown): string {
  if (!compiled) {
    // The official schema's language pattern is not valid with the u flag; SARIF tools compile it without.
    const ajv = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false })
    addFormats.default(ajv)
    compiled = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')))
  }
  return compiled(log) ? '' : JSON.stringify(compiled.errors, null, 1)
}
