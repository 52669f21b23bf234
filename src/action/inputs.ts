// The Action's inputs (SPEC §6), read and checked once; everything after works on this typed value.
import * as core from '@actions/core'
import { ConfigError, parseRuleSettings } from '../config/config.js'
import { parseFailOn, type FailOn } from '../findings/severity.js'
import { ref } from '../i18n/messages.js'
import { splitFileList } from '../files/expand-files.js'
import { parseContactsFile } from '../parse/parse-contacts-file.js'
import type { PlanScope } from '../plan/plan-scope.js'
import { parseShard, type Shard } from '../plan/shard.js'

export type Mode = 'validate' | 'plan' | 'apply' | 'drift' | 'confirm'

export interface ActionInputs {
  mode: Mode | 'auto'
  files: string[]
  portalUrl?: string
  portalToken?: string
  portalScope: string
  githubToken?: string
  failOn: FailOn
  rules: ReturnType<typeof parseRuleSettings>
  comment: boolean
  redact: 'auto' | 'always' | 'never'
  requiredApprovals: number
  approvers: string[]
  allowDirectPush: boolean
  /** Branches (names or globs such as `release/*`) besides the default branch whose pushes may apply. */
  applyBranches: string[]
  dryRun: boolean
  force: boolean
  maxRemovalRatio: number
  /** Path (relative to the workspace) of a SARIF file to write. */
  sarif?: string
  planScope: PlanScope
  shard?: Shard
  /** Manual portal: logins or `@org/team`s who carry out and confirm tasks; empty → CODEOWNERS of the file. */
  portalOperators: string[]
  /** Manual portal: age in days of a confirmed state after which drift asks for re-confirmation. */
  reconfirmDays: number
  /** `en`, `it` or `zh-TW`; empty means `language:` in .partner-contacts.yaml, else English. */
  language?: string
}

const MODES = ['auto', 'validate', 'plan', 'apply', 'drift', 'confirm'] as const

export function readInputs(): ActionInputs {
  const mode = core.getInput('mode') || 'auto'
  if (!(MODES as readonly string[]).includes(mode)) throw new ConfigError(ref('action.input.mode', { value: mode, choices: MODES.join(', ') }))
  const failOn = parseFailOn(core.getInput('fail-on') || 'error')
  if (!failOn) throw new ConfigError(ref('action.input.failOn'))
  const redact = core.getInput('redact') || 'auto'
  if (redact !== 'auto' && redact !== 'always' && redact !== 'never') throw new ConfigError(ref('action.input.redact'))
  const requiredApprovals = Number(core.getInput('required-approvals') || '1')
  if (!Number.isInteger(requiredApprovals) || requiredApprovals < 1) throw new ConfigError(ref('action.input.requiredApprovals'))
  const maxRemovalRatio = Number(core.getInput('max-removal-ratio') || '0.3')
  if (!(maxRemovalRatio >= 0 && maxRemovalRatio <= 1)) throw new ConfigError(ref('action.input.maxRemovalRatio'))

  const planScope = core.getInput('plan-scope') || 'changed'
  if (planScope !== 'changed' && planScope !== 'all') throw new ConfigError(ref('action.input.planScope'))
  const shardText = core.getInput('shard').trim()
  const shard = shardText === '' ? undefined : parseShard(shardText)
  if (shardText !== '' && !shard) throw new ConfigError(ref('action.input.shard', { value: shardText, example: '${{ matrix.shard }}/4' }))
  const reconfirmDays = Number(core.getInput('reconfirm-days') || '90')
  if (!Number.isInteger(reconfirmDays) || reconfirmDays < 1) throw new ConfigError(ref('action.input.reconfirmDays'))

  const portalToken = core.getInput('portal-token') || undefined
  if (portalToken) core.setSecret(portalToken)
  const githubToken = core.getInput('github-token') || undefined
  const portalUrl = core.getInput('portal-url') || undefined
  const sarif = core.getInput('sarif').trim() || undefined

  return {
    mode: mode as ActionInputs['mode'],
    files: splitFileList(core.getInput('files') || 'contacts.yaml'),
    ...(portalUrl ? { portalUrl } : {}),
    ...(portalToken ? { portalToken } : {}),
    portalScope: core.getInput('portal-scope') || 'https://www.googleapis.com/auth/mapsbooking',
    ...(githubToken ? { githubToken } : {}),
    failOn,
    rules: parseRulesInput(core.getInput('rules')),
    comment: booleanInput('comment', true),
    redact,
    requiredApprovals,
    approvers: splitFileList(core.getInput('approvers')),
    allowDirectPush: booleanInput('allow-direct-push', false),
    applyBranches: splitFileList(core.getInput('apply-branches')),
    dryRun: booleanInput('dry-run', false),
    force: booleanInput('force', false),
    maxRemovalRatio,
    ...(sarif ? { sarif } : {}),
    planScope,
    ...(shard ? { shard } : {}),
    portalOperators: splitFileList(core.getInput('portal-operators')),
    reconfirmDays,
    // Empty (the default) leaves the choice to `language:` in .partner-contacts.yaml, then English.
    ...(core.getInput('language') ? { language: core.getInput('language') } : {}),
  }
}

/** `rules` is a YAML map of `rule-id: severity`, read with the same hardened parser as contacts files. */
export function parseRulesInput(text: string): ReturnType<typeof parseRuleSettings> {
  if (text.trim() === '') return { severities: {}, options: {} }
  const parsed = parseContactsFile('input rules', new TextEncoder().encode(text))
  const first = parsed.findings[0]
  if (first) throw new ConfigError(ref('action.input.rulesLine', { line: String(first.line), problem: first.message }))
  return parseRuleSettings(parsed.data, 'input rules')
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase()
  if (value === '') return fallback
  if (value === 'true') return true
  if (value === 'false') return false
  throw new ConfigError(ref('action.input.boolean', { name }))
}

/** SPEC §6: pull_request → plan (validate without a portal), push → apply, schedule → drift, issues and comments → confirm (§11). */
export function resolveMode(inputs: ActionInputs, eventName: string): Mode {
  if (inputs.mode !== 'auto') return inputs.mode
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'workflow_dispatch':
      return inputs.portalUrl ? 'plan' : 'validate'
    case 'push':
      return 'apply'
    case 'schedule':
      return 'drift'
    case 'issues':
    case 'issue_comment':
      return 'confirm'
    default:
      return 'validate'
  }
}
