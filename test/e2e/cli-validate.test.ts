// The CLI bin as a person types it: `partner-contacts validate`, its formats and exit codes.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempDir } from '../helpers/temp-dir.js'
import { describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const TRACE = fileURLToPath(new URL('../helpers/trace-loads.mjs', import.meta.url))
const examples = new URL('../../examples/', import.meta.url)

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function project(): string {
  const dir = tempDir('pc-cli-')
  cpSync(new URL('ordering-e2e/contacts.yaml', examples), join(dir, 'contacts.yaml'))
  mkdirSync(join(dir, 'partners/clinic'), { recursive: true })
  cpSync(new URL('appointments-e2e/contacts.yaml', examples), join(dir, 'partners/clinic/contacts.yaml'))
  return dir
}

describe('partner-contacts validate', () => {
  it('validates contacts.yaml by default and exits 0', () => {
    const run = cli(['validate'], project())
    expect(run).toEqual({ code: 0, stdout: '✔ 1 file checked, no problems\n', stderr: '' })
  })

  it('takes globs, and exits 1 on errors with stylish output', () => {
    const dir = project()
    writeFileSync(join(dir, 'partners/clinic/contacts.yaml'), readFileSync(join(dir, 'partners/clinic/contacts.yaml'), 'utf8').replace('integration: appointments-e2e', 'integration: apointments-e2e'))
    const run = cli(['validate', 'partners/*/contacts.yaml', 'contacts.yaml'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(
      'partners/clinic/contacts.yaml\n  7:14  error  integration is not a known value; did you mean "appointments-e2e"?  schema\n\n✖ 1 problem (1 error, 0 warnings) in 2 files\n',
    )
  })

  it('prints the JSON report, SARIF and GitHub annotations', () => {
    const dir = project()
    writeFileSync(join(dir, 'contacts.yaml'), readFileSync(join(dir, 'contacts.yaml'), 'utf8').replace('id: "10000001"', 'id: 10000001'))
    const json = JSON.parse(cli(['validate', '--format', 'json'], dir).stdout)
    expect(json.files[0].findings[0]).toMatchObject({ ruleId: 'schema', path: '/partner/id', line: 5, column: 7 })
    const sarif = JSON.parse(cli(['validate', '--format=sarif'], dir).stdout)
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(5)
    expect(cli(['validate', '-f', 'github'], dir).stdout).toMatch(/^::error file=contacts\.yaml,line=5,/)
    expect(cli(['validate', '--format', 'markdown'], dir).stdout).toContain('| ❌ | 5 |')
  })

  it('honours --fail-on and --rule', () => {
    const dir = project()
    writeFileSync(join(dir, 'contacts.yaml'), readFileSync(join(dir, 'contacts.yaml'), 'utf8').replace(/  technicalNonEmergency:\n    - email: integrations@example.com\n      type: alias\n/, ''))
    expect(cli(['validate'], dir).code).toBe(1)
    // launch-readiness is the launch gate: it stays an error while required-contacts is only a warning
    expect(cli(['validate', '--rule', 'required-contacts=warning'], dir).code).toBe(1)
    const relaxed = ['validate', '--rule', 'required-contacts=warning', '--rule', 'launch-readiness=warning']
    expect(cli(relaxed, dir).code).toBe(0)
    expect(cli([...relaxed, '--fail-on', 'warning'], dir).code).toBe(1)
    expect(cli(['validate', '--fail-on', 'never'], dir).code).toBe(0)
  })

  it('reads .partner-contacts.yaml at the repository root', () => {
    const dir = project()
    mkdirSync(join(dir, '.git'))
    writeFileSync(join(dir, 'contacts.yaml'), readFileSync(join(dir, 'contacts.yaml'), 'utf8').replace(/  technicalNonEmergency:\n    - email: integrations@example.com\n      type: alias\n/, ''))
    writeFileSync(join(dir, '.partner-contacts.yaml'), 'rules:\n  required-contacts: off\n  launch-readiness: warning\n')
    expect(cli(['validate', '../contacts.yaml'], join(dir, 'partners'))).toMatchObject({ code: 0 })
  })

  it('exits 2 with one line on usage and configuration errors', () => {
    const dir = project()
    expect(cli(['validate', 'missing.yaml'], dir)).toEqual({ code: 2, stdout: '', stderr: 'partner-contacts: missing.yaml: no such file\n' })
    expect(cli(['validate', '--format', 'xml'], dir).stderr).toBe('partner-contacts: --format must be one of: stylish, json, github, sarif, markdown, junit, codeclimate\n')
    expect(cli(['validate', '--rule', 'nope=error'], dir).stderr).toBe('partner-contacts: --rule: unknown rule "nope"\n')
    expect(cli(['validate', '--bogus'], dir).code).toBe(2)
    expect(cli(['frobnicate'], dir).code).toBe(2)
    writeFileSync(join(dir, '.partner-contacts.yaml'), 'rules: [1, 2]\n')
    expect(cli(['validate'], dir).stderr).toMatch(/^partner-contacts: .*\.partner-contacts\.yaml: "rules" must be a mapping/)
  })

  it('makes no network call and loads no portal, GitHub or Google auth code, and no message parser', () => {
    const dir = project()
    const trace = join(dir, 'trace.txt')
    writeFileSync(trace, '')
    const result = spawnSync(process.execPath, ['--import', TRACE, CLI, 'validate'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', PC_TRACE_FILE: trace } })
    expect(result.status).toBe(0)
    const lines = readFileSync(trace, 'utf8').split('\n').filter(Boolean)
    expect(lines.filter((l) => !l.startsWith('load '))).toEqual([])
    const loaded = lines.map((l) => l.slice(5)).filter((u) => u.startsWith('file:') && u.includes('/dist/'))
    expect(loaded.length).toBeGreaterThan(0)
    for (const url of loaded) {
      const code = readFileSync(fileURLToPath(url), 'utf8')
      expect(code, url).not.toMatch(/GoogleAuth|octokit|updateMask/)
      // The catalogues ship parsed (scripts/build.mjs): the ICU parser is a chunk of its own, for partners' overrides only.
      expect(code, url).not.toMatch(/EXPECT_ARGUMENT_CLOSING_BRACE/)
    }
  })
})
