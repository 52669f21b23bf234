// action.yml and the example workflows against SchemaStore's schemas, and against SPEC §6's names.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { schemastoreValidator as validator } from './helpers/schemastore.js'

const root = new URL('../', import.meta.url)
const SPEC_INPUTS = [
  'mode', 'files', 'portal-url', 'portal-token', 'portal-scope', 'github-token', 'fail-on', 'rules', 'comment', 'redact',
  'required-approvals', 'approvers', 'allow-direct-push', 'apply-branches', 'dry-run', 'force', 'max-removal-ratio', 'sarif', 'plan-scope', 'shard',
  'portal-operators', 'reconfirm-days', 'language',
]
const SPEC_OUTPUTS = ['valid', 'errors', 'warnings', 'has-changes', 'plan-checksum', 'applied', 'report', 'sarif']

describe('action.yml', () => {
  const action = parse(readFileSync(new URL('action.yml', root), 'utf8'))

  it('is valid against SchemaStore github-action.json', () => {
    const validate = validator('github-action.json')
    expect(validate(action), JSON.stringify(validate.errors)).toBe(true)
  })

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.branding).toMatchObject({ icon: expect.any(String), color: expect.any(String) })
  })

  it('declares exactly the inputs and outputs of SPEC §6, each with a description and a default', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...SPEC_INPUTS].sort())
    expect(Object.keys(action.outputs).sort()).toEqual([...SPEC_OUTPUTS].sort())
    for (const [name, input] of Object.entries<{ description: string; default: unknown }>(action.inputs)) {
      expect(input.description.length, name).toBeGreaterThan(10)
      expect(typeof input.default, name).toBe('string')
    }
  })

  it('has every input read by the Action', () => {
    const source = readFileSync(new URL('src/action/inputs.ts', root), 'utf8')
    for (const name of SPEC_INPUTS) expect(source, name).toContain(`'${name}'`)
  })
})

describe('example workflows', () => {
  const dir = new URL('examples/workflows/', root)
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'))
  const validate = validator('github-workflow.json')

  it('exist', () => expect(files.length).toBeGreaterThan(0))

  for (const file of files) {
    it(`${file} is valid against SchemaStore github-workflow.json and asks for least privilege`, () => {
      const workflow = parse(readFileSync(new URL(file, dir), 'utf8'))
      expect(validate(workflow), JSON.stringify(validate.errors)).toBe(true)
      expect(workflow.permissions, 'top-level permissions must be declared').toBeDefined()
      for (const [id, job] of Object.entries<{ permissions?: Record<string, string>; steps: Array<{ run?: string }> }>(workflow.jobs)) {
        const granted = { ...(typeof workflow.permissions === 'object' ? workflow.permissions : {}), ...job.permissions }
        expect(Object.values(granted).filter((v) => v === 'write').length, `${id} write scopes`).toBeLessThanOrEqual(3)
        for (const step of job.steps) expect(step.run ?? '', `${id}: no expressions inside run:`).not.toMatch(/\$\{\{/)
      }
    })
  }
})
