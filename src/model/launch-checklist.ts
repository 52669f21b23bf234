// The launch-readiness checklist: one row per field of the portal's Contact Information page, from the file and its findings.
import type { Finding } from '../findings/finding.js'
import { CONTACT_FIELDS, contactList, environmentOf, FIELD_LABELS, type ContactField, type ContactsFile, type Integration } from './contacts.js'
import { DEFAULT_MERCHANT_ISSUES } from './integrations.js'

export type ChecklistField = ContactField | 'support'
export type ChecklistStatus = 'complete' | 'missing' | 'errors' | 'warnings' | 'optional' | 'production-only'

/**
 * The portal page's required fields for a file, in page order: alert only in production, merchant
 * issues when the integration requires it (SPEC §1 table, after the config file's `integrations:`).
 */
export function requiredPageFields(
  file: Pick<ContactsFile, 'environment' | 'integration'>,
  merchantIssues: Partial<Record<Integration, 'required' | 'optional'>> = {},
): ChecklistField[] {
  const policy = merchantIssues[file.integration] ?? DEFAULT_MERCHANT_ISSUES[file.integration]
  const fields: ChecklistField[] = CONTACT_FIELDS.filter(
    (field) => !(field === 'alert' && environmentOf(file as ContactsFile) !== 'production') && !(field === 'merchantIssues' && policy !== 'required'),
  )
  fields.push('support')
  return fields
}

export interface ChecklistRow {
  field: ChecklistField
  /** The portal page's label. */
  label: string
  status: ChecklistStatus
  /** Entries in the file (contacts or support windows). */
  entries: number
  required: boolean
}

/**
 * A field is missing when the portal requires it and it is empty; otherwise the worst finding on
 * its path decides (errors, then warnings); an empty optional field is just optional.
 */
export function launchChecklist(
  file: ContactsFile,
  findings: readonly Finding[],
  merchantIssues: Partial<Record<Integration, 'required' | 'optional'>> = {},
): ChecklistRow[] {
  const required = new Set<ChecklistField>(requiredPageFields(file, merchantIssues))
  const rows: ChecklistRow[] = []
  for (const field of [...CONTACT_FIELDS, 'support' as const]) {
    const entries = field === 'support' ? (file.support ?? []).length : contactList(file, field).length
    const isRequired = required.has(field)
    const prefix = field === 'support' ? '/support' : `/contacts/${field}`
    const own = findings.filter((f) => f.path === prefix || f.path.startsWith(`${prefix}/`))
    let status: ChecklistStatus
    if (entries === 0 && isRequired) status = 'missing'
    else if (own.some((f) => f.severity === 'error')) status = 'errors'
    else if (own.some((f) => f.severity === 'warning')) status = 'warnings'
    else if (entries > 0) status = 'complete'
    else status = field === 'alert' && environmentOf(file) !== 'production' ? 'production-only' : 'optional'
    rows.push({ field, label: FIELD_LABELS[field], status, entries, required: isRequired })
  }
  return rows
}
