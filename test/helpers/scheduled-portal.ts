// A portal client whose every request waits for a fast-check scheduler, so that a property explores interleavings.
import type fc from 'fast-check'
import type { PortalEmulator } from '../../src/portal/emulator/emulator.js'
import { HttpPortalClient } from '../../src/portal/http-portal-client.js'

/** A client straight to the emulator: for the plans a test makes before the race. */
export function directClient(emulator: PortalEmulator): HttpPortalClient {
  return new HttpPortalClient({ baseUrl: 'http://emulator.invalid', fetch: emulator.fetch, rateLimit: 0, maxAttempts: 1 })
}

/** Each request is released in the order the scheduler picks (and shrinks), labelled `METHOD /path`. */
export function scheduledClient(emulator: PortalEmulator, s: fc.Scheduler): HttpPortalClient {
  return new HttpPortalClient({
    baseUrl: 'http://emulator.invalid',
    rateLimit: 0,
    maxAttempts: 1,
    fetch: async (input, init) => {
      await s.schedule(Promise.resolve(), `${init?.method ?? 'GET'} ${String(input).replace(/.*\/v1/, '')}`)
      return emulator.fetch(input, init)
    },
  })
}
