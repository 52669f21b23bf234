// `partner-contacts plan [files/globs…]`: validate, read the portal, show what apply would change. Never writes to the portal.
import { hasFailingFindings } from '../findings/severity.js'
import { inline } from '../output/terminal.js'
import { planFiles } from '../plan/plan-files.js'
import type { CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { createRedactor } from '../redact/redactor.js'
import { buildPlanReport } from '../report/plan-report.js'
import { renderPlanSummary } from '../report/render-plan-markdown.js'
import { renderPlanTerminal } from '../report/render-plan-terminal.js'
import { parseCommandArgs } from './args.js'
import { writeWorkflowCommands, type CliIo } from './io.js'
import { formatForFile, quietFindings, tooManyWarnings, writeReportFile } from './output-options.js'
import { PORTAL_OPTIONS, commandHelp, openPortal, readMaxRemovalRatio, readRedactMode } from './portal-options.js'
import { progressReporter } from './progress.js'
import { readStdin } from './stdin.js'
import { FORMATS, REPORT_OPTIONS, readCommonOptions, renderReport, type Format } from './validate-command.js'

export async function planCommand(args: string[], io: CliIo, clientOptions: CreatePortalClientOptions = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs('plan', args, { ...REPORT_OPTIONS, ...PORTAL_OPTIONS })
  if (values.help) {
    io.stdout.write(await commandHelp(io, 'plan'))
    return 0
  }
  const options = await readCommonOptions(values, io)
  const redactMode = readRedactMode(values)
  const maxRemovalRatio = readMaxRemovalRatio(values)
  const client = openPortal(values, io, clientOptions)
  const patterns = positionals.length > 0 ? positionals : ['contacts.yaml']

  const results = await planFiles({
    patterns,
    cwd: io.cwd,
    config: options.config,
    messages: options.messages,
    client,
    ...(patterns.includes('-') ? { stdin: await readStdin(io) } : {}),
    ...(maxRemovalRatio !== undefined ? { maxRemovalRatio } : {}),
    onProgress: progressReporter(io, { verb: 'planning', quiet: options.quiet, messages: options.messages }),
  })
  const allFindings = results.flatMap((r) => r.findings)
  const shown = results.map((r) => ({ ...r, findings: quietFindings(r.findings, options) }))

  // One redactor for the whole run: the same email masks (and hashes) alike in every output.
  const redactor = createRedactor(redactMode)
  const report = buildPlanReport(shown, redactor, options.messages)
  const render = (format: Format, color: boolean) =>
    format === 'stylish' ? renderPlanTerminal(shown, { color, redactor, messages: options.messages }) : format === 'markdown' ? renderPlanSummary(shown, { redactor, messages: options.messages }) : renderReport(report, format, color, io, options.messages)
  if (options.outputFile !== undefined) {
    writeReportFile(io, options.outputFile, render(options.formatGiven ? options.format : formatForFile(options.outputFile, FORMATS, 'json'), false))
    // The terminal still shows the plan: it is what a person reviews before apply.
    io.stdout.write(renderPlanTerminal(shown, { color: options.color, redactor, messages: options.messages }))
  } else if (options.format === 'github') {
    writeWorkflowCommands(io.stdout, render(options.format, options.color))
  } else {
    io.stdout.write(render(options.format, options.color))
  }

  const failed = results.filter((r) => r.outcome === 'failed')
  for (const result of failed) io.stderr.write(`partner-contacts: ${inline(`${result.file}: ${redactor.text(result.error ?? options.messages.format('cli.plan.portalUnreadable'))}`)}\n`)
  if (failed.length > 0) return 2
  const failing = hasFailingFindings(allFindings, options.failOn)
  return tooManyWarnings(allFindings, options, io) || failing ? 1 : 0
}
