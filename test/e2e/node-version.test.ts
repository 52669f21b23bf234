// On a Node older than 24, both bundles say so in one line and exit 2: never a stack trace, never 1 (findings).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { nodeTooOld } from '../../src/runtime/node-version.js'
import { tempDir } from '../helpers/temp-dir.js'

const dist = (name: string) => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url))

/** A Node older than 24 on this machine (the system's, behind the Node 24 that npm scripts put first on PATH). */
function oldNode(): { path: string; version: string } | undefined {
  const candidates = new Set(['/usr/local/bin/node', '/usr/bin/node', '/bin/node'])
  for (const dir of (process.env['PATH'] ?? '').split(':')) if (dir) candidates.add(`${dir}/node`)
  for (const path of candidates) {
    if (!existsSync(path)) continue
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
    if (nodeTooOld(version)) return { path, version }
  }
  return undefined
}

const old = oldNode()

describe('an old Node', () => {
  it('is named in one line', () => {
    expect(nodeTooOld('v20.20.2')).toBe('partner-contacts needs Node 24 or newer; this is v20.20.2')
    expect(nodeTooOld('v22.12.0')).toBe('partner-contacts needs Node 24 or newer; this is v22.12.0')
    expect(nodeTooOld('v24.0.0')).toBeUndefined()
    expect(nodeTooOld('v26.1.0')).toBeUndefined()
  })

  // CI runs with the machine's Node 20 first on PATH, so there this always runs.
  it.skipIf(!old)(`the CLI bundle on ${old?.version ?? 'an old Node'}: one line, exit 2`, () => {
    const run = spawnSync(old!.path, [dist('cli.js'), 'validate'], { cwd: tempDir('pc-old-node-'), encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(`partner-contacts needs Node 24 or newer; this is ${old!.version}. Install Node 24 (nodejs.org), or inside this repository run it through npx or npm run after npm ci.\n`)
  })

  it.skipIf(!old)(`the Action bundle on ${old?.version ?? 'an old Node'}: one error annotation, exit 2`, () => {
    const run = spawnSync(old!.path, [dist('index.js')], { cwd: tempDir('pc-old-node-'), encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } })
    expect(run.status).toBe(2)
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(`::error title=partner-contacts::partner-contacts needs Node 24 or newer; this is ${old!.version}. Update the runner (self-hosted runners need a version that supports node24 actions).\n`)
  })
})
