// `partner-contacts plan [files/globs…]`: validate, read the portal, show what apply would change. Never writes to the portal.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { hasFailingFindings } from '../findings/severity.js'
import { planFiles } from '../plan/plan-files.js'
import { createPortalClient, resolvePortalUrl, type CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { PortalError } from '../portal/portal-error.js'
import { createRedactor, type RedactMode } from '../redact/redactor.js'
import { buildPlanReport } from '../report/plan-report.js'
import { renderJson } from '../report/render-json.js'
import { renderPlanSummary } from '../report/render-plan-markdown.js'
import { renderPlanTerminal } from '../report/render-plan-terminal.js'
import { UsageError, useColor, type CliIo } from './io.js'
import { readCommonOptions, renderReport } from './validate-command.js'
import { VERSION } from './version.js'

export const PLAN_HELP = `Usage: partner-contacts plan [files/globs…] [options]

Validates each file, reads its partner's Contact Information (and users) from the portal, and
shows what apply would change. Never writes to the portal. Files default to contacts.yaml.
Exit status: 0 with or without changes, 1 on failing findings, 2 when the portal could not be read.

Options:
  --portal <url>            portal base URL, or file:<path> for the emulator state
                            (default: $PARTNER_CONTACTS_PORTAL_URL, then file:.partner-contacts/portal.json)
  --token <token>           bearer token (default: $PARTNER_CONTACTS_PORTAL_TOKEN, then Google credentials)
  --scope <scope>           OAuth scope for Google credentials
  --format <f>              stylish (default), json, markdown, github, sarif
  --out <file>              also write the JSON report (SPEC §8) to this file
  --redact <mode>           never (default), always, auto (= always outside the Action): mask emails and phones
  --max-removal-ratio <r>   share of a list a safe plan may remove, 0 to 1 (default 0.3)
  --rule <id=severity>      override a rule's severity (error, warning, info, off); repeatable
  --fail-on <level>         error (default), warning, never
  --config <file>           config file (default: .partner-contacts.yaml at the repository root)
  -h, --help                show this help
`

export async function planCommand(args: string[], io: CliIo, clientOptions: CreatePortalClientOptions = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      portal: { type: 'string' },
      token: { type: 'string' },
      scope: { type: 'string' },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      redact: { type: 'string' },
      'max-removal-ratio': { type: 'string' },
      rule: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.stdout.write(PLAN_HELP)
    return 0
  }
  const options = await readCommonOptions(values, io)
  const redactMode = values.redact ?? 'never'
  if (redactMode !== 'never' && redactMode !== 'always' && redactMode !== 'auto') throw new UsageError('--redact must be never, always or auto')
  const maxRemovalRatio = values['max-removal-ratio'] === undefined ? undefined : Number(values['max-removal-ratio'])
  if (maxRemovalRatio !== undefined && !(maxRemovalRatio >= 0 && maxRemovalRatio <= 1)) throw new UsageError('--max-removal-ratio must be a number from 0 to 1')

  let client
  try {
    client = createPortalClient(resolvePortalUrl(values.portal, io.env), {
      ...(values.token !== undefined ? { token: values.token } : {}),
      ...(values.scope !== undefined ? { scope: values.scope } : {}),
      env: io.env,
      cwd: io.cwd,
      userAgent: `partner-contacts/${VERSION}`,
      ...clientOptions,
    })
  } catch (error) {
    if (!(error instanceof PortalError)) throw error
    io.stderr.write(`partner-contacts: ${error.message}\n`)
    return 2
  }

  const showProgress = Boolean(io.stderr.isTTY)
  const results = await planFiles({
    patterns: positionals.length > 0 ? positionals : ['contacts.yaml'],
    cwd: io.cwd,
    config: options.config,
    client,
    ...(maxRemovalRatio !== undefined ? { maxRemovalRatio } : {}),
    ...(showProgress ? { onProgress: (done: number, total: number) => void (total > 1 && io.stderr.write(`\rplanning ${done}/${total}${done === total ? '\n' : ''}`)) } : {}),
  })

  // One redactor for the whole run: the same email masks (and hashes) alike in every output.
  const redactor = createRedactor(redactMode as RedactMode)
  const report = buildPlanReport(results, redactor)
  if (values.out) {
    const path = resolve(io.cwd, values.out)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, renderJson(report))
  }
  if (options.format === 'stylish') io.stdout.write(renderPlanTerminal(results, { color: useColor(io, io.stdout), redactor }))
  else if (options.format === 'markdown') io.stdout.write(renderPlanSummary(results, { redactor }))
  else io.stdout.write(renderReport(report, options.format, io))

  const failed = results.filter((r) => r.outcome === 'failed')
  for (const result of failed) io.stderr.write(`partner-contacts: ${result.file}: ${redactor.text(result.error ?? 'the portal could not be read')}\n`)
  if (failed.length > 0) return 2
  return hasFailingFindings(results.flatMap((r) => r.findings), options.failOn) ? 1 : 0
}
