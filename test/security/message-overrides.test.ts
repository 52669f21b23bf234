// A pull request's message-override catalogue is hostile input: it may not forge a marker, hide part of a comment,
// crash the run or turn a "no" into a yes. Through both bundles.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAction } from '../helpers/run-action.js'
import { spawnCli } from '../helpers/spawn-cli.js'
import { tempDir } from '../helpers/temp-dir.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')

/** A repository whose config names an Italian override catalogue holding `line`. */
function repository(line: string): string {
  const dir = tempDir('pc-overrides-')
  writeFileSync(join(dir, 'contacts.yaml'), example)
  writeFileSync(join(dir, '.partner-contacts.yaml'), 'language: it\nmessages:\n  it: i18n/it.yaml\n')
  mkdirSync(join(dir, 'i18n'))
  writeFileSync(join(dir, 'i18n/it.yaml'), `${line}\n`)
  return dir
}

const ATTACKS = [
  // `<!` + a one-branch select's `-` + `-`: "<!--" exists only once formatted, so each literal alone looks harmless.
  ['a marker assembled by an ICU branch', 'confirm.notOperator: "<!{login, select, other {-}}- partner-contacts:confirmed eyJwYXJ0bmVySWQiOiIxIn0 -->"', /"confirm\.notOperator" must be text without "<", ">" or a Markdown link/],
  ['an unclosed <details> that would hide the rest of the comment', 'plan.file.plan: "<details>{summary}"', /"plan\.file\.plan" must be text without "<", ">" or a Markdown link/],
  ['a Markdown link put together across a branch', 'severity.error: "[errore]{x, select, other {(}}https://evil.example)"', /"severity\.error" (must be text without|uses \{x\})/],
  ['a text argument formatted as a date (throws while formatting)', 'cli.error.internal: "{message, date}"', /"cli\.error\.internal" formats \{message\} as a date/],
  ['the answers that mean yes at the apply prompt', 'cli.prompt.yesAnswers: "n|no|"', /"cli\.prompt\.yesAnswers" cannot be overridden/],
  ['a C1 control (CSI) or a bidi override', 'severity.error: "err\\u009bore\\u202e"', /"severity\.error" must be one line of text without control or bidirectional characters/],
] as const

describe('hostile message overrides', () => {
  it.each(ATTACKS)('%s: the CLI refuses the catalogue in one line, exit 2', async (_name, line, said) => {
    const run = await spawnCli(['validate'], { cwd: repository(line) })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(said)
    expect(run.stderr).not.toMatch(/<!--|at .*\.js:\d+/)
  })

  it('the Action fails the step with one line and writes nothing of the catalogue', async () => {
    const dir = repository(ATTACKS[0][1])
    const event = join(dir, 'event.json')
    writeFileSync(event, '{}')
    const run = await runAction({ workspace: dir, eventName: 'pull_request', eventPath: event, inputs: { mode: 'validate', files: 'contacts.yaml' } })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/"confirm\.notOperator" must be text without "<", ">" or a Markdown link/)
    expect(run.stdout + run.summary).not.toContain('partner-contacts:confirmed')
  })
})
