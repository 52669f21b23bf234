// Preloaded into a benchmarked process: writes its peak resident set size and its heap still in use after a full GC (KiB).
import { appendFileSync } from 'node:fs'

process.on('exit', () => {
  // What the run still holds (per-file retention), apart from how far V8 let the heap grow before collecting.
  globalThis.gc?.()
  appendFileSync(process.env.PC_RSS_FILE, `${process.resourceUsage().maxRSS} ${Math.round(process.memoryUsage().heapUsed / 1024)}\n`)
})
