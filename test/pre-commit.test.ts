// The pre-commit hook as pre-commit runs it: the real `pre-commit` tool, a temporary repository using
// this repository's hook from a local path, offline (any network call would fail: the proxy is a closed port).
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { tempDir } from './helpers/temp-dir.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const example = join(root, 'examples/ordering-e2e/contacts.yaml')
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0

const env = {
  PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
  HOME: tempDir('pc-home-'),
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  npm_config_offline: 'true',
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim()

describe('.pre-commit-hooks.yaml', () => {
  it('offers hook partner-contacts for contacts.yaml and contacts.yml anywhere in the tree', () => {
    const [hook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'))
    expect(hook).toMatchObject({ id: 'partner-contacts', language: 'script', files: '(^|/)contacts\\.ya?ml$' })
    const files = new RegExp(hook.files)
    for (const path of ['contacts.yaml', 'partners/eats/contacts.yml']) expect(path).toMatch(files)
    for (const path of ['my-contacts.yaml', 'contacts.yaml.bak', 'contacts.json']) expect(path).not.toMatch(files)
  })
})

// The Debian package `pre-commit`; .ci/run installs it.
describe.skipIf(!hasPreCommit)('pre-commit run (skipped when the pre-commit tool is not installed: apt-get install pre-commit)', () => {
  let project: string
  beforeAll(() => {
    // The hook repository as a user's pre-commit clones it: the hooks file and the committed bundle.
    const hooks = tempDir('pc-hooks-')
    cpSync(join(root, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'))
    cpSync(join(root, 'package.json'), join(hooks, 'package.json'))
    cpSync(join(root, 'dist'), join(hooks, 'dist'), { recursive: true })
    git(hooks, 'init', '-q')
    git(hooks, 'add', '.')
    git(hooks, 'commit', '-qm', 'hooks')
    const rev = git(hooks, 'rev-parse', 'HEAD')

    project = tempDir('pc-precommit-')
    git(project, 'init', '-q')
    writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: partner-contacts\n`)
    mkdirSync(join(project, 'partners/eats'), { recursive: true })
    cpSync(example, join(project, 'partners/eats/contacts.yaml'))
    // Not a contacts file: the hook must not look at it, broken as it is.
    writeFileSync(join(project, 'notes.yaml'), 'partner: {id: 1')
    git(project, 'add', '.')
  }, 120_000)

  const preCommit = () => spawnSync('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: project, env: { ...env, PRE_COMMIT_HOME: join(env.HOME, 'cache') }, encoding: 'utf8', timeout: 120_000 })

  it('passes valid contacts files, and blocks a broken one with the finding on its line', () => {
    const ok = preCommit()
    expect(ok.stdout + ok.stderr).toMatch(/partner-contacts validate\.+Passed/)
    expect(ok.status).toBe(0)

    writeFileSync(join(project, 'partners/eats/contacts.yaml'), readFileSync(example, 'utf8').replace('id: "10000001"', 'id: 10000001'))
    git(project, 'add', '.')
    const broken = preCommit()
    expect(broken.status).toBe(1)
    expect(broken.stdout).toMatch(/partner-contacts validate\.+Failed/)
    expect(broken.stdout).toContain('partners/eats/contacts.yaml')
    expect(broken.stdout).toMatch(/5:7\s+error\s+partner\.id must be a string/)
  }, 240_000)
})
