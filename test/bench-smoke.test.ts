// The benchmark script itself works (tiny sizes, no timing asserted): all five figures and their ratios are printed.
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))

describe('npm run bench -- --smoke', () => {
  it('prints every figure with its ratio to the floor or peer, and leaves docs/benchmarks.md alone', () => {
    const doc = new URL('../docs/benchmarks.md', import.meta.url)
    const before = statSync(doc).mtimeMs
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--smoke'], { cwd: root, encoding: 'utf8', timeout: 60_000 })
    expect(run.status, run.stderr).toBe(0)
    for (const figure of ['cold validate', 'cold Action', 'bulk validate', 'memory', 'plan at scale']) {
      expect(run.stdout).toMatch(new RegExp(`^\\| ${figure} \\| .+ \\| [\\d.]+ (ms|MiB) \\|`, 'm'))
    }
    const ratios = run.stdout.split('\n').filter((l) => /^\| [A-Za-z ]+ \| [^|]+ \| [\d.]+× \| ≤ [\d.]+× \| (✅|❌) \|$/.test(l))
    expect(ratios.map((l) => l.split(' | ')[1])).toEqual([
      'vs node -e 0',
      'vs ajv-cli',
      'vs node -e 0',
      'vs parse-only floor',
      'vs ajv-cli',
      'peak RSS, big vs small run',
      'heap held, big vs small run',
      'vs rate-limit floor',
    ])
    expect(statSync(doc).mtimeMs).toBe(before)
    expect(readFileSync(doc, 'utf8')).toContain('# Benchmarks')
  }, 90_000)
})
