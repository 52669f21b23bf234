// The bundle with `language: zh-TW` (and `language:` in the config): comment, job summary and annotations in that language.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PLAN_MARKER, parsePlanMarkers } from '../../src/report/render-plan-markdown.js'
import { startGitHubServer, type RunningGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { pullRequestRunner } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { webhookExample, writeEvent } from '../helpers/webhook-events.js'

const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
/** No pager among the technical emergency contacts: a warning annotated on its line. */
const noPager = example.replace('eats-oncall@example.pagerduty.com\n      name: Platform on-call\n      type: pager', 'eats-oncall@example.com\n      name: Platform on-call\n      type: alias')
const OWNER = 'Codertocat'
const REPO = 'Hello-World'
const CJK = /[\u4e00-\u9fff]/u

const servers: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function setup(config?: string) {
  const dir = tempDir('pc-lang-ws-')
  mkdirSync(join(dir, 'partners/eats'), { recursive: true })
  writeFileSync(join(dir, 'partners/eats/contacts.yaml'), noPager)
  if (config) writeFileSync(join(dir, '.partner-contacts.yaml'), config)
  await seedPortal('file:portal.json', example.replace('integrations@example.com', 'old-integrations@example.com'), { cwd: dir })
  const payload = webhookExample('pull_request', 'opened')
  const pr = payload['pull_request']
  const gh = await startGitHubServer({ repos: [{ owner: OWNER, name: REPO, private: false, pulls: [{ number: payload['number'], user: pr.user.login, headSha: pr.head.sha }] }] })
  servers.push(gh)
  const event = writeEvent(dir, payload)
  // plan-scope: all, since the stand-in pull request lists no changed files.
  const plan = pullRequestRunner(dir, event, gh.url, { 'portal-url': 'file:portal.json', 'plan-scope': 'all' })
  const sticky = () => gh.commentsOn(`${OWNER}/${REPO}`, payload['number']).find((c) => c.body.startsWith(PLAN_MARKER))
  return { plan, sticky }
}

const annotations = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l))

describe('Action with language: zh-TW, through the bundle', { timeout: 60_000 }, () => {
  it('writes the sticky comment, the job summary and the annotations in Traditional Chinese; markers, rule IDs and paths stay', async () => {
    const { plan, sticky } = await setup()
    const run = await plan({ language: 'zh-TW' })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const body = sticky()!.body
    expect(parsePlanMarkers(body).get('partners/eats/contacts.yaml')?.checksum).toBe(run.outputs['plan-checksum'])
    expect(body).toContain('## partner-contacts 計畫')
    // The checklist uses the portal's own labels, with the English label beside them.
    expect(body).toContain('| 快訊聯絡人（Alert Contacts） | ✅ 已完成 | 2 |')
    expect(body).toContain('技術問題緊急聯絡人（Technical Emergency Contacts） | ⚠️ 有警告')
    expect(body).toMatch(/\| 時 \| 週一 \| 週二 \| 週三 \| 週四 \| 週五 \| 週六 \| 週日 \|/)
    expect(run.summary).toContain('## partner-contacts 計畫')
    expect(run.summary).toContain('上線準備')
    const [warning, ...rest] = annotations(run.stdout)
    expect(rest).toEqual([])
    expect(warning).toMatch(/^::warning title=partner-contacts emergency-contact-pageable,file=partners\/eats\/contacts\.yaml,line=27,/)
    expect(warning!.split('::')[2]).toMatch(CJK)
    expect(warning).toContain('技術問題緊急聯絡人（contacts.technicalEmergency）')
    expect(JSON.parse(readFileSync(run.outputs['report']!, 'utf8')).files[0].findings[0]).toMatchObject({ ruleId: 'emergency-contact-pageable', path: '/contacts/technicalEmergency', line: 27 })
    for (const text of [body, run.summary, run.stdout]) expect(text).not.toContain('eats-oncall@example.com')
  })

  it('without the input, language: in .partner-contacts.yaml decides; an unknown language is one warning and English', async () => {
    const { plan, sticky } = await setup('language: it\n')
    const italian = await plan()
    expect(italian.code).toBe(0)
    expect(sticky()!.body).toContain('## Piano di partner-contacts')
    expect(sticky()!.body).toContain('| Contatti avvisi \\(Alert Contacts\\) | ✅ completo | 2 |')
    expect(annotations(italian.stdout)[0]).toMatch(/::Nessuna voce di Contatti tecnici di emergenza/)

    const unknown = await plan({ language: 'fr' })
    expect(unknown.code).toBe(0)
    expect(unknown.stdout).toContain('::warning::input language: unknown language "fr"; using English (available: en, it, zh-TW)')
    expect(sticky()!.body).toContain('## partner-contacts plan')
  })

  it('a bad input or configuration fails the step with one line in the language; an unexpected failure says "internal error" in it too', async () => {
    const { plan } = await setup()
    const badInput = await plan({ language: 'zh-TW', 'fail-on': 'sometimes' })
    expect(badInput.code).toBe(1)
    expect(badInput.stdout).toContain('::error::輸入 fail-on：必須是 error、warning 或 never')
    const shard = await plan({ language: 'it', shard: '4/3' })
    expect(shard.stdout).toContain('::error::input shard: "4/3" deve avere la forma i/n con 1 ≤ i ≤ n, ad esempio ${{ matrix.shard }}/4')

    const { plan: planWithConfig } = await setup('language: it\nrules: [1, 2]\n')
    const badConfig = await planWithConfig({ language: 'zh-TW' })
    expect(badConfig.code).toBe(1)
    const line = badConfig.stdout.split('\n').find((l) => l.startsWith('::error::'))!
    expect(line).toMatch(CJK)
    expect(line).toContain('rules')
    // English keeps its words.
    expect((await plan({ 'fail-on': 'sometimes' })).stdout).toContain('::error::input fail-on: must be error, warning or never')
  })
})
