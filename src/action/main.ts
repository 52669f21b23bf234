// The Action: inputs → one mode (validate, plan, apply, drift, confirm) of the same engine as the CLI → annotations, summary, outputs.
import * as core from '@actions/core'
import { join } from 'node:path'
import { ConfigError, mergeConfig } from '../config/config.js'
import { CONFIG_FILE, loadConfigFile } from '../config/load-config.js'
import { resolveLanguage } from '../config/language.js'
import { FilesError } from '../files/expand-files.js'
import { ENGLISH, formatOrEnglish } from '../i18n/catalogue.js'
import { localizedMessage } from '../i18n/localized-error.js'
import type { Messages } from '../i18n/messages.js'
import { inline } from '../output/terminal.js'
import type { ActionContext } from './context.js'
import { readInputs, resolveMode, type Mode } from './inputs.js'
import { runValidate } from './validate-mode.js'

/** Modes that talk to the portal or GitHub are loaded on demand, so validate never pays for Octokit or Google auth. */
const MODES: Record<Mode, () => Promise<(ctx: ActionContext) => Promise<void>>> = {
  validate: async () => runValidate,
  plan: async () => (await import('./plan-mode.js')).runPlan,
  apply: async () => (await import('./apply-mode.js')).runApply,
  drift: async () => (await import('./drift-mode.js')).runDrift,
  confirm: async () => (await import('./confirm-mode.js')).runConfirm,
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let messages: Messages | undefined
  try {
    const inputs = readInputs()
    const workspace = env['GITHUB_WORKSPACE'] || process.cwd()
    const mode = resolveMode(inputs, env['GITHUB_EVENT_NAME'] ?? '')
    // The config comes from the checked-out workspace; on pull_request that is the PR's merge commit (see docs/security.md).
    const config = mergeConfig(await loadConfigFile(join(workspace, CONFIG_FILE)), inputs.rules)
    const reportPath = join(env['RUNNER_TEMP'] || workspace, 'partner-contacts-report.json')
    const language = await resolveLanguage([{ value: inputs.language, source: 'input language' }], config)
    messages = language.messages
    if (language.warning) core.warning(language.warning)
    core.debug(`partner-contacts: mode ${mode}, language ${messages.locale}`)
    // A pull request's plan is scoped by plan-scope, not split: a shard there would hide files from the reviewer.
    if (inputs.shard && (mode === 'validate' || mode === 'plan')) core.warning(messages.format('action.shardIgnored', { mode }))
    await (await MODES[mode]())({ inputs, mode, workspace, env, config, reportPath, messages })
  } catch (error) {
    core.setFailed(inline(failureMessage(error, messages ?? (await inputLanguage()))))
  }
}

/** The language for a failure found before the config was read: the `language` input alone, else English. */
async function inputLanguage(): Promise<Messages> {
  try {
    return (await resolveLanguage([{ value: core.getInput('language'), source: 'input language' }])).messages
  } catch {
    return ENGLISH
  }
}

/** Infrastructure and configuration failures carry a message made for people; anything else is a bug. */
function failureMessage(error: unknown, t: Messages): string {
  const localized = localizedMessage(error, t)
  if (localized !== undefined) return localized
  if (error instanceof ConfigError || error instanceof FilesError) return error.message
  if (error instanceof Error && KNOWN_FAILURES.has(error.name)) return error.message
  return formatOrEnglish(t, 'cli.error.internal', { message: error instanceof Error ? error.message : String(error) })
}

/** By name, so this file imports neither the portal nor the GitHub layer. */
const KNOWN_FAILURES = new Set(['PortalError', 'GitHubError', 'GitHubEventError'])
