// Policy configuration: severities, options and integration overrides; a bad config is a ConfigError, never a crash.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test/helpers/temp-dir.js'
import { prepareRules } from '../rules/run-rules.js'
import { ConfigError, EMPTY_CONFIG, mergeConfig, parseIntegrationOverrides, parseRuleFlag, parseRuleSettings, type RulesConfig } from './config.js'
import { loadConfigFile, parseConfigText } from './load-config.js'

const text = (s: string) => new TextEncoder().encode(s)

describe('parseRuleSettings', () => {
  it('reads severities, warn as warning, and options beside a severity', () => {
    expect(parseRuleSettings({ 'support-coverage': 'warn', 'review-freshness': { severity: 'error', maxAgeDays: 90 }, 'support-overlap': { minutes: 1 } }, 'x')).toEqual({
      severities: { 'support-coverage': 'warning', 'review-freshness': 'error' },
      options: { 'review-freshness': { maxAgeDays: 90 }, 'support-overlap': { minutes: 1 } },
    })
    expect(parseRuleSettings(undefined, 'x')).toEqual({ severities: {}, options: {} })
  })

  it('refuses unknown rules, bad severities and other shapes with the source in the message', () => {
    expect(() => parseRuleSettings({ 'required-contact': 'error' }, 'cfg.yaml')).toThrow(new ConfigError('cfg.yaml: unknown rule "required-contact"'))
    expect(() => parseRuleSettings({ 'required-contacts': 'fatal' }, 'cfg.yaml')).toThrow('cfg.yaml: rule "required-contacts": "fatal" is not a severity (error, warning, info, off)')
    expect(() => parseRuleSettings({ 'required-contacts': 3 }, 'cfg.yaml')).toThrow(/must be a severity \(error, warning, info, off\) or a mapping/)
    expect(() => parseRuleSettings(['required-contacts'], 'cfg.yaml')).toThrow('cfg.yaml: "rules" must be a mapping of rule-id: severity')
  })
})

describe('parseRuleFlag', () => {
  it('reads id=severity and id: severity', () => {
    expect(parseRuleFlag('support-coverage=warning')).toEqual(['support-coverage', 'warning'])
    expect(parseRuleFlag(' launch-readiness: off ')).toEqual(['launch-readiness', 'off'])
  })

  it('refuses the rest', () => {
    expect(() => parseRuleFlag('support-coverage')).toThrow('--rule "support-coverage": expected rule-id=severity')
    expect(() => parseRuleFlag('nope=error')).toThrow('--rule: unknown rule "nope"')
    expect(() => parseRuleFlag('support-coverage=loud')).toThrow(ConfigError)
  })
})

describe('parseIntegrationOverrides', () => {
  it('reads both forms', () => {
    expect(parseIntegrationOverrides({ 'ordering-e2e': 'required', 'reservations-bl': { merchantIssues: 'optional' } }, 'x')).toEqual({
      'ordering-e2e': 'required',
      'reservations-bl': 'optional',
    })
  })

  it('refuses unknown integrations and values', () => {
    expect(() => parseIntegrationOverrides({ 'ordering-e3e': 'required' }, 'c')).toThrow('c: unknown integration "ordering-e3e"')
    expect(() => parseIntegrationOverrides({ 'ordering-e2e': 'yes' }, 'c')).toThrow('c: integrations.ordering-e2e must be "required" or "optional" (or { merchantIssues: … })')
    expect(() => parseIntegrationOverrides('all', 'c')).toThrow('c: "integrations" must be a mapping')
  })
})

describe('mergeConfig', () => {
  it('lets later layers win, merging options per rule', () => {
    const base: RulesConfig = {
      severities: { 'support-coverage': 'warning', 'review-freshness': 'error' },
      options: { 'review-freshness': { maxAgeDays: 90 } },
      merchantIssues: { 'ordering-e2e': 'required' },
    }
    expect(mergeConfig(base, { severities: { 'support-coverage': 'off' }, options: { 'review-freshness': { other: 1 } } })).toEqual({
      severities: { 'support-coverage': 'off', 'review-freshness': 'error' },
      options: { 'review-freshness': { maxAgeDays: 90, other: 1 } },
      merchantIssues: { 'ordering-e2e': 'required' },
    })
  })
})

