// `npm run bench`: cold validate, cold Action, bulk validate, plan at scale and memory, as ratios to
// their floors and peers, measured in one run (medians of alternating runs after a warm-up).
import { spawn, spawnSync } from 'node:child_process'
import { cpus, freemem, tmpdir, totalmem } from 'node:os'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const smoke = process.argv.includes('--smoke')
// `--cold`: only the two cold-start figures, printed and not written (a quick before/after check).
const coldOnly = process.argv.includes('--cold')
const write = !smoke && !coldOnly && !process.argv.includes('--no-write')
// `--baseline <dist>`: another build (e.g. main's dist/) run alternately with ours in the cold figures, for before/after.
const baselineAt = process.argv.indexOf('--baseline')
const baseline = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined
const SETTINGS = smoke
  ? { runs: 2, warmup: 1, bulkFiles: 20, planPartners: 6, bulkRuns: 1 }
  : { runs: 15, warmup: 3, bulkFiles: 5000, planPartners: 1000, bulkRuns: 5 }
const RATE = 20
const LATENCY_MS = 50

const node = process.execPath
const cli = join(root, 'dist/cli.js')
const action = join(root, 'dist/index.js')
const ajvCli = join(root, 'node_modules/ajv-cli/dist/index.js')
const schema = join(root, 'schemas/contacts.schema.json')
const example = readFileSync(join(root, 'examples/ordering-e2e/contacts.yaml'), 'utf8')
  // js-yaml (used by ajv-cli) reads an unquoted date as a Date; quote it so both tools do the same work.
  .replace(/^reviewed: (\S+)/m, 'reviewed: "$1"')

const work = mkdtempSync(join(tmpdir(), 'pc-bench-'))
const one = join(work, 'one/contacts.yaml')
mkdirSync(join(work, 'one'))
writeFileSync(one, example)
const bulkDir = join(work, 'bulk')
for (let i = 0; i < SETTINGS.bulkFiles; i++) {
  mkdirSync(join(bulkDir, `p${i}`), { recursive: true })
  writeFileSync(join(bulkDir, `p${i}/contacts.yaml`), example.replace('id: "10000001"', `id: "${10000000 + i}"`))
}

