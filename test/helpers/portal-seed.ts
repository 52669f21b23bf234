// Puts a contacts file's desired state into a `file:` emulator portal, as a finished apply would leave it.
import { toPortalState } from '../../src/plan/mapping.js'
import { createPortalClient } from '../../src/portal/create-portal-client.js'
import type { ContactInformationField } from '../../src/portal/types.js'
import { parseContactsFile } from '../../src/parse/parse-contacts-file.js'
import { validateSchema } from '../../src/schema/validate-schema.js'

/** `portalUrl` is `file:<path>` (relative paths resolve against `cwd`). */
export async function seedPortal(portalUrl: string, contactsYaml: string, options: { cwd?: string } = {}): Promise<void> {
  const parsed = parseContactsFile('contacts.yaml', new TextEncoder().encode(contactsYaml))
  const model = validateSchema(parsed).model
  if (!model) throw new Error('seedPortal: the YAML does not pass the schema')
  const state = toPortalState(model)
  const partnerId = model.partner.id
  const client = createPortalClient(portalUrl, options.cwd ? { cwd: options.cwd } : {})
  const existing = new Set((await client.listUsers(partnerId)).map((u) => u.email))
  for (const user of state.users ?? []) if (!existing.has(user.email)) await client.createUser(partnerId, user)
  const { etag } = await client.getContactInformation(partnerId)
  await client.updateContactInformation(partnerId, { ...state.contactInformation, etag }, Object.keys(state.contactInformation) as ContactInformationField[])
}
