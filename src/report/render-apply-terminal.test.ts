// The apply terminal output: outcomes, reasons and steps from messages, in English, Italian and Traditional Chinese.
import { describe, expect, it } from 'vitest'
import type { ApplyFileResult } from '../apply/apply-file.js'
import { ENGLISH, loadMessages } from '../i18n/catalogue.js'
import { ref } from '../i18n/messages.js'
import { createRedactor } from '../redact/redactor.js'
import { buildApplyReport } from './apply-report.js'
import { renderApplyTerminal } from './render-apply-terminal.js'

const createAna = ref('apply.step.createUser', { email: 'ana.rossi@example.com', role: 'administrator' })
const updatePage = ref('apply.step.updateContactInformation', { fields: 'alertContacts, operationalSupport' })

function result(file: string, outcome: ApplyFileResult['outcome'], extra: Partial<ApplyFileResult> = {}): ApplyFileResult {
  return { file, partnerId: '10000001', outcome, forced: false, reasons: [], written: [], pending: [], planned: { file, outcome: 'planned', findings: [] }, ...extra } as ApplyFileResult
}

const unsafe = ref('apply.reason.unsafe', {
  reason: ref('plan.unsafe.removesShare', { removed: 3, size: 4, field: { id: 'field.technicalNonEmergency' }, share: 75, allowed: 30 }),
})
const results = (): ApplyFileResult[] => [
  result('a/contacts.yaml', 'applied', { written: [createAna, updatePage] }),
  result('b/contacts.yaml', 'refused', { reasons: [ref('apply.reason.stale', { reviewed: '111111111111', fresh: '222222222222' }), unsafe] }),
  result('c/contacts.yaml', 'failed', {
    written: [createAna],
    pending: [updatePage],
    reasons: [ref('apply.reason.writeFailed', { detail: 'update contact information of partner 10000001: HTTP 500' }), ref('apply.reason.notUndone', { step: createAna, detail: 'HTTP 409' })],
  }),
  result('d/contacts.yaml', 'dry-run', { forced: true, reasons: [unsafe], pending: [createAna] }),
  result('e/contacts.yaml', 'unchanged'),
]

const ENGLISH_WORDS = /\b(applied|unchanged|refused|failed|nothing written|not written|overridden|forced|dry run|stale plan|unsafe plan|create user|removes)\b/

