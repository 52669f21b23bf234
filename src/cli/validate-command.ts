// `partner-contacts validate [files/globs…]`: every problem on its line, in the format asked for.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { mergeConfig, parseRuleFlag, type RulesConfig } from '../config/config.js'
import { loadConfigFile } from '../config/load-config.js'
import { hasFailingFindings, parseFailOn, type FailOn } from '../findings/severity.js'
import { buildReport, type Report } from '../report/report.js'
import { renderGithub } from '../report/render-github.js'
import { renderJson } from '../report/render-json.js'
import { renderMarkdown, type MarkdownOptions } from '../report/render-markdown.js'
import { renderCodeClimate } from '../report/render-codeclimate.js'
import { renderJunit } from '../report/render-junit.js'
import { renderSarif } from '../report/render-sarif.js'
import { findRepositoryRoot, repositoryRelative } from '../files/repository-root.js'
import { renderStylish } from '../report/render-stylish.js'
import { validateFiles } from '../validate/validate-files.js'
import { findConfigFile } from './find-config.js'
import { parseCommandArgs } from './args.js'
import { UsageError, writeWorkflowCommands, type CliIo } from './io.js'
import { OUTPUT_OPTIONS, formatForFile, quietFindings, readOutputOptions, tooManyWarnings, writeReportFile, type OutputOptions } from './output-options.js'
import { progressReporter } from './progress.js'
import { readStdin } from './stdin.js'
import { ref, type Messages } from '../i18n/messages.js'
import { cliMessages } from './language.js'
import { VERSION } from './version.js'

export const FORMATS = ['stylish', 'json', 'github', 'sarif', 'markdown', 'junit', 'codeclimate'] as const
export type Format = (typeof FORMATS)[number]
/** Other names a format is known by in other tools' conventions. */
const FORMAT_ALIASES: Record<string, Format> = { 'github-actions': 'github' }


/** The options of validate, plan and apply; format, rule, fail-on and config with the output options. */
export const REPORT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  ...OUTPUT_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const

export interface CommonOptions extends OutputOptions {
  format: Format
  /** Whether --format was given (a report file otherwise takes its format from its extension). */
  formatGiven: boolean
  failOn: FailOn
  config: RulesConfig
  /** The run's language: --lang, the environment, then `language:` in the config. */
  messages: Messages
}

export async function readCommonOptions(values: Record<string, unknown>, io: CliIo): Promise<CommonOptions> {
  const formatName = (values['format'] as string | undefined) ?? 'stylish'
  const format = FORMAT_ALIASES[formatName] ?? formatName
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(ref('cli.error.formatOneOf', { formats: FORMATS.join(', ') }))
  const failOn = parseFailOn((values['fail-on'] as string | undefined) ?? 'error')
  if (!failOn) throw new UsageError(ref('cli.error.failOn'))
  const given = values['config'] as string | undefined
  // A config file named on the command line must exist: a typo must not silently drop the team's rules.
  if (given !== undefined && !existsSync(resolve(io.cwd, given))) throw new UsageError(ref('cli.error.configMissing', { file: given }))
  const configPath = given !== undefined ? resolve(io.cwd, given) : findConfigFile(io.cwd)
  let config = configPath ? await loadConfigFile(configPath) : { severities: {}, options: {}, merchantIssues: {} }
  const severities = Object.fromEntries(((values['rule'] as string[] | undefined) ?? []).map(parseRuleFlag))
  config = mergeConfig(config, { severities })
  return { ...readOutputOptions(values, io), format: format as Format, formatGiven: values['format'] !== undefined, failOn, config, messages: await cliMessages(io, config) }
}

export function renderReport(report: Report, format: Format, color: boolean, io: CliIo, messages: Messages, markdown: MarkdownOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report)
    case 'github':
      return renderGithub(report)
    case 'sarif':
      return renderSarif(report, { version: VERSION, artifactUri: repositoryPaths(io) })
    case 'codeclimate':
      return renderCodeClimate(report, { artifactPath: repositoryPaths(io) })
    case 'junit':
      return renderJunit(report)
    case 'markdown':
      return renderMarkdown(report, markdown)
    case 'stylish':
      return renderStylish(report, { color, messages })
  }
}

/** Code scanning and GitLab resolve paths against the repository root: `git rev-parse --show-toplevel`, else GITHUB_WORKSPACE, else the working directory. */
function repositoryPaths(io: CliIo): (file: string) => string {
  const root = findRepositoryRoot(io.cwd) ?? io.env['GITHUB_WORKSPACE'] ?? io.cwd
  return (file) => repositoryRelative(root, io.cwd, file)
}

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, REPORT_OPTIONS)
  if (values.help) {
    io.stdout.write((await cliMessages(io)).format('cli.validate.help'))
    return 0
  }
  const options = await readCommonOptions(values, io)
  const patterns = positionals.length > 0 ? positionals : ['contacts.yaml']
  const results = await validateFiles({
    patterns,
    cwd: io.cwd,
    config: options.config,
    messages: options.messages,
    ...(patterns.includes('-') ? { stdin: await readStdin(io) } : {}),
    onProgress: progressReporter(io, { verb: 'validating', quiet: options.quiet, messages: options.messages }),
    // The launch-readiness checklist only where a format shows it.
    checklist: [options.format, options.outputFile && !options.formatGiven ? formatForFile(options.outputFile, FORMATS, 'stylish') : undefined].includes('markdown'),
  })
  const all = results.flatMap((r) => r.findings)
  const report = buildReport(results.map((r) => ({ file: r.file, ...(r.partnerId ? { partnerId: r.partnerId } : {}), findings: quietFindings(r.findings, options) })))
  const format = options.outputFile !== undefined && !options.formatGiven ? formatForFile(options.outputFile, FORMATS, 'stylish') : options.format
  // Only Markdown shows the checklist and the support picture: loading them (and luxon) on demand keeps the other formats' start light.
  const markdown: MarkdownOptions = format === 'markdown' ? { fileExtras: (await import('../report/validation-extras.js')).validationExtras(results, options.messages), messages: options.messages } : {}
  if (options.outputFile !== undefined) writeReportFile(io, options.outputFile, renderReport(report, format, false, io, options.messages, markdown))
  // `--format github` prints workflow commands on purpose (each value escaped): past the stream guard.
  else if (format === 'github') writeWorkflowCommands(io.stdout, renderReport(report, format, options.color, io, options.messages, markdown))
  else io.stdout.write(renderReport(report, format, options.color, io, options.messages, markdown))
  const failing = hasFailingFindings(all, options.failOn)
  return tooManyWarnings(all, options, io) || failing ? 1 : 0
}
