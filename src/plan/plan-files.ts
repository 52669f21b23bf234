// Many files at once: validate each, read its partner's portal state, plan; each file independent, bounded concurrency.
import { createHash } from 'node:crypto'
import type { RulesConfig } from '../config/config.js'
import type { Messages } from '../i18n/messages.js'
import { expandFiles } from '../files/expand-files.js'
import { mapBounded } from '../files/map-bounded.js'
import { readInput } from '../files/read-contacts-file.js'
import type { Finding } from '../findings/finding.js'
import type { ContactsFile } from '../model/contacts.js'
import type { ContactsBytes } from '../parse/parse-contacts-file.js'
import { normalizeEmail } from '../model/contacts.js'
import { toPortalState } from './mapping.js'
import { PortalError } from '../portal/portal-error.js'
import type { ContactInformation, PortalClient, PortalUser } from '../portal/types.js'
import type { Confirmation } from '../portal/manual/confirmed-state.js'
import { isManualPortal } from '../portal/manual/manual-portal-client.js'
import { launchChecklist, type ChecklistRow } from '../model/launch-checklist.js'
import { prepareRules, runRunRules, type PreparedRules } from '../rules/run-rules.js'
import { validateContactsFile } from '../validate/validate-file.js'
import { readDeclarations } from '../validate/validate-files.js'
import { computePlan, type Plan } from './compute-plan.js'
import { requiredPortalFields } from './plan-safety.js'
import { ownsKey, shardKey, type Shard } from './shard.js'

/**
 * `planned`: a plan was computed (it may have no changes); `invalid`: error findings, so the portal
 * was not asked or its answer was not planned against; `failed`: the portal could not be read.
 */
export type PlanOutcome = 'planned' | 'invalid' | 'failed'

export interface PlanFileResult {
  file: string
  partnerId?: string
  findings: Finding[]
  /** Present when the file passed parsing and the schema. */
  model?: ContactsFile
  outcome: PlanOutcome
  plan?: Plan
  /** `failed` only: one line saying what failed (a PortalError's message carries no response body). */
  error?: string
  /** The launch-readiness checklist, whenever there is a model. */
  checklist?: ChecklistRow[]
  /** A manual portal only: what the plan diffs against — who confirmed it and when, or null when nobody ever did. */
  confirmation?: Confirmation | null
}

export interface PlanFileOptions {
  rules: PreparedRules
  client: PortalClient
  maxRemovalRatio?: number
  now?: Date
  /** This file's findings from the run-level pass (see runFindingsOf). */
  runFindings?: readonly Finding[]
}

export interface PlanFilesOptions extends Omit<PlanFileOptions, 'rules'> {
  patterns: readonly string[]
  /** Plan only these of the files `patterns` name (e.g. the ones a pull request changes); run-level rules still read them all. */
  files?: readonly string[]
  /** Only the partners this job owns (`shard: i/n`); other files are read and parsed, never sent to the portal or reported. */
  shard?: Shard
  cwd: string
  config: RulesConfig
  /** The language of findings (default English). */
  messages?: Messages
  /** Files planned at the same time; the client's own rate limit still applies. Default 8. */
  concurrency?: number
  onProgress?: (done: number, total: number) => void
  /** The content of `-` (standard input), when a pattern is `-`. */
  stdin?: Uint8Array
}

export const DEFAULT_PLAN_CONCURRENCY = 8

export async function planFiles(options: PlanFilesOptions): Promise<PlanFileResult[]> {
  const all = await expandFiles(options.patterns, options.cwd, { stdin: options.stdin !== undefined })
  const files = options.files ?? all
  const rules = prepareRules(options.config, options.messages)
  // Run-level rules (duplicate-partner) see every file, even when only some are planned.
  const runFindings = runFindingsOf(rules, all, options.cwd, options.stdin)
  let done = 0
  const results = await mapBounded(files, options.concurrency ?? DEFAULT_PLAN_CONCURRENCY, async (file) => {
    const result = await planOwnedFile(file, readInput(options.cwd, file, options.stdin), { ...options, rules, runFindings: runFindings.get(file) ?? [] }, options.shard)
    options.onProgress?.(++done, files.length)
    return result
  })
  return results.filter((r): r is PlanFileResult => r !== undefined)
}

