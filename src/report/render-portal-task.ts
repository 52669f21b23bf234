// Every text of the manual portal (SPEC §11), in the reader's language (catalogue IDs `task.*`, `confirm.*`): the steps
// in the portal's own words and order, the task issue, the terminal and Markdown forms for the CLI, and the confirm
// comments. Values from the file stay escaped by the caller's TextStyle (Markdown or terminal) before a message holds them.
import { styleText } from 'node:util'
import type { ApplyFileResult } from '../apply/apply-file.js'
import type { Change } from '../plan/change.js'
import type { Plan } from '../plan/compute-plan.js'
import type { DesiredUser, PortalState } from '../plan/mapping.js'
import type { Confirmation } from '../portal/manual/confirmed-state.js'
import { CONTACT_LIST_FIELDS, type PortalContact, type PortalRole } from '../portal/types.js'
import type { Redactor } from '../redact/redactor.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { planFieldMessage } from './labels.js'
import { formatRefs } from './message-refs.js'
import { formatWindow } from './plan-format.js'
import { mdCode, mdLink, mdText } from '../output/markdown.js'
import { inline } from '../output/terminal.js'

/** The catalogue IDs of the portal's own names for roles (Users tab). */
const ROLE_IDS: Record<PortalRole, string> = { READ_ONLY: 'task.role.readOnly', EDITOR: 'task.role.editor', ADMINISTRATOR: 'task.role.administrator', TESTER: 'task.role.tester' }

/** The pages a step is on, as catalogue IDs (the portal's own navigation labels in each language). */
export const PAGES = {
  users: 'task.page.users',
  contact: 'task.page.contact',
} as const

/** The literal command that confirms a task in a comment: the same word in every language (it is matched by code). */
export const DONE_COMMAND = '/partner-contacts done'
const DONE_CODE = `\`${DONE_COMMAND}\``

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

/** A role as the portal names it; the English name beside a translation, since the role list's own wording is not public. */
function roleName(role: PortalRole, t: Messages): string {
  const own = t.format(ROLE_IDS[role])
  const english = ENGLISH.format(ROLE_IDS[role])
  return own === english ? own : t.format('field.beside', { label: own, english })
}

/**
 * The steps a person carries out, in the portal's order: new and changed users first (alert contacts must be users),
 * then the Contact Information page field by field (removals, changes, additions), Save, then user removals. A partner
 * nobody confirmed yet gets "make it show exactly" steps instead: the page's real content is unknown.
 */
export function taskSteps(plan: Plan, confirmed: boolean, redactor: Redactor, style: TextStyle, t: Messages = ENGLISH): TaskStep[] {
  return confirmed ? changeSteps(plan, redactor, style, t) : exactSteps(plan.desired, redactor, style, t)
}

function changeSteps(plan: Plan, redactor: Redactor, style: TextStyle, t: Messages): TaskStep[] {
  const v = (text: string) => style.value(text)
  const address = (e: string) => v(redactor.email(e))
  const steps: TaskStep[] = []
  const users = plan.changes.filter((c): c is Extract<Change, { field: 'users' }> => c.field === 'users')
  for (const c of users.filter((c) => c.kind === 'add')) steps.push({ page: 'users', text: t.format('task.step.addUser', { user: describeUser(c.after!, redactor, style, t) }) })
  for (const c of users.filter((c) => c.kind === 'update')) {
    const { before, after } = c
    if (before!.role !== after!.role) steps.push({ page: 'users', text: t.format('task.step.changeRole', { address: address(c.key), before: roleName(before!.role, t), after: roleName(after!.role, t) }) })
    if (before!.displayName !== after!.displayName) {
      steps.push({ page: 'users', text: t.format('task.step.changeUserName', { address: address(c.key), before: quote(before!.displayName, style, t), after: quote(after!.displayName, style, t) }) })
    }
  }
  const page = plan.changes.filter((c) => c.field !== 'users')
  for (const c of page) {
    const field = style.label(t.format(planFieldMessage(c.field)))
    if (c.field === 'operationalSupport') {
      const window = v(formatWindow((c.after ?? c.before)!, t))
      steps.push({ page: 'contact', text: t.format(c.kind === 'add' ? 'task.step.select' : 'task.step.clear', { field, window }) })
    } else if (c.kind === 'remove') {
      steps.push({ page: 'contact', text: t.format('task.step.remove', { field, address: address(c.key) }) })
    } else if (c.kind === 'add') {
      steps.push({ page: 'contact', text: t.format('task.step.add', { field, contact: describeContact(c.after as PortalContact, redactor, style, t) }) })
    } else {
      const before = c.before as PortalContact
      const after = c.after as PortalContact
      if (before.displayName !== after.displayName) {
        steps.push({ page: 'contact', text: t.format('task.step.changeName', { field, address: address(c.key), before: quote(before.displayName, style, t), after: quote(after.displayName, style, t) }) })
      }
      if (before.phoneNumber !== after.phoneNumber) {
        steps.push({ page: 'contact', text: t.format('task.step.changePhone', { field, address: address(c.key), before: phone(before.phoneNumber, redactor, style, t), after: phone(after.phoneNumber, redactor, style, t) }) })
      }
    }
  }
  if (page.length > 0) steps.push({ page: 'contact', text: t.format('task.step.save') })
  for (const c of users.filter((c) => c.kind === 'remove')) steps.push({ page: 'users', text: t.format('task.step.removeUser', { address: address(c.key) }) })
  return steps
}

