// The CLI conventions of SPEC §11 through the bundle: help, unknown options, directories, stdin, --config, -o, --quiet,
// --max-warnings, colour; and in-process where a terminal is needed: Ctrl-C/Ctrl-D at the apply prompt, progress.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { startEmulatorServer, type RunningEmulator } from '../../src/portal/emulator/server.js'
import { captureIo, runCli } from '../helpers/run-cli.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { tempDir } from '../helpers/temp-dir.js'

const examples = new URL('../../examples/', import.meta.url)
const ORDERING = readFileSync(new URL('ordering-e2e/contacts.yaml', examples), 'utf8')
const ONBOARDING = readFileSync(new URL('onboarding/contacts.yaml', examples), 'utf8')
const ESC = '\u001b['

function project(files: Record<string, string> = { 'contacts.yaml': ORDERING }): string {
  const dir = tempDir('pc-conventions-')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const oneLine = (text: string) => expect(text.trimEnd().split('\n')).toHaveLength(1)

describe('help and unknown options', () => {
  it('help <command> is the command help, and the top help lists help and --version', async () => {
    const dir = project()
    const help = runCli(['help', 'validate'], dir)
    expect(help.code).toBe(0)
    expect(help.stdout).toBe(runCli(['validate', '--help'], dir).stdout)
    const top = runCli(['help'], dir).stdout
    expect(top).toContain('-v, --version')
    expect(top).toContain('help [command]')
    expect(runCli(['--version'], dir).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
    // The other commands in-process (the bundle runs the same main): one spawn costs more than all of these.
    const text = async (args: string[]) => {
      const run = captureIo(dir)
      expect(await main(args, run.io)).toBe(0)
      return run.out()
    }
    for (const command of ['validate', 'plan', 'apply', 'import', 'portal']) {
      const shown = await text(['help', command])
      expect(shown).toBe(await text([command, '--help']))
      expect(shown).toMatch(new RegExp(`^Usage: partner-contacts ${command}`))
      expect(shown).not.toContain('SPEC')
      if (command === 'import' || command === 'portal') continue
      for (const flag of ['-o, --output-file', '--quiet', '--max-warnings', '--color, --no-color']) expect(shown).toContain(flag)
      expect(shown).not.toContain('--out ')
    }
  })

  it('an unknown option is one line of our own with a "did you mean"', () => {
    const dir = project()
    const run = runCli(['validate', '--colour'], dir)
    expect(run).toEqual({ code: 2, stdout: '', stderr: `partner-contacts: unknown option "--colour" for validate; did you mean --color? (see 'partner-contacts help validate')\n` })
    const plan = runCli(['plan', '--outputfile', 'x.json'], dir)
    expect(plan.code).toBe(2)
    expect(plan.stderr).toContain('did you mean --output-file?')
    expect(plan.stderr).not.toContain('-- "')
    const command = runCli(['valdate'], dir)
    expect(command).toMatchObject({ code: 2, stderr: `partner-contacts: unknown command "valdate"; did you mean validate? (see 'partner-contacts help')\n` })
    const far = runCli(['validate', '--zzzzzz'], dir)
    expect(far.stderr).not.toContain('did you mean')
    oneLine(far.stderr)
  })
})

describe('file arguments', () => {
  it('a directory means every contacts.yaml below it', () => {
    // One partner per file (the same partner twice would be duplicate-partner).
    const partner = (id: string) => ORDERING.replace('id: "10000001"', `id: "${id}"`)
    const dir = project({ 'contacts.yaml': partner('10000001'), 'partners/a/contacts.yaml': partner('10000002'), 'partners/b/nested/contacts.yaml': partner('10000003'), 'partners/b/other.yaml': 'x: [' })
    expect(runCli(['validate', '.'], dir)).toMatchObject({ code: 0, stdout: '✔ 3 files checked, no problems\n' })
    const json = JSON.parse(runCli(['validate', 'partners', '--format', 'json'], dir).stdout)
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(['partners/a/contacts.yaml', 'partners/b/nested/contacts.yaml'])
  })

  it('a missing contacts.yaml next to a contacts.yml says so', () => {
    const dir = project({ 'partners/a/contacts.yml': ORDERING })
    const byDefault = runCli(['validate'], dir)
    expect(byDefault.code).toBe(2)
    expect(byDefault.stderr).toBe('partner-contacts: contacts.yaml: no such file\n')
    const named = runCli(['validate', 'partners/a/contacts.yaml'], dir)
    expect(named).toMatchObject({ code: 2, stderr: 'partner-contacts: partners/a/contacts.yaml: no such file; there is a partners/a/contacts.yml next to it: rename it to partners/a/contacts.yaml, or name it\n' })
    const below = runCli(['validate', '.'], dir)
    expect(below.code).toBe(2)
    expect(below.stderr).toContain('found partners/a/contacts.yml: partner-contacts looks for contacts.yaml')
    const glob = runCli(['validate', 'partners/*/contacts.yaml'], dir)
    expect(glob.stderr).toContain('no file matches; found partners/a/contacts.yml')
    oneLine(glob.stderr)
  })

  it('- reads the file from standard input', () => {
    const dir = project({})
    const ok = runCli(['validate', '-'], dir, { input: ORDERING })
    expect(ok).toMatchObject({ code: 0, stdout: '✔ 1 file checked, no problems\n' })
    const bad = runCli(['validate', '-', '--format', 'json'], dir, { input: ORDERING.replace('integration: ordering-e2e', 'integration: orderin-e2e') })
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout).files[0]).toMatchObject({ file: '<stdin>', findings: [{ ruleId: 'schema', line: 7 }] })
  })

  it('a --config file that does not exist is exit 2 with one line', () => {
    const run = runCli(['validate', '--config', 'team.yaml'], project())
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'partner-contacts: --config team.yaml: no such file\n' })
  })
})

