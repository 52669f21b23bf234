// The npm package as a user gets it: `npm pack`, then `npx` from the tarball in an empty folder, offline.
// dist/ is self-contained, so the package has no dependencies and installs nothing but itself.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from './helpers/temp-dir.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const NPM = join(dirname(process.execPath), process.platform === 'win32' ? 'npm.cmd' : 'npm')
const npmBin = existsSync(NPM) ? NPM : 'npm'

describe('the packed package', () => {
  let work: string
  let tarball: string
  let files: string[]
  const env = () => ({
    PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
    HOME: work,
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  })
  const npx = (cwd: string, ...args: string[]) =>
    spawnSync(npmBin, ['exec', '--yes', '--offline', `--package=${tarball}`, '--', 'partner-contacts', ...args], { cwd, env: env(), encoding: 'utf8', timeout: 120_000 })

  beforeAll(() => {
    work = tempDir('pc-pack-')
    const packed = spawnSync(npmBin, ['pack', '--json', '--pack-destination', work], { cwd: root, env: { ...env(), npm_config_cache: join(work, 'pack-cache') }, encoding: 'utf8', timeout: 120_000 })
    expect(packed.status, packed.stderr).toBe(0)
    const [info] = JSON.parse(packed.stdout)
    tarball = join(work, info.filename)
    files = info.files.map((f: { path: string }) => f.path)
  }, 180_000)

  it('declares no runtime dependencies: the bundle carries them', () => {
    expect(pkg.dependencies ?? {}).toEqual({})
    expect(pkg.bin).toEqual({ 'partner-contacts': 'dist/cli.js' })
  })

  it('ships the bundles, their licences, the schemas and the Action, and no sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'dist/LICENSES.md', 'schemas/contacts.schema.json', 'schemas/config.schema.json', 'action.yml', 'LICENSE', 'README.md', 'package.json']))
    expect(files.filter((f) => /^(src|test|scripts|node_modules)\//.test(f))).toEqual([])
  })

  it('runs with npx from the tarball in an empty folder, offline, installing nothing else', () => {
    const project = join(work, 'empty')
    mkdirSync(project)
    cpSync(join(root, 'examples/ordering-e2e/contacts.yaml'), join(project, 'contacts.yaml'))
    const ok = npx(project, 'validate')
    expect(ok.stderr).toBe('')
    expect(ok.stdout).toBe('✔ 1 file checked, no problems\n')
    expect(ok.status).toBe(0)

    // The portal code loads too: a plan against an empty emulator state (a missing module would be an "internal error").
    const plan = npx(project, 'plan', '--portal', 'file:state/portal.json')
    expect(plan.stderr).toBe('')
    expect(plan.stdout).toContain('11 changes (11 to add)')
    expect(plan.status).toBe(0)

    // npx installed exactly one package: ours.
    const npxRoot = join(work, 'npm-cache', '_npx')
    const installs = readdirSync(npxRoot).map((d) => readdirSync(join(npxRoot, d, 'node_modules')).filter((n) => !n.startsWith('.')))
    expect(installs).toEqual([['partner-contacts']])
  }, 180_000)

  it('dist/LICENSES.md carries a licence text for every bundled package', () => {
    const text = readFileSync(join(root, 'dist/LICENSES.md'), 'utf8')
    // Each package: `## name version`, its licence name, then its text in a four-backtick fence (texts hold ## lines too).
    const sections = [...text.matchAll(/^## (\S+) \S+\n\nLicence: .*\n\n````text\n([\s\S]*?)\n````$/gm)].map((m) => `${m[1]}\n${m[2]}`)
    expect(sections.length).toBe(text.match(/^````text$/gm)!.length)
    expect(sections.length).toBeGreaterThan(20)
    const names = sections.map((s) => s.split('\n')[0])
    // The libraries the source imports, and some that only come with them.
    expect(names).toEqual(expect.arrayContaining(['@actions/core', '@octokit/rest', 'google-auth-library', 'libphonenumber-js', 'luxon', 'yaml', 'undici', 'countries-and-timezones']))
    for (const section of sections) expect(section, section.split('\n')[0]).toMatch(/(Permission is hereby granted|Apache License|Redistribution and use|Permission to use, copy, modify|Blue Oak Model License)/i)
  })
})
