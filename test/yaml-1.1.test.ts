// YAML 1.1 tools read our files as we do: ajv-cli (js-yaml, where an unquoted 2026-11-01 is a timestamp)
// validates every example, and the README's contacts.yaml, against the schema.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers/temp-dir.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const AJV_CLI = createRequire(import.meta.url).resolve('ajv-cli/dist/index.js')

function ajvCli(files: string[]) {
  const args = [AJV_CLI, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', join(root, 'schemas/contacts.schema.json'), ...files.flatMap((f) => ['-d', f])]
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' })
}

describe('YAML 1.1 tools', () => {
  const examples = readdirSync(join(root, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'workflows')
    .map((d) => join(root, 'examples', d.name, 'contacts.yaml'))
  const dir = tempDir('pc-yaml11-')
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const block = /```yaml\n(# yaml-language-server[^\n]*\n[\s\S]*?)```/.exec(readme)?.[1]
  const readmeFile = join(dir, 'readme-contacts.yaml')
  writeFileSync(readmeFile, block ?? '')

  it('ajv-cli finds every example and the README’s contacts.yaml valid', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4)
    expect(block, 'README has a contacts.yaml block').toContain('reviewed:')
    const run = ajvCli([...examples, readmeFile])
    expect(run.stderr + run.stdout).not.toContain('invalid')
    expect(run.status).toBe(0)
  })

  it('and rejects an unquoted date, which is why the files quote them', () => {
    const unquoted = join(dir, 'unquoted.yaml')
    const quoted = readFileSync(join(root, 'examples/ordering-e2e/contacts.yaml'), 'utf8')
    expect(quoted).toMatch(/^reviewed: "[0-9-]+"$/m)
    writeFileSync(unquoted, quoted.replace(/^reviewed: "([0-9-]+)"$/m, 'reviewed: $1'))
    expect(ajvCli([unquoted]).status).not.toBe(0)
  })
})
