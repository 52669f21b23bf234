// Apply one file: plan it afresh, check it is the reviewed and a safe plan, write users then contact information with the etag, read back.
import { expandFiles } from '../files/expand-files.js'
import { mapBounded } from '../files/map-bounded.js'
import { readContactsFile } from '../files/read-contacts-file.js'
import type { ContactsBytes } from '../parse/parse-contacts-file.js'
import type { Plan } from '../plan/compute-plan.js'
import { DEFAULT_PLAN_CONCURRENCY, planFile, planOwnedFile, runFindingsOf, type PlanFileOptions, type PlanFileResult, type PlanFilesOptions } from '../plan/plan-files.js'
import { PortalError } from '../portal/portal-error.js'
import type { ContactInformationField, PortalClient, PortalUser } from '../portal/types.js'
import type { Shard } from '../plan/shard.js'
import { isManualPortal } from '../portal/manual/manual-portal-client.js'
import { prepareRules } from '../rules/run-rules.js'
import { ref, type MessageRef } from '../i18n/messages.js'

/**
 * `applied`: written and read back equal; `unchanged`: the portal already matched, nothing written;
 * `dry-run`: every check passed, nothing written; `refused`: a check said no, nothing written;
 * `failed`: the portal failed (`written` and `pending` say how far it got); `pending`: a manual
 * portal, every check passed, and a person now carries out the steps (nothing written by us).
 */
export type ApplyOutcome = 'applied' | 'unchanged' | 'dry-run' | 'refused' | 'failed' | 'pending'

export interface ApplyFileResult {
  file: string
  partnerId?: string
  outcome: ApplyOutcome
  /** `force` overrode a stale or unsafe check; `reasons` says which. */
  forced: boolean
  /**
   * Why it was refused or failed, or what `force` overrode (`apply.reason.*` messages, formatted by the renderers in
   * the reader's language). Values may name emails: render through a redactor.
   */
  reasons: MessageRef[]
  /** Writes done, in order (`apply.step.*`: create user …, update contact information (…)). */
  written: MessageRef[]
  /** Writes not done: all of them on a dry run, the rest after a failure. */
  pending: MessageRef[]
  /** The fresh plan this apply checked and wrote (its findings, checklist and changes). */
  planned: PlanFileResult
}

export interface ApplyCheckOptions {
  /** The checksum the reviewer saw. When given, a different fresh plan is stale and refused (unless `force`). */
  reviewedChecksum?: string
  /** Refuse when no reviewed checksum is known: the Action on merge, where only a reviewed plan may be written. */
  requireReviewed?: boolean
  /** Overrides the stale and unsafe checks, never anything else. */
  force?: boolean
  dryRun?: boolean
}

export type ApplyFileOptions = PlanFileOptions & ApplyCheckOptions

export async function applyFile(file: string, bytes: ContactsBytes, options: ApplyFileOptions): Promise<ApplyFileResult> {
  return (await applyOwnedFile(file, bytes, options, undefined))!
}

