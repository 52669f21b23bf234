// Progress of long runs on stderr: a live counter on a terminal; in CI logs, a line every 10 % or every few seconds.
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import type { CliIo } from './io.js'

export interface ProgressOptions {
  /** What is being done: `cli.progress.verb.<verb>` in the catalogues. */
  verb: 'validating' | 'planning' | 'applying'
  quiet?: boolean
  /** The run's language (default English). */
  messages?: Messages
  /** Milliseconds between two lines in a log, at the most (default 5,000) and at the least (default 1,000). */
  maxIntervalMs?: number
  minIntervalMs?: number
  /** Milliseconds of silence at the start of a log (default 2,000): a run shorter than this prints nothing. */
  quietStartMs?: number
  now?: () => number
}

/**
 * A log gets a line when the run crosses a 10 % step (at most one a second) or has been silent for five seconds, and
 * never in its first two seconds, so a fast run prints nothing even on a loaded machine and a 500-partner plan prints about ten lines. A terminal's counter appears after half a second
 * and is redrawn at most ten times a second. --quiet shows none.
 */
export function progressReporter(io: CliIo, options: ProgressOptions): ((done: number, total: number) => void) | undefined {
  if (options.quiet) return undefined
  const now = options.now ?? Date.now
  const started = now()
  const stream = io.stderr
  const messages = options.messages ?? ENGLISH
  const verb = messages.format(`cli.progress.verb.${options.verb}`)
  if (stream.isTTY) {
    let last = 0
    let shown = false
    return (done, total) => {
      if (total <= 1) return
      const t = now()
      // Half a second before the counter appears: a quick run leaves the terminal as it was.
      if (done < total ? t - started < 500 || t - last < 100 : !shown) return
      last = t
      shown = true
      stream.write(`\r${messages.format('cli.progress.counter', { verb, done, total })}${done === total ? '\n' : ''}`)
    }
  }
  const maxInterval = options.maxIntervalMs ?? 5_000
  const minInterval = options.minIntervalMs ?? 1_000
  const quietStart = options.quietStartMs ?? 2_000
  let lastLine = started
  let lastStep = 0
  let printed = false
  return (done, total) => {
    if (total <= 1) return
    const t = now()
    const step = Math.floor((done * 10) / total)
    const crossed = step > lastStep
    if (crossed) lastStep = step
    const due = t - lastLine >= maxInterval || (crossed && t - lastLine >= minInterval) || (done === total && printed)
    if (!due || t - started < quietStart) return
    lastLine = t
    printed = true
    const seconds = Math.round((t - started) / 1000)
    stream.write(`${messages.format('cli.progress.line', { verb, done, total, percent: Math.floor((done * 100) / total), seconds })}\n`)
  }
}
