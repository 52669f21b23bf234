// User-derived strings for Markdown (CommonMark + GFM, as GitHub renders comments and job summaries), per context.
import { escapeControls } from './controls.js'

// Any ASCII punctuation may be backslash-escaped in CommonMark; escaping every one that can start syntax leaves no
// emphasis, link, image, autolink (`www.`, `http:`, `a@b.c`), HTML, entity, math (`$`), table pipe or block marker.
const PUNCTUATION = /[\\`*_{}[\]<>()#+\-.!|~&:@^$]/g

/**
 * Markdown inline text, also right for a GFM table cell: one line (controls escaped visibly), every punctuation
 * character backslash-escaped, so `|`, `<!--`, `-->`, `</details>` and `[x](y)` render as the characters they are.
 */
export function mdText(text: string): string {
  return escapeControls(text).replace(PUNCTUATION, (c) => `\\${c}`)
}

/**
 * Text in code style (file names, keys). A backtick code span cannot hold every string (its content is literal, so a
 * `|` would split a table row); inline `<code>` with escaped text renders the same and can.
 */
export function mdCode(text: string): string {
  return `<code>${mdText(text)}</code>`
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '|': '&#124;', '`': '&#96;' }

/**
 * Text inside raw HTML, such as `<summary>…</summary>` of a `<details>` block, where Markdown is not parsed:
 * one line, HTML-escaped. Never put it where Markdown is parsed (use mdText there).
 */
export function htmlText(text: string): string {
  return escapeControls(text).replace(/[&<>"'|`]/g, (c) => HTML_ENTITIES[c]!)
}

/** A file name in code style inside raw HTML. */
export function htmlCode(text: string): string {
  return `<code>${htmlText(text)}</code>`
}

/**
 * A link whose address may hold user text (a file path): characters that could end the address, split a table row
 * or start Markdown (`( ) < > [ ] | \ \` * _` and spaces) are percent-encoded, so it stays one link.
 */
export function mdLink(label: string, url: string): string {
  const safe = escapeControls(url).replace(/[()<>[\]|\\`*_\s"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  return `[${mdText(label)}](${safe})`
}