describe('.partner-contacts.yaml', () => {
  it('reads rules and integrations', () => {
    const config = parseConfigText(
      '.partner-contacts.yaml',
      text('rules:\n  support-coverage: { severity: warning, minWeeklyHours: 60 }\n  emergency-contact-pageable:\n    pagingDomains: [pages.example.net]\nintegrations:\n  events: required\n'),
    )
    expect(config).toEqual({
      severities: { 'support-coverage': 'warning' },
      options: { 'support-coverage': { minWeeklyHours: 60 }, 'emergency-contact-pageable': { pagingDomains: ['pages.example.net'] } },
      merchantIssues: { events: 'required' },
    })
  })

  it('reads partners: pins, a path or a list, as repository paths', () => {
    const config = parseConfigText('.partner-contacts.yaml', text('partners:\n  "10000001": ./partners/eats/contacts.yaml\n  20000002: [partners/pizza/contacts.yaml, partners/pizza/sandbox.yaml]\n'))
    expect({ ...config.partners }).toEqual({ '10000001': ['partners/eats/contacts.yaml'], '20000002': ['partners/pizza/contacts.yaml', 'partners/pizza/sandbox.yaml'] })
    // A flag or input never changes ownership.
    expect(mergeConfig(config, { severities: {} }).partners).toBe(config.partners)
    for (const [bad, message] of [
      ['partners: [a]\n', '"partners" must be a mapping'],
      ['partners:\n  eats: partners/eats/contacts.yaml\n', '"eats" is not a partner ID'],
      ['partners:\n  "1": []\n', 'partners.1 must be a path or a list of paths'],
      ['partners:\n  "1": partners/*/contacts.yaml\n', 'must be a plain path from the repository root'],
      ['partners:\n  "1": ../other/contacts.yaml\n', 'must be a plain path from the repository root'],
    ] as const) {
      expect(() => parseConfigText('c.yaml', text(bad)), bad).toThrow(message)
    }
  })

  it('is optional', async () => {
    expect(await loadConfigFile(join(tempDir(), 'missing.yaml'))).toBe(EMPTY_CONFIG)
  })

  it('refuses unknown keys, bad YAML and non-mappings with the file, line and column', async () => {
    expect(() => parseConfigText('c.yaml', text('rule:\n  x: error\n'))).toThrow('c.yaml: unknown key "rule" (allowed: rules, integrations, partners, language, messages)')
    expect(() => parseConfigText('c.yaml', text('rules:\n  a: 1\n  a: 2\n'))).toThrow(/^c\.yaml:3:3: this key appears twice/)
    expect(() => parseConfigText('c.yaml', text('- rules\n'))).toThrow('c.yaml: must be a mapping')
    expect(() => parseConfigText('c.yaml', text('rules: &a { }\n'))).toThrow(ConfigError)
    const dir = tempDir()
    writeFileSync(join(dir, 'c.yaml'), 'rules:\n  nope: off\n')
    await expect(loadConfigFile(join(dir, 'c.yaml'))).rejects.toThrow(`${join(dir, 'c.yaml')}: unknown rule "nope"`)
    await expect(loadConfigFile(dir)).rejects.toThrow(/not a regular file/)
  })
})

describe('prepareRules', () => {
  const withOptions = (options: RulesConfig['options']): RulesConfig => ({ ...EMPTY_CONFIG, options })

  it('checks option names and types against the rules', () => {
    expect(() => prepareRules(withOptions({ 'review-freshness': { maxAge: 3 } }))).toThrow('rule "review-freshness" has no option "maxAge" (options: maxAgeDays)')
    expect(() => prepareRules(withOptions({ 'required-contacts': { x: 1 } }))).toThrow('rule "required-contacts" has no option "x"')
    expect(() => prepareRules(withOptions({ 'review-freshness': { maxAgeDays: '90' } }))).toThrow('rule "review-freshness" option "maxAgeDays" must be a number of at least 1')
    expect(() => prepareRules(withOptions({ 'review-freshness': { maxAgeDays: 0 } }))).toThrow(ConfigError)
    expect(() => prepareRules(withOptions({ 'support-coverage': { minWeeklyHours: Number.NaN } }))).toThrow(ConfigError)
    expect(() => prepareRules(withOptions({ 'emergency-contact-pageable': { pagingDomains: 'example.net' } }))).toThrow(
      'rule "emergency-contact-pageable" option "pagingDomains" must be a list of strings',
    )
  })

  it('extends list options, lower-cased, and keeps number options as given', () => {
    const prepared = prepareRules(withOptions({ 'emergency-contact-pageable': { pagingDomains: ['Pages.Example.NET'] }, 'review-freshness': { maxAgeDays: 30 } }))
    const pageable = prepared.rules.find((r) => r.id === 'emergency-contact-pageable')!
    expect(pageable.options['pagingDomains']).toEqual(expect.arrayContaining(['pagerduty.com', 'pages.example.net']))
    expect(prepared.rules.find((r) => r.id === 'review-freshness')!.options).toEqual({ maxAgeDays: 30 })
    expect(prepared.rules.find((r) => r.id === 'support-coverage')!.options).toEqual({ minWeeklyHours: 40 })
  })

  it('applies integration overrides over the SPEC table', () => {
    const prepared = prepareRules({ ...EMPTY_CONFIG, merchantIssues: { 'ordering-e2e': 'required' } })
    expect(prepared.merchantIssues['ordering-e2e']).toBe('required')
    expect(prepared.merchantIssues['reservations-bl']).toBe('required')
    expect(prepared.merchantIssues['events']).toBe('optional')
  })

  it('runs every rule, sorted by ID', () => {
    const ids = prepareRules(EMPTY_CONFIG).rules.map((r) => r.id)
    expect(ids).toHaveLength(16)
    expect(ids).toEqual([...ids].sort())
  })
})
