// testRule(): one rule's valid and invalid cases, run on real YAML through the parser, the schema and the runner.
import { readFileSync } from 'node:fs'
import { loadMessages } from '../../src/i18n/catalogue.js'
import { LOCALES } from '../../src/i18n/locale.js'
import type { Messages } from '../../src/i18n/messages.js'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import type { RulesConfig } from '../../src/config/config.js'
import type { Finding, Severity, SeveritySetting } from '../../src/findings/finding.js'
import { CONTACT_FIELDS, contactList, contactObject, type ContactsFile } from '../../src/model/contacts.js'
import { parseContactsFile } from '../../src/parse/parse-contacts-file.js'
import type { Rule, RuleReport } from '../../src/rules/rule.js'
import type { RuleId } from '../../src/rules/rule-ids.js'
import { RULES } from '../../src/rules/index.js'
import { prepareRules, runRules, runRunRules } from '../../src/rules/run-rules.js'
import { validateSchema } from '../../src/schema/validate-schema.js'
import { declarePartner } from '../../src/validate/validate-file.js'

export const FIXED_NOW = new Date('2026-11-24T12:00:00Z')

/** A complete file that passes every rule; `file:` cases are patches over it. */
export const BASE_FILE: Readonly<Record<string, unknown>> = Object.freeze({
  version: 1,
  partner: { id: '10000001', name: 'Example Eats' },
  integration: 'ordering-e2e',
  environment: 'production',
  stage: 'live',
  reviewed: '2026-11-01',
  users: [{ email: 'ana.rossi@example.com', name: 'Ana Rossi', role: 'administrator' }],
  contacts: {
    alert: ['ana.rossi@example.com'],
    technicalEmergency: [{ email: 'eats-oncall@example.pagerduty.com', type: 'pager' }],
    technicalNonEmergency: ['integrations@example.com'],
    merchantIssues: [],
    operationalForGoogle: ['escalations@example.com'],
    operationalForUsers: [{ email: 'support@example.com', type: 'alias' }],
  },
  support: [{ days: 'mon-fri', hours: '09:00-18:00', zone: 'Europe/Rome' }],
})

export interface RuleCase {
  /** Shown in the test name; defaults to the case's position. */
  name?: string
  /** The whole file, as written. */
  yaml?: string
  /** A patch over BASE_FILE: top-level keys replace, keys under `contacts` replace per field, `undefined` deletes. */
  file?: Record<string, unknown>
  /** This rule's options, as in `.partner-contacts.yaml`. */
  options?: Record<string, unknown>
  /** This rule's configured severity. */
  severity?: SeveritySetting
  merchantIssues?: RulesConfig['merchantIssues']
  now?: Date
  portalUsers?: string[]
  /** Cross-file rules: the case file's path in the run (default `contacts.yaml`). */
  path?: string
  /** Cross-file rules: the other files of the run, each a path and a patch or whole text like the case file. */
  others?: Array<{ path: string; yaml?: string; file?: Record<string, unknown> }>
  /** Cross-file rules: `partners:` of `.partner-contacts.yaml`. */
  pins?: Record<string, string[]>
}

export interface ExpectedFinding {
  messageId: string
  line?: number
  column?: number
  path?: string
  severity?: Severity
  message?: string | RegExp
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[]
}

export interface RuleCases {
  valid: RuleCase[]
  invalid: InvalidCase[]
}

export function caseYaml(c: RuleCase): string {
  if (c.yaml !== undefined) return c.yaml
  const patch = c.file ?? {}
  const merged: Record<string, unknown> = structuredClone({ ...BASE_FILE })
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'contacts' && value && typeof value === 'object') {
      const contacts = { ...(merged['contacts'] as Record<string, unknown>) }
      for (const [field, list] of Object.entries(value)) {
        if (list === undefined) delete contacts[field]
        else contacts[field] = list
      }
      merged['contacts'] = contacts
    } else if (value === undefined) {
      delete merged[key]
    } else {
      merged[key] = value
    }
  }
  return stringify(merged)
}

