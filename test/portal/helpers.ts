// Shared pieces for the portal tests: a fake clock both sides can share, and a seeded emulator over loopback.
import { afterEach } from 'vitest'
import { PortalEmulator, type EmulatorOptions } from '../../src/portal/emulator/emulator.js'
import { startEmulatorServer, type RunningEmulator } from '../../src/portal/emulator/server.js'
import { HttpPortalClient, type HttpPortalClientOptions } from '../../src/portal/http-portal-client.js'
import type { EmulatorState } from '../../src/portal/emulator/state.js'

export const PARTNER = '10000001'

/** A clock that only moves when someone sleeps on it: waits are measured, never spent. */
export function fakeClock(start = Date.parse('2026-11-24T12:00:00Z')) {
  const clock = {
    t: start,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms)
      clock.t += ms
    },
  }
  return clock
}

const running: RunningEmulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()))
})

export async function serveEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const server = await startEmulatorServer({ partners: [PARTNER], ...options })
  running.push(server)
  return server
}

export function clientFor(url: string, clock: ReturnType<typeof fakeClock>, options: Partial<HttpPortalClientOptions> = {}): HttpPortalClient {
  return new HttpPortalClient({ baseUrl: url, now: clock.now, sleep: clock.sleep, random: () => 0.5, rateLimit: 0, timeoutMs: 2000, ...options })
}

/** A state with users, so alert contacts can name them. */
export function seededState(userCount = 2): EmulatorState {
  const emulator = new PortalEmulator({ partners: [PARTNER] })
  const state = emulator.snapshot()
  state.partners[PARTNER]!.users = Array.from({ length: userCount }, (_, i) => ({
    name: `partners/${PARTNER}/users/user${i}@example.com`,
    email: `user${i}@example.com`,
    displayName: `User ${i}`,
    role: i === 0 ? 'ADMINISTRATOR' : 'EDITOR',
    etag: `etag-${i}`,
  }))
  return state
}
