// Runs the CLI bundle (`node dist/cli.js`) as a separate process without blocking this one, so stand-in servers in
// the test process keep answering while it runs.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const CLI_BUNDLE = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  /** Milliseconds from spawn to exit. */
  ms: number
}

export interface SpawnCliOptions {
  cwd: string
  /** Added to a minimal environment (PATH and HOME only), so the developer's own variables never leak in. */
  env?: Record<string, string>
  /** Node options before the bundle, e.g. an `--import` that reports memory. */
  nodeArgs?: string[]
  input?: string
}

export async function spawnCli(args: string[], options: SpawnCliOptions): Promise<CliRun> {
  const started = Date.now()
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI_BUNDLE, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: options.cwd, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  child.stdin.end(options.input ?? '')
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stdout, stderr, ms: Date.now() - started }
}
