// `partner-contacts validate --lang it|zh-TW` through the bundle: every message of the broken-file corpus in that language.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { RULES } from '../../src/rules/index.js'
import { RULE_IDS } from '../../src/rules/rule-ids.js'
import { catalogueTexts } from '../helpers/catalogue-texts.js'
import { caseYaml, docExamples } from '../helpers/rule-tester.js'
import { tempDir } from '../helpers/temp-dir.js'
import { CORPUS, SECRET_EMAIL, SECRET_PHONE } from '../reliability/bad-input-corpus.js'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env }, maxBuffer: 64 << 20 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

interface JsonFinding {
  ruleId: string
  line: number
  path: string
  message: string
}

/** The corpus, plus each rule's failing doc example laid over a complete file: every kind of finding we write. */
function corpusDir(): string {
  const dir = tempDir('pc-lang-')
  mkdirSync(join(dir, 'corpus'))
  for (const [name, bytes] of CORPUS) writeFileSync(join(dir, 'corpus', `${name.replace(/[^a-z0-9]+/gi, '-')}.yaml`), bytes)
  for (const id of RULE_IDS) {
    // A cross-file rule's example is several files, one YAML document each.
    const example = docExamples(id).find((e) => e.expect === 'fails')!
    example.text.split(/^---$/m).forEach((doc, n) => writeFileSync(join(dir, 'corpus', `rule-${id}-${n}.yaml`), caseYaml({ file: parse(doc) as Record<string, unknown> })))
  }
  // support-coverage is off by default; turn it on so that its message is printed too.
  writeFileSync(join(dir, '.partner-contacts.yaml'), 'rules:\n  support-coverage: warning\n')
  return dir
}

