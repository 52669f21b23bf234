// parse → schema → rules for one file: the validate half of the pipeline, with no network.
import type { Finding } from '../findings/finding.js'
import { compareFindings } from '../findings/finding.js'
import type { ContactsFile } from '../model/contacts.js'
import { locate } from '../parse/locate.js'
import { parseContactsFile, type ContactsBytes, type ParsedFile } from '../parse/parse-contacts-file.js'
import type { PartnerDeclaration } from '../rules/rule.js'
import { runRules, type PreparedRules } from '../rules/run-rules.js'
import { validateSchema } from '../schema/validate-schema.js'

export interface FileResult {
  file: string
  parsed: ParsedFile
  /** Present when the file passed parsing and the schema (it may still have rule findings). */
  model?: ContactsFile
  partnerId?: string
  findings: Finding[]
}

export interface ValidateFileOptions {
  rules: PreparedRules
  now?: Date
  /** Lower-cased portal user emails, known only once a plan has read the portal. */
  portalUsers?: ReadonlySet<string>
  /** This file's findings from the run-level pass (cross-file rules), added to its own. */
  runFindings?: readonly Finding[]
}

export async function validateContactsFile(file: string, bytes: ContactsBytes, options: ValidateFileOptions): Promise<FileResult> {
  const parsed = parseContactsFile(file, bytes, options.rules.messages)
  const result: FileResult = { file, parsed, findings: parsed.findings }
  const partnerId = partnerIdOf(parsed.data)
  if (partnerId) result.partnerId = partnerId
  const finish = (): FileResult => {
    if (options.runFindings?.length) result.findings = [...result.findings, ...options.runFindings]
    result.findings.sort(compareFindings)
    return result
  }
  if (parsed.findings.length > 0) return finish()

  const schema = validateSchema(parsed, options.rules.messages)
  if (!schema.model) {
    result.findings = schema.findings
    return finish()
  }
  result.model = schema.model
  const input = { file: schema.model, located: parsed, ...(options.now ? { now: options.now } : {}), ...(options.portalUsers ? { portalUsers: options.portalUsers } : {}) }
  result.findings = await runRules(options.rules, input)
  return finish()
}

/** What the run-level pass needs of a file: its partner ID and environment, and where the ID is written. */
export function declarePartner(parsed: ParsedFile): PartnerDeclaration | undefined {
  const partnerId = partnerIdOf(parsed.data)
  if (!partnerId) return undefined
  const environment = (parsed.data as Record<string, unknown>)['environment'] === 'sandbox' ? 'sandbox' : 'production'
  return { file: parsed.file, partnerId, environment, ...locate(parsed, '/partner/id') }
}

function partnerIdOf(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined
  const partner = (data as Record<string, unknown>)['partner']
  const id = partner && typeof partner === 'object' ? (partner as Record<string, unknown>)['id'] : undefined
  return typeof id === 'string' && /^\d{1,20}$/.test(id) ? id : undefined
}
