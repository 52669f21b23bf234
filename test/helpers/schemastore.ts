// SchemaStore's github-action.json and github-workflow.json, vendored in test/fixtures/schemastore/
// (Apache-2.0, see the LICENSE and README there): tests read nothing outside the repository.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'

const dir = new URL('../fixtures/schemastore/', import.meta.url)

export function schemastoreValidator(name: 'github-action.json' | 'github-workflow.json') {
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats.default(ajv)
  return ajv.compile(JSON.parse(readFileSync(new URL(name, dir), 'utf8')))
}
