// `npm test` in a fresh clone with nothing beside it: no test, script or source reads a folder outside the repository.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js|json)$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => join(e.parentPath, e.name))
}

describe('the repository is self-contained', () => {
  it('no code reaches outside it (../shared, /work)', () => {
    const outside = /(['"`/])\.\.\/(\.\.\/)*shared\/|\/work\//
    const offenders = ['src', 'test', 'scripts', 'bench', '.ci']
      .flatMap(files)
      .filter((file) => !file.endsWith('self-contained.test.ts') && outside.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })

  it('the vendored SchemaStore schemas come with their licence', () => {
    const vendored = readdirSync(join(root, 'test/fixtures/schemastore')).sort()
    expect(vendored).toEqual(['LICENSE', 'README.md', 'github-action.json', 'github-workflow.json'])
  })
})
