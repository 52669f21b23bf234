// The bundle with `portal-url: manual` (SPEC §11): merge → one task for a person → an operator confirms → recorded → the
// next PR plans against it. Real webhook payloads; GitHub is the stand-in server.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type IssueState, type RunningGitHubServer } from '../helpers/github-server.js'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { webhookExample, writeEvent } from '../helpers/webhook-events.js'
import { readRecordMarker, recordMarker } from '../../src/portal/manual/markers.js'

const first = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const second = first.replace('name: Platform on-call', 'name: Platform pager')
const OWNER = 'Codertocat'
const REPO = 'Hello-World'
const FULL = `${OWNER}/${REPO}`
const TITLE = 'Partner Portal update: partner 10000001'
const SHA1 = '1'.repeat(40)
const SHA2 = '2'.repeat(40)
const HEAD1 = 'a'.repeat(40)
const HEAD2 = 'b'.repeat(40)

const servers: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function setup(options: { operators?: string } = {}) {
  const dir = tempDir('pc-manual-ws-')
  mkdirSync(dir, { recursive: true })
  const gh = await startGitHubServer({
    repos: [
      {
        owner: OWNER,
        name: REPO,
        defaultBranch: 'master',
        collaborators: { reviewer: 'write', 'portal-ops': 'write', mallory: 'write', Codertocat: 'admin' },
        // Without portal-operators, the file's CODEOWNERS carry out and confirm the tasks.
        files: { '.github/CODEOWNERS': 'contacts.yaml @portal-ops\n' },
        pulls: [
          { number: 1, user: 'Codertocat', headSha: HEAD1, baseRef: 'master', mergeCommitSha: SHA1, files: ['contacts.yaml'] },
          { number: 2, user: 'Codertocat', headSha: HEAD2, baseRef: 'master', mergeCommitSha: SHA2, files: ['contacts.yaml'] },
        ],
        reviews: [
          { pull: 1, user: 'reviewer', state: 'APPROVED', commitId: HEAD1 },
          { pull: 2, user: 'reviewer', state: 'APPROVED', commitId: HEAD2 },
        ],
      },
    ],
  })
  servers.push(gh)
  const env = { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' }
  const inputs: Record<string, string> = { 'portal-url': 'manual', 'github-token': 'ghs_test', ...(options.operators ? { 'portal-operators': options.operators } : {}) }
  const write = (text: string) => writeFileSync(join(dir, 'contacts.yaml'), text)
  const repo = () => gh.repo(FULL)
  const task = (): IssueState => {
    const tasks = repo().issues.filter((i) => i.title === TITLE)
    expect(tasks).toHaveLength(1)
    return tasks[0]!
  }
  const run = (eventName: string, payload: unknown, extraEnv: Record<string, string> = {}) =>
    runAction({ workspace: dir, eventName, eventPath: writeEvent(tempDir('pc-ev-'), payload), inputs, env: { ...env, ...extraEnv } })

  return {
    gh,
    write,
    /** The `language` input of the next runs (a workflow edited between two runs). */
    language(language: string) {
      inputs['language'] = language
    },
    task,
    comments: (issue: number) => gh.commentsOn(FULL, issue),
    async plan(pull: 1 | 2) {
      const payload = webhookExample('pull_request', 'opened')
      payload['number'] = pull
      payload['pull_request'].number = pull
      payload['pull_request'].head.sha = pull === 1 ? HEAD1 : HEAD2
      const result = await run('pull_request', payload)
      // The reviewer reads the plan, then approves: an approval counts only after the plan it covers was published.
      const now = new Date().toISOString()
      for (const review of repo().reviews) if (review.pull === pull) review.submittedAt = now
      return result
    },
    apply(sha: string) {
      const payload = webhookExample('push')
      payload['ref'] = 'refs/heads/master'
      payload['after'] = sha
      return run('push', payload, { GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/master' })
    },
    /** The operator closes the task as GitHub sends it: the issue as it is now, state closed, by `login`. */
    close(login: string, body = task().body) {
      const issue = task()
      issue.state = 'closed'
      issue.body = body
      // @octokit/webhooks-examples 7.6 has no issues.closed example; issues.reopened has the same shape.
      const payload = webhookExample('issues', 'reopened')
      payload['action'] = 'closed'
      payload['issue'] = { ...payload['issue'], number: issue.number, title: issue.title, body, state: 'closed', labels: [{ name: 'partner-contacts-portal-task' }], user: { login: 'github-actions[bot]', type: 'Bot' } }
      payload['sender'] = { ...payload['sender'], login, type: 'User' }
      return run('issues', payload)
    },
    comment(login: string, text: string) {
      const issue = task()
      const payload = webhookExample('issue_comment', 'created')
      payload['issue'] = { ...payload['issue'], number: issue.number, title: issue.title, body: issue.body, state: issue.state, labels: [{ name: 'partner-contacts-portal-task' }], user: { login: 'github-actions[bot]', type: 'Bot' } }
      payload['comment'] = { ...payload['comment'], body: text, user: { ...payload['comment'].user, login, type: 'User' } }
      payload['sender'] = { ...payload['sender'], login, type: 'User' }
      return run('issue_comment', payload)
    },
    drift: () => run('schedule', { schedule: '17 6 * * *', workflow: '.github/workflows/contacts.yml' }, { GITHUB_SHA: SHA2 }),
    planComment: (pull: number) => gh.commentsOn(FULL, pull).find((c) => c.body.startsWith('<!-- partner-contacts:plan -->'))!.body,
  }
}

/** Markdown as it reads: the output layer backslash-escapes every punctuation mark of a value. */
const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1')
const tickAll = (body: string) => body.replace(/^- \[ \] /gm, '- [x] ')
const records = <T extends { body: string }>(comments: T[]): T[] => comments.filter((c) => c.body.includes('<!-- partner-contacts:confirmed '))

// Each step spawns the bundle (about 2 s on a shared machine), and a flow takes several.
describe('Action with portal-url: manual', { timeout: 90_000 }, () => {
  it('merge → one task with the steps → an operator closes it → recorded → the next plan shows only the new difference', async () => {
    const s = await setup()
    s.write(first)
    const plan1 = await s.plan(1)
    expect(plan1.code, plan1.stdout).toBe(0)
    expect(s.planComment(1)).toContain('never confirmed for this partner')

    const apply1 = await s.apply(SHA1)
    expect(apply1.code, apply1.stdout).toBe(0)
    expect(apply1.outputs['applied']).toBe('pending')
    const task = s.task()
    expect(task.labels).toEqual(['partner-contacts-portal-task'])
    expect(task.assignees).toEqual(['portal-ops']) // CODEOWNERS of contacts.yaml
    expect(task.body).toContain('merged in #1')
    expect(task.body).toContain('Operators: @portal-ops\n') // a live mention: teams cannot be assigned
    expect(task.body).toContain('### Configuration → Contact Information')
    expect(unescape(task.body)).toContain('- [ ] **Technical Emergency Contacts**: make it list exactly e***@example.pagerduty.com (name “Platform on-call”)')
    expect(unescape(task.body)).toContain('- [ ] **Operational Support**: select exactly Mon–Fri 09:00–18:00 Europe/Rome')
    // A public repository: the steps mask emails, as every other output does.
    expect(task.body).not.toContain('eats-oncall@example.pagerduty.com')

    const confirm = await s.close('portal-ops', tickAll(task.body))
    expect(confirm.code, confirm.stdout).toBe(0)
    const [record] = records(s.comments(task.number))
    expect(record!.user.login).toBe('github-actions[bot]')
    expect(unescape(record!.body)).toContain('@portal-ops confirmed on')
    expect(s.comments(1).some((c) => c.body.includes('confirmed it in #'))).toBe(true)

    // The next PR changes one name: the plan compares with the confirmed state and shows that one change.
    s.write(second)
    const plan2 = await s.plan(2)
    expect(plan2.code, plan2.stdout).toBe(0)
    const comment = s.planComment(2)
    expect(unescape(comment)).toMatch(/as confirmed by @portal-ops on \d{4}-\d{2}-\d{2}/)
    expect(comment).toContain('**Plan**: 1 change (1 to update)')

    // Its merge reuses the closed partner's title in a new task with just that step.
    const apply2 = await s.apply(SHA2)
    expect(apply2.outputs['applied']).toBe('pending')
    const open = s.gh.repo(FULL).issues.filter((i) => i.title === TITLE && i.state === 'open')
    expect(open).toHaveLength(1)
    expect(unescape(open[0]!.body)).toContain('**Technical Emergency Contacts**: for e***@example.pagerduty.com, change the name from “Platform on-call” to “Platform pager”')
    expect(open[0]!.body.match(/- \[ \]/g)).toHaveLength(2) // the change, then Save
  })

  it('a non-operator closing the task, or an operator leaving a box unticked, records nothing; an edited record does not count', async () => {
    const s = await setup({ operators: 'portal-ops' })
    s.write(first)
    await s.plan(1)
    await s.apply(SHA1)
    const number = s.task().number
    const run = await s.close('mallory', tickAll(s.task().body))
    expect(run.code, run.stdout).toBe(0)
    expect(records(s.comments(number))).toEqual([])
    expect(unescape(s.comments(number).at(-1)!.body)).toContain('only the portal operators (@portal-ops) can confirm')
    expect(s.task().state).toBe('open')

    await s.close('portal-ops', tickAll(s.task().body).replace('- [x] ', '- [ ] '))
    expect(records(s.comments(number))).toEqual([])
    expect(s.comments(number).at(-1)!.body).toContain('1 step is not ticked')
    expect(s.task().state).toBe('open')

    // Anyone with write access can edit a comment: a record changed after the Action wrote it is ignored.
    await s.close('portal-ops', tickAll(s.task().body))
    const [record] = records(s.comments(number))
    expect(record).toBeDefined()
    record!.updatedAt = '2027-01-01T00:00:00Z'
    const plan = await s.plan(1)
    expect(plan.code).toBe(0)
    expect(plan.stdout).toMatch(/::warning::#\d+: a confirmation record edited after it was written was ignored/)
    expect(s.planComment(1)).toContain('never confirmed')
  })

  it('a task made stale by a newer merge is not confirmed; the apply of that merge updates it, and then it is', async () => {
    const s = await setup()
    s.write(first)
    await s.plan(1)
    await s.apply(SHA1)
    const number = s.task().number
    // PR 2 is merged before the operator finishes: the checkout of the default branch is now the second version.
    s.write(second)
    await s.plan(2)
    // The task has been open since the stand-in's clock began (months ago): the next PR is told.
    expect(unescape(s.planComment(2))).toMatch(/Portal task #\d+ for partner 10000001 has been open for \d+ days/)
    const stale = await s.close('portal-ops', tickAll(s.task().body))
    expect(stale.code, stale.stdout).toBe(0)
    expect(records(s.comments(number))).toEqual([])
    expect(s.comments(number).at(-1)!.body).toContain('the default branch now says something else')
    expect(s.task().state).toBe('open')

    const apply2 = await s.apply(SHA2)
    expect(apply2.outputs['applied']).toBe('pending')
    expect(s.task().number).toBe(number) // updated in place, not a second task
    expect(s.task().body).toContain('merged in #2')
    expect(unescape(s.task().body)).toContain('“Platform pager”')

    await s.comment('portal-ops', '/partner-contacts done')
    const [record] = records(s.comments(number))
    expect(record).toBeDefined()
    expect(s.task().state).toBe('closed')
    await s.plan(2)
    expect(s.planComment(2)).toContain('No changes')

    // Months later (the record is made older), drift asks an operator to look at the live page again.
    record!.body = recordMarker({ ...readRecordMarker(record!.body)!, at: '2026-01-01T00:00:00.000Z' })
    const drift = await s.drift()
    expect(drift.code, drift.stdout).toBe(0)
    const again = s.gh.repo(FULL).issues.filter((i) => i.title === TITLE && i.state === 'open')
    expect(again).toHaveLength(1)
    expect(unescape(again[0]!.body)).toContain('was last confirmed')
    expect(unescape(again[0]!.body)).toContain('**Technical Emergency Contacts**: make it list exactly e***@example.pagerduty.com (name “Platform pager”)')
    expect(again[0]!.assignees).toEqual(['portal-ops'])
  })

  it('language: it writes the task, its notes and the confirm comments in Italian; the title, label, marker and done command stay, so an English task is updated in place', async () => {
    const s = await setup()
    s.write(first)
    await s.plan(1)
    await s.apply(SHA1)
    const number = s.task().number
    expect(s.task().body).toContain('### Configuration → Contact Information')

    // The workflow switches to Italian before the next merge: the open task is found by its fixed title and rewritten.
    s.language('it')
    s.write(second)
    const plan2 = await s.plan(2)
    expect(plan2.code, plan2.stdout).toBe(0)
    expect(unescape(s.planComment(2))).toMatch(/L’attività nel portale #\d+ per il partner 10000001 è aperta da \d+ giorni/)
    expect(s.planComment(2)).toContain('Portale manuale, mai confermato per questo partner')
    const apply2 = await s.apply(SHA2)
    expect(apply2.code, apply2.stdout).toBe(0)
    const task = s.task()
    expect(task.number).toBe(number)
    expect(task.title).toBe(TITLE)
    expect(task.labels).toEqual(['partner-contacts-portal-task'])
    expect(task.body.split('\n')[0]).toMatch(/^<!-- partner-contacts:portal-task /)
    expect(task.body).toContain('unito in #2')
    expect(task.body).toContain('Operatori: @portal-ops\n')
    expect(task.body).toContain('### Configurazione → Account e utenti → scheda Utenti')
    expect(task.body).toContain('### Configurazione → Informazioni di contatto')
    const days = new Intl.DateTimeFormat('it', { weekday: 'short', timeZone: 'UTC' })
    const [mon, fri] = [days.format(Date.UTC(2024, 0, 1)), days.format(Date.UTC(2024, 0, 5))]
    expect(unescape(task.body)).toContain(`- [ ] **Contatti tecnici di emergenza**: fare in modo che elenchi esattamente e***@example.pagerduty.com (nome «Platform pager»)`)
    expect(unescape(task.body)).toContain(`- [ ] **Assistenza operativa**: selezionare esattamente ${mon}–${fri} 09:00–18:00 Europe/Rome`)
    expect(task.body).toContain('- [ ] Salvare la pagina Informazioni di contatto')
    expect(task.body).toContain('oppure commentare `/partner-contacts done`')
    expect(task.body).not.toMatch(/Operators:|make it list|When every step|Save the|\b(Mon|Fri)\b/)
    // The apply comment on the merged PR names the task in the same language.
    expect(s.comments(2).some((c) => unescape(c.body).includes(`Attività nel portale per il partner 10000001: #${number} (aggiornata con i nuovi passaggi)`))).toBe(true)

    const refused = await s.close('portal-ops', tickAll(task.body).replace('- [x] ', '- [ ] '))
    expect(refused.code, refused.stdout).toBe(0)
    expect(s.comments(number).at(-1)!.body).toContain('1 passaggio non è spuntato, quindi non è stato registrato nulla')
    expect(unescape(refused.summary)).toContain('passaggi non spuntati: 1 passaggio non spuntato')
    const done = await s.comment('portal-ops', '/partner-contacts done')
    expect(unescape(done.summary)).toContain('registrato: partner 10000001 confermato da @portal-ops (#')
    // The log keeps the outcome's code word, in English, for searching.
    expect(done.stdout).toContain('confirm: recorded: partner 10000001 confirmed by @portal-ops')
    const [record] = records(s.comments(number))
    expect(unescape(record!.body)).toMatch(/✅ Registrato: @portal-ops ha confermato il \d{1,2} \S+ \d{4} che il Portale partner corrisponde a/)
    expect(s.comments(2).some((c) => unescape(c.body).includes('è stato aggiornato a mano: @portal-ops lo ha confermato in #'))).toBe(true)
    expect(s.task().state).toBe('closed')
  })
})