describe('renderApplyTerminal', () => {
  it('English reads as it always has', () => {
    expect(renderApplyTerminal(results(), { color: false, redactor: createRedactor('never') })).toMatchInlineSnapshot(`
      "a/contacts.yaml  partner 10000001  applied
        ✔ create user ana.rossi@example.com (administrator)
        ✔ update contact information (alertContacts, operationalSupport)
      b/contacts.yaml  partner 10000001  refused, nothing written
        stale plan: the reviewed plan was 111111111111, a fresh one is 222222222222 (the portal or the file changed after review)
        unsafe plan: removes 3 of the 4 Technical Non-Emergency Contacts entries (75%, more than the 30% allowed by max-removal-ratio)
      c/contacts.yaml  partner 10000001  failed
        the portal write failed: update contact information of partner 10000001: HTTP 500
        not undone: create user ana.rossi@example.com (administrator) (HTTP 409); remove the user in the portal or re-run to reconcile
        ✔ create user ana.rossi@example.com (administrator)
        ✖ update contact information (alertContacts, operationalSupport) (not written)
      d/contacts.yaml  partner 10000001  dry run, nothing written (forced)
        overridden: unsafe plan: removes 3 of the 4 Technical Non-Emergency Contacts entries (75%, more than the 30% allowed by max-removal-ratio)
        · create user ana.rossi@example.com (administrator)
      e/contacts.yaml  partner 10000001  already up to date, nothing written

      Apply: 5 files: 1 applied, 1 unchanged, 1 dry run, 1 refused, 1 failed
      "
    `)
  })

  it('Italian: outcomes, reasons, steps and the total in Italian, with plurals', async () => {
    const it_ = await loadMessages('it')
    const text = renderApplyTerminal(results(), { color: false, redactor: createRedactor('never'), messages: it_ })
    expect(text).not.toMatch(ENGLISH_WORDS)
    expect(text).toContain('b/contacts.yaml  partner 10000001  rifiutato, non è stato scritto nulla')
    expect(text).toContain('piano non aggiornato: il piano revisionato era 111111111111')
    expect(text).toContain('piano non sicuro: rimuove 3 delle 4 voci di Contatti tecnici non di emergenza (75%')
    expect(text).toContain('✖ aggiornare le informazioni di contatto (alertContacts, operationalSupport) (non scritto)')
    expect(text).toContain('prova, non è stato scritto nulla (forzato)')
    expect(text).toContain('  ignorato: piano non sicuro:')
    expect(text).toMatch(/Apply: 5 file: 1 applicato, 1 invariato, 1 in prova, 1 rifiutato(,| e) 1 non riuscito\n$/)
    const two = renderApplyTerminal([result('a', 'applied'), result('b', 'applied')], { color: false, redactor: createRedactor('never'), messages: it_ })
    expect(two).toContain('2 applicati')
  })

  it('Traditional Chinese: no English outcome words; a portal error stays its English detail inside the sentence', async () => {
    const zh = await loadMessages('zh-TW')
    const text = renderApplyTerminal(results(), { color: false, redactor: createRedactor('never'), messages: zh })
    expect(text).not.toMatch(ENGLISH_WORDS)
    expect(text).toContain('b/contacts.yaml  合作夥伴 10000001  已拒絕，未寫入任何內容')
    expect(text).toContain('計畫已過時：審查時的計畫是 111111111111，最新計畫是 222222222222')
    expect(text).toContain('不安全的計畫：移除了技術問題非緊急聯絡人現有 4 筆中的 3 筆（75%，超過 max-removal-ratio 允許的 30%）')
    expect(text).toContain('寫入入口網站失敗：update contact information of partner 10000001: HTTP 500')
    expect(text).toContain('✔ 建立使用者 ana.rossi@example.com（administrator）')
    expect(text).toContain('✖ 更新聯絡資訊（alertContacts, operationalSupport） （未寫入）')
    expect(text).toContain('試執行，未寫入任何內容 （強制）')
    expect(text).toContain('已略過：不安全的計畫：')
    expect(text).toMatch(/套用：5 個檔案：/)
  })

  it('emails in steps and reasons are redacted in every language, next to full-width punctuation too', async () => {
    for (const t of [ENGLISH, await loadMessages('it'), await loadMessages('zh-TW')]) {
      const redactor = createRedactor('always', { salt: 'test' })
      const text = renderApplyTerminal(results(), { color: false, redactor, messages: t })
      expect(text, t.locale).not.toContain('ana.rossi@example.com')
      expect(text, t.locale).toContain(redactor.email('ana.rossi@example.com'))
      const report = JSON.stringify(buildApplyReport(results(), createRedactor('always', { salt: 'test' }), [], t))
      expect(report, t.locale).not.toContain('ana.rossi@example.com')
    }
  })

  it('the JSON report keeps its keys and gives reasons and steps as text in the run’s language', async () => {
    const zh = await loadMessages('zh-TW')
    const report = buildApplyReport(results(), createRedactor('never'), [ref('approval.nobody')], zh)
    expect(report.files[1]!.apply).toEqual({
      outcome: 'refused',
      forced: false,
      reasons: [expect.stringMatching(/^計畫已過時：/), expect.stringMatching(/^不安全的計畫：/)],
      written: [],
      pending: [],
    })
    expect(report.summary.apply!.refusedRun).toEqual(['沒有人審查這個提取要求'])
    expect(buildApplyReport(results()).files[0]!.apply!.written).toEqual(['create user ana.rossi@example.com (administrator)', 'update contact information (alertContacts, operationalSupport)'])
  })
})
