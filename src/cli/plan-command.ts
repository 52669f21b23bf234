// `partner-contacts plan [files/globs…]`: validate, read the portal, show what apply would change. Never writes to the portal.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { hasFailingFindings } from '../findings/severity.js'
import { planFiles } from '../plan/plan-files.js'
import type { CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { createRedactor } from '../redact/redactor.js'
import { buildPlanReport } from '../report/plan-report.js'
import { renderJson } from '../report/render-json.js'
import { renderPlanSummary } from '../report/render-plan-markdown.js'
import { renderPlanTerminal } from '../report/render-plan-terminal.js'
import { useColor, type CliIo } from './io.js'
import { PORTAL_OPTIONS, PORTAL_OPTIONS_HELP, openPortal, readMaxRemovalRatio, readRedactMode } from './portal-options.js'
import { readCommonOptions, renderReport, writeReport } from './validate-command.js'

export const PLAN_HELP = `Usage: partner-contacts plan [files/globs…] [options]

Validates each file, reads its partner's Contact Information (and users) from the portal, and
shows what apply would change. Never writes to the portal. Files default to contacts.yaml.
Exit status: 0 with or without changes, 1 on failing findings, 2 when the portal could not be read.

Options:
  --format <f>              stylish (default), json, markdown, github, sarif
  --out <file>              also write the JSON report (SPEC §8) to this file
${PORTAL_OPTIONS_HELP}
`

export async function planCommand(args: string[], io: CliIo, clientOptions: CreatePortalClientOptions = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...PORTAL_OPTIONS, out: { type: 'string', short: 'o' } },
  })
  if (values.help) {
    io.stdout.write(PLAN_HELP)
    return 0
  }
  const options = await readCommonOptions(values, io)
  const redactMode = readRedactMode(values)
  const maxRemovalRatio = readMaxRemovalRatio(values)
  const client = openPortal(values, io, clientOptions)

  const showProgress = Boolean(io.stderr.isTTY)
  const results = await planFiles({
    patterns: positionals.length > 0 ? positionals : ['contacts.yaml'],
    cwd: io.cwd,
    config: options.config,
    messages: options.messages,
    client,
    ...(maxRemovalRatio !== undefined ? { maxRemovalRatio } : {}),
    ...(showProgress ? { onProgress: (done: number, total: number) => void (total > 1 && io.stderr.write(`\rplanning ${done}/${total}${done === total ? '\n' : ''}`)) } : {}),
  })

  // One redactor for the whole run: the same email masks (and hashes) alike in every output.
  const redactor = createRedactor(redactMode)
  const report = buildPlanReport(results, redactor)
  if (values.out) {
    const path = resolve(io.cwd, values.out)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, renderJson(report))
  }
  if (options.format === 'stylish') io.stdout.write(renderPlanTerminal(results, { color: useColor(io, io.stdout), redactor, messages: options.messages }))
  else if (options.format === 'markdown') io.stdout.write(renderPlanSummary(results, { redactor }))
  else writeReport(io, options.format, renderReport(report, options.format, io, options.messages))

  const failed = results.filter((r) => r.outcome === 'failed')
  for (const result of failed) io.stderr.write(`partner-contacts: ${result.file}: ${redactor.text(result.error ?? 'the portal could not be read')}\n`)
  if (failed.length > 0) return 2
  return hasFailingFindings(results.flatMap((r) => r.findings), options.failOn) ? 1 : 0
}
