// The CLI's own words in Italian and Traditional Chinese, through the bundle: each command's --help, usage errors,
// configuration and file errors, and the apply prompt's refusal. English stays as it was (cli-conventions, cli-apply).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { seedPortal } from '../helpers/portal-seed.js'
import { tempDir } from '../helpers/temp-dir.js'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env }, input: '' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const COMMANDS = ['plan', 'apply', 'import', 'portal', 'confirm'] as const

/** Sentences of each command's English --help that a translation must not keep. */
const ENGLISH: Record<(typeof COMMANDS)[number], string[]> = {
  plan: ['Never writes to the portal', 'Exit status:', 'show this help', 'OAuth scope for Google credentials'],
  apply: ['Plans each file, shows the plan', 'apply without asking', 'Exit status:', 'show this help'],
  import: ['Writes a complete contacts.yaml', 'write or update this file', 'show this help'],
  portal: ['Serves the portal API contract', 'state file (required)', 'show this help'],
  confirm: ['For a portal with no API', 'who confirms', 'Exit status:', 'show this help'],
}

/** Words each translation uses, in every command's help. */
const WORDS = {
  it: { usage: 'Uso: partner-contacts', options: 'Opzioni:', help: 'mostra questo aiuto' },
  'zh-TW': { usage: '用法：partner-contacts', options: '選項：', help: '顯示這份說明' },
} as const

