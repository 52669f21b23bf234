// The Action's connections, loaded on demand: the GitHub event and API, the portal client, the redactor for this repository.
import * as core from '@actions/core'
import { ConfigError } from '../config/config.js'
import type { GitHubClient, GitHubEvent } from '../github/index.js'
import type { PortalClient } from '../portal/types.js'
import { createRedactor, type Redactor } from '../redact/redactor.js'
import { VERSION } from '../cli/version.js'
import type { ActionContext } from './context.js'

export const USER_AGENT = `partner-contacts-action/${VERSION}`

/** Test and emulator setups shorten GitHub's retry waits (milliseconds per "second" of Retry-After and backoff). */
const GITHUB_RETRY_UNIT_ENV = 'PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS'

export async function loadGitHub(): Promise<typeof import('../github/index.js')> {
  return import('../github/index.js')
}

export async function readEvent(ctx: ActionContext): Promise<GitHubEvent> {
  return (await loadGitHub()).readGitHubEvent(ctx.env)
}

export async function openGitHub(ctx: ActionContext): Promise<GitHubClient> {
  const token = ctx.inputs.githubToken ?? ctx.env['GITHUB_TOKEN']
  if (!token) throw new ConfigError(`input github-token is empty: mode ${ctx.mode} needs it (the default is \${{ github.token }})`)
  const { createGitHubClient } = await loadGitHub()
  const unit = Number(ctx.env[GITHUB_RETRY_UNIT_ENV])
  return createGitHubClient({
    token,
    ...(ctx.env['GITHUB_API_URL'] ? { baseUrl: ctx.env['GITHUB_API_URL'] } : {}),
    userAgent: USER_AGENT,
    // Octokit logs every request, and every failed one as an error, including answers the code expects (403 on GET /user
    // for a GITHUB_TOKEN, 404 for a label not made yet). What the code cannot handle reaches the step as its own message,
    // so Octokit's request lines are debug detail (visible with ACTIONS_STEP_DEBUG), never `::error::`.
    log: { debug: core.debug, info: core.debug, warn: core.warning, error: core.debug },
    ...(unit > 0 ? { retryAfterBaseValue: unit } : {}),
  })
}

/** The portal for `portal-url`; secrets (the token, each access token, key-file lines) are masked in the log. */
export async function openPortal(ctx: ActionContext): Promise<PortalClient> {
  const url = ctx.inputs.portalUrl
  if (!url) throw new ConfigError(`input portal-url is empty: mode ${ctx.mode} needs the portal (or file:<path> for the emulator)`)
  const { createPortalClient } = await import('../portal/create-portal-client.js')
  return createPortalClient(url, {
    ...(ctx.inputs.portalToken ? { token: ctx.inputs.portalToken } : {}),
    scope: ctx.inputs.portalScope,
    env: ctx.env,
    cwd: ctx.workspace,
    onSecret: (secret) => core.setSecret(secret),
    userAgent: USER_AGENT,
  })
}

/** Whether this run can reach the portal: a fork's pull request gets no secrets, so a credentialed portal is out of reach. */
export function hasPortalCredentials(ctx: ActionContext): boolean {
  const url = ctx.inputs.portalUrl ?? ''
  return url.startsWith('file:') || Boolean(ctx.inputs.portalToken || ctx.env['PARTNER_CONTACTS_PORTAL_TOKEN'] || ctx.env['GOOGLE_APPLICATION_CREDENTIALS'])
}

/** `redact: auto` masks contacts unless the event says the repository is private or internal. */
export async function redactorFor(ctx: ActionContext, event: GitHubEvent | undefined): Promise<Redactor> {
  const isPublic = event ? (await loadGitHub()).isPublicRepository(event) : true
  return createRedactor(ctx.inputs.redact, { isPublic })
}
