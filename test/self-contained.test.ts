// `npm test` in a fresh clone with nothing beside it: no test, script or source reads a folder outside the repository.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers/temp-dir.js'

const root = fileURLToPath(new URL('../', import.meta.url))

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js|json)$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => join(e.parentPath, e.name))
}

describe('the repository is self-contained', () => {
  it('no code reaches outside it (a sibling shared folder, /work)', () => {
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

describe('the quick start', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const block = /## Quick start\n[^]*?```sh\n([^]*?)```/.exec(readme)?.[1] ?? ''
  const commands = block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean)

  it('is three commands, and package.json brings the Node 24 they run on', () => {
    expect(commands).toEqual(['npm ci', 'npm run demo', 'npm test'])
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.devDependencies.node).toMatch(/^24\.\d+\.\d+$/)
    expect(pkg.scripts.demo).toBe('node dist/cli.js plan examples/ordering-e2e/contacts.yaml')
  })

  // The machine's own Node (20 here) first on PATH, as a new user has it: npm runs the script on the Node 24 it installed.
  it('npm run demo works with the machine Node first on PATH', () => {
    const state = join(tempDir('pc-demo-'), 'portal.json')
    const run = spawnSync('npm', ['run', '--silent', 'demo', '--', '--portal', `file:${state}`], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: `/usr/local/bin:/usr/bin:/bin:${process.env['PATH'] ?? ''}`, HOME: process.env['HOME'] ?? '/tmp' },
    })
    expect(run.stderr.replace(/^npm warn.*\n/gm, '')).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Plan: 1 file: 1 with changes, 0 unchanged')
  })
})