function exactSteps(desired: PortalState, redactor: Redactor, style: TextStyle, t: Messages): TaskStep[] {
  const steps: TaskStep[] = []
  const separator = t.format('change.separator')
  if (desired.users) {
    for (const user of desired.users) steps.push({ page: 'users', text: t.format('task.step.userExactly', { user: describeUser(user, redactor, style, t) }) })
    steps.push({ page: 'users', text: t.format(desired.users.length ? 'task.step.removeOtherUsers' : 'task.step.removeEveryUser') })
  }
  const info = desired.contactInformation
  for (const field of CONTACT_LIST_FIELDS) {
    const contacts = info[field] ?? []
    const label = style.label(t.format(planFieldMessage(field)))
    steps.push({
      page: 'contact',
      text: contacts.length
        ? t.format('task.step.listExactly', { field: label, contacts: contacts.map((c) => describeContact(c, redactor, style, t)).join(separator) })
        : t.format('task.step.empty', { field: label }),
    })
  }
  const windows = info.operationalSupport?.windows ?? []
  const label = style.label(t.format(planFieldMessage('operationalSupport')))
  steps.push({
    page: 'contact',
    text: windows.length
      ? t.format('task.step.selectExactly', { field: label, windows: windows.map((w) => style.value(formatWindow(w, t))).join(separator) })
      : t.format('task.step.clearAll', { field: label }),
  })
  steps.push({ page: 'contact', text: t.format('task.step.save') })
  return steps
}

function describeContact(contact: PortalContact, redactor: Redactor, style: TextStyle, t: Messages): string {
  const details = [
    contact.displayName ? t.format('task.detail.name', { name: quote(contact.displayName, style, t) }) : '',
    contact.phoneNumber ? t.format('task.detail.phone', { phone: style.value(redactor.phone(contact.phoneNumber)) }) : '',
  ].filter(Boolean)
  const address = style.value(redactor.email(contact.email))
  return details.length ? t.format('task.detail.contact', { address, details: details.join(t.format('task.separator')) }) : address
}

function describeUser(user: DesiredUser, redactor: Redactor, style: TextStyle, t: Messages): string {
  return [
    user.displayName ? t.format('task.detail.name', { name: quote(user.displayName, style, t) }) : '',
    t.format('task.detail.email', { address: style.value(redactor.email(user.email)) }),
    t.format('task.detail.role', { role: roleName(user.role, t) }),
  ]
    .filter(Boolean)
    .join(t.format('task.separator'))
}

function quote(value: string | undefined, style: TextStyle, t: Messages): string {
  return value === undefined || value === '' ? t.format('change.none') : t.format('task.quoted', { value: style.value(value) })
}

function phone(value: string | undefined, redactor: Redactor, style: TextStyle, t: Messages): string {
  return value === undefined ? t.format('change.none') : style.value(redactor.phone(value))
}

// ───────────────────────────── the basis of a plan ─────────────────────────────

export function confirmationDate(at: string): string {
  return at.slice(0, 10)
}

/**
 * The day a confirmation was made, as the reader's language writes a date (Intl). English keeps the ISO date its
 * outputs have always shown (`2026-11-30`): unambiguous, and what the records and the state files hold.
 */
