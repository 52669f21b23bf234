// Every rule has a module, a registry entry, a test file and a doc page, and each doc's examples do what they say.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { PreRuleId } from '../src/findings/finding.js'
import { RULES } from '../src/rules/index.js'
import { docsUrl } from '../src/rules/rule.js'
import { RULE_IDS } from '../src/rules/rule-ids.js'
import { caseYaml, docExamples, runRuleCase } from './helpers/rule-tester.js'
import { validateText } from './helpers/validate-text.js'

const root = new URL('../', import.meta.url)
const PRE_RULE_IDS: PreRuleId[] = ['yaml-syntax', 'yaml-unsafe', 'schema']

const examplesOf = docExamples

describe('rule parity', () => {
  it('the registry holds exactly the rule IDs, each under its own ID and file name', () => {
    expect(Object.keys(RULES)).toEqual([...RULE_IDS])
    for (const id of RULE_IDS) {
      expect(RULES[id].meta.id).toBe(id)
      // A rule checks one file or the whole run, never both and never neither.
      expect([RULES[id].check, RULES[id].checkRun].filter(Boolean), id).toHaveLength(1)
      expect(existsSync(new URL(`src/rules/${id}.ts`, root)), `src/rules/${id}.ts`).toBe(true)
    }
  })

  it.each(RULE_IDS)('%s has a test file and a doc page with a failing and a passing example', (id) => {
    expect(existsSync(new URL(`src/rules/${id}.test.ts`, root)), `src/rules/${id}.test.ts`).toBe(true)
    expect(existsSync(new URL(`docs/rules/${id}.md`, root)), `docs/rules/${id}.md`).toBe(true)
    const doc = readFileSync(new URL(`docs/rules/${id}.md`, root), 'utf8')
    expect(doc.startsWith(`# \`${id}\`\n`)).toBe(true)
    expect(doc).toMatch(/\*\*Default severity:\*\*/)
    const examples = examplesOf(id)
    expect(examples.map((e) => e.expect)).toEqual(expect.arrayContaining(['fails', 'passes']))
  })

  it('every doc page belongs to a rule, the index lists every rule, and docs URLs point at the pages', () => {
    const pages = readdirSync(new URL('docs/rules/', root)).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3))
    expect(pages.sort()).toEqual([...RULE_IDS, ...PRE_RULE_IDS].sort())
    const index = readFileSync(new URL('docs/rules/README.md', root), 'utf8')
    for (const id of [...RULE_IDS, ...PRE_RULE_IDS]) expect(index, id).toContain(`| [\`${id}\`](${id}.md) |`)
    for (const id of [...RULE_IDS, ...PRE_RULE_IDS]) expect(docsUrl(id)).toMatch(new RegExp(`/docs/rules/${id}\\.md$`))
  })
})

describe('doc examples behave as stated', () => {
  const cases = RULE_IDS.flatMap((id) => examplesOf(id).map((example, i) => ({ id, example, name: `${id} example ${i + 1} ${example.expect}` })))

  it.each(cases)('$name', async ({ id, example }) => {
    // Examples are the relevant part of a file, laid over a complete one as the rule tester does;
    // a rule that is always off by default (support-coverage) is turned on to show its example.
    // A cross-file rule's example is several files, split by `---`, each named by its first comment line.
    const [first, ...others] = example.text.split(/^---\n/m).map((part) => ({ path: /^# (\S+)/.exec(part)?.[1] ?? 'contacts.yaml', file: parse(part) as Record<string, unknown> }))
    const ruleCase = RULES[id].checkRun ? { ...first!, others } : { file: parse(example.text) as Record<string, unknown> }
    const run = await runRuleCase(id, { ...ruleCase, ...(RULES[id].meta.defaultSeverity === 'off' ? { severity: 'warning' as const } : {}) })
    if (example.expect === 'fails') expect(run.findings.length, caseYaml(ruleCase)).toBeGreaterThan(0)
    else expect(run.findings.map((f) => f.message)).toEqual([])
  })

  it.each(PRE_RULE_IDS)('%s example fails with its own rule ID', async (id) => {
    const [example] = examplesOf(id)
    expect(example).toBeDefined()
    const result = await validateText(example!.text)
    expect(result.findings.map((f) => f.ruleId)).toContain(id)
  })
})
