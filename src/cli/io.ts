// What a CLI command may touch, passed in so that tests run commands in-process.
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
  cwd: string
}

/** A usage error: printed with the usage hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