describe('the CLI in Italian and Traditional Chinese', { timeout: 60_000 }, () => {
  const dir = tempDir('pc-lang-help-')

  it.each(['it', 'zh-TW'] as const)('%s: help plan|apply|import|portal|confirm is translated; option names stay literal', (lang) => {
    const words = WORDS[lang]
    for (const command of COMMANDS) {
      for (const args of [['help', command, '--lang', lang], [command, '--help', '--lang', lang]]) {
        const run = cli(args, dir)
        expect(run.code, args.join(' ')).toBe(0)
        expect(run.stderr).toBe('')
        expect(run.stdout.startsWith(`${words.usage} ${command}`), run.stdout).toBe(true)
        expect(run.stdout).toContain(words.options)
        expect(run.stdout).toContain(words.help)
        expect(run.stdout).toContain('-h, --help')
        for (const sentence of ENGLISH[command]) expect(run.stdout, `${command}: ${sentence}`).not.toContain(sentence)
      }
    }
    expect(cli(['help', 'apply', '--lang', lang], dir).stdout).toMatch(/--checksum <sha256:…>[\s\S]*--dry-run[\s\S]*--portal <url>[\s\S]*--max-removal-ratio <r>/)
    // The environment chooses as well as --lang does.
    expect(cli(['help', 'plan'], dir, { LANG: lang === 'it' ? 'it_IT.UTF-8' : 'zh_TW.UTF-8' }).stdout.startsWith(words.usage)).toBe(true)
  })

  it('English help is unchanged in shape', () => {
    for (const command of COMMANDS) {
      const run = cli(['help', command], dir)
      expect(run.stdout.startsWith(`Usage: partner-contacts ${command}`)).toBe(true)
      for (const sentence of ENGLISH[command]) expect(run.stdout).toContain(sentence)
    }
  })

  it('an unknown option is one translated line with its "did you mean", exit 2', () => {
    expect(cli(['plan', '--colour', '--lang', 'it'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'partner-contacts: opzione sconosciuta "--colour" per plan; forse si intendeva --color? (vedere "partner-contacts help plan")\n',
    })
    expect(cli(['apply', '--colour'], dir, { LC_ALL: 'zh_TW.UTF-8' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'partner-contacts: apply 沒有 "--colour" 這個選項；您是否要輸入 --color？（請參閱「partner-contacts help apply」）\n',
    })
    expect(cli(['validate', '--format', '--lang', 'it'], dir)).toMatchObject({ code: 2, stderr: 'partner-contacts: Opzione "-f, --format <value>": manca il valore\n' })
    expect(cli(['validate', '--quiet=1', '--lang', 'zh-TW'], dir)).toMatchObject({ code: 2, stderr: 'partner-contacts: 選項「-q, --quiet」不接受引數\n' })
    // A control character in the option stays escaped, whatever the language.
    const escaped = cli(['validate', '--x\u001b[31m', '--lang', 'it'], dir)
    expect(escaped.code).toBe(2)
    expect(escaped.stderr).not.toContain('\u001b')
    expect(escaped.stderr.split('\n')).toHaveLength(2)
  })

  it('a missing --config file and a missing contacts file: one translated line, exit 2', () => {
    expect(cli(['validate', '--config', 'team.yaml', '--lang', 'it'], dir)).toEqual({ code: 2, stdout: '', stderr: 'partner-contacts: --config team.yaml: file inesistente\n' })
    expect(cli(['plan', '--config', 'team.yaml', '--lang', 'zh-TW'], dir)).toEqual({ code: 2, stdout: '', stderr: 'partner-contacts: --config team.yaml：找不到這個檔案\n' })
    expect(cli(['validate', 'missing.yaml', '--lang', 'zh-TW'], dir)).toEqual({ code: 2, stdout: '', stderr: 'partner-contacts: missing.yaml：找不到這個檔案\n' })
  })

  it('a configuration error speaks the language; its English text is unchanged', () => {
    const repo = tempDir('pc-lang-config-error-')
    writeFileSync(join(repo, 'contacts.yaml'), 'version: 1\n')
    writeFileSync(join(repo, '.partner-contacts.yaml'), 'rules:\n  no-such-rule: error\n')
    expect(cli(['validate', '--lang', 'it'], repo).stderr).toMatch(/^partner-contacts: .*\.partner-contacts\.yaml: regola sconosciuta "no-such-rule"\n$/)
    expect(cli(['validate', '--lang', 'zh-TW'], repo).stderr).toMatch(/^partner-contacts: .*\.partner-contacts\.yaml：不明的規則「no-such-rule」\n$/)
    expect(cli(['validate'], repo).stderr).toMatch(/^partner-contacts: .*\.partner-contacts\.yaml: unknown rule "no-such-rule"\n$/)
  })

  it('usage errors of import and portal serve', () => {
    expect(cli(['import', '--lang', 'it'], dir)).toMatchObject({ code: 2, stderr: 'partner-contacts: import richiede --partner <id>\n' })
    expect(cli(['portal', 'serve', '--lang', 'zh-TW'], dir)).toMatchObject({ code: 2, stderr: 'partner-contacts: portal serve 需要 --state <file.json>\n' })
  })

  it('apply without a terminal and without --yes refuses in the language, and writes nothing', async () => {
    const example = readFileSync(new URL('../../examples/ordering-e2e/contacts.yaml', import.meta.url), 'utf8')
    const repo = tempDir('pc-lang-apply-')
    writeFileSync(join(repo, 'contacts.yaml'), example)
    await seedPortal('file:portal.json', example.replace('integrations@example.com', 'old-integrations@example.com'), { cwd: repo })
    const portal = readFileSync(join(repo, 'portal.json'), 'utf8')
    const it = cli(['apply', '--portal', 'file:portal.json', '--lang', 'it'], repo)
    expect(it.code).toBe(2)
    expect(it.stderr).toBe('partner-contacts: apply chiede conferma prima di scrivere: eseguirlo in un terminale, o indicare --yes (non è stato scritto nulla)\n')
    const zh = cli(['apply', '--portal', 'file:portal.json'], repo, { LANG: 'zh_TW.UTF-8' })
    expect(zh.code).toBe(2)
    expect(zh.stderr).toBe('partner-contacts: apply 會在寫入前詢問：請在終端機中執行，或加上 --yes（未寫入任何內容）\n')
    expect(readFileSync(join(repo, 'portal.json'), 'utf8')).toBe(portal)
  })
})
