// `npm run bench`: every figure of the speed goals (issue 15) as a ratio to its floor or peer, measured in one run
// (medians of alternating runs after a warm-up). `--before <dir>`: also runs an older build's dist/ from <dir>, side by
// side, so before and after come from the same run under the same load.
import { spawnSync } from 'node:child_process'
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { prPlan, servePortal } from './pr-plan.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const argv = process.argv.slice(2)
const smoke = argv.includes('--smoke')
// `--cold`: only the two cold-start figures, printed and not written (a quick before/after check).
const coldOnly = argv.includes('--cold')
const write = !smoke && !coldOnly && !argv.includes('--no-write')
const beforeDir = argv.includes('--before') ? resolve(argv[argv.indexOf('--before') + 1]) : undefined
const SETTINGS = smoke
  ? { runs: 1, warmup: 0, bulkFiles: 20, memFiles: 30, planPartners: 6, prPartners: 10, bulkRuns: 1 }
  : { runs: 15, warmup: 3, bulkFiles: 3000, memFiles: 5000, planPartners: 1000, prPartners: 1000, bulkRuns: 3 }
const RATE = 20
const LATENCY_MS = 50

const node = process.execPath
const builds = [{ name: '', dist: join(root, 'dist') }, ...(beforeDir ? [{ name: 'before: ', dist: join(beforeDir, 'dist') }] : [])]
for (const b of builds) if (!existsSync(join(b.dist, 'cli.js'))) throw new Error(`${b.dist}/cli.js is missing: run npm run build (or give --before a folder holding dist/)`)
const cli = join(root, 'dist/cli.js')
const ajvCli = join(root, 'node_modules/ajv-cli/dist/index.js')
const schema = join(root, 'schemas/contacts.schema.json')
// The example quotes its date, so js-yaml (used by ajv-cli) reads a string, as we do: both tools do the same work.
const example = readFileSync(join(root, 'examples/ordering-e2e/contacts.yaml'), 'utf8')
const loadAtStart = loadavg()

const work = mkdtempSync(join(tmpdir(), 'pc-bench-'))
const one = join(work, 'one/contacts.yaml')
mkdirSync(join(work, 'one'))
writeFileSync(one, example)
/** `count` partner files under work/<folder>/p<i>/contacts.yaml; returns their paths, for the floor's list. */
function partnerFiles(folder, count) {
  const paths = []
  for (let i = 0; i < count; i++) {
    mkdirSync(join(work, folder, `p${i}`), { recursive: true })
    const path = join(work, folder, `p${i}/contacts.yaml`)
    writeFileSync(path, example.replace('id: "10000001"', `id: "${10000000 + i}"`))
    paths.push(path)
  }
  return paths
}
const bulkList = join(work, 'bulk.list')
writeFileSync(bulkList, partnerFiles('bulk', SETTINGS.bulkFiles).join('\n'))
partnerFiles('mem', SETTINGS.memFiles)

