// The reporting conventions every report-writing command shares (ESLint's): -o/--output-file, --quiet, --max-warnings, colour.
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, extname, resolve } from 'node:path'
import type { Finding } from '../findings/finding.js'
import { ENGLISH } from '../i18n/catalogue.js'
import { ref, type Messages } from '../i18n/messages.js'
import { UsageError, type CliIo } from './io.js'

/** For parseArgs; `--out` stays accepted as a hidden alias of `--output-file` (see args.ts). */
export const OUTPUT_OPTIONS = {
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const

export interface OutputOptions {
  outputFile?: string
  quiet: boolean
  maxWarnings?: number
  /** Colour for what goes to stdout. */
  color: boolean
}

export interface OutputOptionValues {
  'output-file'?: string | undefined
  quiet?: boolean | undefined
  'max-warnings'?: string | undefined
  color?: boolean | undefined
  'no-color'?: boolean | undefined
}

export function readOutputOptions(values: OutputOptionValues, io: CliIo): OutputOptions {
  const options: OutputOptions = { quiet: values.quiet ?? false, color: useColor(io, io.stdout, values) }
  const file = values['output-file']
  if (file !== undefined) {
    if (file.trim() === '') throw new UsageError(ref('cli.error.outputFileEmpty'))
    if (statSync(resolve(io.cwd, file), { throwIfNoEntry: false })?.isDirectory()) {
      throw new UsageError(ref('cli.error.outputFileDirectory', { file, example: `${file.replace(/\/+$/, '')}/report.json` }))
    }
    options.outputFile = file
  }
  const max = values['max-warnings']
  if (max !== undefined) {
    if (!/^\d+$/.test(max.trim())) throw new UsageError(ref('cli.error.maxWarnings', { value: max.slice(0, 20) }))
    options.maxWarnings = Number(max)
  }
  return options
}

/**
 * Colour precedence: --color/--no-color, then FORCE_COLOR (0 or false = off), then NO_COLOR (any non-empty value = off),
 * then whether the stream is a terminal (and TERM is not dumb).
 */
export function useColor(io: CliIo, stream: CliIo['stdout'], values: OutputOptionValues = {}): boolean {
  if (values['no-color']) return false
  if (values.color) return true
  const force = io.env['FORCE_COLOR']
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase())
  if (io.env['NO_COLOR']) return false
  return Boolean(stream.isTTY) && io.env['TERM'] !== 'dumb'
}

/** The format a report file gets when --format is not given: by its extension. */
export function formatForFile<F extends string>(file: string, known: readonly F[], fallback: F): F {
  const byExtension: Record<string, string> = { '.json': 'json', '.sarif': 'sarif', '.md': 'markdown', '.markdown': 'markdown', '.xml': 'junit' }
  const format = byExtension[extname(file).toLowerCase()]
  return format !== undefined && (known as readonly string[]).includes(format) ? (format as F) : fallback
}

export function writeReportFile(io: CliIo, file: string, text: string): void {
  const path = resolve(io.cwd, file)
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new UsageError(code === 'EISDIR' ? ref('cli.error.outputFileIsDirectory', { file }) : ref('cli.error.outputFileUnwritable', { file, code }))
  }
}

/** --quiet keeps errors only. */
export function quietFindings(findings: readonly Finding[], options: Pick<OutputOptions, 'quiet'>): Finding[] {
  return options.quiet ? findings.filter((f) => f.severity === 'error') : [...findings]
}

/** --max-warnings: one line on stderr and exit 1 when the warnings (counted before --quiet) exceed it. */
export function tooManyWarnings(findings: readonly Finding[], options: Pick<OutputOptions, 'maxWarnings'> & { messages?: Messages }, io: CliIo): boolean {
  if (options.maxWarnings === undefined) return false
  const warnings = findings.filter((f) => f.severity === 'warning').length
  if (warnings <= options.maxWarnings) return false
  io.stderr.write(`partner-contacts: ${(options.messages ?? ENGLISH).format('cli.tooManyWarnings', { warnings, max: options.maxWarnings })}\n`)
  return true
}
