// The Action: inputs → the same engine as the CLI → annotations, job summary, outputs, pass/fail.
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ConfigError, mergeConfig } from '../config/config.js'
import { CONFIG_FILE, loadConfigFile } from '../config/load-config.js'
import { FilesError } from '../files/expand-files.js'
import { hasFailingFindings } from '../findings/severity.js'
import { buildReport } from '../report/report.js'
import { renderJson } from '../report/render-json.js'
import { renderMarkdown } from '../report/render-markdown.js'
import { validateFiles } from '../validate/validate-files.js'
import { readInputs, resolveMode } from './inputs.js'
import { annotate, setFindingOutputs } from './publish.js'

/** The job summary upload fails above 1 MiB, so the summary is cut well before that. */
const SUMMARY_LIMIT = 900 * 1024

export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd()
    const mode = resolveMode(inputs, process.env['GITHUB_EVENT_NAME'] ?? '')
    if (mode !== 'validate') throw new ConfigError(`mode "${mode}" is not available in this version; use mode: validate`)

    const fileConfig = await loadConfigFile(join(workspace, CONFIG_FILE))
    const config = mergeConfig(fileConfig, inputs.rules)
    const results = await validateFiles({ patterns: inputs.files, cwd: workspace, config })
    const report = buildReport(results.map((r) => ({ file: r.file, ...(r.partnerId ? { partnerId: r.partnerId } : {}), findings: r.findings })))

    const reportPath = join(process.env['RUNNER_TEMP'] || workspace, 'partner-contacts-report.json')
    await writeFile(reportPath, renderJson(report))
    annotate(report)
    await writeSummary(renderMarkdown(report))
    setFindingOutputs(report, reportPath)

    if (hasFailingFindings(report.files.flatMap((f) => f.findings), inputs.failOn)) {
      const { errors, warnings } = report.summary
      core.setFailed(`contacts validation failed: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (fail-on: ${inputs.failOn})`)
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof FilesError) core.setFailed(error.message)
    else core.setFailed(`internal error: ${error instanceof Error ? error.message : String(error)}`)
  }
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  const text = markdown.length > SUMMARY_LIMIT ? markdown.slice(0, SUMMARY_LIMIT) + '\n\n… (cut to stay under the 1 MiB job summary limit; the JSON report has everything)\n' : markdown
  await core.summary.addRaw(text, true).write()
}
