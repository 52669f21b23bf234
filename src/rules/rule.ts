// What a launch rule is: meta (ID, docs, default severity, messages, options) and a check over the model.
import type { Severity, SeveritySetting } from '../findings/finding.js'
import type { ContactsFile, Environment, Integration } from '../model/contacts.js'
import type { MessageValues } from '../i18n/messages.js'
import type { LocateTarget } from '../parse/locate.js'
import type { RuleId } from './rule-ids.js'

export const DOCS_BASE_URL = 'https://github.com/partner-contacts/partner-contacts/blob/main/docs/rules/'

export type MerchantIssuesPolicy = 'required' | 'optional'

/** A rule option: its type, default and meaning. The config loader checks values against it. */
export type OptionSpec =
  | { type: 'number'; default: number; min?: number; description: string }
  | { type: 'string[]'; default: readonly string[]; description: string }

export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K] extends { type: 'number' } ? number : readonly string[]
}

export interface RuleMeta<M extends string, O extends Record<string, OptionSpec>> {
  id: RuleId
  description: string
  /** The default, which may depend on the file (SPEC §3: `stage: onboarding` softens some rules). */
  defaultSeverity: SeveritySetting | ((file: ContactsFile) => SeveritySetting)
  /**
   * The rule's message IDs; their text is `rule.<id>.<messageId>` in each catalogue (src/i18n/catalogues/).
   * Never put a contact's email or phone in `data`.
   */
  messages: readonly M[]
  options?: O
}

/** Facts from outside the file that some rules need. */
export interface RuleEnvironment {
  /** "Today", injected so that date rules are testable. */
  now: Date
  /** SPEC §1 table after `integrations:` overrides from the config file. */
  merchantIssues: Record<Integration, MerchantIssuesPolicy>
  /** Lower-cased emails of the portal's users, when a plan has read them. */
  portalUsers?: ReadonlySet<string>
}

export interface RuleReport<M extends string> {
  messageId: M
  data?: MessageValues
  /** JSON pointer into the file; the runner turns it into a line and column. */
  path: string
  target?: LocateTarget
  /**
   * A rule with two strengths of problem (an impossible vs. a merely invalid phone; a stale vs. a
   * future review date) names here the one that differs from its default; it applies only while
   * the user has not set the rule's severity.
   */
  severity?: Severity
}

export interface RuleContext<M extends string, O extends Record<string, OptionSpec>> {
  file: ContactsFile
  options: OptionValues<O>
  env: RuleEnvironment
  report(report: RuleReport<M>): void
}

/** What a cross-file rule sees of one file: the partner it declares, and where its `partner.id` is. */
export interface PartnerDeclaration {
  /** The path as reports name it (relative to the repository root, forward slashes). */
  file: string
  partnerId: string
  environment: Environment
  line: number
  column: number
  endLine: number
  endColumn: number
}

export interface RunRuleContext<M extends string, O extends Record<string, OptionSpec>> {
  /** Every file of the run that declares a partner, whether or not it passed the schema. */
  declarations: readonly PartnerDeclaration[]
  /** `partners:` of the config file: partner ID → the only paths that may declare it. */
  pins: Readonly<Record<string, readonly string[]>>
  options: OptionValues<O>
  /** A cross-file finding lands on the declaring file's `partner.id`. */
  report(report: { file: string; messageId: M; data?: Record<string, string | number> }): void
}

/**
 * A rule checks one file (`check`) or, for the few facts no single file can know, the run's files together
 * (`checkRun`, e.g. two files declaring one partner). Exactly one of the two is given.
 */
export interface Rule<M extends string = string, O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  meta: RuleMeta<M, O>
  /** May be async, so that a heavy library is imported only by files that need it. */
  check?(context: RuleContext<M, O>): void | Promise<void>
  checkRun?(context: RunRuleContext<M, O>): void
}

/** Checks a rule's messages and options against its own reports, then erases them for the registry. */
export function defineRule<const M extends string, O extends Record<string, OptionSpec> = Record<never, OptionSpec>>(
  rule: Rule<M, O>,
): Rule {
  return rule as unknown as Rule
}

export function docsUrl(id: RuleId | 'yaml-syntax' | 'yaml-unsafe' | 'schema'): string {
  return `${DOCS_BASE_URL}${id}.md`
}

/** The catalogue ID of a rule's message. */
export function ruleMessageId(rule: RuleId, messageId: string): string {
  return `rule.${rule}.${messageId}`
}
