// The options plan and apply share: where the portal is, how to authenticate, redaction and the safety threshold.
import { createPortalClient, resolvePortalUrl, type CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { ref } from '../i18n/messages.js'
import type { PortalClient } from '../portal/types.js'
import type { RedactMode } from '../redact/redactor.js'
import { UsageError, type CliIo } from './io.js'
import { cliMessages } from './language.js'
import { VERSION } from './version.js'

/** For parseArgs, next to each command's own options and the report options. */
export const PORTAL_OPTIONS = {
  portal: { type: 'string' },
  token: { type: 'string' },
  scope: { type: 'string' },
  redact: { type: 'string' },
  'max-removal-ratio': { type: 'string' },
} as const

/** The --help of plan, apply and confirm, in the run's language: the command's own text and the portal options. */
export async function commandHelp(io: CliIo, command: 'plan' | 'apply' | 'confirm'): Promise<string> {
  const t = await cliMessages(io)
  return t.format(`cli.${command}.help`, { options: ref('cli.portalOptions.help') })
}

export interface PortalOptionValues {
  portal?: string | undefined
  token?: string | undefined
  scope?: string | undefined
  redact?: string | undefined
  'max-removal-ratio'?: string | undefined
}

export function readRedactMode(values: PortalOptionValues): RedactMode {
  const mode = values.redact ?? 'never'
  if (mode !== 'never' && mode !== 'always' && mode !== 'auto') throw new UsageError(ref('cli.error.redact'))
  return mode
}

export function readMaxRemovalRatio(values: PortalOptionValues): number | undefined {
  const text = values['max-removal-ratio']
  if (text === undefined) return undefined
  const ratio = Number(text)
  if (!(ratio >= 0 && ratio <= 1)) throw new UsageError(ref('cli.error.maxRemovalRatio'))
  return ratio
}

/** A PortalError from here (a bad URL, a bad rate limit) reaches main's reportError: one line, exit 2. */
export function openPortal(values: PortalOptionValues, io: CliIo, clientOptions: CreatePortalClientOptions = {}): PortalClient {
  return createPortalClient(resolvePortalUrl(values.portal, io.env), {
    ...(values.token !== undefined ? { token: values.token } : {}),
    ...(values.scope !== undefined ? { scope: values.scope } : {}),
    env: io.env,
    cwd: io.cwd,
    userAgent: `partner-contacts/${VERSION}`,
    ...clientOptions,
  })
}
