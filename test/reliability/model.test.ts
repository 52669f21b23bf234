// Reliability D41: random command sequences (edit the file, edit the portal, plan, apply, a crash mid-apply) against a model.
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyFile } from '../../src/apply/apply-file.js'
import { EMPTY_CONFIG } from '../../src/config/config.js'
import { PortalEmulator } from '../../src/portal/emulator/emulator.js'
import { HttpPortalClient } from '../../src/portal/http-portal-client.js'
import { toPortalState } from '../../src/plan/mapping.js'
import type { ContactInformationField } from '../../src/portal/types.js'
import { parseContactsFile } from '../../src/parse/parse-contacts-file.js'
import { planFile } from '../../src/plan/plan-files.js'
import { prepareRules } from '../../src/rules/run-rules.js'
import { validateSchema } from '../../src/schema/validate-schema.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { tempDir } from '../helpers/temp-dir.js'
import { exampleText } from '../helpers/validate-text.js'

const PARTNER = '10000001'
const rules = prepareRules(EMPTY_CONFIG)
const enc = (s: string) => new TextEncoder().encode(s)
const base = exampleText()
const withoutUsers = (text: string) => text.replace(/^users:\n(?:  .*\n|\n)*?(?=contacts:)/m, '')
/** Three versions of the file; the model only tracks which one the file and the portal hold. */
const VERSIONS = ['api', 'integrations-v2', 'platform-api'].map((local) => withoutUsers(base.replace('integrations@example.com', `${local}@example.com`)))

interface Model {
  file: number
  portal: number
}
interface Real {
  emulator: PortalEmulator
  client: HttpPortalClient
  file: number
}

const writes = (r: Real) => r.emulator.requests.filter((q) => q.method !== 'GET').length

class EditFile implements fc.AsyncCommand<Model, Real> {
  constructor(readonly version: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    m.file = r.file = this.version
  }
  toString = () => `EditFile(${this.version})`
}

class EditPortal implements fc.AsyncCommand<Model, Real> {
  constructor(readonly version: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    // Someone edits the page by hand: the whole contact information of another version.
    const desired = toPortalState(validateSchema(parseContactsFile('x.yaml', enc(VERSIONS[this.version]!))).model!).contactInformation
    const { etag } = await r.client.getContactInformation(PARTNER)
    await r.client.updateContactInformation(PARTNER, { ...desired, etag }, Object.keys(desired) as ContactInformationField[])
    m.portal = this.version
  }
  toString = () => `EditPortal(${this.version})`
}

class Plan implements fc.AsyncCommand<Model, Real> {
  check = () => true
  async run(m: Model, r: Real) {
    const before = writes(r)
    const planned = await planFile('contacts.yaml', enc(VERSIONS[r.file]!), { rules, client: r.client })
    expect(planned.plan!.hasChanges).toBe(m.file !== m.portal)
    expect(writes(r)).toBe(before)
  }
  toString = () => 'Plan'
}

class Apply implements fc.AsyncCommand<Model, Real> {
  check = () => true
  async run(m: Model, r: Real) {
    const result = await applyFile('contacts.yaml', enc(VERSIONS[r.file]!), { rules, client: r.client })
    expect(result.outcome).toBe(m.file === m.portal ? 'unchanged' : 'applied')
    m.portal = m.file
  }
  toString = () => 'Apply'
}

class CrashedApply implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.file !== m.portal
  async run(_m: Model, r: Real) {
    r.emulator.inject({ method: 'PATCH', action: { type: 'status', status: 503 } })
    const result = await applyFile('contacts.yaml', enc(VERSIONS[r.file]!), { rules, client: r.client })
    r.emulator.clearFaults()
    // The one write failed: reported with what is pending, and the portal is as it was (the model does not move).
    expect(result.outcome).toBe('failed')
    expect(result.written).toEqual([])
    expect(result.pending).toHaveLength(1)
  }
  toString = () => 'CrashedApply'
}

describe('model-based: any sequence of edits, plans, applies and crashes', () => {
  it('plan tells the truth, never writes, and apply always lands the file (or fails cleanly and leaves the portal)', async () => {
    const dir = tempDir('pc-model-')
    await seedPortal('file:portal.json', base.replace('integrations@example.com', 'api@example.com'), { cwd: dir })
    const state = JSON.parse(readFileSync(join(dir, 'portal.json'), 'utf8'))
    const version = fc.integer({ min: 0, max: VERSIONS.length - 1 })
    const commands = [
      version.map((v) => new EditFile(v)),
      version.map((v) => new EditPortal(v)),
      fc.constant(new Plan()),
      fc.constant(new Apply()),
      fc.constant(new CrashedApply()),
    ]
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (cmds) => {
        const emulator = new PortalEmulator({ state: structuredClone(state) })
        const client = new HttpPortalClient({ baseUrl: 'http://emulator.invalid', fetch: emulator.fetch, rateLimit: 0, maxAttempts: 1 })
        await fc.asyncModelRun(() => ({ model: { file: 0, portal: 0 }, real: { emulator, client, file: 0 } }), cmds)
      }),
      { numRuns: 60 },
    )
  })
})
