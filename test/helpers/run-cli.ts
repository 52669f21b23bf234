// Runs the CLI as users do: the bundle (dist/cli.js) in a child process, or main() in-process with captured streams.
import { spawnSync } from 'node:child_process'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { CliIo } from '../../src/cli/io.js'

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** The bundle with a clean environment (PATH only, plus `env`), `input` on stdin. */
export function runCli(args: string[], cwd: string, options: { env?: Record<string, string>; input?: string; node?: string } = {}): CliRun {
  const result = spawnSync(options.node ?? process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    input: options.input ?? '',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Streams for main(): stdin may claim to be a terminal (for the apply prompt). */
export function captureIo(cwd: string, options: { env?: NodeJS.ProcessEnv; stdinIsTTY?: boolean; stderrIsTTY?: boolean } = {}) {
  const stdin = Object.assign(new PassThrough(), options.stdinIsTTY ? { isTTY: true } : {})
  const stdout = new PassThrough()
  const stderr = Object.assign(new PassThrough(), options.stderrIsTTY ? { isTTY: true } : {})
  const out: string[] = []
  const err: string[] = []
  stdout.on('data', (c: Buffer) => out.push(c.toString()))
  stderr.on('data', (c: Buffer) => err.push(c.toString()))
  const io: CliIo = { stdin, stdout, stderr, env: options.env ?? {}, cwd }
  return { io, stdin, out: () => out.join(''), err: () => err.join('') }
}
