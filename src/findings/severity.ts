// Severity is policy: parsing of user-given severities and the fail-on threshold live here only.
import type { Finding, Severity, SeveritySetting } from './finding.js'

export type FailOn = 'error' | 'warning' | 'never'

const SEVERITY_ALIASES: Record<string, SeveritySetting> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  off: 'off',
}

/** Returns the severity named by `value` (accepting `warn`), or undefined when it names none. */
export function parseSeverity(value: string): SeveritySetting | undefined {
  return SEVERITY_ALIASES[value.trim().toLowerCase()]
}

export function parseFailOn(value: string): FailOn | undefined {
  const v = value.trim().toLowerCase()
  return v === 'error' || v === 'warning' || v === 'never' ? v : undefined
}

export function isFailing(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  if (failOn === 'warning') return severity === 'error' || severity === 'warning'
  return severity === 'error'
}

export function hasFailingFindings(findings: readonly Finding[], failOn: FailOn): boolean {
  return findings.some((f) => isFailing(f.severity, failOn))
}
