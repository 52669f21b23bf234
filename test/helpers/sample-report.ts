// A validate report for the machine formats' tests: three severities, two files (one clean), hostile text.
import type { Finding } from '../../src/findings/finding.js'
import { buildReport, type Report } from '../../src/report/report.js'

export const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'schema',
  severity: 'error',
  message: 'partner.id must be a string: put the value in quotes',
  path: '/partner/id',
  line: 5,
  column: 7,
  endLine: 5,
  endColumn: 15,
  ...over,
})

/** Messages carry XML, JSON and control characters, as a key or value from a pull request can. */
export const HOSTILE = 'unknown key "<x a=\'1\'>&amp;</x>]]>\u0001\u001b[31m" here'

export const sampleReport = (files = { eats: 'partners/eats/contacts.yaml', clinic: 'partners/clinic/contacts.yaml' }): Report =>
  buildReport([
    {
      file: files.eats,
      partnerId: '10000001',
      findings: [
        finding({}),
        finding({ ruleId: 'required-contacts', severity: 'warning', message: 'Technical Emergency Contacts (contacts.technicalEmergency) is required', path: '/contacts/technicalEmergency', line: 20, column: 3, endLine: 20, endColumn: 21 }),
        finding({ ruleId: 'merchant-issues-contact', severity: 'info', message: 'given although optional', path: '/contacts/merchantIssues', line: 30, column: 3, endLine: 31, endColumn: 4 }),
        finding({ ruleId: 'schema', severity: 'error', message: HOSTILE, path: '/x', line: 40, column: 1, endLine: 40, endColumn: 2 }),
      ],
    },
    { file: files.clinic, findings: [] },
  ])
