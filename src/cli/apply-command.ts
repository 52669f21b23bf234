// `partner-contacts apply [files/globs…]`: show the plan, ask, then write exactly that plan to the portal (or refuse).
import { applyFiles } from '../apply/apply-file.js'
import { hasFailingFindings } from '../findings/severity.js'
import { combinedChecksum, planFiles, type PlanFileResult } from '../plan/plan-files.js'
import { resolvePortalUrl, type CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { isManualPortal } from '../portal/manual/manual-portal-client.js'
import { createRedactor } from '../redact/redactor.js'
import { buildApplyReport } from '../report/apply-report.js'
import { renderApplyTerminal } from '../report/render-apply-terminal.js'
import { formatRefs } from '../report/message-refs.js'
import { renderJson } from '../report/render-json.js'
import { renderPlanTerminal } from '../report/render-plan-terminal.js'
import { parseCommandArgs } from './args.js'
import { UsageError, type CliIo } from './io.js'
import { formatForFile, quietFindings, tooManyWarnings, writeReportFile } from './output-options.js'
import { renderStepsMarkdown, renderStepsTerminal } from '../report/render-portal-task.js'
import { PORTAL_OPTIONS, PORTAL_OPTIONS_HELP, openPortal, readMaxRemovalRatio, readRedactMode } from './portal-options.js'
import { progressReporter } from './progress.js'
import { aborted, ask } from './prompt.js'
import { REPORT_OPTIONS, readCommonOptions } from './validate-command.js'

export const APPLY_HELP = `Usage: partner-contacts apply [files/globs…] [options]

Plans each file, shows the plan, asks, and writes exactly the plan shown: new users first, then
contact information with the etag it was planned against, then role changes and user removals;
then reads the portal back. If the portal changes between the plan and the write, nothing is left
written: the users created for it are removed again (re-run).
Files default to contacts.yaml; a directory means every contacts.yaml below it.
At the prompt, Ctrl-C or Ctrl-D aborts: nothing is written.
Exit status: 0 applied or nothing to apply, 1 refused (a stale, unsafe or reviewed-plan
mismatch, failing findings, or no at the prompt), 2 a portal or usage failure, 130 Ctrl-C.

With --portal manual:<dir> (a portal with no API), nothing is written and nothing is asked: after
the same checks, apply prints the steps for a person, in the portal's words and order; once they
are done, 'partner-contacts confirm <file> --portal manual:<dir>' records the new state.

Options:
  -y, --yes                 apply without asking (required when stdin is not a terminal)
  --checksum <sha256:…>     apply only if the fresh plan is the one you reviewed (its checksum, as
                            plan prints it; for several files the combined checksum of
                            'plan --format json', or file=sha256:… repeated)
  --force                   apply a stale or unsafe plan anyway (never skips the confirmation)
  --dry-run                 every check, and what would be written; writes nothing
  -f, --format <f>          stylish (default) or json; markdown with a manual portal (the steps as
                            task lists); an --output-file gets the JSON report (with "apply" per
                            file) unless --format says otherwise
${PORTAL_OPTIONS_HELP}
`

export async function applyCommand(args: string[], io: CliIo, clientOptions: CreatePortalClientOptions = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs('apply', args, {
    ...REPORT_OPTIONS,
    ...PORTAL_OPTIONS,
    yes: { type: 'boolean', short: 'y' },
    checksum: { type: 'string', multiple: true },
    force: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(APPLY_HELP)
    return 0
  }
  const options = await readCommonOptions(values, io)
  const client = openPortal(values, io, clientOptions)
  const manual = isManualPortal(client)
  if (options.format !== 'stylish' && options.format !== 'json' && !(manual && options.format === 'markdown')) {
    throw new UsageError(`apply --format must be stylish or json${manual ? ' or markdown' : ''}`)
  }
  if (positionals.includes('-')) throw new UsageError('apply reads files, not standard input (standard input answers its question); name the file')
  const redactor = createRedactor(readRedactMode(values))
  const maxRemovalRatio = readMaxRemovalRatio(values)
  const dryRun = values['dry-run'] ?? false
  const color = options.color
  const common = {
    patterns: positionals.length > 0 ? positionals : ['contacts.yaml'],
    cwd: io.cwd,
    config: options.config,
    messages: options.messages,
    client,
    ...(maxRemovalRatio !== undefined ? { maxRemovalRatio } : {}),
  }

  // What the person sees is what gets written: the checksums of this plan bind the apply below.
  const shown = await planFiles({ ...common, onProgress: progressReporter(io, { verb: 'planning', quiet: options.quiet }) })
  const quiet = (list: readonly PlanFileResult[]) => list.map((r) => ({ ...r, findings: quietFindings(r.findings, options) }))
  if (options.format === 'stylish' || options.outputFile !== undefined) io.stdout.write(renderPlanTerminal(quiet(shown), { color, redactor, messages: options.messages }))
  const reviewed = reviewedChecksums(values.checksum ?? [], shown)
  const toWrite = shown.some((r) => r.plan?.hasChanges)
  // A manual portal is never written: there is nothing to ask before printing its steps.
  if (toWrite && !dryRun && !manual && !values.yes) {
    if (!io.stdin.isTTY) throw new UsageError('apply asks before writing: run it in a terminal, or pass --yes (nothing was written)')
    const reply = await ask(io, 'Apply these changes to the portal? [y/N] ')
    if ('aborted' in reply) return aborted(io, reply.aborted)
    if (!/^y(es)?$/i.test(reply.answer)) {
      io.stderr.write('partner-contacts: nothing was written\n')
      return 1
    }
  }

  const results = await applyFiles({ ...common, reviewed, force: values.force ?? false, dryRun, onProgress: progressReporter(io, { verb: 'applying', quiet: options.quiet }) })
  const report = buildApplyReport(
    results.map((r) => ({ ...r, planned: { ...r.planned, findings: quietFindings(r.planned.findings, options) } })),
    redactor,
    [],
    options.messages,
  )
  const steps = { redactor, portal: resolvePortalUrl(values.portal, io.env) }
  const terminal = () => renderApplyTerminal(results, { color, redactor, messages: options.messages }) + (manual ? renderStepsTerminal(results, { ...steps, color }) : '')
  if (options.outputFile !== undefined) {
    const format = options.formatGiven ? options.format : formatForFile(options.outputFile, ['json', 'stylish', 'markdown'] as const, 'json')
    const text = format === 'json' ? renderJson(report) : format === 'markdown' ? renderStepsMarkdown(results, steps) : renderApplyTerminal(results, { color: false, redactor, messages: options.messages })
    writeReportFile(io, options.outputFile, text)
    io.stdout.write(terminal())
  } else {
    io.stdout.write(options.format === 'json' ? renderJson(report) : options.format === 'markdown' ? renderStepsMarkdown(results, steps) : terminal())
  }
  const failed = results.filter((r) => r.outcome === 'failed')
  for (const r of failed) io.stderr.write(`partner-contacts: ${r.file}: ${formatRefs(options.messages, r.reasons, redactor)}\n`)
  if (failed.length > 0) return 2
  if (results.some((r) => r.outcome === 'refused')) return 1
  const allFindings = results.flatMap((r) => r.planned.findings)
  const failing = hasFailingFindings(allFindings, options.failOn)
  return tooManyWarnings(allFindings, options, io) || failing ? 1 : 0
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
