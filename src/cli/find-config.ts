// Finds `.partner-contacts.yaml` at the repository root: the nearest one from cwd up to the Git root.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { CONFIG_FILE } from '../config/load-config.js'

export function findConfigFile(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE)
    if (existsSync(candidate)) return candidate
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined
  }
}
