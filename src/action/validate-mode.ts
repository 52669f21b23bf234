// mode: validate — schema and launch rules only, no network: annotations, job summary, outputs, pass/fail.
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { buildReport } from '../report/report.js'
import { renderJson } from '../report/render-json.js'
import { readGitHubEvent, type GitHubEvent } from '../github/event.js'
import { renderMarkdown } from '../report/render-markdown.js'
import { validationExtras } from '../report/validation-extras.js'
import { validateFiles } from '../validate/validate-files.js'
import type { ActionContext } from './context.js'
import { lineLinks } from './links.js'
import { annotate, failOnFindings, setFindingOutputs, writeSummary } from './publish.js'

export interface ValidateModeOptions {
  /** Said at the top of the job summary and as a notice, e.g. why no plan was made. */
  notes?: readonly string[]
}

export async function runValidate(ctx: ActionContext, options: ValidateModeOptions = {}): Promise<void> {
  const results = await validateFiles({ patterns: ctx.inputs.files, cwd: ctx.workspace, config: ctx.config, messages: ctx.messages, checklist: true })
  const report = buildReport(results.map((r) => ({ file: r.file, ...(r.partnerId ? { partnerId: r.partnerId } : {}), findings: r.findings })))
  await writeFile(ctx.reportPath, renderJson(report))
  annotate(report, ctx.messages)
  for (const note of options.notes ?? []) core.notice(note)
  const notes = (options.notes ?? []).map((note) => `> ${note}\n\n`).join('')
  // As useful as plan mode's summary: findings linked to their lines at the head commit, and the launch checklist.
  const githubEvent = event(ctx)
  const linkFor = githubEvent ? lineLinks(githubEvent) : undefined
  await writeSummary(notes + renderMarkdown(report, { messages: ctx.messages, ...(linkFor ? { linkFor } : {}), fileExtras: validationExtras(results, ctx.messages) }))
  setFindingOutputs(report, ctx)
  failOnFindings(report, ctx.inputs.failOn, ctx.messages)
}

/** The event when there is one: validate also runs outside a workflow event (a local run), just without links. */
function event(ctx: ActionContext): GitHubEvent | undefined {
  try {
    return readGitHubEvent(ctx.env)
  } catch {
    return undefined
  }
}
