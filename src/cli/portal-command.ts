// `partner-contacts portal serve`: the portal emulator on 127.0.0.1; the first stdout line is its base URL.
import { resolve } from 'node:path'
import { startEmulatorServer, type RunningEmulator } from '../portal/emulator/server.js'
import { PortalError } from '../portal/portal-error.js'
import { parseCommandArgs } from './args.js'
import { ref } from '../i18n/messages.js'
import { inline } from '../output/terminal.js'
import { UsageError, type CliIo } from './io.js'
import { cliMessages } from './language.js'

export interface ServeOptions {
  state: string
  port: number
  token?: string
  partners: string[]
  sandbox: boolean
  latencyMs?: number
  failRate?: number
  rateLimit?: number
}

export function parseServeArgs(args: string[], cwd: string): ServeOptions | 'help' {
  const { values, positionals } = parseCommandArgs('portal', args, {
      state: { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
      partner: { type: 'string', multiple: true },
      sandbox: { type: 'boolean' },
      latency: { type: 'string' },
      'fail-rate': { type: 'string' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
  })
  if (values.help) return 'help'
  if (positionals[0] !== 'serve' || positionals.length > 1) throw new UsageError(ref('cli.portal.error.usage'))
  if (!values.state) throw new UsageError(ref('cli.portal.error.noState'))
  const port = number(values.port ?? '0', '--port', 0, 65535, true)
  const partners = values.partner ?? []
  for (const id of partners) if (!/^\d{1,20}$/.test(id)) throw new UsageError(ref('cli.error.partnerId'))
  const options: ServeOptions = { state: resolve(cwd, values.state), port, partners, sandbox: Boolean(values.sandbox) }
  if (values.token !== undefined) {
    if (values.token.trim() === '') throw new UsageError(ref('cli.portal.error.emptyToken'))
    options.token = values.token
  }
  if (values.latency !== undefined) options.latencyMs = number(values.latency, '--latency', 0, 600_000, true)
  if (values['fail-rate'] !== undefined) options.failRate = number(values['fail-rate'], '--fail-rate', 0, 1, false)
  if (values['rate-limit'] !== undefined) options.rateLimit = number(values['rate-limit'], '--rate-limit', 0.001, 1_000_000, false)
  return options
}

function number(text: string, flag: string, min: number, max: number, integer: boolean): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError(ref(integer ? 'cli.portal.error.integerRange' : 'cli.portal.error.numberRange', { flag, min: String(min), max: String(max) }))
  }
  return value
}

export async function servePortal(options: ServeOptions): Promise<RunningEmulator> {
  return startEmulatorServer({
    statePath: options.state,
    port: options.port,
    partners: options.partners,
    sandbox: options.sandbox,
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    ...(options.failRate !== undefined ? { failRate: options.failRate } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
  })
}

export async function portalCommand(args: string[], io: CliIo, stop?: Promise<unknown>): Promise<number> {
  const t = await cliMessages(io)
  const options = parseServeArgs(args, io.cwd)
  if (options === 'help') {
    io.stdout.write(t.format('cli.portal.help'))
    return 0
  }
  let running: RunningEmulator
  try {
    running = await servePortal(options)
  } catch (error) {
    if (error instanceof PortalError) {
      io.stderr.write(`partner-contacts: ${error.message}\n`)
      return 2
    }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.stderr.write(`partner-contacts: ${t.format('cli.portal.cannotListen', { port: String(options.port), code })}\n`)
      return 2
    }
    throw error
  }
  io.stdout.write(`${running.url}\n`)
  io.stderr.write(`${t.format(options.token ? 'cli.portal.servingWithToken' : 'cli.portal.serving', { state: inline(options.state) })}\n`)
  await (stop ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    }))
  await running.close()
  return 0
}
