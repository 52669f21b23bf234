// Code Climate issues as GitLab Code Quality reads them: the fields GitLab requires, stable unique fingerprints.
import type { Issue } from 'codeclimate-types'
import { describe, expect, it } from 'vitest'
import { HOSTILE, sampleReport } from '../../test/helpers/sample-report.js'
import { renderCodeClimate } from './render-codeclimate.js'

/** GitLab drops a report whose issues lack any of these (docs: "Code Quality report format"). */
function gitlabProblems(issues: unknown): string[] {
  if (!Array.isArray(issues)) return ['not an array']
  return issues.flatMap((issue: any, i) => {
    const problems: string[] = []
    if (typeof issue.description !== 'string' || issue.description === '') problems.push(`${i}: description`)
    if (typeof issue.check_name !== 'string') problems.push(`${i}: check_name`)
    if (typeof issue.fingerprint !== 'string') problems.push(`${i}: fingerprint`)
    if (!['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity)) problems.push(`${i}: severity`)
    if (typeof issue.location?.path !== 'string' || !Number.isInteger(issue.location?.lines?.begin)) problems.push(`${i}: location`)
    return problems
  })
}

describe('renderCodeClimate', () => {
  const issues: Issue[] = JSON.parse(renderCodeClimate(sampleReport(), { artifactPath: (f) => `repo/${f}` }))

  it('writes one issue per finding with everything GitLab Code Quality requires', () => {
    expect(gitlabProblems(issues)).toEqual([])
    expect(gitlabProblems([{ description: 'x' }])).not.toEqual([])
    expect(issues.map((i) => i.severity)).toEqual(['major', 'minor', 'info', 'major'])
    expect(issues[0]).toMatchObject({
      type: 'issue',
      check_name: 'schema',
      description: 'partner.id must be a string: put the value in quotes',
      categories: ['Bug Risk'],
      location: { path: 'repo/partners/eats/contacts.yaml', lines: { begin: 5, end: 5 } },
    })
    expect(issues[3]!.description).toBe(HOSTILE)
  })

  it('fingerprints are unique, and stable when lines move', () => {
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length)
    const moved = sampleReport()
    for (const f of moved.files[0]!.findings) f.line += 3
    const again: Issue[] = JSON.parse(renderCodeClimate(moved, { artifactPath: (f) => `repo/${f}` }))
    expect(again.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint))
  })
})
