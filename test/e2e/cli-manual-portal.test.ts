// The CLI with a manual portal (SPEC §11), as a team without GitHub runs it: apply prints the steps, confirm records them.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-dir.js'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const first = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
const second = first.replace('name: Platform on-call', 'name: Platform pager')

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', USER: 'ana' }, input: '' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Markdown as it reads: the output layer backslash-escapes every punctuation mark of a value. */
const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1')

function project(text = first): string {
  const dir = tempDir('pc-manual-cli-')
  writeFileSync(join(dir, 'contacts.yaml'), text)
  return dir
}

describe('partner-contacts with --portal manual:<dir>', () => {
  it('apply prints the steps and writes nothing; confirm records; the next apply shows only the new difference', () => {
    const dir = project()
    const apply = cli(['apply', '--portal', 'manual:state'], dir)
    expect(apply.code, apply.stderr).toBe(0)
    expect(apply.stdout).toContain('1 pending (manual portal)')
    expect(apply.stdout).toContain('never confirmed for this partner')
    expect(apply.stdout).toMatch(/Configuration → Contact Information\n(.*\n)*\s+\d+\. Technical Emergency Contacts: make it list exactly eats-oncall@example\.pagerduty\.com \(name “Platform on-call”\)/)
    expect(apply.stdout).toContain('When done: partner-contacts confirm contacts.yaml --portal manual:state')

    const confirm = cli(['confirm', '--portal', 'manual:state'], dir)
    expect(confirm.code, confirm.stderr).toBe(0)
    expect(confirm.stdout).toMatch(/^contacts\.yaml: partner 10000001 confirmed by ana on \d{4}-\d{2}-\d{2}; recorded in .*10000001\.json\n$/)
    const record = JSON.parse(readFileSync(join(dir, 'state', '10000001.json'), 'utf8'))
    expect(record).toMatchObject({ version: 1, partnerId: '10000001', confirmation: { by: 'ana', file: 'contacts.yaml' } })

    const same = cli(['plan', '--portal', 'manual:state'], dir)
    expect(same.stdout).toMatch(/as confirmed by @ana on \d{4}-\d{2}-\d{2}/)
    expect(same.stdout).toContain('no changes')

    writeFileSync(join(dir, 'contacts.yaml'), second)
    const markdown = cli(['apply', '--portal', 'manual:state', '--format', 'markdown'], dir)
    expect(markdown.code, markdown.stderr).toBe(0)
    expect(markdown.stdout).toContain('#### Configuration → Contact Information')
    expect(unescape(markdown.stdout)).toContain('- [ ] **Technical Emergency Contacts**: for eats-oncall@example.pagerduty.com, change the name from “Platform on-call” to “Platform pager”')
    expect(markdown.stdout.match(/- \[ \]/g)).toHaveLength(2)
  })

  it('--lang zh-TW: the steps, the plan line and confirm speak Traditional Chinese, in the portal page\'s own labels', () => {
    const dir = project()
    const apply = cli(['apply', '--portal', 'manual:state', '--lang', 'zh-TW'], dir)
    expect(apply.code, apply.stderr).toBe(0)
    const steps = apply.stdout.slice(apply.stdout.indexOf('人員操作步驟：合作夥伴 10000001（contacts.yaml）'))
    expect(steps.length, apply.stdout).toBeLessThan(apply.stdout.length)
    expect(steps).toContain('手動入口網站，這個合作夥伴從未確認過：每個項目都是新增。')
    expect(steps).toMatch(/設定 → 聯絡資訊\n(.*\n)*\s+\d+\. 技術問題緊急聯絡人：確保只列出 eats-oncall@example\.pagerduty\.com（名稱：「Platform on-call」）/)
    for (const label of ['快訊聯絡人', '技術問題非緊急聯絡人', '商家問題的營運聯絡人', '營運聯絡人 (提供給 Google)', '營運聯絡人 (會提供給使用者)', '營運支援', '「使用者」分頁']) expect(steps).toContain(label)
    // Weekday names from Intl in zh-TW, never English; no English step words once emails and zones are taken out.
    expect(steps).toContain('營運支援：只勾選 週一–週五 09:00–18:00 Europe/Rome')
    expect(steps.replace(/\S+@\S+|Europe\/Rome|Google|partner-contacts confirm.*|manual:state|contacts\.yaml|\((Administrator|Editor)\)|（(Administrator|Editor)）/g, '')).not.toMatch(/\b(add|remove|select|Save|make|exactly|every|name|role|Steps|When done|Mon|Fri)\b/)
    expect(steps).toContain('完成後：partner-contacts confirm contacts.yaml --portal manual:state')

    const confirm = cli(['confirm', '--portal', 'manual:state', '--lang', 'zh-TW'], dir)
    expect(confirm.code, confirm.stderr).toBe(0)
    expect(confirm.stdout).toMatch(/^contacts\.yaml：合作夥伴 10000001 已由 ana 於 \d{4}年\d{1,2}月\d{1,2}日 確認；已記錄在 .*10000001\.json\n$/)
    expect(cli(['plan', '--portal', 'manual:state', '--lang', 'zh-TW'], dir).stdout).toMatch(/與 @ana 於 \d{4}年\d{1,2}月\d{1,2}日 確認的入口網站狀態比較。/)

    writeFileSync(join(dir, 'contacts.yaml'), second)
    const markdown = cli(['apply', '--portal', 'manual:state', '--format', 'markdown', '--lang', 'zh-TW'], dir)
    expect(markdown.stdout).toContain('## 合作夥伴入口網站操作步驟')
    expect(markdown.stdout).toContain('#### 設定 → 聯絡資訊')
    expect(unescape(markdown.stdout)).toContain('- [ ] **技術問題緊急聯絡人**：將 eats-oncall@example.pagerduty.com 的名稱從「Platform on-call」改為「Platform pager」')
    expect(markdown.stdout.match(/- \[ \]/g)).toHaveLength(2)
  })

  it('confirm refuses a plan other than the one the steps were printed from, and a portal that is not manual', () => {
    const dir = project()
    const shown = JSON.parse(cli(['plan', '--portal', 'manual:state', '--format', 'json'], dir).stdout)
    writeFileSync(join(dir, 'contacts.yaml'), second)
    const stale = cli(['confirm', '--portal', 'manual:state', '--checksum', shown.files[0].plan.checksum], dir)
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain('not recorded: the plan changed since the steps were printed')
    expect(cli(['plan', '--portal', 'manual:state'], dir).stdout).toContain('never confirmed')

    const wrong = cli(['confirm', '--portal', 'file:portal.json'], dir)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('confirm records a manual portal')
    expect(cli(['plan', '--portal', 'manual'], dir).stderr).toContain('needs a directory for its confirmed states')
  })
})
