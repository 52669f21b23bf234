// SPEC §11 Ownership: a partner ID belongs to the path that declared it at the base commit, and to its pinned paths.
import type { PartnerDeclaration } from '../rules/rule.js'
import { ref, type MessageRef } from '../i18n/messages.js'

type Declared = Pick<PartnerDeclaration, 'file' | 'partnerId'>

export interface OwnershipInput {
  /** What the files this apply writes declare now. */
  writes: readonly Declared[]
  /** What the files of the base commit declared. */
  base: readonly Declared[]
  /** `partners:` of `.partner-contacts.yaml` at the base commit (the pull request cannot edit its own pins). */
  pins: Readonly<Record<string, readonly string[]>>
}

/** A written file that takes a partner ID another path declared at the base commit: that path's owners approve too. */
export interface OwnershipClaim {
  file: string
  partnerId: string
  /** The path that declared the ID at the base commit. */
  ownedBy: string
}

export interface OwnershipResult {
  claims: OwnershipClaim[]
  /** Written files that declare a pinned ID outside its pinned paths: apply refuses the run (`approval.*` messages). */
  refusals: MessageRef[]
}

export function judgeOwnership(input: OwnershipInput): OwnershipResult {
  const declaredAt = new Map<string, Set<string>>()
  for (const d of input.base) declaredAt.set(d.partnerId, (declaredAt.get(d.partnerId) ?? new Set()).add(d.file))
  const claims: OwnershipClaim[] = []
  const refusals: MessageRef[] = []
  for (const w of input.writes) {
    for (const ownedBy of declaredAt.get(w.partnerId) ?? []) if (ownedBy !== w.file) claims.push({ file: w.file, partnerId: w.partnerId, ownedBy })
    const pinned = input.pins[w.partnerId]
    if (pinned && !pinned.includes(w.file)) {
      refusals.push(ref('approval.ownership.pinned', { file: w.file, partner: w.partnerId, paths: pinned.join(', ') }))
    }
  }
  return { claims, refusals }
}
