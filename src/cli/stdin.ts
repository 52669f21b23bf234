// `-` as a file argument: the whole of standard input, read once.
import { ref } from '../i18n/messages.js'
import { UsageError, type CliIo } from './io.js'

/** The cap of a contacts file (SPEC §9) plus one byte, so that an oversized input still gets its finding. */
const LIMIT = 1024 * 1024 + 1

export async function readStdin(io: CliIo): Promise<Uint8Array> {
  if (io.stdin.isTTY) throw new UsageError(ref('cli.error.stdinTerminal'))
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array)
    chunks.push(buffer)
    size += buffer.length
    if (size >= LIMIT) break
  }
  return Buffer.concat(chunks).subarray(0, LIMIT)
}
