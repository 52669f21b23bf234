// `partner-contacts confirm <file…> --portal manual:<dir>`: a person says the portal now shows the file; record it locally.
import { userInfo } from 'node:os'
import { ref } from '../i18n/messages.js'
import { planFiles } from '../plan/plan-files.js'
import { resolvePortalUrl, type CreatePortalClientOptions } from '../portal/create-portal-client.js'
import { DirectoryStore } from '../portal/manual/directory-store.js'
import { isManualPortal } from '../portal/manual/manual-portal-client.js'
import { createRedactor } from '../redact/redactor.js'
import { renderConfirmedTerminal } from '../report/render-portal-task.js'
import { parseCommandArgs } from './args.js'
import { UsageError, type CliIo } from './io.js'
import { PORTAL_OPTIONS, commandHelp, openPortal } from './portal-options.js'
import { REPORT_OPTIONS, readCommonOptions } from './validate-command.js'

export async function confirmCommand(args: string[], io: CliIo, clientOptions: CreatePortalClientOptions = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs('confirm', args, { ...REPORT_OPTIONS, ...PORTAL_OPTIONS, by: { type: 'string' }, checksum: { type: 'string' } })
  if (values.help) {
    io.stdout.write(await commandHelp(io, 'confirm'))
    return 0
  }
  const options = await readCommonOptions(values, io)
  const t = options.messages
  const url = resolvePortalUrl(values.portal, io.env)
  const client = openPortal(values, io, clientOptions)
  if (!isManualPortal(client) || !(client.store instanceof DirectoryStore)) {
    throw new UsageError(ref('cli.confirm.error.notManual', { portal: url }))
  }
  const store = client.store
  const by = values.by?.trim() || io.env['USER'] || safeUserName()
  if (!by) throw new UsageError(ref('cli.confirm.error.noBy'))
  const redactor = createRedactor('never')
  const results = await planFiles({ patterns: positionals.length > 0 ? positionals : ['contacts.yaml'], cwd: io.cwd, config: options.config, client })
  let refused = false
  for (const r of results) {
    if (r.outcome === 'failed') throw new UsageError(ref('cli.confirm.error.failed', { file: r.file, error: r.error !== undefined ? redactor.text(r.error) : ref('cli.confirm.error.unreadable') }))
    if (!r.plan || !r.partnerId) {
      io.stderr.write(`partner-contacts: ${t.format('confirm.cli.invalid', { file: r.file })}\n`)
      refused = true
      continue
    }
    if (values.checksum !== undefined && values.checksum !== r.plan.checksum) {
      io.stderr.write(`partner-contacts: ${t.format('confirm.cli.changed', { file: r.file, reviewed: values.checksum, current: r.plan.checksum })}\n`)
      refused = true
      continue
    }
    const confirmation = { by, at: new Date().toISOString(), file: r.file }
    const path = await store.write({
      partnerId: r.partnerId,
      contactInformation: r.plan.desired.contactInformation,
      ...(r.plan.desired.users ? { users: r.plan.desired.users } : {}),
      confirmation,
    })
    io.stdout.write(renderConfirmedTerminal(r.file, r.partnerId, confirmation, path, t))
  }
  return refused ? 1 : 0
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username
  } catch {
    return undefined
  }
}
