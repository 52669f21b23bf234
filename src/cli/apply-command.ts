// `partner-contacts apply [files/globs…]`: show the plan, ask, then write exactly that plan to the portal (or refuse).
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { applyFiles } from '../apply/apply-file.js'
import { hasFailingFindings } from '../findings/severity.js'
import { combinedChecksum, planFiles, type PlanFileResult } from '../plan/plan-files.js'
import type { CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { createRedactor } from '../redact/redactor.js'
import { buildApplyReport } from '../report/apply-report.js'
import { renderApplyTerminal } from '../report/render-apply-terminal.js'
import { renderJson } from '../report/render-json.js'
import { renderPlanTerminal } from '../report/render-plan-terminal.js'
import { UsageError, useColor, type CliIo } from './io.js'
import { PORTAL_OPTIONS, PORTAL_OPTIONS_HELP, openPortal, readMaxRemovalRatio, readRedactMode } from './portal-options.js'
import { readCommonOptions } from './validate-command.js'

export const APPLY_HELP = `Usage: partner-contacts apply [files/globs…] [options]

Plans each file, shows the plan, asks, and writes exactly the plan shown: new users first, then
contact information with the etag it was planned against, then role changes and user removals;
then reads the portal back. If the portal changes between the plan and the write, nothing is left
written: the users created for it are removed again (re-run).
Files default to contacts.yaml. Exit status: 0 applied or nothing to apply, 1 refused (a stale,
unsafe or reviewed-plan mismatch, or failing findings), 2 a portal or usage failure.

Options:
  -y, --yes                 apply without asking (required when stdin is not a terminal)
  --checksum <sha256:…>     apply only if the fresh plan is the one you reviewed (its checksum, as
                            plan prints it; for several files the combined checksum of
                            'plan --format json', or file=sha256:… repeated)
  --force                   apply a stale or unsafe plan anyway (never skips the confirmation)
  --dry-run                 every check, and what would be written; writes nothing
  --format <f>              stylish (default) or json
  --out <file>              also write the JSON report (SPEC §8, with "apply" per file) to this file
${PORTAL_OPTIONS_HELP}
`

export async function applyCommand(args: string[], io: CliIo, clientOptions: CreatePortalClientOptions = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...PORTAL_OPTIONS,
      out: { type: 'string', short: 'o' },
      yes: { type: 'boolean', short: 'y' },
      checksum: { type: 'string', multiple: true },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
  })
  if (values.help) {
    io.stdout.write(APPLY_HELP)
    return 0
  }
  const options = await readCommonOptions(values, io)
  if (options.format !== 'stylish' && options.format !== 'json') throw new UsageError('apply --format must be stylish or json')
  const redactor = createRedactor(readRedactMode(values))
  const maxRemovalRatio = readMaxRemovalRatio(values)
  const dryRun = values['dry-run'] ?? false
  const client = openPortal(values, io, clientOptions)
  const color = useColor(io, io.stdout)
  const common = {
    patterns: positionals.length > 0 ? positionals : ['contacts.yaml'],
    cwd: io.cwd,
    config: options.config,
    messages: options.messages,
    client,
    ...(maxRemovalRatio !== undefined ? { maxRemovalRatio } : {}),
  }

  // What the person sees is what gets written: the checksums of this plan bind the apply below.
  const shown = await planFiles(common)
  if (options.format === 'stylish') io.stdout.write(renderPlanTerminal(shown, { color, redactor, messages: options.messages }))
  const reviewed = reviewedChecksums(values.checksum ?? [], shown)
  const toWrite = shown.some((r) => r.plan?.hasChanges)
  if (toWrite && !dryRun && !values.yes && !(await confirm(io))) {
    io.stderr.write('partner-contacts: nothing was written\n')
    return 1
  }

  const results = await applyFiles({ ...common, reviewed, force: values.force ?? false, dryRun })
  const report = buildApplyReport(results, redactor)
  if (values.out) {
    const path = resolve(io.cwd, values.out)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, renderJson(report))
  }
  io.stdout.write(options.format === 'json' ? renderJson(report) : renderApplyTerminal(results, { color, redactor }))
  const failed = results.filter((r) => r.outcome === 'failed')
  for (const r of failed) io.stderr.write(`partner-contacts: ${r.file}: ${redactor.text(r.reasons.join('; '))}\n`)
  if (failed.length > 0) return 2
  if (results.some((r) => r.outcome === 'refused')) return 1
  return hasFailingFindings(results.flatMap((r) => r.planned.findings), options.failOn) ? 1 : 0
}

/** `--checksum`: per file (`file=sha256:…`), one for a single file, or the combined one for several; else the plan shown. */
function reviewedChecksums(flags: readonly string[], shown: readonly PlanFileResult[]): Map<string, string> {
  const planned = shown.filter((r) => r.plan)
  const fromPlan = new Map(planned.map((r) => [r.file, r.plan!.checksum]))
  if (flags.length === 0) return fromPlan
  const reviewed = new Map<string, string>()
  for (const flag of flags) {
    const at = flag.lastIndexOf('=')
    const [file, checksum] = at > 0 ? [flag.slice(0, at), flag.slice(at + 1)] : [undefined, flag]
    if (!/^sha256:[0-9a-f]{64}$/.test(checksum)) throw new UsageError(`--checksum: "${checksum}" is not a sha256:… checksum`)
    if (file !== undefined) reviewed.set(file, checksum)
    else if (flags.length > 1) throw new UsageError('--checksum: with several checksums, give each as file=sha256:…')
    else if (planned.length <= 1) planned.forEach((r) => reviewed.set(r.file, checksum))
    // The combined checksum covers every file: if it matches, each file's own checksum is the reviewed one.
    else for (const r of planned) reviewed.set(r.file, checksum === combinedChecksum(shown) ? r.plan!.checksum : checksum)
  }
  return reviewed
}

async function confirm(io: CliIo): Promise<boolean> {
  if (!io.stdin.isTTY) throw new UsageError('apply asks before writing: run it in a terminal, or pass --yes (nothing was written)')
  const rl = createInterface({ input: io.stdin, output: io.stderr })
  try {
    return /^y(es)?$/i.test((await rl.question('Apply these changes to the portal? [y/N] ')).trim())
  } finally {
    rl.close()
  }
}