/** undefined: another shard owns this file's partner. */
async function applyOwnedFile(file: string, bytes: ContactsBytes, options: ApplyFileOptions, shard: Shard | undefined): Promise<ApplyFileResult | undefined> {
  const planned = await planOwnedFile(file, bytes, options, shard)
  if (!planned) return undefined
  const result = (outcome: ApplyOutcome, extra: Partial<ApplyFileResult> = {}): ApplyFileResult => ({
    file,
    ...(planned.partnerId ? { partnerId: planned.partnerId } : {}),
    outcome,
    forced: false,
    reasons: [],
    written: [],
    pending: [],
    planned,
    ...extra,
  })
  if (planned.outcome === 'invalid') return result('refused', { reasons: [ref('apply.reason.invalid')] })
  if (planned.outcome === 'failed' || !planned.plan) {
    return result('failed', { reasons: [planned.error !== undefined ? ref('apply.reason.planFailed', { detail: planned.error }) : ref('apply.reason.portalUnread')] })
  }
  const plan = planned.plan
  // A re-run, or another merge that got there first: the portal already holds what the file says.
  if (!plan.hasChanges) return result('unchanged')

  const overridable = checkReviewedAndSafe(plan, options)
  if (overridable.length > 0 && !options.force) return result('refused', { reasons: overridable })
  const forced = overridable.length > 0
  const steps = writeSteps(plan, options.client)
  if (options.dryRun) return result('dry-run', { forced, reasons: overridable, pending: steps.map((s) => s.label) })
  // Same checks as an API portal; then the steps go to a person instead (SPEC §11).
  if (isManualPortal(options.client)) return result('pending', { forced, reasons: overridable, pending: steps.map((s) => s.label) })

  const written: MessageRef[] = []
  const created: CreatedUser[] = []
  for (const [index, step] of steps.entries()) {
    try {
      const done = await step.run()
      if (step.kind === 'create') created.push({ label: step.label, user: done as PortalUser })
    } catch (error) {
      if (!(error instanceof PortalError)) throw error
      const pending = steps.slice(index).map((s) => s.label)
      const stale = error.kind === 'conflict'
      // The portal's own error (operation, HTTP status) stays as it is: an English detail inside a translated sentence.
      const reasons = [ref(stale ? 'apply.reason.conflict' : 'apply.reason.writeFailed', { detail: error.message })]
      // All or nothing per file: until the contact-information write has gone through, what this run wrote is users it
      // created for it; they are removed again, so that a lost race never leaves our users beside another run's page.
      if ((step.kind === 'create' || step.kind === 'contact-information') && created.length > 0) {
        const undo = await removeCreated(options.client, plan.partnerId, created)
        written.splice(0, written.length, ...written.filter((label) => !undo.removed.includes(label)))
        reasons.push(...undo.notes)
      }
      // A failure that leaves nothing written leaves the portal as it was: after a conflict, that is a refusal.
      return result(stale && written.length === 0 ? 'refused' : 'failed', { forced, written, pending, reasons })
    }
    written.push(step.label)
  }

  // Read back: the portal must now equal the file. Anything left over is reported, never hidden.
  const after = await planFile(file, bytes, options)
  if (after.outcome !== 'planned' || !after.plan) {
    return result('failed', { forced, written, reasons: [after.error !== undefined ? ref('apply.reason.readBackFailed', { detail: after.error }) : ref('apply.reason.readBackUnplanned')] })
  }
  if (after.plan.hasChanges) {
    return result('failed', { forced, written, reasons: [ref('apply.reason.readBackDiffers', { count: after.plan.changes.length })] })
  }
  return result('applied', { forced, written, reasons: overridable })
}

function checkReviewedAndSafe(plan: Plan, options: ApplyCheckOptions): MessageRef[] {
  const reasons: MessageRef[] = []
  if (options.reviewedChecksum !== undefined && options.reviewedChecksum !== plan.checksum) {
    reasons.push(ref('apply.reason.stale', { reviewed: shortChecksum(options.reviewedChecksum), fresh: shortChecksum(plan.checksum) }))
  } else if (options.reviewedChecksum === undefined && options.requireReviewed) {
    reasons.push(ref('apply.reason.notReviewed'))
  }
  if (!plan.safe) reasons.push(...plan.unsafeReasons.map((reason) => ref('apply.reason.unsafe', { reason })))
  return reasons
}

export function shortChecksum(checksum: string): string {
  return checksum.replace(/^sha256:/, '').slice(0, 12)
}

interface WriteStep {
  kind: 'create' | 'contact-information' | 'update' | 'delete'
  label: MessageRef
  run: () => Promise<unknown>
}

interface CreatedUser {
  label: MessageRef
  user: PortalUser
}

