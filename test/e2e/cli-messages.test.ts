// Messages that lead to the fix, through the bundle: indentation named as such, a misspelt time zone corrected.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli.js'
import { tempDir } from '../helpers/temp-dir.js'

const ORDERING = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')

function validate(text: string) {
  const dir = tempDir('pc-messages-')
  writeFileSync(join(dir, 'contacts.yaml'), text)
  return runCli(['validate', '--format', 'json'], dir)
}

describe('messages', () => {
  it('a list key indented one space short is reported as indentation, on its line', () => {
    const run = validate(ORDERING.replace('  technicalNonEmergency:\n', ' technicalNonEmergency:\n'))
    expect(run.code).toBe(1)
    const findings = JSON.parse(run.stdout).files[0].findings
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 31, column: 2 })
    expect(findings[0].message).toBe('bad indentation: this line is indented 1 space, which lines up with no block above it; YAML reads the structure from indentation, so indent it 2 spaces, like line 24')
  })

  it('a key inside a list item one space short does not say "a quote or bracket is not closed"', () => {
    const findings = JSON.parse(validate(ORDERING.replace('    name: Luca Bianchi\n', '   name: Luca Bianchi\n')).stdout).files[0].findings
    expect(findings.map((f: { message: string }) => f.message)).toEqual([expect.stringMatching(/^bad indentation: this line is indented 3 spaces, .*indent it 4 spaces, like line 16$/)])
  })

  it('an unknown time zone gets a "did you mean"', () => {
    const run = validate(ORDERING.replace('    zone: Europe/Rome', '    zone: Europe/Roma'))
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout).files[0].findings[0]).toMatchObject({
      ruleId: 'support-hours',
      line: 47,
      message: 'support[0].zone "Europe/Roma" is not an IANA time zone name; did you mean Europe/Rome?',
    })
  })
})
