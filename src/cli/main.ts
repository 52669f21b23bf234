// The CLI's dispatcher: one lazily imported module per command, so validate loads no portal code.
import { ConfigError } from '../config/config.js'
import { FilesError } from '../files/expand-files.js'
import { PortalError } from '../portal/portal-error.js'
import { formatOrEnglish } from '../i18n/catalogue.js'
import { localizedMessage } from '../i18n/localized-error.js'
import { cliMessages, errorMessages, takeLangFlag } from './language.js'
import { inline } from '../output/terminal.js'
import { suggest } from '../schema/describe.js'
import { UsageError, guardIo, type CliIo } from './io.js'
import { VERSION } from './version.js'


type Command = (args: string[], io: CliIo) => Promise<number>

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate-command.js')).validateCommand,
  import: async () => (await import('./import-command.js')).importCommand,
  plan: async () => (await import('./plan-command.js')).planCommand,
  apply: async () => (await import('./apply-command.js')).applyCommand,
  confirm: async () => (await import('./confirm-command.js')).confirmCommand,
  portal: async () => (await import('./portal-command.js')).portalCommand,
}

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  const taken = takeLangFlag(argv)
  const io = guardIo(taken.lang !== undefined ? { ...rawIo, lang: taken.lang } : rawIo)
  const [name, ...args] = taken.args
  if (name === 'help' && args[0] !== undefined) return main([args[0], '--help'], io)
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout.write((await cliMessages(io)).format('cli.help'))
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout.write(`${VERSION}\n`)
    return 0
  }
  const load = COMMANDS[name]
  if (!load) {
    const t = await cliMessages(io)
    const hint = suggest(name, Object.keys(COMMANDS))
    const what = t.format(name.startsWith('-') ? 'cli.unknownOption' : 'cli.unknownCommand', { name: inline(name.slice(0, 40)) })
    io.stderr.write(`partner-contacts: ${what}${hint ? t.format('cli.didYouMean', { hint }) : ''}${t.format('cli.seeHelp')}\n`)
    return 2
  }
  try {
    return await (await load())(args, io)
  } catch (error) {
    return await reportError(error, io)
  }
}

/**
 * Problems in the invocation or the environment: one clear line and exit 2, never a stack trace. An error that carries
 * a catalogue message is shown in the run's language; its `message` (English) is what logs and debugging see.
 */
export async function reportError(error: unknown, io: CliIo): Promise<number> {
  const t = await errorMessages(io)
  // A portal failure is infrastructure, not a bug: its message already names the operation and status.
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof FilesError || error instanceof PortalError || isParseArgsError(error)) {
    io.stderr.write(`partner-contacts: ${inline(localizedMessage(error, t) ?? (error as Error).message)}\n`)
    return 2
  }
  const message = error instanceof Error ? error.message : String(error)
  io.stderr.write(`partner-contacts: ${formatOrEnglish(t, 'cli.error.internal', { message: inline(message) })}\n`)
  if (io.env['PARTNER_CONTACTS_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`)
  return 2
}

function isParseArgsError(error: unknown): boolean {
  const code: unknown = error instanceof TypeError ? (error as TypeError & { code?: unknown }).code : undefined
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
