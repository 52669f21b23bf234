// Command-line parsing for every command: Node's parseArgs, plus our own message for an unknown option and hidden aliases.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { ref, type MessageRef } from '../i18n/messages.js'
import { suggest } from '../schema/describe.js'
import { UsageError } from './io.js'

/** Old option names still accepted but no longer shown in help: alias → the option it stands for. */
export const HIDDEN_ALIASES: Record<string, string> = { out: 'output-file' }

/**
 * Parses `args` for `command` (the name shown in messages). An unknown option is a UsageError that names it and, when
 * one is close, the option meant (`--colour` → `--color`); a hidden alias fills in the option it stands for.
 */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig>(command: string, args: string[], options: O, allowPositionals = true) {
  const all: ParseArgsOptionsConfig = { ...options }
  for (const [alias, target] of Object.entries(HIDDEN_ALIASES)) if (target in options) all[alias] = { ...options[target]!, short: undefined } as ParseArgsOptionsConfig[string]
  for (const key of Object.keys(all)) if (all[key]!.short === undefined) delete all[key]!.short
  const { tokens } = parseArgs({ args, options: all, strict: false, allowPositionals: true, tokens: true })
  for (const token of tokens) {
    if (token.kind === 'option' && !(token.name in all)) throw new UsageError(unknownOption(command, token.rawName, Object.keys(options)))
    // Node's own wording for these two, in the run's language.
    if (token.kind === 'option' && token.name in all) {
      const option = all[token.name]!
      const label = option.short ? `-${option.short}, --${token.name}` : `--${token.name}`
      if (option.type === 'string' && token.value === undefined) throw new UsageError(ref('cli.error.optionNeedsValue', { option: `${label} <value>` }))
      if (option.type === 'boolean' && token.value !== undefined) throw new UsageError(ref('cli.error.optionTakesNoValue', { option: label }))
    }
    if (token.kind === 'positional' && !allowPositionals) throw new UsageError(ref('cli.error.noPositionals', { command, value: token.value }))
  }
  const parsed = parseArgs({ args, options: all, strict: true, allowPositionals })
  const values = parsed.values as Record<string, unknown>
  for (const [alias, target] of Object.entries(HIDDEN_ALIASES)) {
    if (values[alias] !== undefined) {
      values[target] ??= values[alias]
      delete values[alias]
    }
  }
  return { values: parsed.values as ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values'], positionals: parsed.positionals as string[] }
}

function unknownOption(command: string, raw: string, known: readonly string[]): MessageRef {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw
  const hint = raw.startsWith('--') ? suggest(raw.slice(2).split('=')[0]!, known) : undefined
  // JSON quoting shows a quote or a control character in the option as an escape; the line is escaped again when shown.
  const option = JSON.stringify(shown)
  return hint ? ref('cli.error.unknownOptionHint', { option, command, hint }) : ref('cli.error.unknownOption', { option, command })
}
