// The rule registry, sorted by ID. Keys are typed: a misspelt or missing rule does not compile.
import alertContactsProductionOnly from './alert-contacts-production-only.js'
import requiredContacts from './required-contacts.js'
import type { Rule } from './rule.js'
import type { RuleId } from './rule-ids.js'

export const RULES: Partial<Record<RuleId, Rule>> = {
  'alert-contacts-production-only': alertContactsProductionOnly,
  'required-contacts': requiredContacts,
}