describe('reports: -o/--output-file, --quiet, --max-warnings', () => {
  it('-o writes the report to a file in the format its extension names; --out is still accepted', () => {
    const dir = project({ 'contacts.yaml': ONBOARDING })
    const run = runCli(['validate', '-o', 'out/report.json'], dir)
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')).summary).toMatchObject({ warnings: 4 })
    expect(runCli(['validate', '--out', 'r.sarif'], dir).code).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0')
    expect(runCli(['validate', '--output-file', 'r.txt', '--color'], dir).code).toBe(0)
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toMatch(/✖ 4 problems \(0 errors, 4 warnings\) in 1 file\n$/)
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).not.toContain(ESC)
  })

  it('-o naming a directory is a one-line error, and nothing runs', () => {
    const dir = project()
    mkdirSync(join(dir, 'reports'))
    for (const command of [['validate'], ['plan', '--portal', 'file:portal.json'], ['apply', '--portal', 'file:portal.json', '--yes']]) {
      const run = runCli([...command, '-o', 'reports'], dir)
      expect(run).toEqual({ code: 2, stdout: '', stderr: 'partner-contacts: --output-file reports is a directory; name a file in it, e.g. reports/report.json\n' })
    }
  })

  it('--quiet shows errors only; --max-warnings fails a run with more warnings', () => {
    const dir = project({ 'contacts.yaml': ONBOARDING })
    expect(runCli(['validate', '--quiet'], dir)).toEqual({ code: 0, stdout: '✔ 1 file checked, no problems\n', stderr: '' })
    expect(runCli(['validate', '--max-warnings', '4'], dir).code).toBe(0)
    const over = runCli(['validate', '--max-warnings', '3', '--quiet'], dir)
    expect(over).toEqual({ code: 1, stdout: '✔ 1 file checked, no problems\n', stderr: 'partner-contacts: 4 warnings, more than --max-warnings 3\n' })
    expect(runCli(['validate', '--max-warnings', 'many'], dir)).toMatchObject({ code: 2, stderr: 'partner-contacts: --max-warnings must be a whole number (0 or more), not "many"\n' })
  })

  it('plan -o plan.json writes the JSON report and still shows the plan', () => {
    const dir = project()
    const run = runCli(['plan', '--portal', 'file:portal.json', '-o', 'plan.json'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Plan: 1 file: 1 with changes')
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')).files[0].plan.checksum).toMatch(/^sha256:/)
  })
})

describe('colour', () => {
  const dir = project({ 'contacts.yaml': ONBOARDING })
  const colored = async (args: string[], env: Record<string, string> = {}) => {
    const run = captureIo(dir, { env })
    await main(['validate', ...args], run.io)
    return run.out().includes(ESC)
  }

  it('--color, --no-color, FORCE_COLOR and NO_COLOR', async () => {
    // Through the bundle once each way; the precedence in-process.
    expect(runCli(['validate'], dir).stdout).not.toContain(ESC)
    expect(runCli(['validate', '--color'], dir, { env: { NO_COLOR: '1' } }).stdout).toContain(ESC)
    expect(await colored([])).toBe(false)
    expect(await colored(['--color'])).toBe(true)
    expect(await colored([], { FORCE_COLOR: '1' })).toBe(true)
    expect(await colored([], { FORCE_COLOR: '0' })).toBe(false)
    expect(await colored(['--no-color'], { FORCE_COLOR: '1' })).toBe(false)
    expect(await colored([], { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(true)
  })

  it('a run whose only finding is info is not drawn as a failure', () => {
    const infoOnly = project({ 'contacts.yaml': ORDERING.replace('  merchantIssues: []             # optional for ordering-e2e', '  merchantIssues:\n    - email: merchants@example.com') })
    const run = runCli(['validate', '--color'], infoOnly)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('info')
    expect(run.stdout).not.toContain(`${ESC}31m`)
    expect(run.stdout).not.toContain('✖')
    expect(run.stdout).toContain(`${ESC}32m✔ 1 file checked, no errors or warnings (1 info)`)
  })
})

describe('the apply prompt', () => {
  async function prompt(press: (stdin: NodeJS.WritableStream & { end(): void }) => void) {
    const dir = project()
    await seedPortal('file:portal.json', ORDERING.replace('integrations@example.com', 'old@example.com'), { cwd: dir })
    const portal = readFileSync(join(dir, 'portal.json'), 'utf8')
    const run = captureIo(dir, { stdinIsTTY: true })
    const pending = main(['apply', '--portal', 'file:portal.json'], run.io)
    await new Promise((resolve) => setTimeout(resolve, 50))
    for (let i = 0; i < 100 && !run.err().includes('[y/N]'); i++) await new Promise((resolve) => setTimeout(resolve, 20))
    press(run.stdin)
    const code = await pending
    return { code, stderr: run.err(), unchanged: readFileSync(join(dir, 'portal.json'), 'utf8') === portal }
  }

  it('Ctrl-C is "aborted, nothing written", exit 130', async () => {
    const result = await prompt((stdin) => stdin.write('\u0003'))
    expect(result).toMatchObject({ code: 130, unchanged: true })
    expect(result.stderr).toMatch(/\[y\/N\] [^]*\npartner-contacts: aborted, nothing written\n$/)
    expect(result.stderr).not.toContain('internal error')
  })

  it('Ctrl-D (end of input) is "aborted, nothing written", exit 1', async () => {
    const result = await prompt((stdin) => stdin.end())
    expect(result).toMatchObject({ code: 1, unchanged: true })
    expect(result.stderr).toMatch(/partner-contacts: aborted, nothing written\n$/)
  })
})

describe('progress of long runs', () => {
  const running: RunningEmulator[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.close()))
  })

  it('a log (not a terminal) gets a few progress lines, never one per file', async () => {
    const dir = project()
    const files = Array.from({ length: 24 }, (_, i) => `partners/p${i}/contacts.yaml`)
    for (const [i, file] of files.entries()) {
      mkdirSync(join(dir, file, '..'), { recursive: true })
      writeFileSync(join(dir, file), ORDERING.replace('id: "10000001"', `id: "${20000000 + i}"`))
    }
    const emulator = await startEmulatorServer({ statePath: join(dir, 'state.json'), port: 0, latencyMs: 250, partners: files.map((_, i) => String(20000000 + i)) })
    running.push(emulator)
    const run = captureIo(dir)
    expect(await main(['plan', 'partners', '--portal', emulator.url, '--token', 't', '--format', 'json'], run.io)).toBe(0)
    const lines = run.err().trimEnd().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.length).toBeLessThanOrEqual(11)
    for (const line of lines) expect(line).toMatch(/^planning \d+\/24 \(\d+ %, \d+ s\)$/)
    expect(lines.at(-1)).toMatch(/^planning 24\/24 \(100 %/)
    const quiet = captureIo(dir)
    expect(await main(['plan', 'partners', '--portal', emulator.url, '--token', 't', '--format', 'json', '--quiet'], quiet.io)).toBe(0)
    expect(quiet.err()).toBe('')
  })
})
