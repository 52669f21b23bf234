// `partner-contacts apply [files/globs…]`: show the plan, ask, then write exactly that plan to the portal (or refuse).
import { applyFiles } from '../apply/apply-file.js'
import { hasFailingFindings } from '../findings/severity.js'
import { ref } from '../i18n/messages.js'
import { inline } from '../output/terminal.js'
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
import { PORTAL_OPTIONS, commandHelp, openPortal, readMaxRemovalRatio, readRedactMode } from './portal-options.js'
import { progressReporter } from './progress.js'
import { aborted, ask, isYes } from './prompt.js'
import { REPORT_OPTIONS, readCommonOptions } from './validate-command.js'

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
    io.stdout.write(await commandHelp(io, 'apply'))
    return 0
  }
  const options = await readCommonOptions(values, io)
  const client = openPortal(values, io, clientOptions)
  const manual = isManualPortal(client)
  if (options.format !== 'stylish' && options.format !== 'json' && !(manual && options.format === 'markdown')) {
    throw new UsageError(ref(manual ? 'cli.apply.error.formatManual' : 'cli.apply.error.format'))
  }
  if (positionals.includes('-')) throw new UsageError(ref('cli.apply.error.stdin'))
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
  const shown = await planFiles({ ...common, onProgress: progressReporter(io, { verb: 'planning', quiet: options.quiet, messages: options.messages }) })
  const quiet = (list: readonly PlanFileResult[]) => list.map((r) => ({ ...r, findings: quietFindings(r.findings, options) }))
  if (options.format === 'stylish' || options.outputFile !== undefined) io.stdout.write(renderPlanTerminal(quiet(shown), { color, redactor, messages: options.messages }))
  const reviewed = reviewedChecksums(values.checksum ?? [], shown)
  const toWrite = shown.some((r) => r.plan?.hasChanges)
  // A manual portal is never written: there is nothing to ask before printing its steps.
  if (toWrite && !dryRun && !manual && !values.yes) {
    if (!io.stdin.isTTY) throw new UsageError(ref('cli.apply.error.noTerminal'))
    const reply = await ask(io, options.messages.format('cli.apply.prompt'))
    if ('aborted' in reply) return aborted(io, reply.aborted, options.messages)
    if (!isYes(reply.answer, options.messages)) {
      io.stderr.write(`partner-contacts: ${options.messages.format('cli.apply.declined')}\n`)
      return 1
    }
  }

  const results = await applyFiles({ ...common, reviewed, force: values.force ?? false, dryRun, onProgress: progressReporter(io, { verb: 'applying', quiet: options.quiet, messages: options.messages }) })
  const report = buildApplyReport(
    results.map((r) => ({ ...r, planned: { ...r.planned, findings: quietFindings(r.planned.findings, options) } })),
    redactor,
    [],
    options.messages,
  )
  const steps = { redactor, portal: resolvePortalUrl(values.portal, io.env), messages: options.messages }
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
  for (const r of failed) io.stderr.write(`partner-contacts: ${inline(`${r.file}: ${formatRefs(options.messages, r.reasons, redactor)}`)}\n`)
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
    if (!/^sha256:[0-9a-f]{64}$/.test(checksum)) throw new UsageError(ref('cli.apply.error.checksum', { checksum }))
    if (file !== undefined) reviewed.set(file, checksum)
    else if (flags.length > 1) throw new UsageError(ref('cli.apply.error.checksums'))
    else if (planned.length <= 1) planned.forEach((r) => reviewed.set(r.file, checksum))
    // The combined checksum covers every file: if it matches, each file's own checksum is the reviewed one.
    else for (const r of planned) reviewed.set(r.file, checksum === combinedChecksum(shown) ? r.plan!.checksum : checksum)
  }
  return reviewed
}