export interface RuleRun {
  findings: Array<Finding & { messageId: string }>
  model: ContactsFile
  text: string
}

function parseCase(path: string, text: string) {
  const parsed = parseContactsFile(path, new TextEncoder().encode(text))
  if (parsed.findings.length > 0) throw new Error(`case does not parse: ${parsed.findings.map((f) => `${f.line}: ${f.message}`).join('; ')}\n${text}`)
  const schema = validateSchema(parsed)
  if (!schema.model) throw new Error(`case fails the schema: ${schema.findings.map((f) => `${f.line}: ${f.message}`).join('; ')}\n${text}`)
  return { parsed, model: schema.model }
}

/** Runs only `id` on a case, recording each finding's messageId (the runner keeps report order). */
export async function runRuleCase(id: RuleId, c: RuleCase, messages?: Messages): Promise<RuleRun> {
  const text = caseYaml(c)
  const { parsed, model } = parseCase(c.path ?? 'contacts.yaml', text)
  const config: RulesConfig = {
    severities: c.severity ? { [id]: c.severity } : {},
    options: c.options ? { [id]: c.options } : {},
    merchantIssues: c.merchantIssues ?? {},
    ...(c.pins ? { partners: c.pins } : {}),
  }
  const prepared = prepareRules(config, messages)
  const target = prepared.rules.find((r) => r.id === id)
  if (!target) throw new Error(`rule ${id} is not in the registry`)
  const messageIds: string[] = []
  if (target.rule.checkRun) {
    // A cross-file rule: the case file and its others form the run; the case file's findings are what the case checks.
    const run = [parsed, ...(c.others ?? []).map((o) => parseCase(o.path, caseYaml(o)).parsed)]
    const checkRun = target.rule.checkRun
    const recording: Rule = {
      meta: target.rule.meta,
      checkRun: (ctx) =>
        checkRun({
          ...ctx,
          report: (r) => {
            if (r.file === parsed.file) messageIds.push(r.messageId)
            ctx.report(r)
          },
        }),
    }
    const byFile = runRunRules({ ...prepared, rules: [{ ...target, rule: recording }] }, run.flatMap((p) => declarePartner(p) ?? []))
    const findings = byFile.get(parsed.file) ?? []
    return { findings: findings.map((f, i) => ({ ...f, messageId: messageIds[i]! })), model, text }
  }
  const check = target.rule.check!
  const recording: Rule = {
    meta: target.rule.meta,
    check: (ctx) =>
      check({
        ...ctx,
        report: (r: RuleReport<string>) => {
          messageIds.push(r.messageId)
          ctx.report(r)
        },
      }),
  }
  const findings = await runRules(
    { ...prepared, rules: [{ ...target, rule: recording }] },
    { file: model, located: parsed, now: c.now ?? FIXED_NOW, ...(c.portalUsers ? { portalUsers: new Set(c.portalUsers) } : {}) },
  )
  return { findings: findings.map((f, i) => ({ ...f, messageId: messageIds[i]! })), model, text }
}

