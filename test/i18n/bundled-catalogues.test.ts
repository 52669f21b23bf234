// The bundle ships each catalogue parsed at build time: what it holds must be exactly the library's parse of the text.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../src/i18n/locale.js'
import { catalogueTexts } from '../helpers/catalogue-texts.js'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
/** Every catalogue in dist/: scripts/build.mjs writes each as `JSON.parse('{"field.alert":…}')`, a string of its parsed messages. */
function shippedCatalogues(): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = []
  for (const dir of ['', 'chunks/']) {
    for (const name of readdirSync(DIST + dir).filter((n) => n.endsWith('.js'))) {
      const code = readFileSync(DIST + dir + name, 'utf8')
      // esbuild quotes the string with '…' or, when it holds a quote, with `…`.
      for (const match of code.matchAll(/JSON\.parse\((['`])(\{"field\.alert"(?:(?!\1)[^\\]|\\.)*)\1\)/g)) {
        found.push(JSON.parse(new Function(`return ${match[1]}${match[2]}${match[1]}`)() as string) as Record<string, unknown>)
      }
    }
  }
  return found
}

/** Each copy of a language's catalogue in dist/ (the CLI and the Action are built apart, so English is in both). */
function bundled(locale: (typeof LOCALES)[number]): Array<Record<string, unknown>> {
  const alert = catalogueTexts(locale)['field.alert']
  const matching = shippedCatalogues().filter((c) => (c['field.alert'] as Array<{ value: string }>)[0]!.value === alert)
  expect(matching.length, `${locale} in dist/`).toBeGreaterThan(0)
  return matching
}

describe('catalogues in the bundle', () => {
  it.each(LOCALES)('%s: every message is the parse of its text, with the options messages.ts formats with', (locale) => {
    const texts = catalogueTexts(locale)
    for (const shipped of bundled(locale)) {
      expect(Object.keys(shipped)).toEqual(Object.keys(texts))
      for (const [id, text] of Object.entries(texts)) expect(shipped[id], id).toEqual(parse(text, { ignoreTag: true, locale: new Intl.Locale(locale) }))
    }
  })

  it('the English path can still load the parser, as its own chunk, for a partner’s overrides', () => {
    const parserChunks = readdirSync(`${DIST}chunks`).filter((n) => readFileSync(`${DIST}chunks/${n}`, 'utf8').includes('EXPECT_ARGUMENT_CLOSING_BRACE'))
    expect(parserChunks.length).toBeGreaterThan(0)
    for (const name of parserChunks) expect(name).toMatch(/^icu-messageformat-parser-/)
  })
})
