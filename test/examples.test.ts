// The examples, end to end through the CLI in-process: onboarding passes with warnings, an incomplete launch fails.
import { existsSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main } from '../src/cli/main.js'
import type { CliIo } from '../src/cli/io.js'
import { FIXED_NOW } from './helpers/rule-tester.js'

const root = fileURLToPath(new URL('../', import.meta.url))

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function cli(args: string[]): Promise<Run> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: string[] = []
  const err: string[] = []
  stdout.on('data', (c: Buffer) => out.push(c.toString('utf8')))
  stderr.on('data', (c: Buffer) => err.push(c.toString('utf8')))
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: root }
  const code = await main(args, io)
  return { code, stdout: out.join(''), stderr: err.join('') }
}

interface JsonFinding {
  ruleId: string
  path: string
  severity: string
  message: string
  line: number
}

async function findings(file: string): Promise<{ code: number; findings: JsonFinding[] }> {
  const run = await cli(['validate', file, '--format', 'json'])
  expect(run.stderr).toBe('')
  return { code: run.code, findings: JSON.parse(run.stdout).files[0].findings }
}

// review-freshness compares with "today"; the examples are dated for this fixed day.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(FIXED_NOW)
})
afterAll(() => {
  vi.useRealTimers()
})

describe('examples', () => {
  it('onboarding: missing fields are warnings, exit 0', async () => {
    const { code, findings: found } = await findings('examples/onboarding/contacts.yaml')
    expect(code).toBe(0)
    expect(found.every((f) => f.severity === 'warning')).toBe(true)
    // A missing key points at its parent: the top of the file for support, `contacts:` for a contact field.
    expect(found.map((f) => [f.ruleId, f.path, f.line])).toEqual([
      ['required-contacts', '/support', 4],
      ['required-contacts', '/contacts/operationalForUsers', 12],
      ['required-contacts', '/contacts/alert', 13],
      ['merchant-issues-contact', '/contacts/merchantIssues', 20],
    ])
    expect(found.map((f) => f.ruleId)).not.toContain('launch-readiness')
    expect((await cli(['validate', 'examples/onboarding/contacts.yaml', '--fail-on', 'warning'])).code).toBe(1)
  })

  it('launching with a missing field: exit 1 with one launch-readiness summary', async () => {
    const { code, findings: found } = await findings('examples/launching-incomplete/contacts.yaml')
    expect(code).toBe(1)
    expect(found).toEqual([
      expect.objectContaining({ ruleId: 'launch-readiness', severity: 'error', line: 10, message: expect.stringMatching(/Operational contact \(to share with users\) \(no entry\)$/) }),
      expect.objectContaining({ ruleId: 'required-contacts', severity: 'error', line: 29 }),
    ])
    const stylish = await cli(['validate', 'examples/launching-incomplete/contacts.yaml'])
    expect(stylish.stdout).toContain('launch-readiness')
  })

  it.each(['ordering-e2e', 'appointments-e2e'])('%s passes with no finding at all', async (name) => {
    const file = `examples/${name}/contacts.yaml`
    expect(existsSync(new URL(`../${file}`, import.meta.url)), file).toBe(true)
    const { code, findings: found } = await findings(file)
    expect(code).toBe(0)
    expect(found).toEqual([])
    expect((await cli(['validate', file, '--fail-on', 'warning'])).code).toBe(0)
  })

  it('validate --format markdown shows the weekly support picture of each file', async () => {
    const run = await cli(['validate', 'examples/appointments-e2e/contacts.yaml', '--format', 'markdown'])
    expect(run.stdout).toContain('#### Operational Support: weekly coverage')
    expect(run.stdout).toContain('79 hours of support a week from 3 windows')
    expect(run.stdout).toContain('<summary>America/Los_Angeles (UTC-08:00 that week)</summary>')
  })
})
