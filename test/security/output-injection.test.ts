// Items 3 and 4 of issue 11: file names that carry workflow commands, ANSI escapes or line breaks are inert in every
// mode and format of both bundles, and a name with control characters is not read at all.
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-dir.js'
import { BUNDLE_RUNS, EXAMPLE, cli, closeServers, injectedCommands, partnerFile, pullRequest, write } from './bundle.js'

afterEach(closeServers)

// Names a file system accepts; each would be a workflow command if printed raw at the start of a line (or anywhere, for ##[).
const COMMAND_NAMES = ['::warning::PWNED.yaml', '::add-mask::PWNED.yaml', '::stop-commands::PWNED.yaml', '::set-output name=valid::PWNED.yaml', 'a ##[set-output name=valid;]PWNED.yaml']
// Invalid on purpose: every file then has a finding, so every format prints its name.
const BROKEN = EXAMPLE.replace('integration: ordering-e2e', 'integration: ordering')

describe('CLI bundle: file names that are workflow commands', () => {
  it.each(['stylish', 'github', 'json', 'sarif', 'markdown'])('validate --format %s prints no command line', (format) => {
    const dir = tempDir('pc-sec-cli-')
    write(dir, Object.fromEntries(COMMAND_NAMES.map((name) => [name, BROKEN])))
    const run = cli(['validate', '*.yaml', '--format', format], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('PWNED')
    expect(injectedCommands(run.stdout)).toEqual([])
    expect(injectedCommands(run.stderr)).toEqual([])
    if (format === 'json' || format === 'sarif') expect(() => JSON.parse(run.stdout)).not.toThrow()
  })

  it('plan and apply print no command line either (stylish and JSON)', { timeout: BUNDLE_RUNS }, async () => {
    const dir = tempDir('pc-sec-cli-')
    write(dir, Object.fromEntries(COMMAND_NAMES.map((name, i) => [name, partnerFile(String(20000001 + i))])))
    for (const args of [['plan', '*.yaml', '--portal', 'file:portal.json'], ['plan', '*.yaml', '--portal', 'file:portal.json', '--format', 'json'], ['apply', '*.yaml', '--portal', 'file:portal.json', '--yes']]) {
      const run = cli(args, dir)
      expect(run.stdout, args.join(' ')).toContain('PWNED')
      expect(injectedCommands(run.stdout + run.stderr), args.join(' ')).toEqual([])
    }
  })

  it('a file name with a newline, ESC or a bidi character is not read: one clear error, the characters escaped', () => {
    const dir = tempDir('pc-sec-cli-')
    write(dir, { 'ok.yaml': EXAMPLE, 'x\n::warning::PWNED.yaml': EXAMPLE, 'red\u001b[31m.yaml': EXAMPLE, 'evil\u202Elmy.yaml': EXAMPLE })
    for (const format of ['stylish', 'json']) {
      const run = cli(['validate', '*.yaml', '--format', format], dir)
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(run.stderr).toContain('"x\\n::warning::PWNED.yaml" (\\n)')
      expect(run.stderr).toContain('"red\\e[31m.yaml" (\\e)')
      expect(run.stderr).toContain('"evil\\u{202E}lmy.yaml" (\\u{202E})')
      expect(run.stderr).not.toMatch(/[\u001b\u202E]/)
      expect(injectedCommands(run.stderr)).toEqual([])
    }
  })
})

describe('Action bundle: file names that are workflow commands', () => {
  it('apply (a direct push, allowed) logs each file without a command line; validate and plan too', { timeout: BUNDLE_RUNS }, async () => {
    const files = Object.fromEntries(COMMAND_NAMES.map((name, i) => [name, partnerFile(String(20000001 + i))]))
    const s = await pullRequest({ files, portal: [], directPush: true })
    const apply = await s.apply({ files: '*.yaml', 'allow-direct-push': 'true' })
    expect(apply.stdout).toContain('PWNED.yaml: applied')
    for (const run of [await s.plan({ files: '*.yaml', mode: 'validate' }), await s.plan({ files: '*.yaml' }), apply]) {
      expect(injectedCommands(run.stdout)).toEqual([])
      expect(injectedCommands(run.stderr)).toEqual([])
    }
  })

  it('a path with a newline and a forged marker fails the step with one escaped error and writes no comment', async () => {
    const forged = `<!-- partner-contacts:checksum file=contacts.yaml sha256:${'0'.repeat(64)} -->`
    const s = await pullRequest({ files: { 'contacts.yaml': EXAMPLE, [`partners/x\n${forged}\n::warning::PWNED/contacts.yaml`]: partnerFile('20000009') } })
    const run = await s.plan({ files: '**/contacts.yaml' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::a file name holds control or bidirectional characters, so it was not read: "partners\/x\\n<!-- partner-contacts:checksum file=contacts\.yaml sha256:0+ -->\\n::warning::PWNED\/contacts\.yaml" \(\\n\)/)
    expect(injectedCommands(run.stdout)).toEqual([])
    expect(s.comments()).toEqual([])
  })
})
