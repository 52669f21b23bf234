// Every text of the manual portal (SPEC §11), in one module so a catalogue can take them over: the steps in the
// portal's own words and order, the task issue, the terminal and Markdown forms for the CLI, and the confirm comments.
import { styleText } from 'node:util'
import type { ApplyFileResult } from '../apply/apply-file.js'
import { planFieldLabel, type Change } from '../plan/change.js'
import type { Plan } from '../plan/compute-plan.js'
import type { DesiredUser, PortalState } from '../plan/mapping.js'
import type { Confirmation } from '../portal/manual/confirmed-state.js'
import { CONTACT_LIST_FIELDS, type PortalContact, type PortalRole } from '../portal/types.js'
import type { Redactor } from '../redact/redactor.js'
import { ENGLISH } from '../i18n/catalogue.js'
import { formatRefs } from './message-refs.js'
import { formatWindow, plural } from './plan-format.js'
import { mdCode, mdLink, mdText } from '../output/markdown.js'
import { inline } from '../output/terminal.js'

/** The portal's own names for roles (Users tab). */
const ROLE_NAMES: Record<PortalRole, string> = { READ_ONLY: 'Read only', EDITOR: 'Editor', ADMINISTRATOR: 'Administrator', TESTER: 'Tester' }

export const PAGES = {
  users: 'Configuration → Account and Users → Users tab',
  contact: 'Configuration → Contact Information',
} as const

/** How a context marks a label (ours) and a value (hostile: from the file); Markdown escapes, the terminal flattens. */
export interface TextStyle {
  label(text: string): string
  value(text: string): string
}

export const MARKDOWN_STYLE: TextStyle = { label: (t) => `**${t}**`, value: mdText }
export const PLAIN_STYLE: TextStyle = { label: (t) => t, value: inline }

export interface TaskStep {
  page: keyof typeof PAGES
  text: string
}

/**
 * The steps a person carries out, in the portal's order: new and changed users first (alert contacts must be users),
 * then the Contact Information page field by field (removals, changes, additions), Save, then user removals. A partner
 * nobody confirmed yet gets "make it show exactly" steps instead: the page's real content is unknown.
 */
export function taskSteps(plan: Plan, confirmed: boolean, redactor: Redactor, style: TextStyle): TaskStep[] {
  return confirmed ? changeSteps(plan, redactor, style) : exactSteps(plan.desired, redactor, style)
}

function changeSteps(plan: Plan, redactor: Redactor, style: TextStyle): TaskStep[] {
  const v = (t: string) => style.value(t)
  const email = (e: string) => v(redactor.email(e))
  const steps: TaskStep[] = []
  const users = plan.changes.filter((c): c is Extract<Change, { field: 'users' }> => c.field === 'users')
  for (const c of users.filter((c) => c.kind === 'add')) steps.push({ page: 'users', text: `+ ADD USER: ${describeUser(c.after!, redactor, style)}` })
  for (const c of users.filter((c) => c.kind === 'update')) {
    const { before, after } = c
    if (before!.role !== after!.role) steps.push({ page: 'users', text: `change the role of ${email(c.key)} from ${ROLE_NAMES[before!.role]} to ${ROLE_NAMES[after!.role]}` })
    if (before!.displayName !== after!.displayName) steps.push({ page: 'users', text: `change the name of ${email(c.key)} from ${quote(before!.displayName, style)} to ${quote(after!.displayName, style)}` })
  }
  const page = plan.changes.filter((c) => c.field !== 'users')
  for (const c of page) {
    const field = style.label(planFieldLabel(c.field))
    if (c.field === 'operationalSupport') {
      const window = v(formatWindow((c.after ?? c.before)!))
      steps.push({ page: 'contact', text: c.kind === 'add' ? `${field}: select ${window}` : `${field}: clear ${window}` })
    } else if (c.kind === 'remove') {
      steps.push({ page: 'contact', text: `${field}: remove ${email(c.key)}` })
    } else if (c.kind === 'add') {
      steps.push({ page: 'contact', text: `${field}: add ${describeContact(c.after as PortalContact, redactor, style)}` })
    } else {
      const before = c.before as PortalContact
      const after = c.after as PortalContact
      if (before.displayName !== after.displayName) steps.push({ page: 'contact', text: `${field}: for ${email(c.key)}, change the name from ${quote(before.displayName, style)} to ${quote(after.displayName, style)}` })
      if (before.phoneNumber !== after.phoneNumber) steps.push({ page: 'contact', text: `${field}: for ${email(c.key)}, change the phone from ${phone(before.phoneNumber, redactor, style)} to ${phone(after.phoneNumber, redactor, style)}` })
    }
  }
  if (page.length > 0) steps.push({ page: 'contact', text: 'Save the Contact Information page' })
  for (const c of users.filter((c) => c.kind === 'remove')) steps.push({ page: 'users', text: `remove the user ${email(c.key)}` })
  return steps
}