/** The run-level pass over every file of the run, before any is planned: each file's cross-file findings, by path. */
export function runFindingsOf(rules: PreparedRules, files: readonly string[], cwd: string, stdin?: Uint8Array): Map<string, Finding[]> {
  return runRunRules(rules, readDeclarations(files, cwd, stdin))
}

export async function planFile(file: string, bytes: ContactsBytes, options: PlanFileOptions): Promise<PlanFileResult> {
  return (await planOwnedFile(file, bytes, options, undefined))!
}

/** undefined: another shard owns this file's partner. */
export async function planOwnedFile(file: string, bytes: ContactsBytes, options: PlanFileOptions, shard: Shard | undefined): Promise<PlanFileResult | undefined> {
  const now = { ...(options.now ? { now: options.now } : {}), ...(options.runFindings ? { runFindings: options.runFindings } : {}) }
  let validated = await validateContactsFile(file, bytes, { rules: options.rules, ...now })
  // Decided on the partner ID before any portal call, so a shard never reads another shard's partners.
  if (!ownsKey(shard, shardKey(file, validated.partnerId))) return undefined
  const result = (outcome: PlanOutcome, extra: Partial<PlanFileResult> = {}): PlanFileResult => {
    const out: PlanFileResult = { file, findings: validated.findings, outcome, ...extra }
    if (validated.partnerId) out.partnerId = validated.partnerId
    if (validated.model) {
      out.model = validated.model
      out.checklist = launchChecklist(validated.model, validated.findings, options.rules.merchantIssues)
    }
    return out
  }
  const model = validated.model
  if (!model || hasErrors(validated.findings)) return result('invalid')

  const partnerId = model.partner.id
  let contactInformation: ContactInformation
  let users: PortalUser[]
  const manual = isManualPortal(options.client) ? options.client : undefined
  let basis: { confirmation?: Confirmation | null } = {}
  try {
    // Users are read in both cases: to plan them when the file manages them, and otherwise so that
    // alert-contacts-are-users can check alert contacts against the portal's own user list.
    ;[contactInformation, users] = await Promise.all([options.client.getContactInformation(partnerId), options.client.listUsers(partnerId)])
    if (manual) basis = { confirmation: (await manual.confirmation(partnerId)) ?? null }
  } catch (error) {
    return result('failed', { error: describeFailure(error) })
  }
  // A manual portal knows only the users a person confirmed from a file that manages them: no list to check against.
  if (!model.users && !manual) {
    const portalUsers = new Set(users.map((u) => normalizeEmail(u.email)))
    validated = await validateContactsFile(file, bytes, { rules: options.rules, portalUsers, ...now })
    if (hasErrors(validated.findings)) return result('invalid')
  }
  const desired = toPortalState(model)
  const plan = computePlan({
    partnerId,
    desired,
    current: { contactInformation, ...(desired.users ? { users } : {}) },
    safety: {
      requiredFields: requiredPortalFields(model, options.rules.merchantIssues),
      ...(options.maxRemovalRatio !== undefined ? { maxRemovalRatio: options.maxRemovalRatio } : {}),
    },
  })
  return result('planned', { plan, ...basis })
}

function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error')
}

function describeFailure(error: unknown): string {
  if (error instanceof PortalError) return error.message
  // Not a portal answer: a bug or the local environment. Said plainly; the stack is for debugging only.
  return `internal error: ${error instanceof Error ? error.message : String(error)}`
}

/**
 * One checksum for a run: a single file's own checksum, so it matches the comment's marker and `plan --format json`;
 * for several files, sha256 over their sorted `file checksum` lines. Empty when nothing was planned.
 */
export function combinedChecksum(results: readonly PlanFileResult[]): string {
  const planned = results.filter((r) => r.plan).map((r) => `${r.file} ${r.plan!.checksum}`)
  if (planned.length === 0) return ''
  if (planned.length === 1) return planned[0]!.slice(planned[0]!.lastIndexOf(' ') + 1)
  return `sha256:${createHash('sha256').update(planned.sort().join('\n')).digest('hex')}`
}
