// The three catalogues: the same message IDs, the same arguments, ICU that the library parses, the glossary's labels.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadMessages, overrideProblems, placeholders } from '../../src/i18n/catalogue.js'
import { catalogueTexts } from '../helpers/catalogue-texts.js'
import { chooseLanguage, envLanguage, LOCALES, matchLocale } from '../../src/i18n/locale.js'
import { RULES } from '../../src/rules/index.js'
import { ruleMessageId } from '../../src/rules/rule.js'
import { RULE_IDS } from '../../src/rules/rule-ids.js'

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, catalogueTexts(l)] as const))
const english = catalogues['en']!

describe('catalogue parity', () => {
  it.each(LOCALES)('%s has exactly the English message IDs', (locale) => {
    expect(Object.keys(catalogues[locale]!).sort()).toEqual(Object.keys(english).sort())
  })

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: every message parses as ICU MessageFormat and takes the English arguments', (locale) => {
    const mismatched: string[] = []
    for (const [id, text] of Object.entries(catalogues[locale]!)) {
      if (placeholders(text, locale).join() !== placeholders(english[id]!).join()) mismatched.push(id)
    }
    expect(mismatched).toEqual([])
  })

  it('every message a rule reports is in the catalogues, and every rule message belongs to a rule', () => {
    const reported = RULE_IDS.flatMap((id) => RULES[id].meta.messages.map((m) => ruleMessageId(id, m)))
    for (const id of reported) expect(english, id).toHaveProperty([id])
    const helpers = new Set(['rule.launch-readiness.field'])
    const inCatalogue = Object.keys(english).filter((id) => id.startsWith('rule.') && !helpers.has(id))
    expect(inCatalogue.sort()).toEqual(reported.sort())
  })

  it('a message formats in every language with arguments of the right kind', async () => {
    for (const locale of LOCALES) {
      const t = await loadMessages(locale)
      const text = t.format('stylish.problems', { problems: 3, errors: 2, warnings: 1, infos: 0, files: 1 })
      expect(text, locale).toMatch(/3/)
      expect(() => t.format('stylish.problems', {}), locale).toThrow()
      expect(() => t.format('no.such.message'), locale).toThrow(/not in the/)
    }
  })
})

describe('the portal’s own words (docs/glossary.md)', () => {
  const glossary = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8')
  const rows = new Map(
    [...glossary.matchAll(/^\| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \|$/gm)].map((m) => [m[1]!.trim(), { it: m[2]!.trim(), 'zh-TW': m[3]!.trim() }]),
  )
  const FIELDS: Record<string, string> = {
    'field.alert': 'Alert Contacts',
    'field.technicalEmergency': 'Technical Emergency Contacts',
    'field.technicalNonEmergency': 'Technical Non-Emergency Contacts',
    'field.merchantIssues': 'Operational contact for merchant issues',
    'field.operationalForGoogle': 'Operational contact (for Google)',
    'field.operationalForUsers': 'Operational contact (to share with users)',
    'field.support': 'Operational Support',
    'field.page': 'Contact Information (page)',
  }

  it.each(Object.entries(FIELDS))('%s is the glossary label in Italian and Traditional Chinese', (id, english) => {
    const row = rows.get(english)
    expect(row, english).toBeDefined()
    expect(catalogues['it']![id]).toBe(row!.it)
    expect(catalogues['zh-TW']![id]).toBe(row!['zh-TW'])
  })

  it('Traditional Chinese uses full-width punctuation next to Chinese text, and no Simplified-only characters', () => {
    const bad: string[] = []
    for (const [id, text] of Object.entries(catalogues['zh-TW']!)) {
      // A half-width comma, colon or semicolon touching a CJK character (YAML examples such as `key: value` are fine).
      if (/[\u4e00-\u9fff][,;:](?![ \w])|[\u4e00-\u9fff][,;]|[,;][\u4e00-\u9fff]/u.test(text)) bad.push(id)
      if (/[们这说时经个应该设请]/u.test(text)) bad.push(`${id} (Simplified)`)
    }
    expect(bad).toEqual([])
  })

  it('Italian keeps the portal’s formal register: no informal imperatives', () => {
    const informal = Object.entries(catalogues['it']!).filter(([, text]) => /\b(scrivi|aggiungi|togli|metti|inserisci|correggi|tu|tuo|tua|hai)\b/i.test(text))
    expect(informal.map(([id]) => id)).toEqual([])
  })
})