function exactSteps(desired: PortalState, redactor: Redactor, style: TextStyle): TaskStep[] {
  const steps: TaskStep[] = []
  if (desired.users) {
    for (const user of desired.users) steps.push({ page: 'users', text: `make sure this user exists, with exactly this name and role: ${describeUser(user, redactor, style)}` })
    steps.push({ page: 'users', text: desired.users.length ? 'remove every other user' : 'remove every user' })
  }
  const info = desired.contactInformation
  for (const field of CONTACT_LIST_FIELDS) {
    const contacts = info[field] ?? []
    const label = style.label(planFieldLabel(field))
    steps.push({ page: 'contact', text: contacts.length ? `${label}: make it list exactly ${contacts.map((c) => describeContact(c, redactor, style)).join('; ')}` : `${label}: make it empty` })
  }
  const windows = info.operationalSupport?.windows ?? []
  const label = style.label(planFieldLabel('operationalSupport'))
  steps.push({ page: 'contact', text: windows.length ? `${label}: select exactly ${windows.map((w) => style.value(formatWindow(w))).join('; ')}` : `${label}: clear every selection` })
  steps.push({ page: 'contact', text: 'Save the Contact Information page' })
  return steps
}

function describeContact(contact: PortalContact, redactor: Redactor, style: TextStyle): string {
  const details = [contact.displayName ? `name ${quote(contact.displayName, style)}` : '', contact.phoneNumber ? `phone ${style.value(redactor.phone(contact.phoneNumber))}` : ''].filter(Boolean)
  return `${style.value(redactor.email(contact.email))}${details.length ? ` (${details.join(', ')})` : ''}`
}

function describeUser(user: DesiredUser, redactor: Redactor, style: TextStyle): string {
  return [user.displayName ? `name ${quote(user.displayName, style)}` : '', `email ${style.value(redactor.email(user.email))}`, `role ${ROLE_NAMES[user.role]}`].filter(Boolean).join(', ')
}

function quote(value: string | undefined, style: TextStyle): string {
  return value === undefined || value === '' ? '(none)' : `“${style.value(value)}”`
}

function phone(value: string | undefined, redactor: Redactor, style: TextStyle): string {
  return value === undefined ? '(none)' : style.value(redactor.phone(value))
}

// ───────────────────────────── the basis of a plan ─────────────────────────────

export function confirmationDate(at: string): string {
  return at.slice(0, 10)
}

/** One line under a file's plan: what a manual portal's plan compares with. */
export function describeConfirmation(confirmation: Confirmation | null, style: TextStyle): string {
  if (!confirmation) return 'Manual portal, never confirmed for this partner: every entry is an addition.'
  return `Compared with the portal as confirmed by ${style.value(byLine(confirmation.by))} on ${confirmationDate(confirmation.at)}${confirmation.commit ? ` (commit ${confirmation.commit.slice(0, 7)})` : ''}.`
}

/** `@login` or `@org/team` as a live mention; anything else as text. */
function mention(owner: string): string {
  return /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/.test(owner) ? owner : mdText(owner)
}

function byLine(by: string): string {
  return /^[A-Za-z0-9-]+(\[bot\])?$/.test(by) ? `@${by}` : by
}

// ───────────────────────────── the task issue (Action) ─────────────────────────────

