// The emulator on a real socket: node:http on 127.0.0.1, so connection resets and cut bodies are real too.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PortalEmulator, type EmulatorOptions } from './emulator.js'

const MAX_BODY_BYTES = 1024 * 1024

export interface RunningEmulator {
  emulator: PortalEmulator
  /** `http://127.0.0.1:<port>`, the base URL a client is given. */
  url: string
  server: Server
  close(): Promise<void>
}

export async function startEmulatorServer(options: EmulatorOptions & { port?: number; emulator?: PortalEmulator } = {}): Promise<RunningEmulator> {
  const emulator = options.emulator ?? new PortalEmulator(options)
  const server = createServer((req, res) => {
    serve(emulator, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end('{"error":{"code":500,"message":"internal emulator error","status":"INTERNAL"}}')
    })
  })
  // Idle keep-alive sockets would hold close() open; tests start and stop many servers.
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    emulator,
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function serve(emulator: PortalEmulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' })
      res.end('{"error":{"code":413,"message":"the body is too large","status":"INVALID_ARGUMENT"}}')
      return
    }
    chunks.push(chunk)
  }
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value)
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v)
  }
  const outcome = await emulator.handle({
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', 'http://127.0.0.1'),
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
  })
  if (outcome.type === 'reset') {
    req.socket.destroy()
    return
  }
  const body = Buffer.from(outcome.body, 'utf8')
  res.writeHead(outcome.status, { ...outcome.headers, 'content-length': String(body.length) })
  if (outcome.type === 'truncate') {
    // The announced length is the whole body; the connection closes after half of it.
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy())
    return
  }
  res.end(body)
}
