// SARIF, JUnit and Code Climate from the bundles as CI systems get them: valid against the official
// SARIF 2.1.0 schema, with paths relative to the repository root wherever the command runs.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseJunit } from 'junit2json'
import { beforeAll, describe, expect, it } from 'vitest'
import { runAction, type ActionRun } from '../helpers/run-action.js'
import { sarifSchemaErrors } from '../helpers/sarif-schema.js'
import { tempDir } from '../helpers/temp-dir.js'
import { webhookExample, writeEvent } from '../helpers/webhook-events.js'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const example = new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url)

/** A Git repository with one valid and one broken contacts file under partners/. */
function repository(): string {
  const dir = tempDir('pc-scan-')
  mkdirSync(join(dir, 'partners/eats'), { recursive: true })
  mkdirSync(join(dir, 'partners/broken'), { recursive: true })
  cpSync(example, join(dir, 'partners/eats/contacts.yaml'))
  writeFileSync(join(dir, 'partners/broken/contacts.yaml'), readFileSync(example, 'utf8').replace('id: "10000001"', 'id: 10000001'))
  execFileSync('git', ['init', '-q', dir])
  return dir
}

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [CLI, 'validate', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const uris = (sarif: any): string[] => sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)

describe('CLI machine formats, run from a subfolder of the repository', () => {
  let repo: string
  beforeAll(() => {
    repo = repository()
  })

  it('SARIF: valid against the 2.1.0 schema, URIs relative to the repository root (git rev-parse --show-toplevel)', () => {
    const run = cli(['--format', 'sarif', '*/contacts.yaml'], join(repo, 'partners'))
    expect(run.code).toBe(1)
    const sarif = JSON.parse(run.stdout)
    expect(sarifSchemaErrors(sarif)).toBe('')
    expect(uris(sarif)).toEqual(['partners/broken/contacts.yaml'])
  })

  it('SARIF outside a Git repository: relative to GITHUB_WORKSPACE when set, else the working directory', () => {
    const dir = tempDir('pc-nogit-')
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'sub/contacts.yaml'), readFileSync(example, 'utf8').replace('id: "10000001"', 'id: 10000001'))
    expect(uris(JSON.parse(cli(['--format', 'sarif'], join(dir, 'sub'), { GITHUB_WORKSPACE: dir }).stdout))).toEqual(['sub/contacts.yaml'])
    expect(uris(JSON.parse(cli(['--format', 'sarif'], join(dir, 'sub'), { GIT_CEILING_DIRECTORIES: dir }).stdout))).toEqual(['contacts.yaml'])
  })

  it('Code Climate: GitLab paths relative to the repository root too', () => {
    const issues = JSON.parse(cli(['--format', 'codeclimate', '*/contacts.yaml'], join(repo, 'partners')).stdout)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ check_name: 'schema', severity: 'major', location: { path: 'partners/broken/contacts.yaml', lines: { begin: 5 } } })
  })

  it('JUnit: readable by a JUnit parser, one suite per file', async () => {
    const run = cli(['--format', 'junit', 'partners/*/contacts.yaml'], repo)
    expect(run.code).toBe(1)
    const parsed = (await parseJunit(run.stdout)) as any
    expect(parsed).toMatchObject({ tests: 2, failures: 1 })
    expect(parsed.testsuite.map((s: any) => s.name)).toEqual(['partners/broken/contacts.yaml', 'partners/eats/contacts.yaml'])
  })

  it('github-actions is another name for github', () => {
    const github = cli(['--format', 'github', 'partners/*/contacts.yaml'], repo)
    expect(github.stdout).toMatch(/^::error file=partners\/broken\/contacts\.yaml,line=5,/)
    expect(cli(['--format', 'github-actions', 'partners/*/contacts.yaml'], repo)).toEqual(github)
    expect(cli(['--format', 'gitlab'], repo)).toMatchObject({ code: 2, stderr: expect.stringContaining('junit, codeclimate') })
  })
})

describe('Action input sarif', () => {
  let repo: string
  let run: ActionRun
  beforeAll(async () => {
    repo = repository()
    const event = writeEvent(repo, webhookExample('pull_request', 'opened'))
    run = await runAction({ workspace: repo, eventName: 'pull_request', eventPath: event, inputs: { mode: 'validate', files: 'partners/*/contacts.yaml', sarif: 'results/partner-contacts.sarif' } })
  })

  it('writes a valid SARIF file at the path of the sarif output, URIs relative to GITHUB_WORKSPACE', () => {
    expect(run.code).toBe(1)
    expect(run.outputs['sarif']).toBe(join(repo, 'results/partner-contacts.sarif'))
    const sarif = JSON.parse(readFileSync(run.outputs['sarif']!, 'utf8'))
    expect(sarifSchemaErrors(sarif)).toBe('')
    expect(uris(sarif)).toEqual(['partners/broken/contacts.yaml'])
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'schema', level: 'error' })
  })

  it('writes none without the input', async () => {
    const event = writeEvent(repo, webhookExample('pull_request', 'opened'))
    const plain = await runAction({ workspace: repo, eventName: 'pull_request', eventPath: event, inputs: { mode: 'validate', files: 'partners/eats/contacts.yaml' } })
    expect(plain.code).toBe(0)
    expect(plain.outputs['sarif']).toBeUndefined()
  })
})
