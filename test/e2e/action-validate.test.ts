// The bundle as the runner runs it, in validate mode: annotations, job summary, outputs, pass/fail.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-dir.js'
import { runAction, type ActionRun } from '../helpers/run-action.js'
import { webhookExample, writeEvent } from '../helpers/webhook-events.js'

const examples = new URL('../../examples/', import.meta.url)
const TRACE = fileURLToPath(new URL('../helpers/trace-loads.mjs', import.meta.url))

function workspace(): string {
  const dir = tempDir('pc-ws-')
  mkdirSync(join(dir, 'partners/eats'), { recursive: true })
  cpSync(new URL('ordering-e2e/contacts.yaml', examples), join(dir, 'partners/eats/contacts.yaml'))
  return dir
}

/** A file with twelve bad emails: more errors than GitHub shows annotations for. */
function writeBroken(dir: string): void {
  // Another partner (a second file with the example's ID would be a duplicate-partner finding too).
  const text = readFileSync(new URL('ordering-e2e/contacts.yaml', examples), 'utf8').replace('id: "10000001"', 'id: "10000002"').replace(
    '  technicalNonEmergency:\n    - email: integrations@example.com\n      type: alias\n',
    '  technicalNonEmergency:\n' + Array.from({ length: 12 }, (_, i) => `    - broken${i}@@example.com\n`).join(''),
  )
  mkdirSync(join(dir, 'partners/broken'), { recursive: true })
  writeFileSync(join(dir, 'partners/broken/contacts.yaml'), text)
}

describe('Action, mode validate (auto on a pull request without portal-url)', () => {
  let dir: string
  let run: ActionRun
  beforeAll(async () => {
    dir = workspace()
    writeBroken(dir)
    const event = writeEvent(dir, webhookExample('pull_request', 'opened'))
    run = await runAction({ workspace: dir, eventName: 'pull_request', eventPath: event, inputs: { files: 'partners/*/contacts.yaml', 'github-token': 'ghs_dummy' } })
  })

  it('fails the step', () => {
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::contacts validation failed: 12 errors, 0 warnings (fail-on: error)')
  })

  it('annotates the first 10 errors on their lines and says how many more', () => {
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error title='))
    expect(annotations).toHaveLength(10)
    expect(annotations[0]).toBe(
      '::error title=partner-contacts schema,file=partners/broken/contacts.yaml,line=32,endLine=32,col=7,endColumn=27::Technical Non-Emergency Contacts (contacts.technicalNonEmergency[0]) is not a valid email address',
    )
    expect(run.stdout).toMatch(/::notice::2 more findings \(2 errors, 0 warnings, 0 info\) are not annotated/)
  })

  it('writes every finding to the job summary', () => {
    expect(run.summary).toContain('❌ **12 errors**, 0 warnings in 2 files')
    expect(run.summary.match(/\| ❌ \|/g)).toHaveLength(12)
    expect(run.summary).toContain('### <code>partners/eats/contacts\\.yaml</code> — partner 10000001\n\nNo problems.')
  })

  it('links each finding to its line at the head commit and shows the launch-readiness checklist, as plan mode does', () => {
    const payload = webhookExample('pull_request', 'opened') as { pull_request: { head: { sha: string } }; repository: { full_name: string } }
    const head = payload.pull_request.head.sha
    expect(run.summary).toContain(`| ❌ | [32](https://github.com/${payload.repository.full_name}/blob/${head}/partners/broken/contacts.yaml#L32) |`)
    // The file that passes the schema gets its checklist (one with schema errors has no model to check, as in plan mode).
    const eats = run.summary.slice(run.summary.indexOf('### <code>partners/eats/contacts\\.yaml</code>'))
    expect(eats).toContain('**Launch readiness**')
    expect(eats).toContain('| Technical Emergency Contacts | ✅ complete | 1 |')
    expect(eats).toContain('Operational Support')
  })

  it('sets the outputs, with the JSON report at the path it names', () => {
    expect(run.outputs).toMatchObject({ valid: 'false', errors: '12', warnings: '0' })
    expect(existsSync(run.outputs['report']!)).toBe(true)
    const report = JSON.parse(readFileSync(run.outputs['report']!, 'utf8'))
    expect(report.summary).toEqual({ files: 2, errors: 12, warnings: 0, infos: 0 })
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['partners/broken/contacts.yaml', 'partners/eats/contacts.yaml'])
  })

  it('never prints a contact email', () => {
    for (const text of [run.stdout, run.stderr, run.summary]) {
      expect(text).not.toMatch(/broken\d+@/)
      expect(text).not.toContain('ana.rossi@')
    }
  })
})

describe('Action, mode validate on valid files', () => {
  it('passes and sets valid=true', async () => {
    const dir = workspace()
    const event = writeEvent(dir, webhookExample('pull_request', 'synchronize'))
    const run = await runAction({ workspace: dir, eventName: 'pull_request', eventPath: event, inputs: { mode: 'validate', files: 'partners/eats/contacts.yaml' } })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ valid: 'true', errors: '0', warnings: '0' })
    expect(run.stdout).not.toContain('::error')
    expect(run.summary).toContain('✅ 1 file checked, no problems')
  })

  it('loads no portal, Google auth, Octokit or HTTP client (undici) code and opens no connection', async () => {
    const dir = workspace()
    const trace = join(dir, 'trace.txt')
    writeFileSync(trace, '')
    const event = writeEvent(dir, webhookExample('pull_request', 'opened'))
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      eventPath: event,
      inputs: { files: 'partners/eats/contacts.yaml', 'github-token': 'ghs_dummy' },
      env: { NODE_OPTIONS: `--import ${TRACE}`, PC_TRACE_FILE: trace },
    })
    expect(run.code).toBe(0)
    const lines = readFileSync(trace, 'utf8').split('\n').filter(Boolean)
    expect(lines.filter((l) => !l.startsWith('load '))).toEqual([])
    const loaded = lines.map((l) => l.slice(5)).filter((u) => u.startsWith('file:') && u.includes('/dist/'))
    expect(loaded.length).toBeGreaterThan(0)
    for (const url of loaded) expect(readFileSync(fileURLToPath(url), 'utf8'), url).not.toMatch(/GoogleAuth|octokit|updateMask|undici|ProxyAgent/)
  })
})

describe('Action, bad configuration', () => {
  it('fails with one clear message and no stack trace', async () => {
    const dir = workspace()
    const event = writeEvent(dir, webhookExample('pull_request', 'opened'))
    for (const [inputs, message] of [
      [{ 'fail-on': 'sometimes' }, 'input fail-on: must be error, warning or never'],
      [{ rules: 'no-such-rule: error' }, 'input rules: unknown rule "no-such-rule"'],
      [{ files: 'nowhere/*.yaml' }, 'nowhere/*.yaml: no file matches'],
    ] as const) {
      const run = await runAction({ workspace: dir, eventName: 'pull_request', eventPath: event, inputs: { files: 'partners/eats/contacts.yaml', ...inputs } })
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(`::error::${message}`)
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
    }
  })
})
