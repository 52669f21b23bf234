// `--format json`: the SPEC §8 report, as is (with `##[` written `#\u0023[`, the same JSON, inert in a runner log).
import { jsonSafe } from '../output/terminal.js'

export function renderJson(report: unknown): string {
  return jsonSafe(JSON.stringify(report, null, 2)) + '\n'
}
