// Stage 2: parsed data → the typed model, or `schema` findings located on their lines.
import type { Finding } from '../findings/finding.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import type { ContactsFile } from '../model/contacts.js'
import { locate } from '../parse/locate.js'
import type { ParsedFile } from '../parse/parse-contacts-file.js'
import { validate } from './contacts-validator.generated.js'
import { ajvErrorsToProblems } from './ajv-errors-to-findings.js'

export interface SchemaResult {
  model?: ContactsFile
  findings: Finding[]
}

export function validateSchema(parsed: ParsedFile, messages: Messages = ENGLISH): SchemaResult {
  const data = parsed.data ?? null
  if (validate(data)) return { model: data as ContactsFile, findings: [] }
  const findings = ajvErrorsToProblems(validate.errors ?? [], data).map(
    (p): Finding => ({ ruleId: 'schema', severity: 'error', message: messages.format(p.message.id, p.message.values), path: p.path, ...locate(parsed, p.locateAt, p.target) }),
  )
  return { findings }
}
