// `partner-contacts import --partner <id>`: a complete contacts.yaml from the portal, or an existing one updated in place.
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isMap, isScalar } from 'yaml'
import { INTEGRATIONS } from '../model/contacts.js'
import { parseContactsFile } from '../parse/parse-contacts-file.js'
import type { CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { newContactsDocument, updateContactsDocument, type ImportedData } from '../import/import-document.js'
import { fromPortalContactInformation, fromPortalUsers } from '../plan/mapping.js'
import { PortalError } from '../portal/portal-error.js'
import { UsageError, type CliIo } from './io.js'
import { openPortal } from './portal-options.js'

export const IMPORT_HELP = `Usage: partner-contacts import --partner <id> [options]

Writes a complete contacts.yaml from what the portal holds. Given an existing --out file,
updates it in place and keeps its comments, key order and local metadata (type).

Options:
  --partner <id>         Partner ID (digits); required
  --out <file>           write or update this file (default: print to stdout)
  --portal <url>         portal base URL, or file:<path> for the emulator state
                         (default: $PARTNER_CONTACTS_PORTAL_URL, then file:.partner-contacts/portal.json)
  --token <token>        bearer token (default: $PARTNER_CONTACTS_PORTAL_TOKEN, then Google credentials)
  --scope <scope>        OAuth scope for Google credentials
  --integration <key>    integration of a new file (the portal does not say)
  --environment <env>    production or sandbox, for a new file
  --no-users             do not add users: to a new file (users are then not managed from it)
  -h, --help             show this help
`

export async function importCommand(args: string[], io: CliIo, clientOptions: CreatePortalClientOptions = {}): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      partner: { type: 'string' },
      out: { type: 'string', short: 'o' },
      portal: { type: 'string' },
      token: { type: 'string' },
      scope: { type: 'string' },
      integration: { type: 'string' },
      environment: { type: 'string' },
      'no-users': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    io.stdout.write(IMPORT_HELP)
    return 0
  }
  const partnerId = values.partner?.trim()
  if (!partnerId) throw new UsageError('import needs --partner <id>')
  if (!/^\d{1,20}$/.test(partnerId)) throw new UsageError('--partner must be a Partner ID: digits only')
  if (values.integration !== undefined && !(INTEGRATIONS as readonly string[]).includes(values.integration)) {
    throw new UsageError(`--integration must be one of: ${INTEGRATIONS.join(', ')}`)
  }
  const environment = values.environment
  if (environment !== undefined && environment !== 'production' && environment !== 'sandbox') throw new UsageError('--environment must be production or sandbox')

  const outPath = values.out ? resolve(io.cwd, values.out) : undefined
  const existing = outPath ? await readExisting(outPath, values.out!) : undefined

  let data: ImportedData
  try {
    const client = openPortal(values, io, clientOptions)
    const wantsUsers = existing ? hasUsersKey(existing) : !values['no-users']
    const [info, users] = await Promise.all([client.getContactInformation(partnerId), wantsUsers ? client.listUsers(partnerId) : undefined])
    data = { partnerId, ...fromPortalContactInformation(info), ...(users ? { users: fromPortalUsers(users) } : {}) }
  } catch (error) {
    if (!(error instanceof PortalError)) throw error
    io.stderr.write(`partner-contacts: ${error.message}\n`)
    return 2
  }

  let text: string
  if (existing) {
    const declared = existingPartnerId(existing)
    if (declared !== undefined && declared !== partnerId) throw new UsageError(`${values.out} describes partner ${declared}, not ${partnerId}`)
    if (values.integration) existing.document!.set('integration', values.integration)
    if (environment) existing.document!.set('environment', environment)
    const before = JSON.stringify(existing.document!.toJS())
    updateContactsDocument(existing.document!, data)
    // Nothing to change: keep the file byte for byte (re-stringifying would realign inline comments).
    text = JSON.stringify(existing.document!.toJS()) === before ? existing.text : existing.document!.toString(STRINGIFY)
  } else {
    text = newContactsDocument(data, {
      ...(values.integration ? { integration: values.integration } : {}),
      ...(environment ? { environment: environment as 'production' | 'sandbox' } : {}),
    }).toString(STRINGIFY)
  }

  if (!outPath) {
    io.stdout.write(text)
    return 0
  }
  await writeAtomically(outPath, text)
  const contactCount = Object.values(data.contacts).reduce((n, list) => n + list.length, 0)
  io.stderr.write(
    `${existing ? 'updated' : 'wrote'} ${values.out}: partner ${partnerId}, ${contactCount} contacts, ${data.support.length} support windows${data.users ? `, ${data.users.length} users` : ''}\n`,
  )
  if (!existing && !values.integration) io.stderr.write('note: the portal does not say which integration this is; check `integration:` in the file\n')
  return 0
}

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const

type Parsed = ReturnType<typeof parseContactsFile>

async function readExisting(path: string, shown: string): Promise<Parsed | undefined> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new UsageError(`cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  const parsed = parseContactsFile(shown, bytes)
  // Only a document that parsed cleanly is edited: anything else could lose what the person wrote.
  if (parsed.findings.length > 0 || !parsed.document || !isMap(parsed.document.contents)) {
    const first = parsed.findings[0]
    throw new UsageError(`cannot update ${shown}: it is not a clean YAML mapping${first ? ` (line ${first.line}: ${first.ruleId})` : ''}; fix it or choose another --out`)
  }
  return parsed
}

function hasUsersKey(parsed: Parsed): boolean {
  return isMap(parsed.document?.contents) && parsed.document.contents.has('users')
}

function existingPartnerId(parsed: Parsed): string | undefined {
  const id = parsed.document?.getIn(['partner', 'id'], true)
  return isScalar(id) && typeof id.value === 'string' ? id.value : isScalar(id) ? String(id.value) : undefined
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  try {
    await writeFile(temp, text)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw new UsageError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}
