// The portal API contract lints clean with Redocly's `recommended` ruleset (the linter behind `redocly lint`).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createConfig, lint } from '@redocly/openapi-core'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers/temp-dir.js'

const CONTRACT = fileURLToPath(new URL('../schemas/portal-api.openapi.yaml', import.meta.url))

async function problems(path: string): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] })
  return (await lint({ ref: path, config })).map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)
}

describe('schemas/portal-api.openapi.yaml', () => {
  it('has no problem under Redocly recommended, warnings included', async () => {
    expect(await problems(CONTRACT)).toEqual([])
  })

  it('the same lint reports what the contract used to have: no tag description, an unused component', async () => {
    const broken = join(tempDir('pc-oas-'), 'broken.yaml')
    const text = readFileSync(CONTRACT, 'utf8')
      .replace(/(  - name: users)\n    description: .*\n/, '$1\n')
      .replace('                  - $ref: \'#/components/schemas/BadRequest\'\n', '')
    writeFileSync(broken, text)
    const found = await problems(broken)
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^warn tag-description/), expect.stringMatching(/^warn no-unused-components: Component: "BadRequest"/)]))
  })
})
