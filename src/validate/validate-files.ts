// Many files at once: expand the globs, read each file, validate each independently.
import type { RulesConfig } from '../config/config.js'
import type { Messages } from '../i18n/messages.js'
import type { SupportWindow } from '../model/contacts.js'
import { expandFiles } from '../files/expand-files.js'
import { readInput } from '../files/read-contacts-file.js'
import { parseContactsFile } from '../parse/parse-contacts-file.js'
import { launchChecklist, type ChecklistRow } from '../model/launch-checklist.js'
import type { PartnerDeclaration } from '../rules/rule.js'
import { prepareRules, runRunRules } from '../rules/run-rules.js'
import { compareFindings } from '../findings/finding.js'
import { declarePartner, validateContactsFile, type FileResult } from './validate-file.js'

export interface ValidateFilesOptions {
  patterns: readonly string[]
  cwd: string
  config: RulesConfig
  /** The language of findings (default English). */
  messages?: Messages
  now?: Date
  onProgress?: (done: number, total: number) => void
  /** The content of `-` (standard input), when a pattern is `-`. */
  stdin?: Uint8Array
  /** Keep each file's launch-readiness checklist (for the Markdown report and the job summary). */
  checklist?: boolean
}

/**
 * What a bulk run keeps of each file: its findings, and the support windows the Markdown report draws. Not the parsed
 * document nor the whole model: holding those for thousands of files doubled the peak memory of a 5,000-file run.
 */
export interface ValidatedFile extends Pick<FileResult, 'file' | 'partnerId' | 'findings'> {
  support?: SupportWindow[]
  checklist?: ChecklistRow[]
}

export async function validateFiles(options: ValidateFilesOptions): Promise<ValidatedFile[]> {
  const files = await expandFiles(options.patterns, options.cwd, { stdin: options.stdin !== undefined })
  const rules = prepareRules(options.config, options.messages)
  const results: ValidatedFile[] = []
  const declarations: PartnerDeclaration[] = []
  for (const file of files) {
    // Synchronous: small files one after another, where an async read per file leaves the process idle half the time.
    const bytes = readInput(options.cwd, file, options.stdin)
    const { partnerId, findings, model, parsed } = await validateContactsFile(file, bytes, { rules, ...(options.now ? { now: options.now } : {}) })
    const declared = declarePartner(parsed)
    if (declared) declarations.push(declared)
    results.push({
      file,
      findings,
      ...(partnerId ? { partnerId } : {}),
      ...(model?.support ? { support: model.support } : {}),
      ...(model && options.checklist ? { checklist: launchChecklist(model, findings, rules.merchantIssues) } : {}),
    })
    options.onProgress?.(results.length, files.length)
  }
  // The run-level pass: facts no single file can know (two files declaring one partner).
  const runFindings = runRunRules(rules, declarations)
  for (const result of results) {
    const extra = runFindings.get(result.file)
    if (extra) result.findings = [...result.findings, ...extra].sort(compareFindings)
  }
  return results
}

/**
 * Phase one of plan and apply: what each file declares, read before any file is planned, so that a file the run-level
 * pass refuses (a second file for one partner) never reaches the portal.
 */
export function readDeclarations(files: readonly string[], cwd: string, stdin?: Uint8Array): PartnerDeclaration[] {
  const declarations: PartnerDeclaration[] = []
  for (const file of files) {
    const declared = declarePartner(parseContactsFile(file, readInput(cwd, file, stdin)))
    if (declared) declarations.push(declared)
  }
  return declarations
}