export interface TaskIssueInput {
  partnerId: string
  partnerName?: string
  file: string
  plan: Plan
  kind: 'update' | 'reconfirm'
  commit: string
  pull?: number
  /** `@login` or `@org/team`. */
  operators: readonly string[]
  confirmation: Confirmation | null
  /** The file at the commit, so a person can read the values a public repository masks. */
  fileUrl?: string
  redactor: Redactor
  /** The hidden marker line (from portal/manual/markers.ts). */
  marker: string
  /** Ages in days of the confirmation, for re-confirmation. */
  confirmedDaysAgo?: number
}

export function renderTaskIssue(input: TaskIssueInput): string {
  const { redactor } = input
  const out: string[] = [input.marker, '']
  const name = input.partnerName ? ` (${mdText(input.partnerName)})` : ''
  const file = input.fileUrl ? mdLink(input.file, input.fileUrl) : mdCode(input.file)
  if (input.kind === 'update') {
    out.push(`The Partner Portal of partner **${input.partnerId}**${name} has no API: a person makes this change by hand.`, '')
    out.push(`It brings the portal in step with ${file} at ${input.commit.slice(0, 7)}${input.pull ? `, merged in #${input.pull}` : ''}.`)
  } else {
    const age = input.confirmedDaysAgo !== undefined ? ` ${plural(input.confirmedDaysAgo, 'day')} ago` : ''
    out.push(`The Partner Portal of partner **${input.partnerId}**${name} was last confirmed${age}: please check that the live page still says what ${file} at ${input.commit.slice(0, 7)} says.`)
  }
  out.push(describeConfirmation(input.confirmation, MARKDOWN_STYLE), '')
  // Operators come from the input or CODEOWNERS on the default branch, not from a PR: mentioned, so teams hear of it.
  if (input.operators.length) out.push(`Operators: ${input.operators.map(mention).join(', ')}`, '')
  const steps = input.kind === 'reconfirm' ? exactSteps(input.plan.desired, redactor, MARKDOWN_STYLE) : taskSteps(input.plan, input.confirmation !== null, redactor, MARKDOWN_STYLE)
  for (const page of ['users', 'contact'] as const) {
    const onPage = steps.filter((s) => s.page === page)
    if (!onPage.length) continue
    out.push(`### ${PAGES[page]}`, '', ...onPage.map((s) => `- [ ] ${s.text}`), '')
  }
  if (redactor.enabled) out.push('Emails and phones are masked because this repository is public: read them in the file linked above.', '')
  out.push(
    '**When every step is done**: tick each box and close this issue, or comment `/partner-contacts done`. Only the operators above can confirm; the confirmation is recorded as the portal’s state, and the next plans compare with it.',
  )
  return out.join('\n') + '\n'
}

/** `- [ ]` boxes still open in a task body (ticking a box edits the body). */
export function untickedSteps(body: string): number {
  return (body.match(/^\s*[-*] \[ \] /gm) ?? []).length
}

/** `/partner-contacts done` on a line of its own (case-insensitive), the comment form of confirming. */
export function isDoneCommand(body: string): boolean {
  return /^\s*\/partner-contacts\s+done\s*$/im.test(body)
}

// ───────────────────────────── confirm comments (Action) ─────────────────────────────

export const CONFIRM_TEXT = {
  recorded: (by: string, at: string, file: string, commit: string) =>
    `✅ Recorded: ${mdText(byLine(by))} confirmed on ${confirmationDate(at)} that the Partner Portal matches ${mdCode(file)} at ${commit.slice(0, 7)}. Plans now compare with this state.`,
  recordedOnPull: (partnerId: string, by: string, task: number) =>
    `✅ The Partner Portal of partner ${partnerId} was updated by hand: ${mdText(byLine(by))} confirmed it in #${task}.`,
  notOperator: (login: string, operators: readonly string[], reopened: boolean) =>
    `${mdText(byLine(login))}, only the portal operators (${operators.length ? operators.map(mdText).join(', ') : 'nobody is configured: set `portal-operators`, or CODEOWNERS for the file'}) can confirm this task, so nothing was recorded.${reopened ? ' The task was reopened.' : ''}`,
  unticked: (login: string, open: number, reopened: boolean) =>
    `${mdText(byLine(login))}, ${plural(open, 'step is', 'steps are')} not ticked, so nothing was recorded. Tick every step you carried out, then close the task, or comment \`/partner-contacts done\`.${reopened ? ' The task was reopened.' : ''}`,
  stale: (login: string, file: string, commit: string, reopened: boolean) =>
    `${mdText(byLine(login))}, this task leads to ${mdCode(file)} at ${commit.slice(0, 7)}, but the default branch now says something else (a newer change was merged), so nothing was recorded. The apply of that change updates this task; carry out its steps and confirm again.${reopened ? ' The task was reopened.' : ''}`,
  taskOpened: (partnerId: string, task: number, action: 'created' | 'updated' | 'unchanged') =>
    `Portal task for partner ${partnerId}: #${task} (${action === 'created' ? 'opened' : action === 'updated' ? 'updated with the new steps' : 'already up to date'}): a person carries out the steps, then an operator confirms.`,
  unreadable: (reason: string) => `Nothing was recorded: ${mdText(reason)}.`,
  pendingOnPull: (task: number, partnerId: string, days: number) =>
    `Portal task #${task} for partner ${partnerId} has been open for ${plural(days, 'day')}: the portal may not match the default branch yet, so this plan compares with an older confirmed state.`,
} as const

// ───────────────────────────── the CLI ─────────────────────────────

export interface StepsOptions {
  redactor: Redactor
  /** The `manual:<dir>` the CLI confirms into, for the closing hint. */
  portal: string
}

/** `apply --portal manual:<dir>` in a terminal: numbered steps per pending file, then how to confirm. */
export function renderStepsTerminal(results: readonly ApplyFileResult[], options: StepsOptions & { color: boolean }): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text)
  const out: string[] = []
  for (const r of results.filter((r) => r.outcome === 'pending' && r.planned.plan)) {
    const confirmed = r.planned.confirmation != null
    out.push('', paint('bold', `Steps for a person: partner ${r.partnerId} (${inline(r.file)})`), paint('dim', describeConfirmation(r.planned.confirmation ?? null, PLAIN_STYLE)))
    let n = 0
    let page: string | undefined
    for (const step of taskSteps(r.planned.plan!, confirmed, options.redactor, PLAIN_STYLE)) {
      if (step.page !== page) out.push(paint('cyan', `  ${PAGES[step.page]}`))
      page = step.page
      out.push(`  ${String(++n).padStart(2)}. ${step.text}`)
    }
    out.push(paint('dim', `  When done: partner-contacts confirm ${inline(r.file)} --portal ${inline(options.portal)}`))
  }
  return out.length ? out.join('\n') + '\n' : ''
}

