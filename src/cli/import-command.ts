// `partner-contacts import --partner <id>`: a complete contacts.yaml from the portal, or an existing one updated in place.
import { existsSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { isMap, isScalar } from 'yaml'
import { EMPTY_CONFIG, type RulesConfig } from '../config/config.js'
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
import { ref, type Messages } from '../i18n/messages.js'
import { inline } from '../output/terminal.js'
import { cliMessages } from './language.js'
import { validateContactsFile } from '../validate/validate-file.js'
import { parseCommandArgs } from './args.js'
import { findConfigFile } from './find-config.js'
import { UsageError, type CliIo } from './io.js'
import { openPortal } from './portal-options.js'
import { aborted, ask } from './prompt.js'

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
    io.stdout.write((await cliMessages(io)).format('cli.import.help'))
    return 0
  }
  // The config's `language:` speaks for import too (and its rules check the imported file).
  const configPath = findConfigFile(io.cwd)
  const config = configPath ? await loadConfigFile(configPath) : EMPTY_CONFIG
  const t = await cliMessages(io, config)
  const partnerId = values.partner?.trim()
  if (!partnerId) throw new UsageError(ref('cli.import.error.noPartner'))
  if (!/^\d{1,20}$/.test(partnerId)) throw new UsageError(ref('cli.error.partnerId'))
  if (values.integration !== undefined && !(INTEGRATIONS as readonly string[]).includes(values.integration)) {
    throw new UsageError(ref('cli.import.error.integration', { integrations: INTEGRATIONS.join(', ') }))
  }
  const environment = values.environment
  if (environment !== undefined && environment !== 'production' && environment !== 'sandbox') throw new UsageError(ref('cli.import.error.environment'))

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
  if (unseen) io.stderr.write(`${t.format('cli.import.note.unseen', { portal: inline(portalUrl), partner: partnerId })}\n`)
  else if (empty) io.stderr.write(`${t.format(data.users ? 'cli.import.note.emptyNoUsers' : 'cli.import.note.empty', { partner: partnerId })}\n`)

  let text: string
  if (existing) {
    const declared = existingPartnerId(existing)
    if (declared !== undefined && declared !== partnerId) throw new UsageError(ref('cli.import.error.otherPartner', { file: values['output-file']!, declared, partner: partnerId }))
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
      const chosen = await askIntegration(io, partnerId, t)
      if (typeof chosen === 'number') return chosen
      integration = chosen
    }
    if (inferred) io.stderr.write(`${t.format(`cli.import.note.inferred.${inferred.reason}`, { integration: inferred.integration })}\n`)
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
  const check = await checkImported(shown, text, config)
  if (!outPath) {
    io.stdout.write(text)
  } else {
    await writeAtomically(outPath, text)
    const contactCount = Object.values(data.contacts).reduce((n, list) => n + list.length, 0)
    const counts = { file: inline(shown), partner: partnerId, contacts: contactCount, windows: data.support.length }
    io.stderr.write(`${t.format(data.users ? 'cli.import.wroteWithUsers' : 'cli.import.wrote', { ...counts, updated: existing ? 'yes' : 'no', users: data.users?.length ?? 0 })}\n`)
  }
  if (check) io.stderr.write(`${t.format('cli.import.note.check', { ...check, file: outPath ? inline(shown) : t.format('cli.import.fileArgument') })}\n`)
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
async function askIntegration(io: CliIo, partnerId: string, t: Messages): Promise<Integration | number> {
  const list = INTEGRATIONS.map((key, i) => `  ${String(i + 1).padStart(2)}  ${key.padEnd(24)} ${INTEGRATION_NAMES[key]}`).join('\n')
  if (!io.stdin.isTTY) {
    throw new UsageError(ref('cli.import.error.integrationUnknown', { partner: partnerId, integrations: INTEGRATIONS.join(', ') }))
  }
  io.stderr.write(`${t.format('cli.import.askIntegration', { partner: partnerId })}\n${list}\n`)
  for (let attempt = 0; attempt < 3; attempt++) {
    const reply = await ask(io, t.format('cli.import.integrationPrompt', { count: INTEGRATIONS.length }))
    if ('aborted' in reply) return aborted(io, reply.aborted, t)
    const byNumber = /^\d+$/.test(reply.answer) ? INTEGRATIONS[Number(reply.answer) - 1] : undefined
    const chosen = byNumber ?? INTEGRATIONS.find((key) => key === reply.answer.toLowerCase())
    if (chosen) return chosen
    const hint = isSafeToEcho(reply.answer) ? suggest(reply.answer, INTEGRATIONS) : undefined
    const answer = isSafeToEcho(reply.answer) ? reply.answer : '…'
    io.stderr.write(`${hint ? t.format('cli.import.notAnIntegrationHint', { answer, hint }) : t.format('cli.import.notAnIntegration', { answer })}\n`)
  }
  throw new UsageError(ref('cli.import.error.noIntegration'))
}

/** What validate would say of the imported file, as counts, or undefined when it passes with nothing to say. */
async function checkImported(file: string, text: string, config: RulesConfig): Promise<{ errors: number; warnings: number } | undefined> {
  const rules = prepareRules(config)
  const { findings } = await validateContactsFile(file, new TextEncoder().encode(text), { rules })
  const counts = countFindings(findings)
  if (counts.errors + counts.warnings === 0) return undefined
  return { errors: counts.errors, warnings: counts.warnings }
}

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const

type Parsed = ReturnType<typeof parseContactsFile>

async function readExisting(path: string, shown: string): Promise<Parsed | undefined> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new UsageError(ref('cli.import.error.unreadable', { file: shown, code: (error as NodeJS.ErrnoException).code ?? 'error' }))
  }
  const parsed = parseContactsFile(shown, bytes)
  // Only a document that parsed cleanly is edited: anything else could lose what the person wrote.
  if (parsed.findings.length > 0 || !parsed.document || !isMap(parsed.document.contents)) {
    const first = parsed.findings[0]
    throw new UsageError(first ? ref('cli.import.error.uncleanAt', { file: shown, line: first.line, ruleId: first.ruleId }) : ref('cli.import.error.unclean', { file: shown }))
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
    throw new UsageError(ref('cli.import.error.unwritable', { file: path, code: (error as NodeJS.ErrnoException).code ?? 'error' }))
  }
}
