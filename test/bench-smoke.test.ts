// The benchmark script itself works (tiny sizes, no timing asserted): every figure and its ratios, goals and ✅/❌ are printed.
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))

describe('npm run bench -- --smoke', () => {
  it('prints every figure with its ratio to the floor or peer, and leaves docs/benchmarks.md alone', () => {
    const doc = new URL('../docs/benchmarks.md', import.meta.url)
    const before = statSync(doc).mtimeMs
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--smoke'], { cwd: root, encoding: 'utf8', timeout: 120_000 })
    expect(run.status, run.stderr).toBe(0)
    const figures = ['cold CLI validate, 1 file', 'cold Action, validate mode', 'bulk 20 files', 'memory', 'PR plan, 10 partners, 1 file changed', 'plan at scale']
    for (const figure of figures) expect(run.stdout).toMatch(new RegExp(`^\\| ${figure} \\| .+ \\| [\\d.]+ (ms|MiB) \\|`, 'm'))
    const ratios = run.stdout.split('\n').filter((l) => /^\| [^|]+ \| [^|]+ \| — \| [\d.]+×? \| ≤ [\d.]+×? \| (✅|❌) \|$/.test(l))
    expect(ratios.map((l) => l.split(' | ').slice(0, 2).join(' | '))).toEqual([
      '| cold CLI validate, 1 file | vs node -e 0',
      '| cold CLI validate, 1 file | vs ajv-cli',
      '| cold Action, validate mode | vs node -e 0',
      '| bulk 20 files | vs parse-only floor',
      '| bulk 20 files | vs ajv-cli',
      '| memory | peak RSS vs ajv-cli',
      '| memory | heap held, big vs small run',
      '| PR plan, 10 partners, 1 file changed | partners the portal was asked about',
      '| plan at scale | vs rate-limit floor',
    ])
    // The one changed file's partner, and no other, was asked: the figure is functional, not only a time.
    expect(run.stdout).toMatch(/^\| PR plan, 10 partners, 1 file changed \| partners the portal was asked about \| — \| 1 \| ≤ 1 \| ✅ \|$/m)
    expect(statSync(doc).mtimeMs).toBe(before)
    expect(readFileSync(doc, 'utf8')).toContain('# Benchmarks')
  }, 150_000)
})
