// Issue #14 through the bundles: apply's terminal output, its refusal reasons, the approval refusals and the apply
// comment in Italian and Traditional Chinese (dist/cli.js and dist/index.js, against the file: emulator portal).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { mergedPullRepo, startGitHubServer, type ReviewSeed, type RunningGitHubServer } from '../helpers/github-server.js'
import { seedPortal } from '../helpers/portal-seed.js'
import { runAction } from '../helpers/run-action.js'
import { tempDir } from '../helpers/temp-dir.js'
import { mergedPullRequestEvents, writeEvent } from '../helpers/webhook-events.js'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const before = example.replace('integrations@example.com', 'old-integrations@example.com')
const four = example.replace(/  technicalNonEmergency:\n    - email: integrations@example.com\n/, '  technicalNonEmergency:\n    - a@example.com\n    - b@example.com\n    - c@example.com\n    - email: integrations@example.com\n')
/** Outcome and reason words of the English output: none may be left in another language's. */
const ENGLISH = /\b(applied|unchanged|refused|nothing written|not written|dry run|stale plan|unsafe plan|reviewed plan|removes|update contact information)\b/

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' }, input: '' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

async function project(portal = before): Promise<{ dir: string; state: () => string }> {
  const dir = tempDir('pc-apply-lang-')
  writeFileSync(join(dir, 'contacts.yaml'), example)
  await seedPortal('file:portal.json', portal, { cwd: dir })
  return { dir, state: () => readFileSync(join(dir, 'portal.json'), 'utf8') }
}

