// The manual portal's texts: steps in the portal's order and words, hostile values escaped, the confirm commands read.
import { describe, expect, it } from 'vitest'
import { BASE_FILE, currentOf, withFile } from '../../test/plan/fixtures.js'
import { computePlan } from '../plan/compute-plan.js'
import { toPortalState } from '../plan/mapping.js'
import { requiredPortalFields } from '../plan/plan-safety.js'
import { createRedactor } from '../redact/redactor.js'
import { MARKDOWN_STYLE, PLAIN_STYLE, isDoneCommand, renderTaskIssue, taskSteps, untickedSteps } from './render-portal-task.js'

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