/** Latin words of 4+ letters, or runs of Chinese characters. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{Script=Latin}]{4,}|[\u4e00-\u9fff]{2,}/gu) ?? []
}

function wordsOnlyIn(catalogue: Readonly<Record<string, string>>, english: Readonly<Record<string, string>>): Set<string> {
  const common = new Set(Object.values(english).flatMap(wordsOf))
  return new Set(Object.values(catalogue).flatMap(wordsOf).filter((w) => !common.has(w)))
}

const LABELS = ['alert', 'technicalEmergency', 'technicalNonEmergency', 'merchantIssues', 'operationalForGoogle', 'operationalForUsers'] as const

describe('validate --lang over the broken-file corpus, through the bundle', () => {
  const dir = corpusDir()
  // Each run spawns the bundle over ~45 files: run each language and format once, and share the result.
  const runs = new Map<string, ReturnType<typeof cli>>()
  const run = (lang: string, format = 'json') => {
    const key = `${lang} ${format}`
    if (!runs.has(key)) runs.set(key, cli(['validate', 'corpus/*.yaml', '--format', format, '--lang', lang, '--config', '.partner-contacts.yaml'], dir))
    return runs.get(key)!
  }
  const findings = (stdout: string): JsonFinding[] => (JSON.parse(stdout) as { files: Array<{ findings: JsonFinding[] }> }).files.flatMap((f) => f.findings)
  const english = run('en')
  const en = findings(english.stdout)

  it('the English run covers every rule and every pre-rule stage', () => {
    expect(english.code).toBe(1)
    expect(new Set(en.map((f) => f.ruleId))).toEqual(new Set([...RULE_IDS.filter((id) => RULES[id].meta.messages.length > 0), 'yaml-syntax', 'yaml-unsafe', 'schema']))
  })

  it.each(['it', 'zh-TW'] as const)('%s: the same findings, every message in that language, field names as in the glossary, no contact quoted', async (lang) => {
    const result = run(lang)
    // Only progress lines, in that language, which a slow machine may print (a log gets them after two seconds).
    expect(result.stderr).toMatch(lang === 'it' ? /^(convalida \d+\/\d+ \(\d+ %, \d+ s\)\n)*$/ : /^(驗證中 \d+\/\d+（\d+%，\d+ 秒）\n)*$/)
    expect(result.code).toBe(1)
    const translated = findings(result.stdout)
    // Rule IDs, paths and lines never change with the language.
    expect(translated.map(({ ruleId, line, path }) => [ruleId, line, path])).toEqual(en.map(({ ruleId, line, path }) => [ruleId, line, path]))
    const catalogue = catalogueTexts(lang)
    const ownWords = wordsOnlyIn(catalogue, catalogueTexts('en'))
    translated.forEach((f, i) => {
      expect(f.message, `${f.ruleId} ${f.path}`).not.toBe(en[i]!.message)
      // Written in that language: it uses words its catalogue has and the English one does not.
      expect(wordsOf(f.message).some((w) => ownWords.has(w)), `${f.ruleId} ${f.path}: ${f.message}`).toBe(true)
      const field = LABELS.find((l) => f.path.startsWith(`/contacts/${l}`))
      // A finding on a contact field names it with the portal's own label in that language.
      if (field && f.ruleId !== 'yaml-syntax' && f.ruleId !== 'yaml-unsafe') expect(f.message, f.message).toContain(catalogue[`field.${field}`])
    })
    for (const text of [result.stdout, run(lang, 'stylish').stdout]) {
      expect(text).not.toContain(SECRET_EMAIL)
      expect(text).not.toContain('secret-domain')
      expect(text).not.toContain(SECRET_PHONE)
    }
  }, 90_000)

  it('stylish speaks the language too: severities and the summary line', () => {
    expect(run('it', 'stylish').stdout).toMatch(/errore[\s\S]*✖ \d+ problemi \(\d+ errori, \d+ avvisi(, \d+ info)?\) in \d+ file\n$/)
    expect(run('zh-TW', 'stylish').stdout).toMatch(/錯誤[\s\S]*✖ \d+ 個檔案中有 \d+ 個問題（\d+ 個錯誤，\d+ 個警告(，\d+ 個資訊)?）\n$/)
  }, 90_000)
})

describe('choosing the language from the command line', { timeout: 60_000 }, () => {
  const dir = tempDir('pc-lang-env-')
  writeFileSync(join(dir, 'contacts.yaml'), 'version: 2\n')
  const summary = (env: Record<string, string>, args: string[] = []) => cli(['validate', ...args], dir, env)

  it('LC_ALL, LC_MESSAGES and LANG in that order; --lang over all of them; a shell in another language reads English', () => {
    expect(summary({ LANG: 'it_IT.UTF-8' }).stdout).toMatch(/3 problemi/)
    expect(summary({ LC_ALL: 'zh_TW.UTF-8', LANG: 'it_IT.UTF-8' }).stdout).toMatch(/問題/)
    expect(summary({ LC_MESSAGES: 'it_IT.UTF-8', LANG: 'zh_TW.UTF-8' }).stdout).toMatch(/3 problemi/)
    expect(summary({ LANG: 'zh_TW.UTF-8' }, ['--lang', 'en']).stdout).toMatch(/3 problems/)
    const german = summary({ LANG: 'de_DE.UTF-8' })
    expect(german.stdout).toMatch(/3 problems/)
    expect(german.stderr).toBe('')
  })

  it('an unknown --lang is one warning line and English', () => {
    const run = summary({}, ['--lang=klingon'])
    expect(run.stderr).toBe('partner-contacts: warning: --lang: unknown language "klingon"; using English (available: en, it, zh-TW)\n')
    expect(run.stdout).toMatch(/3 problems \(3 errors/)
  })

  it('language: in .partner-contacts.yaml is the repository default, and a partner override catalogue rewords a message', () => {
    const repo = tempDir('pc-lang-config-')
    writeFileSync(join(repo, 'contacts.yaml'), 'version: 2\n')
    writeFileSync(join(repo, '.partner-contacts.yaml'), 'language: zh-TW\nmessages:\n  zh-TW: i18n/zh-TW.yaml\n')
    mkdirSync(join(repo, 'i18n'))
    writeFileSync(join(repo, 'i18n/zh-TW.yaml'), 'schema.const: "{field} 請填 {value}（見 wiki）"\n')
    const run = cli(['validate', '--format', 'json'], repo)
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout).files[0].findings.map((f: JsonFinding) => f.message)).toContain('version 請填 1（見 wiki）')
    expect(cli(['validate'], repo, { LANG: 'it_IT.UTF-8' }).stdout).toMatch(/3 problemi/)

    writeFileSync(join(repo, 'i18n/zh-TW.yaml'), 'schema.const: "{field} {email}"\n')
    const bad = cli(['validate'], repo)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/i18n\/zh-TW\.yaml: "schema\.const" uses \{email\}; it may use \{field\}, \{value\}/)
  })

  it('--help in each language', () => {
    expect(cli(['--help', '--lang', 'it'], dir).stdout).toMatch(/^Uso: partner-contacts <comando>/)
    expect(cli(['validate', '--help', '--lang', 'zh-TW'], dir).stdout).toMatch(/^用法：partner-contacts validate/)
    expect(cli(['nope', '--lang', 'it'], dir).stderr).toMatch(/^partner-contacts: comando sconosciuto "nope"/)
  })
})
