// Progress lines: how many a log gets for a long run, a short run and a terminal.
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { loadMessages } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import type { CliIo } from './io.js'
import { progressReporter } from './progress.js'

function run(total: number, msPerItem: number, isTTY = false, messages?: Messages) {
  const stderr = Object.assign(new PassThrough(), isTTY ? { isTTY: true } : {})
  const written: string[] = []
  stderr.on('data', (c: Buffer) => written.push(c.toString()))
  let clock = 0
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr, env: {}, cwd: '.' } as CliIo
  const report = progressReporter(io, { verb: 'planning', now: () => clock, ...(messages ? { messages } : {}) })!
  for (let done = 1; done <= total; done++) {
    clock += msPerItem
    report(done, total)
  }
  return written.join('')
}

describe('progressReporter', () => {
  it('500 partners in 49 s: about ten lines, the last at 100 %', () => {
    const lines = run(500, 98).trimEnd().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(9)
    expect(lines.length).toBeLessThanOrEqual(11)
    expect(lines[0]).toBe('planning 50/500 (10 %, 5 s)')
    expect(lines.at(-1)).toBe('planning 500/500 (100 %, 49 s)')
  })

  it('a slow run with few files still speaks every five seconds', () => {
    const lines = run(3, 12_000).trimEnd().split('\n')
    expect(lines).toEqual(['planning 1/3 (33 %, 12 s)', 'planning 2/3 (66 %, 24 s)', 'planning 3/3 (100 %, 36 s)'])
  })

  it('a fast run prints nothing, and a terminal gets one redrawn counter', () => {
    expect(run(1000, 0.5)).toBe('')
    // 1.9 s crosses every 10 % step more than a second in: still nothing, so a loaded machine does not change the output.
    expect(run(19, 100)).toBe('')
    expect(run(21, 100).trimEnd().split('\n')).toEqual(['planning 21/21 (100 %, 2 s)'])
    expect(run(50, 5, true)).toBe('')
    const tty = run(50, 200, true)
    expect(tty.startsWith('\rplanning 3/50\rplanning 4/50')).toBe(true)
    expect(tty.endsWith('\rplanning 50/50\n')).toBe(true)
  })

  it('speaks the run\'s language: the verb and the whole line', async () => {
    expect(run(3, 12_000, false, await loadMessages('it')).trimEnd().split('\n')[0]).toBe('pianificazione 1/3 (33 %, 12 s)')
    expect(run(3, 12_000, false, await loadMessages('zh-TW')).trimEnd().split('\n')[0]).toBe('規劃中 1/3（33%，12 秒）')
    expect(run(50, 200, true, await loadMessages('zh-TW')).endsWith('\r規劃中 50/50\n')).toBe(true)
  })
})