export function confirmationDay(at: string, t: Messages = ENGLISH): string {
  const iso = confirmationDate(at)
  return t.locale === 'en' ? iso : t.date(iso)
}

/** One line under a file's plan: what a manual portal's plan compares with. */
export function describeConfirmation(confirmation: Confirmation | null, style: TextStyle, t: Messages = ENGLISH): string {
  if (!confirmation) return t.format('task.basis.never')
  const values = { by: style.value(byLine(confirmation.by)), date: confirmationDay(confirmation.at, t) }
  return confirmation.commit ? t.format('task.basis.confirmedCommit', { ...values, commit: confirmation.commit.slice(0, 7) }) : t.format('task.basis.confirmed', values)
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
  /** The reader's language (default English); the marker, the title and the done command never change with it. */
  messages?: Messages
}

export function renderTaskIssue(input: TaskIssueInput): string {
  const { redactor } = input
  const t = input.messages ?? ENGLISH
  const out: string[] = [input.marker, '']
  const partner = input.partnerName ? t.format('task.issue.partnerNamed', { id: input.partnerId, name: mdText(input.partnerName) }) : t.format('task.issue.partner', { id: input.partnerId })
  const file = input.fileUrl ? mdLink(input.file, input.fileUrl) : mdCode(input.file)
  const commit = input.commit.slice(0, 7)
  if (input.kind === 'update') {
    out.push(t.format('task.issue.update', { partner }), '')
    out.push(input.pull ? t.format('task.issue.sourceMerged', { file, commit, pull: String(input.pull) }) : t.format('task.issue.source', { file, commit }))
  } else {
    out.push(
      input.confirmedDaysAgo !== undefined
        ? t.format('task.issue.reconfirmAge', { partner, days: input.confirmedDaysAgo, file, commit })
        : t.format('task.issue.reconfirm', { partner, file, commit }),
    )
  }
  out.push(describeConfirmation(input.confirmation, MARKDOWN_STYLE, t), '')
  // Operators come from the input or CODEOWNERS on the default branch, not from a PR: mentioned, so teams hear of it.
  if (input.operators.length) out.push(t.format('task.issue.operators', { operators: input.operators.map(mention).join(t.format('task.separator')) }), '')
  const steps = input.kind === 'reconfirm' ? exactSteps(input.plan.desired, redactor, MARKDOWN_STYLE, t) : taskSteps(input.plan, input.confirmation !== null, redactor, MARKDOWN_STYLE, t)
  for (const page of ['users', 'contact'] as const) {
    const onPage = steps.filter((s) => s.page === page)
    if (!onPage.length) continue
    out.push(`### ${t.format(PAGES[page])}`, '', ...onPage.map((s) => `- [ ] ${s.text}`), '')
  }
  if (redactor.enabled) out.push(t.format('task.issue.masked'), '')
  out.push(t.format('task.issue.whenDone', { command: DONE_CODE }))
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

/** Whether the closed task was reopened, as the `{reopened, select, …}` of a message reads it. */
const reopenedArg = (reopened: boolean) => (reopened ? 'true' : 'false')

/** The comments of confirm mode and the lines apply, drift and plan add about tasks, in the run's language. */
export const CONFIRM_TEXT = {
  recorded: (by: string, at: string, file: string, commit: string, t: Messages = ENGLISH) =>
    t.format('confirm.recorded', { by: mdText(byLine(by)), date: confirmationDay(at, t), file: mdCode(file), commit: commit.slice(0, 7) }),
  recordedOnPull: (partnerId: string, by: string, task: number, t: Messages = ENGLISH) =>
    t.format('confirm.recordedOnPull', { partner: partnerId, by: mdText(byLine(by)), task: String(task) }),
  notOperator: (login: string, operators: readonly string[], reopened: boolean, t: Messages = ENGLISH) =>
    t.format('confirm.notOperator', {
      login: mdText(byLine(login)),
      operators: operators.length ? operators.map(mdText).join(t.format('task.separator')) : t.format('confirm.noOperators'),
      reopened: reopenedArg(reopened),
    }),
  unticked: (login: string, open: number, reopened: boolean, t: Messages = ENGLISH) =>
    t.format('confirm.unticked', { login: mdText(byLine(login)), open, command: DONE_CODE, reopened: reopenedArg(reopened) }),
  stale: (login: string, file: string, commit: string, reopened: boolean, t: Messages = ENGLISH) =>
    t.format('confirm.stale', { login: mdText(byLine(login)), file: mdCode(file), commit: commit.slice(0, 7), reopened: reopenedArg(reopened) }),
  taskOpened: (partnerId: string, task: number, action: 'created' | 'updated' | 'unchanged', t: Messages = ENGLISH) =>
    t.format('confirm.taskOpened', { partner: partnerId, task: String(task), action }),
  /** `reason` is plain text (a `confirm.reason.*` message): the whole of it is escaped here. */
  unreadable: (reason: string, t: Messages = ENGLISH) => t.format('confirm.unreadable', { reason: mdText(reason) }),
  pendingOnPull: (task: number, partnerId: string, days: number, t: Messages = ENGLISH) =>
    t.format('confirm.pendingOnPull', { task: String(task), partner: partnerId, days }),
} as const

// ───────────────────────────── the CLI ─────────────────────────────

export interface StepsOptions {
  redactor: Redactor
  /** The `manual:<dir>` the CLI confirms into, for the closing hint. */
  portal: string
  /** The reader's language (default English). */
  messages?: Messages
}

/** `apply --portal manual:<dir>` in a terminal: numbered steps per pending file, then how to confirm. */
export function renderStepsTerminal(results: readonly ApplyFileResult[], options: StepsOptions & { color: boolean }): string {
  const t = options.messages ?? ENGLISH
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text)
  const out: string[] = []
  for (const r of results.filter((r) => r.outcome === 'pending' && r.planned.plan)) {
    const confirmed = r.planned.confirmation != null
    out.push('', paint('bold', t.format('task.cli.heading', { partner: r.partnerId ?? '', file: inline(r.file) })), paint('dim', describeConfirmation(r.planned.confirmation ?? null, PLAIN_STYLE, t)))
    let n = 0
    let page: string | undefined
    for (const step of taskSteps(r.planned.plan!, confirmed, options.redactor, PLAIN_STYLE, t)) {
      if (step.page !== page) out.push(paint('cyan', `  ${t.format(PAGES[step.page])}`))
      page = step.page
      out.push(`  ${String(++n).padStart(2)}. ${step.text}`)
    }
    out.push(paint('dim', `  ${t.format('task.whenDone', { command: `partner-contacts confirm ${inline(r.file)} --portal ${inline(options.portal)}` })}`))
  }
  return out.length ? out.join('\n') + '\n' : ''
}

