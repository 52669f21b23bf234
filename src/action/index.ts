// Entry point of the Action (action.yml runs dist/index.js).
import { run } from './main.js'

await run()
