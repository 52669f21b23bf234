// Many files at once: expand the globs, read each file, validate each independently.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { RulesConfig } from '../config/config.js'
import { expandFiles } from '../files/expand-files.js'
import { prepareRules } from '../rules/run-rules.js'
import { validateContactsFile, type FileResult } from './validate-file.js'

export interface ValidateFilesOptions {
  patterns: readonly string[]
  cwd: string
  config: RulesConfig
  now?: Date
  onProgress?: (done: number, total: number) => void
}

export async function validateFiles(options: ValidateFilesOptions): Promise<FileResult[]> {
  const files = await expandFiles(options.patterns, options.cwd)
  const rules = prepareRules(options.config)
  const results: FileResult[] = []
  for (const file of files) {
    const bytes = await readFile(resolve(options.cwd, file))
    results.push(await validateContactsFile(file, bytes, { rules, ...(options.now ? { now: options.now } : {}) }))
    options.onProgress?.(results.length, files.length)
  }
  return results
}
