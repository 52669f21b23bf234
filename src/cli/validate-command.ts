// `partner-contacts validate [files/globs…]`: every problem on its line, in the format asked for.
import { parseArgs } from 'node:util'
import { mergeConfig, parseRuleFlag, type RulesConfig } from '../config/config.js'
import { loadConfigFile } from '../config/load-config.js'
import { hasFailingFindings, parseFailOn, type FailOn } from '../findings/severity.js'
import { buildReport, type Report } from '../report/report.js'
import { renderGithub } from '../report/render-github.js'
import { renderJson } from '../report/render-json.js'
import { renderMarkdown, type MarkdownOptions } from '../report/render-markdown.js'
import { renderSarif } from '../report/render-sarif.js'
import { renderStylish } from '../report/render-stylish.js'
import { renderSupportPicture } from '../support/render-support-picture.js'
import { validateFiles } from '../validate/validate-files.js'
import { findConfigFile } from './find-config.js'
import type { Messages } from '../i18n/messages.js'
import { UsageError, useColor, type CliIo } from './io.js'
import { cliMessages } from './language.js'
import { VERSION } from './version.js'

export const FORMATS = ['stylish', 'json', 'github', 'sarif', 'markdown'] as const
export type Format = (typeof FORMATS)[number]


export interface CommonOptions {
  format: Format
  failOn: FailOn
  config: RulesConfig
  /** The run's language: --lang, the environment, then `language:` in the config. */
  messages: Messages
}

export async function readCommonOptions(values: Record<string, unknown>, io: CliIo): Promise<CommonOptions> {
  const format = (values['format'] as string | undefined) ?? 'stylish'
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of: ${FORMATS.join(', ')}`)
  const failOn = parseFailOn((values['fail-on'] as string | undefined) ?? 'error')
  if (!failOn) throw new UsageError('--fail-on must be error, warning or never')
  const configPath = (values['config'] as string | undefined) ?? findConfigFile(io.cwd)
  let config = configPath ? await loadConfigFile(configPath) : { severities: {}, options: {}, merchantIssues: {} }
  const severities = Object.fromEntries(((values['rule'] as string[] | undefined) ?? []).map(parseRuleFlag))
  config = mergeConfig(config, { severities })
  return { format: format as Format, failOn, config, messages: await cliMessages(io, config) }
}

/** Writes a rendered report: `github` annotations unguarded (they are the point, and escaped), the rest guarded. */
export function writeReport(io: CliIo, format: Format, text: string): void {
  ;(format === 'github' ? (io.commands ?? io.stdout) : io.stdout).write(text)
}

export function renderReport(report: Report, format: Format, io: CliIo, messages: Messages, markdown: MarkdownOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report)
    case 'github':
      return renderGithub(report)
    case 'sarif':
      return renderSarif(report, { version: VERSION })
    case 'markdown':
      return renderMarkdown(report, markdown)
    case 'stylish':
      return renderStylish(report, { color: useColor(io, io.stdout), messages })
  }
}

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      rule: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.stdout.write((await cliMessages(io)).format('cli.validate.help'))
    return 0
  }
  const options = await readCommonOptions(values, io)
  const patterns = positionals.length > 0 ? positionals : ['contacts.yaml']
  const showProgress = Boolean(io.stderr.isTTY)
  const results = await validateFiles({
    patterns,
    cwd: io.cwd,
    config: options.config,
    messages: options.messages,
    onProgress: showProgress ? (done, total) => total > 20 && io.stderr.write(`\r${options.messages.format('cli.progress.validating', { done: String(done), total: String(total) })}${done === total ? '\n' : ''}`) : undefined,
  })
  const report = buildReport(results.map((r) => ({ file: r.file, ...(r.partnerId ? { partnerId: r.partnerId } : {}), findings: r.findings })))
  const supportOf = new Map(results.map((r) => [r.file, r.support ?? []]))
  const fileExtras: MarkdownOptions['fileExtras'] = (f) => renderSupportPicture(supportOf.get(f.file) ?? []) || undefined
  writeReport(io, options.format, renderReport(report, options.format, io, options.messages, { fileExtras }))
  return hasFailingFindings(report.files.flatMap((f) => f.findings), options.failOn) ? 1 : 0
}