describe('partner-contacts apply --lang, through the bundle', () => {
  it('zh-TW --dry-run: the outcome, the writes it would make and the total in Traditional Chinese', async () => {
    const { dir, state } = await project()
    const portal = state()
    const run = cli(['apply', '--lang', 'zh-TW', '--portal', 'file:portal.json', '--dry-run'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('contacts.yaml  合作夥伴 10000001  試執行，未寫入任何內容')
    expect(run.stdout).toContain('· 更新聯絡資訊（technicalNonEmergencyContacts）')
    expect(run.stdout).toMatch(/套用：1 個檔案：0 個已套用.*1 個試執行\n$/)
    expect(run.stdout.slice(run.stdout.indexOf('合作夥伴 10000001  試執行'))).not.toMatch(ENGLISH)
    expect(state()).toBe(portal)
  })

  it('zh-TW: a stale plan is refused, and says why in Traditional Chinese', async () => {
    const { dir, state } = await project()
    const portal = state()
    const run = cli(['apply', '--lang', 'zh-TW', '--portal', 'file:portal.json', '--yes', '--checksum', `sha256:${'1'.repeat(64)}`], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/已拒絕，未寫入任何內容\n {2}計畫已過時：審查時的計畫是 111111111111，最新計畫是 [0-9a-f]{12}（審查後入口網站或檔案有所變更）\n/)
    expect(run.stdout).toMatch(/套用：1 個檔案：.*1 個已拒絕/)
    expect(state()).toBe(portal)
  })

  it('it: an unsafe plan is refused in Italian, in the plan shown first, the refusal and the JSON report', async () => {
    const { dir, state } = await project(four)
    const portal = state()
    const run = cli(['apply', '--lang', 'it', '--portal', 'file:portal.json', '--yes'], dir)
    expect(run.code).toBe(1)
    // The plan shown before asking: its unsafe reasons, as the plan stage gave them (data), in Italian.
    expect(run.stdout).toContain('    - rimuove 3 delle 4 voci di Contatti tecnici non di emergenza (75%, più del 30% consentito da max-removal-ratio)')
    expect(run.stdout).toContain('contacts.yaml  partner 10000001  rifiutato, non è stato scritto nulla\n  piano non sicuro: rimuove 3 delle 4 voci di Contatti tecnici non di emergenza')
    const tail = run.stdout.slice(run.stdout.indexOf('rifiutato, non è stato scritto nulla'))
    expect(tail).not.toMatch(ENGLISH)
    expect(state()).toBe(portal)
    const json = JSON.parse(cli(['apply', '--lang', 'it', '--portal', 'file:portal.json', '--yes', '--format', 'json'], dir).stdout)
    // Machine formats: the keys stay, the text follows the language.
    expect(json.files[0].apply).toMatchObject({ outcome: 'refused', forced: false, reasons: [expect.stringMatching(/^piano non sicuro: rimuove 3 delle 4 voci di /)] })
    expect(json.files[0].plan.unsafeReasons).toEqual([expect.stringMatching(/^rimuove 3 delle 4 voci di Contatti tecnici non di emergenza/)])
    // The checksum does not depend on the language.
    const english = JSON.parse(cli(['plan', '--portal', 'file:portal.json', '--format', 'json'], dir).stdout)
    expect(json.files[0].plan.checksum).toBe(english.files[0].plan.checksum)
    expect(english.files[0].plan.unsafeReasons).toEqual([expect.stringMatching(/^removes 3 of the 4 Technical Non-Emergency Contacts entries/)])
  })

  it('zh-TW: a portal that cannot be read fails, and the one stderr line is in Traditional Chinese around the portal’s own detail', async () => {
    const { dir } = await project()
    writeFileSync(join(dir, 'portal.json'), '{"trunc')
    const run = cli(['apply', '--lang', 'zh-TW', '--portal', 'file:portal.json', '--yes'], dir)
    expect(run.code).toBe(2)
    expect(run.stdout).toContain('contacts.yaml  合作夥伴 10000001  失敗\n  無法讀取入口網站：')
    expect(run.stderr).toMatch(/^partner-contacts: contacts\.yaml: 無法讀取入口網站：.+\n$/)
  })
})

// The Action: a stand-in GitHub, the PR planned, then its merge commit pushed and applied with `language`.
const OWNER = 'Codertocat'
const REPO = 'Hello-World'
const APPLY_MARKER = '<!-- partner-contacts:apply -->'
const servers: RunningGitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function action(language: string, reviews?: (head: string) => Array<Omit<ReviewSeed, 'pull'>>) {
  const dir = tempDir('pc-apply-lang-ws-')
  writeFileSync(join(dir, 'contacts.yaml'), example)
  await seedPortal('file:portal.json', before, { cwd: dir })
  const { pr, number, head, push, mergeSha } = mergedPullRequestEvents()
  const seeded = reviews?.(head) ?? [{ user: 'reviewer', state: 'APPROVED' as const, commitId: head }]
  const gh = await startGitHubServer({ repos: [mergedPullRepo({ number, head, mergeSha }, { reviews: seeded })] })
  servers.push(gh)
  const env = { GITHUB_API_URL: gh.url, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1' }
  const inputs = { 'portal-url': 'file:portal.json', 'github-token': 'ghs_test', language }
  await runAction({ workspace: dir, eventName: 'pull_request', eventPath: writeEvent(tempDir('pc-ev-'), pr), inputs, env })
  gh.repo(`${OWNER}/${REPO}`).reviews.forEach((r, i) => {
    if (seeded[i]?.submittedAt === undefined) r.submittedAt = new Date().toISOString()
  })
  return {
    dir,
    number,
    portal: () => readFileSync(join(dir, 'portal.json'), 'utf8'),
    apply: () => runAction({ workspace: dir, eventName: 'push', eventPath: writeEvent(tempDir('pc-ev-'), push), inputs, env: { ...env, GITHUB_SHA: mergeSha, GITHUB_REF: 'refs/heads/master' } }),
    applyComments: () => gh.commentsOn(`${OWNER}/${REPO}`, number).filter((c) => c.body.startsWith(APPLY_MARKER)),
  }
}

describe('Action apply with language, through the bundle', () => {
  it('zh-TW: a stale plan is refused; the failure and the apply comment say why in Traditional Chinese', async () => {
    const s = await action('zh-TW')
    await seedPortal('file:portal.json', before.replace('support@example.com', 'help@example.com'), { cwd: s.dir })
    const portal = s.portal()
    const run = await s.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::contacts\.yaml：apply 已拒絕：計畫已過時：審查時的計畫是 [0-9a-f]{12}，最新計畫是 [0-9a-f]{12}/)
    expect(run.stdout).toMatch(/contacts\.yaml: 已拒絕 — 計畫已過時：/)
    const body = s.applyComments()[0]!.body
    expect(body).toMatch(/- 計畫已過時：審查時的計畫是 [0-9a-f]{12}，最新計畫是 [0-9a-f]{12}（審查後入口網站或檔案有所變更）/)
    expect(body).not.toMatch(/stale plan|the reviewed plan/)
    expect(s.portal()).toBe(portal)
  })

  it('it: a pull request only its author approved is refused, in Italian, in the comment and the failure', async () => {
    const s = await action('it', (head) => [{ user: 'Codertocat', state: 'APPROVED', commitId: head }])
    const portal = s.portal()
    const run = await s.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error::apply rifiutato: #${s.number} non è approvata come richiesto: ha approvato solo l’autore`)
    const body = s.applyComments()[0]!.body
    expect(body).toContain('**Rifiutato: nel portale non è stato scritto nulla.**')
    // Markdown-escaped as every reason is (`\#`, `\:`).
    expect(body).toContain(`- \\#${s.number} non è approvata come richiesto\\: ha approvato solo l’autore`)
    expect(body).toMatch(/non è approvata come richiesto\\: 0 di 1 approvazione richiesta sull’head finale [0-9a-f]{7}/)
    expect(body).not.toMatch(/is not approved|only the author|required approval/)
    expect(s.portal()).toBe(portal)
  })
})
