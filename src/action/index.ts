// Entry point of the Action (action.yml runs dist/index.js).
import { enableCompileCache } from 'node:module'

// A self-hosted runner, or a job with several steps, reuses the compiled bundle from disk; main is imported after.
enableCompileCache?.()
const { run } = await import('./main.js')

await run()
