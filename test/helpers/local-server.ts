// Stand-in servers on 127.0.0.1 for one test file: listening on a free port, and closed after each test.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** Runs `close` after the current test, whatever its outcome. */
export function closeAfterTest(close: () => Promise<void>): void {
  closers.push(close)
}

/** Starts `server` on 127.0.0.1 (a free port) and closes it, connections included, after the test. */
export async function listenLocal(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closeAfterTest(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return (server.address() as AddressInfo).port
}
