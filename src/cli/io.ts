// What a CLI command may touch, passed in so that tests run commands in-process.
import { LocalizedError } from '../i18n/localized-error.js'
import { neutraliseCommands } from '../output/terminal.js'

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
  cwd: string
  /** `--lang`, taken out of the arguments by the dispatcher. */
  lang?: string
  /**
   * Standard output without the command guard, for `--format github` only: its workflow commands are the output, and
   * render-github escapes every property and message itself. Set by guardIo.
   */
  commands?: NodeJS.WritableStream
}

/** A usage error: printed with the usage hint, exit code 2; given a message ID, printed in the run's language. */
export class UsageError extends LocalizedError {
  override name = 'UsageError'
}

export function useColor(io: CliIo, stream: CliIo['stdout']): boolean {
  return Boolean(stream.isTTY) && io.env['NO_COLOR'] === undefined && io.env['TERM'] !== 'dumb'
}

/**
 * The CLI's output layer at the stream: whatever a command writes to stdout or stderr (a report, a prompt, an error
 * naming a file) passes neutraliseCommands, so a run inside a GitHub workflow never prints a line the runner would
 * take as a workflow command. Renderers still escape each user string (src/output); this is the last guard.
 */
export function guardIo(io: CliIo): CliIo {
  return { ...io, commands: io.stdout, stdout: guardStream(io.stdout), stderr: guardStream(io.stderr) }
}

const RAW = Symbol('the unguarded stream')

/**
 * `--format github` prints workflow commands on purpose: renderGithub escapes every value in them (no line break
 * can start another), so they skip the `::` guard; the old `##[` form is still neutralised.
 */
export function writeWorkflowCommands(stream: CliIo['stdout'], text: string): void {
  const raw = (stream as unknown as Record<symbol, CliIo['stdout'] | undefined>)[RAW] ?? stream
  raw.write(text.replace(/##\[/g, '#\\x23['))
}

function guardStream<T extends NodeJS.WritableStream>(stream: T): T {
  return new Proxy(stream, {
    get(target, property) {
      if (property === RAW) return target
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => (target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? neutraliseCommands(chunk) : chunk, ...rest)
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
