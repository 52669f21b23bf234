// `--lang` for every command, and the language a CLI run speaks: --lang, else LC_ALL/LC_MESSAGES/LANG, else `language:`, else en.
import type { RulesConfig } from '../config/config.js'
import { resolveLanguage } from '../config/language.js'
import { ENGLISH } from '../i18n/catalogue.js'
import { envLanguage } from '../i18n/locale.js'
import type { Messages } from '../i18n/messages.js'
import type { CliIo } from './io.js'

/** Takes `--lang X` / `--lang=X` out of the arguments, so that each command's own parser never sees it. */
export function takeLangFlag(args: readonly string[]): { args: string[]; lang?: string } {
  const rest: string[] = []
  let lang: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--') {
      rest.push(...args.slice(i))
      break
    }
    if (arg === '--lang') lang = args[++i] ?? ''
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length)
    else rest.push(arg)
  }
  return lang === undefined ? { args: rest } : { args: rest, lang }
}

const warned = new WeakSet<CliIo>()
/** The messages a run chose once its config was read: a later error speaks the config's `language:` too. */
const chosen = new WeakMap<CliIo, Messages>()

/** The run's messages; an unknown language is one warning line on stderr (once per run) and English. */
export async function cliMessages(io: CliIo, config?: RulesConfig): Promise<Messages> {
  const { messages, warning } = await resolveLanguage([{ value: io.lang, source: '--lang' }, envLanguage(io.env)], config)
  if (warning && !warned.has(io)) {
    warned.add(io)
    io.stderr.write(`partner-contacts: warning: ${warning}\n`)
  }
  if (config) chosen.set(io, messages)
  return messages
}

/**
 * The messages for an error line: the run's, if its config was read; else --lang and the environment (the config may
 * be what failed); English if even that fails, since an error must always be shown.
 */
export async function errorMessages(io: CliIo): Promise<Messages> {
  try {
    return chosen.get(io) ?? (await cliMessages(io))
  } catch {
    return ENGLISH
  }
}
