// The Action's connections, loaded on demand: the GitHub event and API, the portal client, the redactor for this repository.
import * as core from '@actions/core'
import { ConfigError } from '../config/config.js'
import type { GitHubClient, GitHubEvent, PortalTask } from '../github/index.js'
import type { RecordStore } from '../portal/manual/record-store.js'
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

/** `portal-url: manual`: the portal is kept in step by a person, its state recorded on GitHub (SPEC §11). */
export function isManual(ctx: ActionContext): boolean {
  return ctx.inputs.portalUrl === 'manual'
}

/**
 * The manual portal's records: comments by the Action's own identity, never edited, on the partner's task issues
 * (see docs/manual-portal.md for why they live there).
 */
export async function openRecordStore(gh: GitHubClient, event: GitHubEvent): Promise<RecordStore> {
  const github = await loadGitHub()
  const { RecordStore } = await import('../portal/manual/record-store.js')
  const trustedAuthors = await github.trustedAuthorsForToken(gh)
  let tasks: Promise<Map<string, PortalTask[]>> | undefined
  return new RecordStore(
    {
      tasks: async (partnerId) => ((await (tasks ??= github.listPortalTasks(gh, { owner: event.owner, repo: event.repo, state: 'all', trustedAuthors }))).get(partnerId) ?? []),
      comments: async (task) =>
        (await github.listIssueComments(gh, event.owner, event.repo, task)).map((c) => ({
          body: c.body,
          trusted: github.isTrustedAuthor(c.author, trustedAuthors),
          edited: c.updatedAt !== c.createdAt,
        })),
    },
    `portal task records in ${event.owner}/${event.repo}`,
  )
}

/** Confirmation records a manual portal ignored (edited, or not by the Action): a tamper signal, said in plain words. */
export function ignoredRecords(client: PortalClient): string[] {
  const store = (client as { kind?: string; store?: { ignored?: unknown } }).kind === 'manual' ? (client as { store?: { ignored?: unknown } }).store : undefined
  return Array.isArray(store?.ignored) ? (store.ignored as string[]) : []
}

/** The portal for `portal-url`; secrets (the token, each access token, key-file lines) are masked in the log. */
export async function openPortal(ctx: ActionContext, manual?: { gh: GitHubClient; event: GitHubEvent }): Promise<PortalClient> {
  const url = ctx.inputs.portalUrl
  if (!url) throw new ConfigError(`input portal-url is empty: mode ${ctx.mode} needs the portal (or file:<path> for the emulator, or manual)`)
  const { createPortalClient } = await import('../portal/create-portal-client.js')
  if (url.startsWith('manual:')) throw new ConfigError('input portal-url: in the Action, a manual portal is just "manual" (its records live on GitHub); manual:<dir> is for the CLI')
  if (isManual(ctx)) {
    if (!manual) throw new ConfigError(`mode ${ctx.mode} does not support portal-url: manual`)
    return createPortalClient(url, { manualStore: await openRecordStore(manual.gh, manual.event) })
  }
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
  return url.startsWith('file:') || url === 'manual' || Boolean(ctx.inputs.portalToken || ctx.env['PARTNER_CONTACTS_PORTAL_TOKEN'] || ctx.env['GOOGLE_APPLICATION_CREDENTIALS'])
}

/** `redact: auto` masks contacts unless the event says the repository is private or internal. */
export async function redactorFor(ctx: ActionContext, event: GitHubEvent | undefined): Promise<Redactor> {
  const isPublic = event ? (await loadGitHub()).isPublicRepository(event) : true
  return createRedactor(ctx.inputs.redact, { isPublic })
}
