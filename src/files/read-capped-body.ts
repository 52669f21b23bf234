// Bounded reads of HTTP answers: a server (or whatever answers at its URL) that sends hundreds of MB must not take the runner's memory.

/**
 * The body of `response`, or undefined when it is larger than `maxBytes`: a declared Content-Length over the cap is
 * refused before reading, and a streamed body is cancelled as soon as it passes the cap.
 */
export async function readCappedBody(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    await response.body?.cancel()
    return undefined
  }
  if (!response.body) return new Uint8Array(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
}

/** Thrown by `cappedFetch` for an answer over its cap. */
export class ResponseTooLarge extends Error {
  override name = 'ResponseTooLarge'
  constructor(readonly maxBytes: number) {
    super(`an answer larger than ${maxBytes / 1024 / 1024} MiB, the limit`)
  }
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304])

/**
 * A fetch whose answers are read whole, up to `maxBytes`, before the caller sees them; a larger answer rejects the
 * fetch itself. For clients (Octokit) that would otherwise read any body to its end, and take a failed read as empty.
 */
export function cappedFetch(maxBytes: number, fetchImpl: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init)
    const body = await readCappedBody(response, maxBytes)
    if (body === undefined) {
      throw new ResponseTooLarge(maxBytes)
    }
    const copy = new Response(NULL_BODY_STATUS.has(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
    Object.defineProperty(copy, 'url', { value: response.url })
    return copy
  }
}
