// Ownership before apply (SPEC §11): what the base commit declared, read through the API, judged against what this apply writes.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ConfigError } from '../config/config.js'
import { CONFIG_FILE, parseConfigText } from '../config/load-config.js'
import { matchesFilePatterns } from '../files/expand-files.js'
import type { GitHubClient } from '../github/index.js'
import { parseContactsFile } from '../parse/parse-contacts-file.js'
import type { PartnerDeclaration } from '../rules/rule.js'
import { judgeOwnership, type OwnershipClaim, type OwnershipResult } from '../validate/ownership.js'
import { declarePartner } from '../validate/validate-file.js'
import { readDeclarations } from '../validate/validate-files.js'
import type { ActionContext } from './context.js'
import { ref, type MessageRef } from '../i18n/messages.js'
import { loadGitHub } from './services.js'

export interface OwnershipCheck {
  owner: string
  repo: string
  /** The pull request's base commit, where CODEOWNERS is read too. */
  baseSha: string
  /** The contacts files this apply writes. */
  writes: readonly string[]
  /** `approvers: codeowners`: list the base commit's contacts files to learn who declared each partner ID there. */
  codeowners: boolean
}

/**
 * Pins are read from the base commit's `.partner-contacts.yaml` (the pull request cannot move its own pins); with
 * `codeowners`, every contacts file of the base commit is read too: from the workspace when its bytes are the same (git
 * blob SHA), else through the API. Any GitHub failure throws (the caller refuses: fail closed).
 */
export async function checkOwnership(ctx: ActionContext, gh: GitHubClient, check: OwnershipCheck): Promise<OwnershipResult> {
  const github = await loadGitHub()
  const { owner, repo, baseSha } = check
  if (!baseSha) return { claims: [], refusals: [ref('approval.ownership.noBase')] }
  const at = `${CONFIG_FILE} at the base commit ${baseSha.slice(0, 7)}`
  let pins: Readonly<Record<string, readonly string[]>> = {}
  const config = await github.readFileAt(gh, owner, repo, CONFIG_FILE, baseSha)
  try {
    if (config) pins = parseConfigText(at, config).partners ?? {}
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return { claims: [], refusals: [ref('approval.ownership.pinsUnreadable', { detail: error.message })] }
  }
  const base: PartnerDeclaration[] = []
  if (check.codeowners) {
    for (const file of await github.listFilesAt(gh, owner, repo, baseSha)) {
      if (!matchesFilePatterns(file.path, ctx.inputs.files)) continue
      const local = await readFile(resolve(ctx.workspace, file.path)).catch(() => undefined)
      const bytes = local && github.gitBlobSha(local) === file.sha ? local : await github.readFileAt(gh, owner, repo, file.path, baseSha)
      if (!bytes) throw new github.GitHubError('bad-response', `read ${file.path} at ${baseSha.slice(0, 7)}`, 'listed in the tree but not returned by the contents API')
      const declared = declarePartner(parseContactsFile(file.path, bytes))
      if (declared) base.push(declared)
    }
  }
  return judgeOwnership({ writes: readDeclarations(check.writes, ctx.workspace), base, pins })
}

/** Said with a refusal of approvals, so that the reason an extra path's owners were asked is plain. */
export function explainClaim(claim: OwnershipClaim, baseSha: string): MessageRef {
  return ref('approval.ownership.claim', { file: claim.file, partner: claim.partnerId, owner: claim.ownedBy, commit: baseSha.slice(0, 7) })
}