/** The same steps as Markdown task lists (`apply --format markdown`), to paste into a ticket. */
export function renderStepsMarkdown(results: readonly ApplyFileResult[], options: StepsOptions): string {
  const t = options.messages ?? ENGLISH
  const out: string[] = [`## ${t.format('task.md.heading')}`, '']
  for (const r of results) {
    if (r.outcome !== 'pending' || !r.planned.plan) {
      out.push(
        `### ${mdCode(r.file)}`,
        '',
        r.outcome === 'unchanged' ? t.format('task.md.unchanged') : t.format('task.md.notReady', { reasons: mdText(formatRefs(t, r.reasons, options.redactor) || r.outcome) }),
        '',
      )
      continue
    }
    out.push(`### ${t.format('task.md.partner', { partner: r.partnerId ?? '', file: mdCode(r.file) })}`, '', describeConfirmation(r.planned.confirmation ?? null, MARKDOWN_STYLE, t), '')
    const steps = taskSteps(r.planned.plan, r.planned.confirmation != null, options.redactor, MARKDOWN_STYLE, t)
    for (const page of ['users', 'contact'] as const) {
      const onPage = steps.filter((s) => s.page === page)
      if (onPage.length) out.push(`#### ${t.format(PAGES[page])}`, '', ...onPage.map((s) => `- [ ] ${s.text}`), '')
    }
    out.push(t.format('task.whenDone', { command: mdCode(`partner-contacts confirm ${r.file} --portal ${options.portal}`) }), '')
  }
  return out.join('\n')
}

/** `partner-contacts confirm` in a terminal. */
export function renderConfirmedTerminal(file: string, partnerId: string, confirmation: Confirmation, path: string, t: Messages = ENGLISH): string {
  return `${t.format('confirm.cli.recorded', { file: inline(file), partner: partnerId, by: inline(confirmation.by), date: confirmationDay(confirmation.at, t), path: inline(path) })}\n`
}