/** Problems with the cases themselves: duplicates, unknown messageIds, messages no invalid case shows. */
export function caseProblems(id: RuleId, cases: RuleCases): string[] {
  const problems: string[] = []
  const seen = new Map<string, string>()
  const all = [...cases.valid.map((c, i) => ({ c, label: `valid ${c.name ?? `#${i + 1}`}` })), ...cases.invalid.map((c, i) => ({ c, label: `invalid ${c.name ?? `#${i + 1}`}` }))]
  for (const { c, label } of all) {
    const key = JSON.stringify([caseYaml(c), c.options, c.severity, c.merchantIssues, c.now?.toISOString(), c.portalUsers, c.path, c.others?.map((o) => [o.path, caseYaml(o)]), c.pins])
    const first = seen.get(key)
    if (first) problems.push(`duplicate case: ${label} repeats ${first}`)
    else seen.set(key, label)
  }
  const known: readonly string[] = RULES[id].meta.messages
  const used = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)))
  for (const messageId of used) if (!known.includes(messageId)) problems.push(`unknown messageId "${messageId}"`)
  for (const messageId of known) if (!used.has(messageId)) problems.push(`message "${messageId}" has no invalid case`)
  return problems
}

/** Defines a `describe` block for the rule; fails on duplicate cases, unknown messageIds and any report in a valid case. */
export function testRule(id: RuleId, cases: RuleCases): void {
  describe(`rule ${id}`, () => {
    it('has no duplicate cases, and every message is exercised by an invalid case', () => {
      expect(caseProblems(id, cases)).toEqual([])
    })

    cases.valid.forEach((c, i) => {
      it(`valid: ${c.name ?? `#${i + 1}`}`, async () => {
        const run = await runRuleCase(id, c)
        expect(run.findings.map(({ messageId, line, message }) => ({ messageId, line, message }))).toEqual([])
      })
    })

    cases.invalid.forEach((c, i) => {
      it(`invalid: ${c.name ?? `#${i + 1}`}`, async () => {
        const run = await runRuleCase(id, c)
        const actual = [...run.findings].sort((a, b) => a.line - b.line || a.column - b.column)
        expect(actual.map((f) => f.messageId), 'messageIds, in line order').toEqual(c.errors.map((e) => e.messageId))
        c.errors.forEach((expected, n) => {
          const f = actual[n]!
          if (expected.line !== undefined) expect(f.line, `line of finding ${n + 1}`).toBe(expected.line)
          if (expected.column !== undefined) expect(f.column, `column of finding ${n + 1}`).toBe(expected.column)
          if (expected.path !== undefined) expect(f.path, `path of finding ${n + 1}`).toBe(expected.path)
          if (expected.severity !== undefined) expect(f.severity, `severity of finding ${n + 1}`).toBe(expected.severity)
          if (typeof expected.message === 'string') expect(f.message).toBe(expected.message)
          else if (expected.message) expect(f.message).toMatch(expected.message)
        })
        assertNoPersonalData(run)
        // The same case in every other language: the same findings, and no translation quotes a contact either.
        for (const locale of LOCALES.filter((l) => l !== 'en')) {
          const translated = await runRuleCase(id, c, await loadMessages(locale))
          expect(translated.findings.map((f) => [f.messageId, f.line, f.severity]), locale).toEqual(run.findings.map((f) => [f.messageId, f.line, f.severity]))
          assertNoPersonalData(translated)
        }
      })
    })
  })
}

/** SPEC §3: a message names the field, never the contact; checked on every finding every rule test makes. */
export function assertNoPersonalData(run: Pick<RuleRun, 'findings' | 'model' | 'text'>): void {
  const emails = new Set(run.text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [])
  const phones: string[] = []
  for (const field of CONTACT_FIELDS) {
    for (const entry of contactList(run.model, field)) {
      const phone = contactObject(entry).phone
      if (phone) phones.push(phone, phone.replace(/\D/g, ''))
    }
  }
  for (const f of run.findings) {
    const lower = f.message.toLowerCase()
    for (const email of emails) {
      const [local] = email.toLowerCase().split('@') as [string]
      expect(lower, 'a message quotes an email').not.toContain(email.toLowerCase())
      // Role aliases (support@, integrations@) are ordinary words a message may use; names are not.
      if (/[._\d-]/.test(local)) expect(lower, 'a message quotes the local part of an email').not.toContain(local)
    }
    for (const phone of phones) expect(f.message.replace(/\D/g, ''), 'a message quotes a phone').not.toContain(phone.replace(/\D/g, '') || '\u0000')
  }
}

/** The examples in docs/rules/<id>.md: ```yaml fails / ```yaml passes blocks. */
export function docExamples(id: string): Array<{ expect: 'fails' | 'passes'; text: string }> {
  const doc = readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), 'utf8')
  return [...doc.matchAll(/^```yaml (fails|passes)\n([\s\S]*?)^```$/gm)].map((m) => ({ expect: m[1] as 'fails' | 'passes', text: m[2]! }))
}
