// The Action's side effects: annotations within GitHub's per-step limits, the job summary, outputs, pass/fail.
import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Finding } from '../findings/finding.js'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import { hasFailingFindings, type FailOn } from '../findings/severity.js'
import { escapeControls } from '../output/controls.js'
import { neutraliseCommands } from '../output/terminal.js'
import { allFindings, type Report } from '../report/report.js'
import { renderSarif, SARIF_MAX_RESULTS } from '../report/render-sarif.js'
import { repositoryRelative } from '../files/repository-root.js'
import { VERSION } from '../cli/version.js'
import type { ActionContext } from './context.js'

/** GitHub shows at most 10 annotations of each level per step; more are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10

export function annotate(report: Report, t: Messages = ENGLISH): void {
  const shown = { error: 0, warning: 0, info: 0 }
  const hidden = { error: 0, warning: 0, info: 0 }
  for (const f of allFindings(report)) {
    if (shown[f.severity] >= ANNOTATIONS_PER_LEVEL) {
      hidden[f.severity]++
      continue
    }
    shown[f.severity]++
    const emit = f.severity === 'error' ? core.error : f.severity === 'warning' ? core.warning : core.notice
    emit(escapeControls(f.message), annotationProperties(f, f.file))
  }
  const more = hidden.error + hidden.warning + hidden.info
  if (more > 0) {
    core.notice(t.format('annotations.more', { more, errors: hidden.error, warnings: hidden.warning, infos: hidden.info, limit: ANNOTATIONS_PER_LEVEL }))
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

/**
 * The Action's only way to print a plain log line: `core.info` writes its text as is, so a line starting with `::`
 * (or holding `##[`) would be a workflow command. Commands of our own go through core.error/warning/notice/setFailed,
 * which escape their data; user strings in any line are escaped with `inline` (src/output/terminal.ts) first.
 */
export function info(text: string): void {
  core.info(neutraliseCommands(text))
}

export function setFindingOutputs(report: Report, ctx: Pick<ActionContext, 'reportPath' | 'workspace' | 'inputs'>): void {
  core.setOutput('valid', String(report.summary.errors === 0))
  core.setOutput('errors', String(report.summary.errors))
  core.setOutput('warnings', String(report.summary.warnings))
  core.setOutput('report', ctx.reportPath)
  if (ctx.inputs.sarif) core.setOutput('sarif', writeSarif(report, ctx.workspace, ctx.inputs.sarif))
}

/**
 * Input `sarif`: the findings as SARIF for github/codeql-action/upload-sarif. URIs are relative to
 * GITHUB_WORKSPACE, the repository root code scanning resolves them against. Returns the absolute path.
 */
function writeSarif(report: Report, workspace: string, path: string): string {
  const target = resolve(workspace, path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, renderSarif(report, { version: VERSION, artifactUri: (file) => repositoryRelative(workspace, workspace, file) }))
  const total = allFindings(report).length
  if (total > SARIF_MAX_RESULTS) core.warning(`${path}: ${total - SARIF_MAX_RESULTS} of ${total} findings left out of the SARIF file: GitHub code scanning accepts at most ${SARIF_MAX_RESULTS} results per run. The job summary and the JSON report have them all.`)
  return target
}

/** Fails the step when findings reach `fail-on`; returns whether it did. */
export function failOnFindings(report: Report, failOn: FailOn, t: Messages = ENGLISH): boolean {
  if (!hasFailingFindings(allFindings(report), failOn)) return false
  const { errors, warnings } = report.summary
  core.setFailed(t.format('action.failed', { errors, warnings, failOn }))
  return true
}

/** The job summary upload fails above 1 MiB, so the summary is cut well before that. */
const SUMMARY_LIMIT = 900 * 1024

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  const text = markdown.length > SUMMARY_LIMIT ? markdown.slice(0, SUMMARY_LIMIT) + '\n\n… (cut to stay under the 1 MiB job summary limit; the JSON report has everything)\n' : markdown
  await core.summary.addRaw(text, true).write()
}
