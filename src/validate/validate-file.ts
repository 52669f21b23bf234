// parse → schema → rules for one file: the validate half of the pipeline, with no network.
import type { Finding } from '../findings/finding.js'
import { compareFindings } from '../findings/finding.js'
import type { ContactsFile } from '../model/contacts.js'
import { parseContactsFile, type ParsedFile } from '../parse/parse-contacts-file.js'
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
}

export async function validateContactsFile(file: string, bytes: Uint8Array, options: ValidateFileOptions): Promise<FileResult> {
  const parsed = parseContactsFile(file, bytes, options.rules.messages)
  const result: FileResult = { file, parsed, findings: parsed.findings }
  const partnerId = partnerIdOf(parsed.data)
  if (partnerId) result.partnerId = partnerId
  if (parsed.findings.length > 0) return finish(result)

  const schema = validateSchema(parsed, options.rules.messages)
  if (!schema.model) {
    result.findings = schema.findings
    return finish(result)
  }
  result.model = schema.model
  const input = { file: schema.model, located: parsed, ...(options.now ? { now: options.now } : {}), ...(options.portalUsers ? { portalUsers: options.portalUsers } : {}) }
  result.findings = await runRules(options.rules, input)
  return finish(result)
}

function finish(result: FileResult): FileResult {
  result.findings.sort(compareFindings)
  return result
}

function partnerIdOf(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined
  const partner = (data as Record<string, unknown>)['partner']
  const id = partner && typeof partner === 'object' ? (partner as Record<string, unknown>)['id'] : undefined
  return typeof id === 'string' && /^\d{1,20}$/.test(id) ? id : undefined
}
