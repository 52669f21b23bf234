// `partner-contacts import` as a new user meets it: a file that passes its own validate, the integration inferred or
// asked for, a new account named as such, and a re-import that leaves the person's comments where they were.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { captureIo, runCli } from '../helpers/run-cli.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { tempDir } from '../helpers/temp-dir.js'

const ORDERING = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
// No tester user: nothing in the portal's data says which integration this is.
const APPOINTMENTS_ID = '30000003'
const APPOINTMENTS = ORDERING.replace('id: "10000001"', `id: "${APPOINTMENTS_ID}"`).replace('integration: ordering-e2e', 'integration: appointments-e2e').replace('role: tester', 'role: editor')

async function seeded(...files: string[]): Promise<string> {
  const dir = tempDir('pc-import-')
  for (const file of files) await seedPortal('file:portal.json', file, { cwd: dir })
  return dir
}

describe('partner-contacts import', () => {
  it('infers ordering-e2e from a tester user, and the file passes its own validate', async () => {
    const dir = await seeded(ORDERING)
    const run = runCli(['import', '--partner', '10000001', '--portal', 'file:portal.json', '-o', 'contacts.yaml'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('note: integration ordering-e2e, because the account has a tester user')
    expect(readFileSync(join(dir, 'contacts.yaml'), 'utf8')).toContain('integration: ordering-e2e\n')
    expect(runCli(['validate'], dir)).toMatchObject({ code: 0, stdout: '✔ 1 file checked, no problems\n' })
  })

  it('without a hint and without a terminal, says which flag to pass and writes nothing', async () => {
    const dir = await seeded(APPOINTMENTS)
    const run = runCli(['import', '--partner', APPOINTMENTS_ID, '--portal', 'file:portal.json', '-o', 'contacts.yaml'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^partner-contacts: the portal does not say which integration partner \d+ is: pass --integration <key> \(reservations-e2e, .*\); nothing was written\n$/)
    expect(existsSync(join(dir, 'contacts.yaml'))).toBe(false)
    const given = runCli(['import', '--partner', APPOINTMENTS_ID, '--portal', 'file:portal.json', '--integration', 'appointments-e2e', '-o', 'contacts.yaml'], dir)
    expect(given.code).toBe(0)
    expect(runCli(['validate'], dir).code).toBe(0)
  })

  it('asks on a terminal, with a "did you mean" for a near miss', async () => {
    const dir = await seeded(APPOINTMENTS)
    const run = captureIo(dir, { stdinIsTTY: true })
    const pending = main(['import', '--partner', APPOINTMENTS_ID, '--portal', 'file:portal.json', '-o', 'contacts.yaml'], run.io)
    const waitFor = async (text: string, count = 1) => {
      for (let i = 0; i < 200 && run.err().split(text).length - 1 < count; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await waitFor('Integration [1-')
    run.stdin.write('appointment-e2e\r')
    await waitFor('Integration [1-', 2)
    run.stdin.write('4\r')
    expect(await pending).toBe(0)
    expect(run.err()).toContain('"appointment-e2e" is not one of them; did you mean appointments-e2e?')
    expect(readFileSync(join(dir, 'contacts.yaml'), 'utf8')).toContain('integration: appointments-e2e\n')
  })

  it('a partner the embedded emulator never saw: says the account is new and empty, and the file still validates', () => {
    const dir = tempDir('pc-import-')
    const run = runCli(['import', '--partner', '77777777', '--integration', 'reservations-e2e', '-o', 'contacts.yaml'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('note: the portal emulator (file:.partner-contacts/portal.json) had never seen partner 77777777: the account is new and empty\n')
    const text = readFileSync(join(dir, 'contacts.yaml'), 'utf8')
    expect(text).toContain('stage: onboarding')
    expect(text).not.toContain('users:')
    expect(runCli(['validate'], dir).code).toBe(0)
  })

  it('re-importing into a commented file keeps every comment where it was', async () => {
    const dir = await seeded(ORDERING.replace('Escalations desk', 'Escalations team'))
    const commented = ORDERING.replace('      type: alias\n  merchantIssues', '      type: alias\n    # more to come\n  merchantIssues') + '  # weekend cover is best effort\n# last reviewed by Ana\n'
    writeFileSync(join(dir, 'contacts.yaml'), commented)
    const run = runCli(['import', '--partner', '10000001', '--portal', 'file:portal.json', '-o', 'contacts.yaml'], dir)
    expect(run.code).toBe(0)
    expect(readFileSync(join(dir, 'contacts.yaml'), 'utf8')).toBe(commented.replace('Escalations desk', 'Escalations team'))
  })
})