function timeOnce(cmd, args, env = {}) {
  const started = process.hrtime.bigint()
  const result = spawnSync(cmd, args, { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0 && !env.PC_ALLOW_FAIL) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return ms
}

/** Runs the contenders alternately (A B C A B C …) so drift in machine load hits all of them alike. */
function compare(contenders, runs, warmup) {
  for (let i = 0; i < warmup; i++) for (const c of contenders) timeOnce(...c.command)
  const samples = contenders.map(() => [])
  for (let i = 0; i < runs; i++) contenders.forEach((c, k) => samples[k].push(timeOnce(...c.command)))
  return contenders.map((c, k) => ({ name: c.name, ...stats(samples[k]) }))
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median, min: sorted[0], max: sorted[sorted.length - 1] }
}

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
const floorCmd = [node, ['-e', '0']]
const ajvOne = [node, [ajvCli, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', schema, '-d', one]]

log('cold validate: one file, whole process')
const cold = compare(
  [
    { name: 'node -e 0', command: floorCmd },
    { name: 'partner-contacts validate', command: [node, [cli, 'validate', one]] },
    { name: 'ajv-cli validate', command: ajvOne },
    // The other languages load one more chunk (their catalogue); English loads none.
    { name: 'partner-contacts validate --lang it', command: [node, [cli, 'validate', one, '--lang', 'it']] },
    { name: 'partner-contacts validate --lang zh-TW', command: [node, [cli, 'validate', one, '--lang', 'zh-TW']] },
    ...(baseline ? [{ name: `baseline ${baseline}: validate`, command: [node, [join(baseline, 'cli.js'), 'validate', one]] }] : []),
  ],
  SETTINGS.runs,
  SETTINGS.warmup,
)
figures.push({ figure: 'cold validate', rows: cold, ratios: [['vs node -e 0', cold[1].median / cold[0].median, 2.5], ['vs ajv-cli', cold[1].median / cold[2].median, 1]] })

log('cold Action: node dist/index.js in validate mode')
const env = actionEnv()
const coldAction = compare(
  [
    { name: 'node -e 0', command: floorCmd },
    { name: 'node dist/index.js (validate)', command: [node, [action], env] },
    ...(baseline ? [{ name: `baseline ${baseline}: index.js (validate)`, command: [node, [join(baseline, 'index.js')], env] }] : []),
  ],
  SETTINGS.runs,
  SETTINGS.warmup,
)
figures.push({ figure: 'cold Action', rows: coldAction, ratios: [['vs node -e 0', coldAction[1].median / coldAction[0].median, 2.5]] })

if (coldOnly) {
  process.stdout.write('\n' + renderTable(figures) + '\n')
  rmSync(work, { recursive: true, force: true })
  process.exit(0)
}

log(`bulk validate: ${SETTINGS.bulkFiles} files in one run`)
const glob = 'bulk/*/contacts.yaml'
const rssFile = join(work, 'rss.txt')
const bulk = compare(
  [
    { name: 'parse-only floor (read + yaml.parse)', command: [node, [join(root, 'bench/parse-only.mjs'), glob]] },
    { name: 'partner-contacts validate', command: [node, [cli, 'validate', glob]] },
    { name: 'ajv-cli validate', command: [node, [ajvCli, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', schema, '-d', glob]] },
  ],
  SETTINGS.bulkRuns,
  1,
)
figures.push({ figure: 'bulk validate', rows: bulk, ratios: [['vs parse-only floor', bulk[1].median / bulk[0].median, 1.5], ['vs ajv-cli', bulk[1].median / bulk[2].median, 1]] })

log('memory: peak RSS of the bulk run, and of a run over a tenth of the files')
const rss = (pattern) => {
  writeFileSync(rssFile, '')
  timeOnce(node, ['--expose-gc', '--import', join(root, 'bench/rss-preload.mjs'), cli, 'validate', pattern], { PC_RSS_FILE: rssFile })
  const [peak, heap] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  return { peak: peak / 1024, heap: heap / 1024 }
}
const tenth = Math.max(1, Math.floor(SETTINGS.bulkFiles / 10))
const smallGlob = `bulk/p{${Array.from({ length: tenth }, (_, i) => i).join(',')}}/contacts.yaml`
const memSmall = rss(tenth <= 500 ? smallGlob : 'bulk/p1*/contacts.yaml')
const memBig = rss(glob)
figures.push({
  figure: 'memory',
  rows: [
    { name: `peak RSS, ~${tenth} files`, median: memSmall.peak, unit: 'MiB' },
    { name: `peak RSS, ${SETTINGS.bulkFiles} files`, median: memBig.peak, unit: 'MiB' },
    { name: `heap held after GC, ~${tenth} files`, median: memSmall.heap, unit: 'MiB' },
    { name: `heap held after GC, ${SETTINGS.bulkFiles} files`, median: memBig.heap, unit: 'MiB' },
  ],
  ratios: [
    ['peak RSS, big vs small run', memBig.peak / memSmall.peak, 1.5],
    ['heap held, big vs small run', memBig.heap / memSmall.heap, 1.5],
  ],
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
  const server = spawn(node, [cli, 'portal', 'serve', '--state', state, '--port', '0', '--latency', String(LATENCY_MS), '--rate-limit', String(RATE * 2), ...ids.flatMap((id) => ['--partner', id])], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    let buffer = ''
    server.stdout.on('data', (d) => {
      buffer += d
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0].trim())
    })
    server.on('exit', (code) => reject(new Error(`portal serve exited ${code}`)))
  })
  const out = join(dir, 'plan.json')
  const started = process.hrtime.bigint()
  const result = spawnSync(node, [cli, 'plan', 'plan/*/contacts.yaml', '--portal', url, '--token', 'bench', '--out', out, '--format', 'json'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PARTNER_CONTACTS_RATE_LIMIT: String(RATE) } })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  server.kill()
  if (result.status !== 0) throw new Error(`plan exited ${result.status}: ${result.stderr}`)
  const requests = SETTINGS.planPartners * 2
  const floor = (requests / RATE) * 1000
  return {
    figure: 'plan at scale',
    rows: [
      { name: `rate-limit floor (${requests} requests ÷ ${RATE}/s)`, median: floor },
      { name: `partner-contacts plan, ${SETTINGS.planPartners} partners`, median: ms },
    ],
    ratios: [['vs rate-limit floor', ms / floor, 1.1]],
  }
}

function renderTable(figs) {
  const lines = ['| figure | contender | median | min – max |', '|---|---|---:|---:|']
  for (const f of figs) {
    for (const r of f.rows) {
      const unit = r.unit ?? 'ms'
      const range = r.min === undefined ? '' : `${r.min.toFixed(0)} – ${r.max.toFixed(0)} ${unit}`
      lines.push(`| ${f.figure} | ${r.name} | ${r.median.toFixed(unit === 'ms' ? 0 : 1)} ${unit} | ${range} |`)
    }
  }
  lines.push('', '| figure | ratio | value | goal | met |', '|---|---|---:|---:|:---:|')
  for (const f of figs) for (const [name, value, goal] of f.ratios) lines.push(`| ${f.figure} | ${name} | ${value.toFixed(2)}× | ≤ ${goal}× | ${value <= goal ? '✅' : '❌'} |`)
  return lines.join('\n')
}

function renderMeasurement(table) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  return `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu},
${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}.
Medians of ${SETTINGS.runs} alternating runs after ${SETTINGS.warmup} warm-up runs (bulk: ${SETTINGS.bulkRuns} runs);
min – max beside each. Ratios, not absolute times, are what to compare across machines.

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