/** The same steps as Markdown task lists (`apply --format markdown`), to paste into a ticket. */
export function renderStepsMarkdown(results: readonly ApplyFileResult[], options: StepsOptions): string {
  const out: string[] = ['## Partner Portal steps', '']
  for (const r of results) {
    if (r.outcome !== 'pending' || !r.planned.plan) {
      out.push(`### ${mdCode(r.file)}`, '', r.outcome === 'unchanged' ? 'Nothing to do: the confirmed state already matches the file.' : `Not ready: ${mdText(formatRefs(ENGLISH, r.reasons, options.redactor) || r.outcome)}`, '')
      continue
    }
    out.push(`### Partner ${r.partnerId}: ${mdCode(r.file)}`, '', describeConfirmation(r.planned.confirmation ?? null, MARKDOWN_STYLE), '')
    const steps = taskSteps(r.planned.plan, r.planned.confirmation != null, options.redactor, MARKDOWN_STYLE)
    for (const page of ['users', 'contact'] as const) {
      const onPage = steps.filter((s) => s.page === page)
      if (onPage.length) out.push(`#### ${PAGES[page]}`, '', ...onPage.map((s) => `- [ ] ${s.text}`), '')
    }
    out.push(`When done: ${mdCode(`partner-contacts confirm ${r.file} --portal ${options.portal}`)}`, '')
  }
  return out.join('\n')
}

/** `partner-contacts confirm` in a terminal. */
export function renderConfirmedTerminal(file: string, partnerId: string, confirmation: Confirmation, path: string): string {
  return `${inline(file)}: partner ${partnerId} confirmed by ${inline(confirmation.by)} on ${confirmationDate(confirmation.at)}; recorded in ${inline(path)}\n`
}
