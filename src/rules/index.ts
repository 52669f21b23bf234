// The rule registry, sorted by ID. Keys are typed: a misspelt or missing rule does not compile.
import alertContactsAreUsers from './alert-contacts-are-users.js'
import alertContactsProductionOnly from './alert-contacts-production-only.js'
import contactPhone from './contact-phone.js'
import duplicateContact from './duplicate-contact.js'
import duplicatePartner from './duplicate-partner.js'
import emergencyContactPageable from './emergency-contact-pageable.js'
import launchReadiness from './launch-readiness.js'
import merchantIssuesContact from './merchant-issues-contact.js'
import requiredContacts from './required-contacts.js'
import reviewFreshness from './review-freshness.js'
import supportCoverage from './support-coverage.js'
import supportHours from './support-hours.js'
import supportOverlap from './support-overlap.js'
import supportZoneCanonical from './support-zone-canonical.js'
import userFacingContactIsAlias from './user-facing-contact-is-alias.js'
import usersRoles from './users-roles.js'
import type { Rule } from './rule.js'
import type { RuleId } from './rule-ids.js'

export const RULES: Record<RuleId, Rule> = {
  'alert-contacts-are-users': alertContactsAreUsers,
  'alert-contacts-production-only': alertContactsProductionOnly,
  'contact-phone': contactPhone,
  'duplicate-contact': duplicateContact,
  'duplicate-partner': duplicatePartner,
  'emergency-contact-pageable': emergencyContactPageable,
  'launch-readiness': launchReadiness,
  'merchant-issues-contact': merchantIssuesContact,
  'required-contacts': requiredContacts,
  'review-freshness': reviewFreshness,
  'support-coverage': supportCoverage,
  'support-hours': supportHours,
  'support-overlap': supportOverlap,
  'support-zone-canonical': supportZoneCanonical,
  'user-facing-contact-is-alias': userFacingContactIsAlias,
  'users-roles': usersRoles,
}
