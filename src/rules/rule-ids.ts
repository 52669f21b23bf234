// The launch rules' IDs (SPEC §3). The list is the contract; the registry must match it exactly.
export const RULE_IDS = [
  'alert-contacts-are-users',
  'alert-contacts-production-only',
  'contact-phone',
  'duplicate-contact',
  'duplicate-partner',
  'emergency-contact-pageable',
  'launch-readiness',
  'merchant-issues-contact',
  'required-contacts',
  'review-freshness',
  'support-coverage',
  'support-hours',
  'support-overlap',
  'support-zone-canonical',
  'user-facing-contact-is-alias',
  'users-roles',
] as const

export type RuleId = (typeof RULE_IDS)[number]

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value)
}
