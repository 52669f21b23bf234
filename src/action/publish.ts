// The Action's side effects for findings: annotations within GitHub's per-step limits, and outputs.
import * as core from '@actions/core'
import type { Finding } from '../findings/finding.js'
import { allFindings, type Report } from '../report/report.js'

/** GitHub shows at most 10 annotations of each level per step; more are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10

export function annotate(report: Report): void {
  const shown = { error: 0, warning: 0, info: 0 }
  const hidden = { error: 0, warning: 0, info: 0 }
  for (const f of allFindings(report)) {
    if (shown[f.severity] >= ANNOTATIONS_PER_LEVEL) {
      hidden[f.severity]++
      continue
    }
    shown[f.severity]++
    const emit = f.severity === 'error' ? core.error : f.severity === 'warning' ? core.warning : core.notice
    emit(f.message, annotationProperties(f, f.file))
  }
  const more = hidden.error + hidden.warning + hidden.info
  if (more > 0) {
    core.notice(
      `${more} more finding${more === 1 ? '' : 's'} (${hidden.error} errors, ${hidden.warning} warnings, ${hidden.info} info) are not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} per level. The job summary lists them all.`,
    )
  }
}

function annotationProperties(f: Finding, file: string): core.AnnotationProperties {
  const props: core.AnnotationProperties = { title: `partner-contacts ${f.ruleId}`, file, startLine: f.line, endLine: f.endLine }
  if (f.line === f.endLine) {
    props.startColumn = f.column
    props.endColumn = f.endColumn
  }
  return props
}

export function setFindingOutputs(report: Report, reportPath: string): void {
  core.setOutput('valid', String(report.summary.errors === 0))
  core.setOutput('errors', String(report.summary.errors))
  core.setOutput('warnings', String(report.summary.warnings))
  core.setOutput('report', reportPath)
}
