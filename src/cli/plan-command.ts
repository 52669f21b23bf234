// `partner-contacts plan [files/globs…]`: validate, read the portal, show what apply would change. Never writes to the portal.
import { hasFailingFindings } from '../findings/severity.js'
import { planFiles } from '../plan/plan-files.js'
import type { CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { createRedactor } from '../redact/redactor.js'
import { buildPlanReport } from '../report/plan-report.js'
import { renderPlanSummary } from '../report/render-plan-markdown.js'
import { renderPlanTerminal } from '../report/render-plan-terminal.js'
import { parseCommandArgs } from './args.js'
import { writeWorkflowCommands, type CliIo } from './io.js'
import { formatForFile, quietFindings, tooManyWarnings, writeReportFile } from './output-options.js'
import { PORTAL_OPTIONS, PORTAL_OPTIONS_HELP, openPortal, readMaxRemovalRatio, readRedactMode } from './portal-options.js'
import { progressReporter } from './progress.js'
import { readStdin } from './stdin.js'
import { FORMATS, REPORT_OPTIONS, readCommonOptions, renderReport, type Format } from './validate-command.js'

export const PLAN_HELP = `Usage: partner-contacts plan [files/globs…] [options]

Validates each file, reads its partner's Contact Information (and users) from the portal, and
shows what apply would change. Never writes to the portal. Files default to contacts.yaml; a
directory means every contacts.yaml below it; - reads one file from standard input.
With --output-file the terminal still shows the plan, and the file gets the report (JSON for
a .json file: the checksums that apply --checksum takes).
Exit status: 0 with or without changes, 1 on failing findings, 2 when the portal could not be read.

Options:
  -f, --format <f>          stylish (default), json, markdown, github, sarif, junit, codeclimate
${PORTAL_OPTIONS_HELP}
`

export async function planCommand(args: string[], io: CliIo, clientOptions: CreatePortalClientOptions = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs('plan', args, { ...REPORT_OPTIONS, ...PORTAL_OPTIONS })
  if (values.help) {
    io.stdout.write(PLAN_HELP)
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
    onProgress: progressReporter(io, { verb: 'planning', quiet: options.quiet }),
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
  for (const result of failed) io.stderr.write(`partner-contacts: ${result.file}: ${redactor.text(result.error ?? 'the portal could not be read')}\n`)
  if (failed.length > 0) return 2
  const failing = hasFailingFindings(allFindings, options.failOn)
  return tooManyWarnings(allFindings, options, io) || failing ? 1 : 0
}
