// Text for terminals and runner logs: no escape sequence and no workflow command can come from what a user wrote.
import { escapeControls } from './controls.js'

/**
 * The runner reads a line as a workflow command when it starts with `::` (after blanks) or when it holds `##[`
 * anywhere (the old form). Our own commands go through `@actions/core`, which writes them itself; every other
 * line we print is neutralised: a leading `::` becomes `\x3a:` and `##[` becomes `#\x23[`, visibly.
 */
const LEADING_COMMAND = /^(\s*):(?=:)/gm
const OLD_COMMAND = /##\[/g

/**
 * One user-derived string (a file name, a partner name, a value, a message) for a terminal or log line: controls,
 * ANSI escapes and bidi characters shown as `\e`, `\n`, `\u{202E}`…, and no workflow command can start in it.
 */
export function inline(text: string): string {
  return neutraliseCommands(escapeControls(text))
}

/**
 * The last step before a stream: whole output (several lines, our own colours kept), with no line the runner
 * would take as a command. Renderers escape each user string with `inline`; this catches what a line start adds.
 */
export function neutraliseCommands(text: string): string {
  return text.replace(LEADING_COMMAND, '$1\\x3a').replace(OLD_COMMAND, '#\\x23[')
}

/**
 * JSON for a stream (`--format json`, `sarif`): `##[` can only be inside a string there, so it is written
 * `#\u0023[`, which every JSON reader decodes back to the same text. Lines of pretty JSON never start with `::`.
 */
export function jsonSafe(json: string): string {
  return json.replace(OLD_COMMAND, '#\\u0023[')
}
