// The manual portal's texts: steps in the portal's order and words, hostile values escaped, the confirm commands read.
import { describe, expect, it } from 'vitest'
import { BASE_FILE, currentOf, withFile } from '../../test/plan/fixtures.js'
import { computePlan } from '../plan/compute-plan.js'
import { toPortalState } from '../plan/mapping.js'
import { requiredPortalFields } from '../plan/plan-safety.js'
import { createRedactor } from '../redact/redactor.js'
import { loadMessages } from '../i18n/catalogue.js'
import { CONFIRM_TEXT, MARKDOWN_STYLE, PLAIN_STYLE, confirmationDay, describeConfirmation, isDoneCommand, renderTaskIssue, taskSteps, untickedSteps } from './render-portal-task.js'

const never = createRedactor('never')

function planFrom(file = BASE_FILE, current = BASE_FILE) {
  return computePlan({ partnerId: '10000001', desired: toPortalState(file), current: currentOf(toPortalState(current)), safety: { requiredFields: requiredPortalFields(file) } })
}

describe('taskSteps', () => {
  it('orders new users, then the Contact Information page field by field, Save, then user removals', () => {
    const desired = withFile((f) => {
      f.users = [{ email: 'ana.rossi@example.com', name: 'Ana Rossi', role: 'administrator' }, { email: 'new@example.com', name: 'New', role: 'editor' }]
      f.contacts!.alert = ['ana.rossi@example.com', 'new@example.com']
      f.contacts!.technicalEmergency = [{ email: 'eats-oncall@example.pagerduty.com', name: 'Pager' }]
      f.support = [{ days: 'every-day', hours: '00:00-24:00', zone: 'Etc/UTC' }]
    })
    const steps = taskSteps(planFrom(desired), true, never, PLAIN_STYLE).map((s) => `${s.page}: ${s.text}`)
    expect(steps).toEqual([
      'users: + ADD USER: name “New”, email new@example.com, role Editor',
      'contact: Alert Contacts: remove luca.bianchi@example.com',
      'contact: Alert Contacts: add new@example.com',
      'contact: Technical Emergency Contacts: for eats-oncall@example.pagerduty.com, change the name from “Platform on-call” to “Pager”',
      'contact: Operational Support: clear Mon–Fri 09:00–18:00 Europe/Rome',
      'contact: Operational Support: clear Sat, Sun 10:00–16:00 Europe/Rome',
      'contact: Operational Support: select Every day 00:00–24:00 Etc/UTC',
      'contact: Save the Contact Information page',
      'users: remove the user luca.bianchi@example.com',
    ])
  })

  it('asks for the whole page when nobody ever confirmed it', () => {
    const steps = taskSteps(planFrom(), false, never, PLAIN_STYLE).map((s) => s.text)
    expect(steps).toContain('Operational contact for merchant issues: make it empty')
    expect(steps.at(-1)).toBe('Save the Contact Information page')
  })

  it('escapes names from the file for Markdown, and masks contacts when redacting', () => {
    const hostile = withFile((f) => {
      f.contacts!.technicalEmergency = [{ email: 'eats-oncall@example.pagerduty.com', name: '[x](https://evil.example) <img src=x> @team **b**\n- [x] done' }]
    })
    const redactor = createRedactor('always')
    const body = renderTaskIssue({
      partnerId: '10000001',
      file: 'a`b.yaml',
      plan: planFrom(hostile),
      kind: 'update',
      commit: '1'.repeat(40),
      operators: ['@portal-ops', '@example-org/partner-ops', 'x](https://evil.example)'],
      confirmation: { by: 'ana', at: '2026-11-30T00:00:00Z' },
      redactor,
      marker: '<!-- m -->',
    })
    // The name renders as the characters it is: no link, no HTML, no mention, no emphasis, no extra task line.
    for (const raw of ['](https://evil', ' @team', '**b**', '\n- [x] done']) expect(body).not.toContain(raw)
    expect(body).not.toMatch(/(?<!\\)<img/)
    expect(body.replace(/\\(.)/g, '$1')).toContain('[x](https://evil.example) <img src=x> @team **b**\\n- [x] done')
    expect(body).not.toContain('eats-oncall@')
    expect(body).toContain('Operators: @portal-ops, @example-org/partner-ops, x\\]\\(https\\:')
    expect(untickedSteps(body)).toBe(2) // the one change and Save: the name's "- [x]" is not a box
    expect(body.replace(/\\(.)/g, '$1')).toContain('as confirmed by @ana on 2026-11-30')
    expect(taskSteps(planFrom(hostile), true, never, MARKDOWN_STYLE)[0]!.text).toContain('\\<img')
    expect(taskSteps(planFrom(hostile), true, never, PLAIN_STYLE)[0]!.text).toContain('<img src=x> @team **b**\\n- [x] done')
  })
})

describe('confirm commands', () => {
  it.each([
    ['/partner-contacts done', true],
    ['Thanks!\n/Partner-Contacts   DONE\n', true],
    ['I am not /partner-contacts done yet', false],
    ['/partner-contacts done?', false],
  ])('%j is the done command: %s', (body, done) => expect(isDoneCommand(body)).toBe(done))

  it('counts unticked boxes only', () => expect(untickedSteps('- [x] a\n- [ ] b\n  * [ ] c\ntext - [ ] d')).toBe(2))
})