function timeOnce(cmd, args, env = {}) {
  const started = process.hrtime.bigint()
  const result = spawnSync(cmd, args, { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return ms
}

/** Runs the contenders alternately (A B C A B C …) so drift in machine load hits all of them alike. */
function compare(contenders, runs, warmup) {
  for (let i = 0; i < warmup; i++) for (const c of contenders) timeOnce(...c.command)
  const samples = contenders.map(() => [])
  for (let i = 0; i < runs; i++) contenders.forEach((c, k) => samples[k].push(timeOnce(...c.command)))
  return Object.fromEntries(contenders.map((c, k) => [c.key, { name: c.name, ...stats(samples[k]) }]))
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median, min: sorted[0], max: sorted[sorted.length - 1] }
}

/** One contender per build (this one, and the older one with --before), keyed `<key>` and `before:<key>`. */
const perBuild = (key, name, command) => builds.map((b) => ({ key: `${b.name ? 'before:' : ''}${key}`, name: `${b.name}${name}`, command: command(b.dist) }))

/** A ratio row: this build's value, the older build's when measured, and the goal. */
const ratio = (name, rows, key, floorKey, goal) => ({ name, after: rows[key].median / rows[floorKey].median, before: rows[`before:${key}`] ? rows[`before:${key}`].median / rows[floorKey].median : undefined, goal })

const actionEnv = () => {
  const dir = mkdtempSync(join(work, 'runner-'))
  writeFileSync(join(dir, 'out'), '')
  writeFileSync(join(dir, 'summary'), '')
  writeFileSync(join(dir, 'event.json'), '{}')
  return {
    GITHUB_WORKSPACE: work, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_OUTPUT: join(dir, 'out'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), RUNNER_TEMP: dir,
    INPUT_MODE: 'validate', INPUT_FILES: 'one/contacts.yaml',
  }
}

const figures = []
const floor = { key: 'floor', name: 'node -e 0', command: [node, ['-e', '0']] }
const ajvArgs = (data) => [ajvCli, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', schema, '-d', data]

log('cold validate: one file, whole process')
// The Italian and Chinese runs load their catalogue's chunk: shown beside English, which must not pay for them.
const languages = ['it', 'zh-TW'].map((lang) => ({ key: `pc-${lang}`, name: `partner-contacts validate --lang ${lang}`, command: [node, [cli, 'validate', one, '--lang', lang]] }))
const cold = compare([floor, ...perBuild('pc', 'partner-contacts validate', (d) => [node, [join(d, 'cli.js'), 'validate', one]]), ...languages, { key: 'ajv', name: 'ajv-cli validate', command: [node, ajvArgs(one)] }], SETTINGS.runs, SETTINGS.warmup)
figures.push({ figure: 'cold CLI validate, 1 file', rows: cold, ratios: [ratio('vs node -e 0', cold, 'pc', 'floor', 2.5), ratio('vs ajv-cli', cold, 'pc', 'ajv', 1)] })

log('cold Action: node dist/index.js in validate mode')
const env = actionEnv()
const coldAction = compare([floor, ...perBuild('pc', 'node dist/index.js (validate)', (d) => [node, [join(d, 'index.js')], env])], SETTINGS.runs, SETTINGS.warmup)
figures.push({ figure: 'cold Action, validate mode', rows: coldAction, ratios: [ratio('vs node -e 0', coldAction, 'pc', 'floor', 3)] })

if (coldOnly) {
  process.stdout.write('\n' + renderTable(figures) + '\n')
  rmSync(work, { recursive: true, force: true })
  process.exit(0)
}

log(`bulk validate: ${SETTINGS.bulkFiles} files in one run`)
const bulk = compare(
  [
    { key: 'floor', name: 'parse-only floor (read the list + yaml.parse, no glob)', command: [node, [join(root, 'bench/parse-only.mjs'), bulkList]] },
    ...perBuild('pc', 'partner-contacts validate', (d) => [node, [join(d, 'cli.js'), 'validate', 'bulk/*/contacts.yaml']]),
    { key: 'ajv', name: 'ajv-cli validate', command: [node, ajvArgs('bulk/*/contacts.yaml')] },
  ],
  SETTINGS.bulkRuns,
  1,
)
figures.push({ figure: `bulk ${SETTINGS.bulkFiles} files`, rows: bulk, ratios: [ratio('vs parse-only floor', bulk, 'pc', 'floor', 1.5), ratio('vs ajv-cli', bulk, 'pc', 'ajv', 1)] })

log(`memory: peak RSS over ${SETTINGS.memFiles} files, and over a tenth of them`)
const rssFile = join(work, 'rss.txt')
/** Peak RSS and heap held after a full GC at exit (MiB) of one run, through bench/rss-preload.mjs. */
const rss = (args) => {
  writeFileSync(rssFile, '')
  timeOnce(node, ['--expose-gc', '--import', join(root, 'bench/rss-preload.mjs'), ...args], { PC_RSS_FILE: rssFile })
  const [peak, heap] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  return { peak: peak / 1024, heap: heap / 1024 }
}
const tenth = Math.max(1, Math.floor(SETTINGS.memFiles / 10))
const smallGlob = tenth <= 500 ? `mem/p{${Array.from({ length: tenth }, (_, i) => i).join(',')}}/contacts.yaml` : 'mem/p1*/contacts.yaml'
const mem = {}
for (const b of builds) {
  const key = b.name ? 'before:' : ''
  mem[`${key}big`] = rss([join(b.dist, 'cli.js'), 'validate', 'mem/*/contacts.yaml'])
  mem[`${key}small`] = rss([join(b.dist, 'cli.js'), 'validate', smallGlob])
}
mem.ajv = rss(ajvArgs('mem/*/contacts.yaml'))
const memRows = { ajv: { name: `ajv-cli: peak RSS, ${SETTINGS.memFiles} files`, median: mem.ajv.peak, unit: 'MiB' } }
for (const b of builds) {
  const key = b.name ? 'before:' : ''
  Object.assign(memRows, {
    [`${key}peak`]: { name: `${b.name}peak RSS, ${SETTINGS.memFiles} files`, median: mem[`${key}big`].peak, unit: 'MiB' },
    [`${key}peakSmall`]: { name: `${b.name}peak RSS, ~${tenth} files`, median: mem[`${key}small`].peak, unit: 'MiB' },
    [`${key}heap`]: { name: `${b.name}heap held after GC, ${SETTINGS.memFiles} files`, median: mem[`${key}big`].heap, unit: 'MiB' },
    [`${key}heapSmall`]: { name: `${b.name}heap held after GC, ~${tenth} files`, median: mem[`${key}small`].heap, unit: 'MiB' },
  })
}
figures.push({ figure: 'memory', rows: memRows, ratios: [ratio('peak RSS vs ajv-cli', memRows, 'peak', 'ajv', 1.25), ratio('heap held, big vs small run', memRows, 'heap', 'heapSmall', 1.5)] })
// The heap ratio's floor is each build's own small run.
if (beforeDir) figures.at(-1).ratios[1].before = memRows['before:heap'].median / memRows['before:heapSmall'].median

log(`PR plan: ${SETTINGS.prPartners} partners, the pull request changes one file`)
const pr = await prPlan({ node, cli, bundles: builds.map((b) => ({ name: `${b.name}node dist/index.js (plan)`, path: join(b.dist, 'index.js') })), work, example, partners: SETTINGS.prPartners, changed: 7 })
for (const r of pr.results) if (r.code !== 0) throw new Error(`${r.name} exited ${r.code} in the PR-plan figure`)
const [prAfter, prBefore] = pr.results
if (prAfter.asked.length !== 1 || prAfter.asked[0] !== pr.expected) log(`PR plan asked the portal about ${prAfter.asked.length} partners, expected only ${pr.expected}`)
figures.push({
  figure: `PR plan, ${SETTINGS.prPartners} partners, 1 file changed`,
  rows: Object.fromEntries(pr.results.map((r, i) => [i, { name: `${r.name}: ${r.asked.length} partners asked`, median: r.ms }])),
  ratios: [{ name: 'partners the portal was asked about', after: prAfter.asked.length, before: prBefore?.asked.length, goal: 1, unit: '' }],
})

log(`plan at scale: ${SETTINGS.planPartners} partners, emulator with ${LATENCY_MS} ms latency, ${RATE} requests/s`)
figures.push(await planAtScale())

const table = renderTable(figures)
process.stdout.write('\n' + table + '\n')
if (write) updateDoc(join(root, 'docs/benchmarks.md'), renderMeasurement(table))
rmSync(work, { recursive: true, force: true })

async function planAtScale() {
  const dir = join(work, 'plan')
  mkdirSync(dir)
  const ids = []
  for (let i = 0; i < SETTINGS.planPartners; i++) {
    const id = String(30000000 + i)
    ids.push(id)
    mkdirSync(join(dir, `p${i}`))
    // Each plan reads the contact information and the user list: 2 requests per partner.
    writeFileSync(join(dir, `p${i}/contacts.yaml`), example.replace('id: "10000001"', `id: "${id}"`))
  }
  const state = join(dir, 'portal.json')
  const { server, url } = await servePortal(node, cli, ['--state', state, '--latency', String(LATENCY_MS), '--rate-limit', String(RATE * 2), ...ids.flatMap((id) => ['--partner', id])])
  const out = join(dir, 'plan.json')
  const started = process.hrtime.bigint()
  const result = spawnSync(node, [cli, 'plan', 'plan/*/contacts.yaml', '--portal', url, '--token', 'bench', '--out', out, '--format', 'json'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PARTNER_CONTACTS_RATE_LIMIT: String(RATE) } })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  server.kill()
  if (result.status !== 0) throw new Error(`plan exited ${result.status}: ${result.stderr}`)
  const requests = SETTINGS.planPartners * 2
  const rows = {
    floor: { name: `rate-limit floor (${requests} requests ÷ ${RATE}/s)`, median: (requests / RATE) * 1000 },
    pc: { name: `partner-contacts plan, ${SETTINGS.planPartners} partners`, median: ms },
  }
  return { figure: 'plan at scale', rows, ratios: [ratio('vs rate-limit floor', rows, 'pc', 'floor', 1.1)] }
}

function renderTable(figs) {
  const lines = ['| figure | contender | median | min – max |', '|---|---|---:|---:|']
  for (const f of figs) {
    for (const r of Object.values(f.rows)) {
      const unit = r.unit ?? 'ms'
      const range = r.min === undefined ? '' : `${r.min.toFixed(0)} – ${r.max.toFixed(0)} ${unit}`
      lines.push(`| ${f.figure} | ${r.name} | ${r.median.toFixed(unit === 'ms' ? 0 : 1)} ${unit} | ${range} |`)
    }
  }
  lines.push('', '| figure | ratio | before | after | goal | met |', '|---|---|---:|---:|---:|:---:|')
  for (const f of figs) {
    for (const r of f.ratios) {
      const unit = r.unit ?? '×'
      const fmt = (v) => (v === undefined ? '—' : `${unit === '×' ? v.toFixed(2) : v}${unit}`)
      lines.push(`| ${f.figure} | ${r.name} | ${fmt(r.before)} | ${fmt(r.after)} | ≤ ${r.goal}${unit} | ${r.after <= r.goal ? '✅' : '❌'} |`)
    }
  }
  return lines.join('\n')
}

function renderMeasurement(table) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  const load = (l) => l.map((x) => x.toFixed(1)).join(', ')
  return `Measured by \`npm run bench${beforeDir ? ' -- --before <main>' : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpus().length} × ${cpu},
${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}. Load average (1, 5, 15 min)
at the start ${load(loadAtStart)}, at the end ${load(loadavg())}: other work shared the machine, so absolute times are
inflated; the ratios are paired (alternating runs of the same figure), which is what to compare.
Medians of ${SETTINGS.runs} alternating runs after ${SETTINGS.warmup} warm-up runs (bulk: ${SETTINGS.bulkRuns} runs; memory and plans: one run each);
min – max beside each.${beforeDir ? ' "before" is the previous build (its dist/), run side by side in the same process tree.' : ''}

${table}`
}

/** Replaces the measurement between the markers of docs/benchmarks.md, keeping the notes around it. */
function updateDoc(path, measurement) {
  const begin = '<!-- bench:begin -->'
  const end = '<!-- bench:end -->'
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${begin}\n${end}\n`
  const from = doc.indexOf(begin)
  const to = doc.indexOf(end)
  if (from < 0 || to < from) throw new Error(`${path} has no ${begin} … ${end} section to update`)
  writeFileSync(path, `${doc.slice(0, from + begin.length)}\n${measurement}\n${doc.slice(to)}`)
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`)
}
