// The options plan and apply share: where the portal is, how to authenticate, redaction and the safety threshold.
import { createPortalClient, resolvePortalUrl, type CreatePortalClientOptions } from '../portal/create-portal-client.js'
import type { PortalClient } from '../portal/types.js'
import type { RedactMode } from '../redact/redactor.js'
import { UsageError, type CliIo } from './io.js'
import { OUTPUT_OPTIONS_HELP } from './output-options.js'
import { VERSION } from './version.js'

/** For parseArgs, next to each command's own options and the report options. */
export const PORTAL_OPTIONS = {
  portal: { type: 'string' },
  token: { type: 'string' },
  scope: { type: 'string' },
  redact: { type: 'string' },
  'max-removal-ratio': { type: 'string' },
} as const

export const PORTAL_OPTIONS_HELP = `  --portal <url>            portal base URL, file:<path> for the emulator state, or manual:<dir>
                            for a portal kept in step by hand (confirmed states in <dir>)
                            (default: $PARTNER_CONTACTS_PORTAL_URL, then file:.partner-contacts/portal.json)
  --token <token>           bearer token (default: $PARTNER_CONTACTS_PORTAL_TOKEN, then Google credentials)
  --scope <scope>           OAuth scope for Google credentials
  --redact <mode>           never (default), always, auto (= always outside the Action): mask emails and phones
  --max-removal-ratio <r>   share of a list a safe plan may remove, 0 to 1 (default 0.3)
  --rule <id=severity>      override a rule's severity (error, warning, info, off); repeatable
  --fail-on <level>         error (default), warning, never
  --config <file>           config file (default: .partner-contacts.yaml at the repository root)
${OUTPUT_OPTIONS_HELP}
  -h, --help                show this help`

export interface PortalOptionValues {
  portal?: string | undefined
  token?: string | undefined
  scope?: string | undefined
  redact?: string | undefined
  'max-removal-ratio'?: string | undefined
}

export function readRedactMode(values: PortalOptionValues): RedactMode {
  const mode = values.redact ?? 'never'
  if (mode !== 'never' && mode !== 'always' && mode !== 'auto') throw new UsageError('--redact must be never, always or auto')
  return mode
}

export function readMaxRemovalRatio(values: PortalOptionValues): number | undefined {
  const text = values['max-removal-ratio']
  if (text === undefined) return undefined
  const ratio = Number(text)
  if (!(ratio >= 0 && ratio <= 1)) throw new UsageError('--max-removal-ratio must be a number from 0 to 1')
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
