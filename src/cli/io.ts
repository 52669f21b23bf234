// What a CLI command may touch, passed in so that tests run commands in-process.
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
  cwd: string
  /** `--lang`, taken out of the arguments by the dispatcher. */
  lang?: string
}

/** A usage error: printed with the usage hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export function useColor(io: CliIo, stream: CliIo['stdout']): boolean {
  return Boolean(stream.isTTY) && io.env['NO_COLOR'] === undefined && io.env['TERM'] !== 'dumb'
}