/**
 * Undoes this run's user creations, newest first, each conditional on the etag the portal gave it (a user someone has
 * changed since is left, and said). Returns the labels undone and one note per user.
 */
async function removeCreated(client: PortalClient, partnerId: string, created: readonly CreatedUser[]): Promise<{ removed: MessageRef[]; notes: MessageRef[] }> {
  const removed: MessageRef[] = []
  const notes: MessageRef[] = []
  for (const { label, user } of [...created].reverse()) {
    try {
      await client.deleteUser(partnerId, user.email, user.etag)
      removed.push(label)
      notes.push(ref('apply.reason.undone', { step: label }))
    } catch (error) {
      if (!(error instanceof PortalError)) throw error
      notes.push(ref('apply.reason.notUndone', { step: label, detail: error.message }))
    }
  }
  return { removed, notes }
}

/**
 * Users first (alert contacts must be portal users), then contact information with the plan's etag (409 if the portal
 * changed since): the write that commits the file; what came before it is undone when it fails. Then role and name
 * updates of existing users, and user deletions last, once nothing refers to them.
 */
function writeSteps(plan: Plan, client: PortalClient): WriteStep[] {
  const { partnerId, userWrites } = plan
  const steps: WriteStep[] = []
  for (const user of userWrites.create) {
    // The role as the contacts file writes it (`administrator`), and field names as the API does: identifiers, not words.
    const role = user.role.toLowerCase().replace('_', '-')
    steps.push({ kind: 'create', label: ref('apply.step.createUser', { email: user.email, role }), run: () => client.createUser(partnerId, user) })
  }
  if (plan.updateMask.length > 0) {
    const desired = plan.desired.contactInformation
    const update = Object.fromEntries(plan.updateMask.map((field: ContactInformationField) => [field, desired[field]]))
    steps.push({
      kind: 'contact-information',
      label: ref('apply.step.updateContactInformation', { fields: plan.updateMask.join(', ') }),
      run: () => client.updateContactInformation(partnerId, { ...update, etag: plan.etags.contactInformation }, plan.updateMask),
    })
  }
  for (const update of userWrites.update) {
    steps.push({
      kind: 'update',
      label: ref('apply.step.updateUser', { email: update.email, fields: update.updateMask.join(', ') }),
      run: () => client.updateUser(partnerId, update.email, { ...update.user, ...(update.etag ? { etag: update.etag } : {}) }, update.updateMask),
    })
  }
  for (const removal of userWrites.delete) {
    steps.push({ kind: 'delete', label: ref('apply.step.deleteUser', { email: removal.email }), run: () => client.deleteUser(partnerId, removal.email, removal.etag) })
  }
  return steps
}

export interface ApplyFilesOptions extends Omit<PlanFilesOptions, 'stdin'> {
  /** The reviewed checksum of each file, by path (from the plan comment or `--checksum`). */
  reviewed?: ReadonlyMap<string, string>
  requireReviewed?: boolean
  force?: boolean
  dryRun?: boolean
}

/** Every file independently: one file's refusal or failure never stops the others. */
export async function applyFiles(options: ApplyFilesOptions): Promise<ApplyFileResult[]> {
  const all = await expandFiles(options.patterns, options.cwd)
  const files = options.files ?? all
  const rules = prepareRules(options.config, options.messages)
  const runFindings = runFindingsOf(rules, all, options.cwd)
  let done = 0
  const results = await mapBounded(files, options.concurrency ?? DEFAULT_PLAN_CONCURRENCY, async (file) => {
    const reviewedChecksum = options.reviewed?.get(file)
    const own = { rules, runFindings: runFindings.get(file) ?? [], ...(reviewedChecksum !== undefined ? { reviewedChecksum } : {}) }
    const result = await applyOwnedFile(file, readContactsFile(options.cwd, file), { ...options, ...own }, options.shard)
    options.onProgress?.(++done, files.length)
    return result
  })
  return results.filter((r): r is ApplyFileResult => r !== undefined)
}
