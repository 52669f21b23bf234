// Test configuration: unit tests beside the code, fixtures and end-to-end tests under test/.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['test/setup-fast-check.ts'],
  },
})
