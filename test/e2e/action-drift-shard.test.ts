// The bundle in drift mode as two jobs of a workflow matrix (`shard: i/2`): each partner is checked by exactly one job.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulatorServer } from '../../src/portal/emulator/server.js'
import { shardKey, shardOf } from '../../src/plan/shard.js'
import { startGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { writeEvent } from '../helpers/webhook-events.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const ids = Array.from({ length: 6 }, (_, i) => String(30000000 + i))

const closers: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((s) => s.close()))
})

describe('Action, mode drift with shard: i/n', () => {
  it('two shards check disjoint sets of partners that together are all of them, and only the owner of the drifted partner opens its issue', { timeout: 60_000 }, async () => {
    const dir = tempDir('pc-shard-ws-')
    for (const id of ids) {
      mkdirSync(join(dir, 'partners', id), { recursive: true })
      writeFileSync(join(dir, 'partners', id, 'contacts.yaml'), example.replace('id: "10000001"', `id: "${id}"`))
    }
    // A file whose partner cannot be read is reported by exactly one shard too.
    writeFileSync(join(dir, 'partners', 'broken.yaml'), 'version: [\n')
    const portal = await startEmulatorServer({ partners: ids })
    closers.push(portal)
    // Every partner but the first matches its file: GitHub paces issue writes (seconds each), so one drift issue is enough.
    for (const id of ids.slice(1)) await seedPortal(portal.url, example.replace('id: "10000001"', `id: "${id}"`))
    let asked: string[] = []
    portal.server.prependListener('request', (req) => asked.push(/^\/v1\/partners\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '?'))
    const gh = await startGitHubServer({ repos: [{ owner: 'Codertocat', name: 'Hello-World', private: true }] })
    closers.push(gh)
    const event = writeEvent(dir, { schedule: '17 6 * * *', workflow: '.github/workflows/contacts.yml' })

    const seen: string[][] = []
    const brokenIn: number[] = []
    for (let index = 1; index <= 2; index++) {
      asked = []
      const run = await runAction({
        workspace: dir,
        eventName: 'schedule',
        eventPath: event,
        inputs: { files: 'partners/**/*.yaml', 'portal-url': portal.url, 'portal-token': 't', 'github-token': 'ghs_test', shard: `${index}/2` },
        env: { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1', PARTNER_CONTACTS_RATE_LIMIT: '0' },
      })
      expect(run.stderr).toBe('')
      expect(run.summary).toContain(`## partner-contacts drift (shard ${index}/2)`)
      const expected = ids.filter((id) => shardOf(shardKey('', id), 2) === index)
      expect(new Set(asked)).toEqual(new Set(expected))
      seen.push([...new Set(asked)])
      // The summary escapes Markdown punctuation in file names (`broken\.yaml`).
      const reportsBroken = /broken\\?\.yaml/.test(run.summary)
      if (reportsBroken) brokenIn.push(index)
      // The step fails only in the shard that owns the broken file.
      expect(run.code).toBe(reportsBroken ? 1 : 0)
    }
    expect(seen.flat().sort()).toEqual(ids)
    expect(brokenIn).toEqual([shardOf(shardKey('partners/broken.yaml', undefined), 2)])
    expect(gh.repo('Codertocat/Hello-World').issues.map((i) => i.title)).toEqual([`Contact information drift: partner ${ids[0]}`])
  })

  it('refuses a shard that is not i/n', async () => {
    const dir = tempDir('pc-shard-bad-')
    writeFileSync(join(dir, 'contacts.yaml'), example)
    const run = await runAction({ workspace: dir, eventName: 'schedule', eventPath: writeEvent(dir, {}), inputs: { mode: 'drift', shard: '4/3', 'portal-url': 'file:p.json' } })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::input shard: "4/3" must be i/n with 1 ≤ i ≤ n')
  })
})
