// Every workflow shown in README.md and docs/ is one a reader can copy whole: a complete workflow,
// valid against SchemaStore's github-workflow.json, with its permissions declared.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { schemastoreValidator } from './helpers/schemastore.js'

const root = fileURLToPath(new URL('../', import.meta.url))

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? markdownFiles(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : []))
}

/** YAML blocks that are (or look like part of) a workflow: they name jobs, steps, a runner or an action. */
function workflowBlocks(file: string): Array<{ where: string; text: string }> {
  const markdown = readFileSync(file, 'utf8')
  return [...markdown.matchAll(/^```ya?ml[^\n]*\n([\s\S]*?)^```/gm)]
    .filter((m) => /^\s*(jobs|steps|runs-on):|^\s*-?\s*uses:/m.test(m[1]!))
    .map((m) => ({ where: `${relative(root, file)}:${markdown.slice(0, m.index).split('\n').length}`, text: m[1]! }))
}

describe('workflows in the documentation', () => {
  const blocks = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))].flatMap(workflowBlocks)
  const validate = schemastoreValidator('github-workflow.json')

  it('are found', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6)
    expect(blocks.map((b) => b.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^README\.md:/), expect.stringMatching(/^docs\/apply\.md:/)]))
  })

  it.each(blocks.map((b) => [b.where, b.text]))('%s is a complete workflow, valid against SchemaStore', (_where, text) => {
    const workflow = parse(text)
    expect(Object.keys(workflow)).toEqual(expect.arrayContaining(['on', 'jobs']))
    expect(validate(workflow), JSON.stringify(validate.errors)).toBe(true)
    expect(workflow.permissions, 'permissions must be declared').toBeDefined()
  })

  it('the check fails on a fragment', () => {
    expect(validate(parse('  plan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n'))).toBe(false)
  })
})
