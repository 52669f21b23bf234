// `partner-contacts import --partner <id>`: a complete contacts.yaml from the portal, or an existing one updated in place.
import { existsSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { isMap, isScalar } from 'yaml'
import { EMPTY_CONFIG } from '../config/config.js'
import { loadConfigFile } from '../config/load-config.js'
import { countFindings } from '../findings/finding.js'
import { INTEGRATIONS, type Integration } from '../model/contacts.js'
import { INTEGRATION_NAMES } from '../model/integrations.js'
import { parseContactsFile } from '../parse/parse-contacts-file.js'
import type { CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { portalStatePath, resolvePortalUrl } from '../portal/create-portal-client.js'
import { loadState } from '../portal/emulator/state.js'
import { inferIntegration, newContactsDocument, quoteDates, updateContactsDocument, type ImportedData } from '../import/import-document.js'
import { keepLayout } from '../import/keep-layout.js'
import { fromPortalContactInformation, fromPortalUsers } from '../plan/mapping.js'
import { PortalError } from '../portal/portal-error.js'
import { prepareRules } from '../rules/run-rules.js'
import { isSafeToEcho, suggest } from '../schema/describe.js'
import { validateContactsFile } from '../validate/validate-file.js'
import { parseCommandArgs } from './args.js'
import { findConfigFile } from './find-config.js'
import { UsageError, type CliIo } from './io.js'
import { openPortal } from './portal-options.js'
import { aborted, ask } from './prompt.js'

export const IMPORT_HELP = `Usage: partner-contacts import --partner <id> [options]

Writes a complete contacts.yaml from what the portal holds. Given an existing --output-file,
updates it in place and keeps its comments, key order and local metadata (type).

Options:
  --partner <id>         Partner ID (digits); required
  -o, --output-file <f>  write or update this file (default: print to stdout)
  --portal <url>         portal base URL, or file:<path> for the emulator state
                         (default: $PARTNER_CONTACTS_PORTAL_URL, then file:.partner-contacts/portal.json)
  --token <token>        bearer token (default: $PARTNER_CONTACTS_PORTAL_TOKEN, then Google credentials)
  --scope <scope>        OAuth scope for Google credentials
  --integration <key>    integration of a new file: the portal does not say; without it, a
                         tester user means ordering-e2e, else import asks (on a terminal)
  --environment <env>    production or sandbox, for a new file
  --no-users             do not add users: to a new file (users are then not managed from it)
  -h, --help             show this help
`

export async function importCommand(args: string[], io: CliIo, clientOptions: CreatePortalClientOptions = {}): Promise<number> {
  const { values } = parseCommandArgs(
    'import',
    args,
    {
      partner: { type: 'string' },
      'output-file': { type: 'string', short: 'o' },
      portal: { type: 'string' },
      token: { type: 'string' },
      scope: { type: 'string' },
      integration: { type: 'string' },
      environment: { type: 'string' },
      'no-users': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  )
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

  const outPath = values['output-file'] ? resolve(io.cwd, values['output-file']) : undefined
  const existing = outPath ? await readExisting(outPath, values['output-file']!) : undefined

  const portalUrl = resolvePortalUrl(values.portal, io.env)
  // The embedded emulator answers for any partner, making an empty account on the fly: say so rather than import nothing.
  const statePath = portalStatePath(portalUrl, io.cwd)
  const unseen = statePath !== undefined && !emulatorKnows(statePath, partnerId)

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
  const empty = isEmptyAccount(data)
  if (unseen) io.stderr.write(`note: the portal emulator (${portalUrl}) had never seen partner ${partnerId}: the account is new and empty\n`)
  else if (empty) io.stderr.write(`note: the portal has no contact information${data.users ? ' and no users' : ''} for partner ${partnerId}: the account is new and empty\n`)

  let text: string
  if (existing) {
    const declared = existingPartnerId(existing)
    if (declared !== undefined && declared !== partnerId) throw new UsageError(`${values['output-file']} describes partner ${declared}, not ${partnerId}`)
    if (values.integration) existing.document!.set('integration', values.integration)
    if (environment) existing.document!.set('environment', environment)
    const before = JSON.stringify(existing.document!.toJS())
    updateContactsDocument(existing.document!, data)
    const requoted = quoteDates(existing.document!)
    // Nothing to change: keep the file byte for byte; otherwise the lines that did not change keep their layout.
    text = !requoted && JSON.stringify(existing.document!.toJS()) === before ? existing.text : keepLayout(existing.text, existing.document!.toString(STRINGIFY))
  } else {
    // The portal does not say which integration an account is: the flag, else what the data implies, else ask.
    const inferred = values.integration === undefined ? inferIntegration(data) : undefined
    let integration = values.integration ?? inferred?.integration
    if (integration === undefined) {
      const chosen = await askIntegration(io, partnerId)
      if (typeof chosen === 'number') return chosen
      integration = chosen
    }
    if (inferred) io.stderr.write(`note: integration ${inferred.integration}, because ${inferred.because} (--integration says otherwise)\n`)
    // No users at all: leave `users:` out (an empty list would say "no administrator" and mean "remove every user").
    const { users: _users, ...withoutUsers } = data
    const fresh = data.users?.length === 0 ? withoutUsers : data
    text = newContactsDocument(fresh, {
      integration,
      ...(environment ? { environment: environment as 'production' | 'sandbox' } : {}),
      // An empty account is being set up: missing contacts are warnings until the file says launching or live.
      ...(empty ? { stage: 'onboarding' as const } : {}),
    }).toString(STRINGIFY)
  }

  const shown = values['output-file'] ?? 'contacts.yaml'
  const check = await checkImported(shown, text, io)
  if (!outPath) {
    io.stdout.write(text)
  } else {
    await writeAtomically(outPath, text)
    const contactCount = Object.values(data.contacts).reduce((n, list) => n + list.length, 0)
    io.stderr.write(
      `${existing ? 'updated' : 'wrote'} ${shown}: partner ${partnerId}, ${contactCount} contacts, ${data.support.length} support windows${data.users ? `, ${data.users.length} users` : ''}\n`,
    )
  }
  if (check) io.stderr.write(`note: ${check}; see partner-contacts validate ${outPath ? shown : '<file>'}\n`)
  return 0
}

function emulatorKnows(statePath: string, partnerId: string): boolean {
  if (!existsSync(statePath)) return false
  try {
    return loadState(statePath).partners[partnerId] !== undefined
  } catch {
    return true // a broken state file gets its own error from the portal client
  }
}

function isEmptyAccount(data: ImportedData): boolean {
  return Object.values(data.contacts).every((list) => list.length === 0) && data.support.length === 0 && (data.users ?? []).length === 0
}

/** Asks on a terminal; without one, a usage error that names the flag. A number is the exit status of an aborted prompt. */
async function askIntegration(io: CliIo, partnerId: string): Promise<Integration | number> {
  const list = INTEGRATIONS.map((key, i) => `  ${String(i + 1).padStart(2)}  ${key.padEnd(24)} ${INTEGRATION_NAMES[key]}`).join('\n')
  if (!io.stdin.isTTY) {
    throw new UsageError(`the portal does not say which integration partner ${partnerId} is: pass --integration <key> (${INTEGRATIONS.join(', ')}); nothing was written`)
  }
  io.stderr.write(`The portal does not say which integration partner ${partnerId} is:\n${list}\n`)
  for (let attempt = 0; attempt < 3; attempt++) {
    const reply = await ask(io, `Integration [1-${INTEGRATIONS.length} or key]: `)
    if ('aborted' in reply) return aborted(io, reply.aborted)
    const byNumber = /^\d+$/.test(reply.answer) ? INTEGRATIONS[Number(reply.answer) - 1] : undefined
    const chosen = byNumber ?? INTEGRATIONS.find((key) => key === reply.answer.toLowerCase())
    if (chosen) return chosen
    const hint = isSafeToEcho(reply.answer) ? suggest(reply.answer, INTEGRATIONS) : undefined
    io.stderr.write(`"${isSafeToEcho(reply.answer) ? reply.answer : '…'}" is not one of them${hint ? `; did you mean ${hint}?` : ''}\n`)
  }
  throw new UsageError('no integration chosen: pass --integration <key>; nothing was written')
}

/** What validate would say of the imported file, in a few words, or undefined when it passes with nothing to say. */
async function checkImported(file: string, text: string, io: CliIo): Promise<string | undefined> {
  const configPath = findConfigFile(io.cwd)
  const rules = prepareRules(configPath ? await loadConfigFile(configPath) : EMPTY_CONFIG)
  const { findings } = await validateContactsFile(file, new TextEncoder().encode(text), { rules })
  const counts = countFindings(findings)
  if (counts.errors + counts.warnings === 0) return undefined
  return `validate finds ${counts.errors} error${counts.errors === 1 ? '' : 's'} and ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'} in it`
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
    throw new UsageError(`cannot update ${shown}: it is not a clean YAML mapping${first ? ` (line ${first.line}: ${first.ruleId})` : ''}; fix it or choose another --output-file`)
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