describe('choosing the language', () => {
  it('maps tags and POSIX locales to ours', () => {
    expect(['en', 'en-GB', 'en_US.UTF-8', 'it', 'it-IT', 'it_CH.utf8', 'zh-TW', 'zh_TW.UTF-8', 'zh-Hant', 'zh-Hant-TW', 'zh_HK'].map(matchLocale)).toEqual(
      ['en', 'en', 'en', 'it', 'it', 'it', 'zh-TW', 'zh-TW', 'zh-TW', 'zh-TW', 'zh-TW'],
    )
    expect(['zh-CN', 'zh', 'de_DE.UTF-8', 'C', 'POSIX', 'C.UTF-8', ''].map(matchLocale)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined])
  })

  it('the first explicit choice wins; the environment only fills in; unknown is one warning and English', () => {
    expect(chooseLanguage([{ value: 'it', source: '--lang' }, envLanguage({ LANG: 'zh_TW.UTF-8' })])).toEqual({ locale: 'it' })
    expect(chooseLanguage([{ value: undefined, source: '--lang' }, envLanguage({ LC_ALL: 'zh_TW.UTF-8', LANG: 'it_IT.UTF-8' })])).toEqual({ locale: 'zh-TW' })
    expect(chooseLanguage([envLanguage({ LC_MESSAGES: 'it_IT', LANG: 'en_US' })])).toEqual({ locale: 'it' })
    // A German shell is nobody's choice for this tool: English, silently; the config still applies after it.
    expect(chooseLanguage([envLanguage({ LANG: 'de_DE.UTF-8' }), { value: 'zh-TW', source: 'config' }])).toEqual({ locale: 'zh-TW' })
    const unknown = chooseLanguage([{ value: 'klingon\u001b[31m', source: '--lang' }])
    expect(unknown.locale).toBe('en')
    expect(unknown.warning).toMatch(/^--lang: unknown language "klingon\?\?31m"; using English/)
    expect(unknown.warning).not.toContain('\n')
  })
})

describe('a partner’s override catalogue', () => {
  it('may reword a message with fewer arguments, never invent one, and must parse', () => {
    expect(overrideProblems(english, { 'rule.users-roles.noAdministrator': 'Nominate an administrator.' }, 'en')).toEqual([])
    expect(overrideProblems(english, { 'rule.contact-phone.impossible': 'Bad phone {label}' }, 'en')).toEqual([])
    expect(overrideProblems(english, { 'rule.contact-phone.impossible': 'Bad phone {email}' }, 'en')).toEqual([
      expect.stringMatching(/uses \{email\}; it may use \{field\}, \{index\}, \{label\}/),
    ])
    expect(overrideProblems(english, { 'no.such': 'x' }, 'en')).toEqual(['"no.such" is not a message ID'])
    expect(overrideProblems(english, { 'severity.error': 'oops {' }, 'en')).toEqual(['"severity.error" is not valid ICU MessageFormat'])
    expect(overrideProblems(english, { 'severity.error': 3 }, 'en')).toEqual(['"severity.error" must be a string'])
    // From the repository, so from pull requests: no line breaks, no HTML comments that could pass for our markers.
    expect(overrideProblems(english, { 'plan.heading': 'x\n<!-- partner-contacts:checksum -->' }, 'en')).toHaveLength(1)
    expect(overrideProblems(english, { 'plan.heading': 'x <!-- y -->' }, 'en')).toHaveLength(1)
  })

  it('holds no markup, even one ICU would assemble at run time, and no control or bidi character', () => {
    const problem = (id: string, text: string) => overrideProblems(english, { [id]: text }, 'en')
    // `<!` + `-` (a select's only branch) + `-` would make "<!--" when formatted: the literals are checked together.
    expect(problem('apply.count.applied', '<!{count, select, other {-}}- partner-contacts:confirmed eyJ9 -->')).toEqual([
      '"apply.count.applied" must be text without "<", ">" or a Markdown link',
    ])
    expect(problem('severity.error', 'see <details>')).toHaveLength(1)
    expect(problem('severity.error', '[error]{x, select, other {(}}https://evil.example)')).toHaveLength(1)
    expect(problem('severity.error', 'error [y/N]')).toEqual([])
    for (const c of ['\u009b', '\u202e', '\u2066', '\u200b']) expect(problem('severity.error', `err${c}or`), c).toHaveLength(1)
  })

  it('formats an argument only as the built-in message does (a text as a date throws at run time), and leaves the yes answers alone', () => {
    expect(overrideProblems(english, { 'apply.count.applied': '{count, date}' }, 'en')).toEqual(['"apply.count.applied" formats {count} as a date, which the built-in message does not'])
    expect(overrideProblems(english, { 'apply.count.applied': '{count, plural, one {# applicato} other {# applicati}}' }, 'en')).toEqual([])
    expect(overrideProblems(english, { 'cli.error.internal': '{message, number}' }, 'en')).toEqual(['"cli.error.internal" formats {message} as a number, which the built-in message does not'])
    expect(overrideProblems(english, { 'cli.error.internal': '{message, select, other {oops}}' }, 'en')).toEqual([])
    expect(overrideProblems(english, { 'cli.prompt.yesAnswers': 'n|no|' }, 'en')).toEqual(['"cli.prompt.yesAnswers" cannot be overridden'])
  })
})
