#!/usr/bin/env node
// Entry point of the `partner-contacts` bin.
import { enableCompileCache } from 'node:module'

// Node keeps the compiled code of the bundle on disk (in the OS temp folder), so every run after the first starts
// faster; main is imported after this call, or its code would be compiled before the cache is on.
enableCompileCache?.()
const { main } = await import('./main.js')

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
})
