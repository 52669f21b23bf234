// The catalogues as written (ICU text), read from the source: the bundle ships them parsed, the tests check the text.
import { readFileSync } from 'node:fs'
import type { Locale } from '../../src/i18n/locale.js'

export function catalogueTexts(locale: Locale): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../../src/i18n/catalogues/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>
}
