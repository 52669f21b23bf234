// Preloaded into a benchmarked process: writes its peak resident set size (KiB) to a file at exit.
import { appendFileSync } from 'node:fs'

process.on('exit', () => appendFileSync(process.env.PC_RSS_FILE, `${process.resourceUsage().maxRSS}\n`))
