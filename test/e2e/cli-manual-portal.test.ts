// The CLI with a manual portal (SPEC §11), as a team without GitHub runs it: apply prints the steps, confirm records them.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-dir.js'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const first = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const second = first.replace('name: Platform on-call', 'name: Platform pager')

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', USER: 'ana' }, input: '' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Markdown as it reads: the output layer backslash-escapes every punctuation mark of a value. */
const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1')

function project(text = first): string {
  const dir = tempDir('pc-manual-cli-')
  writeFileSync(join(dir, 'contacts.yaml'), text)
  return dir
}

describe('partner-contacts with --portal manual:<dir>', () => {
  it('apply prints the steps and writes nothing; confirm records; the next apply shows only the new difference', () => {
    const dir = project()
    const apply = cli(['apply', '--portal', 'manual:state'], dir)
    expect(apply.code, apply.stderr).toBe(0)
    expect(apply.stdout).toContain('1 pending (manual portal)')
    expect(apply.stdout).toContain('never confirmed for this partner')
    expect(apply.stdout).toMatch(/Configuration → Contact Information\n(.*\n)*\s+\d+\. Technical Emergency Contacts: make it list exactly eats-oncall@example\.pagerduty\.com \(name “Platform on-call”\)/)
    expect(apply.stdout).toContain('When done: partner-contacts confirm contacts.yaml --portal manual:state')

    const confirm = cli(['confirm', '--portal', 'manual:state'], dir)
    expect(confirm.code, confirm.stderr).toBe(0)
    expect(confirm.stdout).toMatch(/^contacts\.yaml: partner 10000001 confirmed by ana on \d{4}-\d{2}-\d{2}; recorded in .*10000001\.json\n$/)
    const record = JSON.parse(readFileSync(join(dir, 'state', '10000001.json'), 'utf8'))
    expect(record).toMatchObject({ version: 1, partnerId: '10000001', confirmation: { by: 'ana', file: 'contacts.yaml' } })

    const same = cli(['plan', '--portal', 'manual:state'], dir)
    expect(same.stdout).toMatch(/as confirmed by @ana on \d{4}-\d{2}-\d{2}/)
    expect(same.stdout).toContain('no changes')

    writeFileSync(join(dir, 'contacts.yaml'), second)
    const markdown = cli(['apply', '--portal', 'manual:state', '--format', 'markdown'], dir)
    expect(markdown.code, markdown.stderr).toBe(0)
    expect(markdown.stdout).toContain('#### Configuration → Contact Information')
    expect(unescape(markdown.stdout)).toContain('- [ ] **Technical Emergency Contacts**: for eats-oncall@example.pagerduty.com, change the name from “Platform on-call” to “Platform pager”')
    expect(markdown.stdout.match(/- \[ \]/g)).toHaveLength(2)
  })

  it('confirm refuses a plan other than the one the steps were printed from, and a portal that is not manual', () => {
    const dir = project()
    const shown = JSON.parse(cli(['plan', '--portal', 'manual:state', '--format', 'json'], dir).stdout)
    writeFileSync(join(dir, 'contacts.yaml'), second)
    const stale = cli(['confirm', '--portal', 'manual:state', '--checksum', shown.files[0].plan.checksum], dir)
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain('not recorded: the plan changed since the steps were printed')
    expect(cli(['plan', '--portal', 'manual:state'], dir).stdout).toContain('never confirmed')

    const wrong = cli(['confirm', '--portal', 'file:portal.json'], dir)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('confirm records a manual portal')
    expect(cli(['plan', '--portal', 'manual'], dir).stderr).toContain('needs a directory for its confirmed states')
  })
})