describe('in Italian and Traditional Chinese', () => {
  const changed = withFile((f) => {
    f.users = [{ email: 'ana.rossi@example.com', name: 'Ana Rossi', role: 'editor' }, { email: 'new@example.com', name: 'New', role: 'editor' }]
    f.contacts!.alert = ['ana.rossi@example.com', 'new@example.com']
    f.contacts!.technicalEmergency = [{ email: 'eats-oncall@example.pagerduty.com', name: 'Pager' }]
    f.support = [{ days: 'mon-fri', hours: '08:00-20:00', zone: 'Europe/Rome' }]
  })
  /** English step words that must not survive a translation (emails, zones and the English role names beside are stripped first). */
  const ENGLISH_WORDS = /\b(ADD|USER|add|remove|change|select|clear|Save|make|exactly|every|empty|the|name|phone|role|from|for)\b/
  const strip = (text: string) => text.replace(/\S+@\S+/g, '').replace(/Europe\/Rome|Etc\/UTC|Google/g, '').replace(/[(（](Administrator|Editor|Read only|Tester)[)）]/g, '')
  const GLOSSARY = {
    it: { page: 'Configurazione → Informazioni di contatto', users: 'scheda Utenti', alert: 'Contatti avvisi', emergency: 'Contatti tecnici di emergenza', support: 'Assistenza operativa' },
    'zh-TW': { page: '設定 → 聯絡資訊', users: '「使用者」分頁', alert: '快訊聯絡人', emergency: '技術問題緊急聯絡人', support: '營運支援' },
  } as const

  it.each(['it', 'zh-TW'] as const)('%s: the steps use the glossary labels, Intl weekday names and no English step words', async (locale) => {
    const t = await loadMessages(locale)
    const words = GLOSSARY[locale]
    const steps = taskSteps(planFrom(changed), true, never, PLAIN_STYLE, t)
    expect(steps.map((s) => s.page)).toEqual(taskSteps(planFrom(changed), true, never, PLAIN_STYLE).map((s) => s.page)) // the same order as English
    const text = steps.map((s) => s.text).join('\n')
    for (const label of [words.alert, words.emergency, words.support]) expect(text).toContain(label)
    const days = t.weekdayNames()
    expect(text).toContain(`${days[0]}–${days[4]} 08:00–20:00 Europe/Rome`)
    expect(strip(text)).not.toMatch(ENGLISH_WORDS)
    const exact = taskSteps(planFrom(), false, never, PLAIN_STYLE, t).map((s) => s.text).join('\n')
    expect(strip(exact)).not.toMatch(ENGLISH_WORDS)
    expect(exact).toContain(t.format('field.merchantIssues'))
  })

  it.each(['it', 'zh-TW'] as const)('%s: the task issue keeps its marker, boxes and done command; only the words change', async (locale) => {
    const t = await loadMessages(locale)
    const input = {
      partnerId: '10000001',
      partnerName: 'Eats *Italia*',
      file: 'partners/eats/contacts.yaml',
      plan: planFrom(changed),
      kind: 'update' as const,
      commit: '1'.repeat(40),
      pull: 7,
      operators: ['@portal-ops', '@example-org/partner-ops'],
      confirmation: { by: 'ana', at: '2026-11-30T09:00:00Z', commit: 'abcdef1234' },
      fileUrl: 'https://github.com/o/r/blob/1111111/partners/eats/contacts.yaml',
      redactor: createRedactor('always', { salt: 'task' }),
      marker: '<!-- partner-contacts:portal-task x -->',
    }
    const english = renderTaskIssue(input)
    const body = renderTaskIssue({ ...input, messages: t })
    expect(body.split('\n')[0]).toBe(input.marker)
    expect(untickedSteps(body)).toBe(untickedSteps(english))
    expect(body).toContain('`/partner-contacts done`')
    expect(body).toContain(`### ${GLOSSARY[locale].page}`)
    expect(body).toContain(GLOSSARY[locale].users)
    expect(body).toContain(t.date('2026-11-30')) // Intl's date, not the ISO one English shows
    expect(body).toContain('Eats \\*Italia\\*') // still escaped
    expect(body).not.toMatch(/Operators|When every step|Compared with|tick each box/)
    expect(body).toMatchSnapshot()
  })

  it.each(['it', 'zh-TW'] as const)('%s: confirm comments and the plan line', async (locale) => {
    const t = await loadMessages(locale)
    const texts = [
      CONFIRM_TEXT.recorded('ana', '2026-11-30T09:00:00Z', 'contacts.yaml', 'a'.repeat(40), t),
      CONFIRM_TEXT.recordedOnPull('10000001', 'ana', 12, t),
      CONFIRM_TEXT.notOperator('mallory', ['@portal-ops'], true, t),
      CONFIRM_TEXT.notOperator('mallory', [], false, t),
      CONFIRM_TEXT.unticked('ana', 1, true, t),
      CONFIRM_TEXT.stale('ana', 'contacts.yaml', 'a'.repeat(40), false, t),
      CONFIRM_TEXT.taskOpened('10000001', 12, 'created', t),
      CONFIRM_TEXT.unreadable(t.format('confirm.reason.noMarker', { marker: '<!-- partner-contacts:portal-task' }), t),
      CONFIRM_TEXT.pendingOnPull(12, '10000001', 9, t),
      describeConfirmation(null, PLAIN_STYLE, t),
    ]
    expect(texts.join('\n')).not.toMatch(/\b(Recorded|confirmed|only the portal operators|not ticked|nothing was recorded|Portal task|never confirmed|reopened)\b/)
    expect(texts[4]).toContain('`/partner-contacts done`')
    expect(texts[7]).not.toContain('<!--') // escaped as before
    expect(texts.join('\n')).toMatchSnapshot()
  })

  it('English keeps the ISO date; the others read the date as their language writes it', async () => {
    expect(confirmationDay('2026-11-30T23:59:00Z')).toBe('2026-11-30')
    expect(confirmationDay('2026-11-30T23:59:00Z', await loadMessages('it'))).toBe('30 novembre 2026')
    expect(confirmationDay('2026-11-30T23:59:00Z', await loadMessages('zh-TW'))).toBe('2026年11月30日')
  })
})
