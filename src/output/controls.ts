// Characters that must never reach a reader raw: C0/C1 controls, DEL, line and paragraph separators, bidi and invisible format characters.

/**
 * C0 (tab, LF and CR included), DEL, C1, U+061C, U+200B, U+200E/F, U+2028/9, U+202A–E, U+2060–4, U+2066–9, U+FEFF.
 * ZWNJ and ZWJ (U+200C/D) are kept: names in several scripts and emoji sequences need them, and they move nothing.
 */
export const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u0000': '\\0', '\u001B': '\\e' }

/** `\n`, `\r`, `\t`, `\0`, `\e` (ESC), `\xHH` for other C0/C1, `\u{HHHH}` for the rest: visible, one line, never interpreted. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL_CHARS, (c) => {
    const named = NAMED[c]
    if (named) return named
    const code = c.codePointAt(0)!
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`
  })
}

export function hasControls(text: string): boolean {
  CONTROL_CHARS.lastIndex = 0
  const found = CONTROL_CHARS.test(text)
  CONTROL_CHARS.lastIndex = 0
  return found
}

/** The distinct control characters of `text`, each as escapeControls writes it: `\n, \e, \u{202E}`. */
export function listControls(text: string): string {
  return [...new Set(text.match(CONTROL_CHARS) ?? [])].map(escapeControls).join(', ')
}
