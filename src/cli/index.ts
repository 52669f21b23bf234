#!/usr/bin/env node
// Entry point of the `partner-contacts` bin: checks the Node version before loading anything that needs Node 24.
import { nodeTooOld } from '../runtime/node-version.js'

const tooOld = nodeTooOld()
if (tooOld) {
  // Exit 2 (a usage or environment problem), never 1 (which means findings).
  process.stderr.write(`${tooOld}. Install Node 24 (nodejs.org), or inside this repository run it through npx or npm run after npm ci.\n`)
  process.exit(2)
}

// Node keeps the compiled code of the bundle on disk (in the OS temp folder), so every run after the first starts
// faster; main is imported after this call, or its code would be compiled before the cache is on. Both imports are
// dynamic: a static import is linked before the version check above could run.
;(await import('node:module')).enableCompileCache?.()
const { main } = await import('./main.js')

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
})
