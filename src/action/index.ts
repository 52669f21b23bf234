// Entry point of the Action (action.yml runs dist/index.js): checks the Node version before loading anything else.
import { nodeTooOld } from '../runtime/node-version.js'

const tooOld = nodeTooOld()
if (tooOld) {
  // One annotation, exit 2: a runner too old for `using: node24` must not end in a stack trace.
  process.stdout.write(`::error title=partner-contacts::${tooOld}. Update the runner (self-hosted runners need a version that supports node24 actions).\n`)
  process.exit(2)
}

// A self-hosted runner, or a job with several steps, reuses the compiled bundle from disk; main is imported after.
;(await import('node:module')).enableCompileCache?.()
const { run } = await import('./main.js')

await run()
