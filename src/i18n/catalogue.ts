// Loads the chosen language's catalogue (English is built in; the others are separate chunks) and a partner's overrides.
import EN from './catalogues/en.json' with { type: 'json' }
import type { Locale } from './locale.js'
import { IntlMessageFormat } from 'intl-messageformat'
import { compile, Messages, type Catalogue, type MessageText } from './messages.js'

/** The built-in default: library callers and tests that name no language read English. */
export const ENGLISH = new Messages('en', EN)

/** Only the chosen catalogue is loaded: Italian and Traditional Chinese sit in chunks the English path never reads. */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  switch (locale) {
    case 'en':
      return EN
    case 'it':
      return (await import('./catalogues/it.json', { with: { type: 'json' } })).default
    case 'zh-TW':
      return (await import('./catalogues/zh-TW.json', { with: { type: 'json' } })).default
  }
}

export async function loadMessages(locale: Locale, overrides?: Readonly<Record<string, string>>): Promise<Messages> {
  if (locale === 'en' && !overrides) return ENGLISH
  if (overrides) await withParser()
  const catalogue = await loadCatalogue(locale)
  return new Messages(locale, overrides ? { ...catalogue, ...overrides } : catalogue)
}

/**
 * Makes text messages parseable. The bundle gives intl-messageformat no parser (its catalogues ship parsed), so before
 * a partner's override texts are checked or formatted, the parser is loaded — its own chunk, read only then.
 */
export async function withParser(): Promise<void> {
  const { parse } = await import('@formatjs/icu-messageformat-parser')
  IntlMessageFormat.__parse = parse
}

/** The argument names a message uses, from the library's own parse (so a syntax error throws here; text needs `withParser`). */
export function placeholders(text: MessageText, locale: Locale = 'en'): string[] {
  const names = new Set<string>()
  const walk = (elements: readonly unknown[]) => {
    for (const element of elements as Array<Record<string, unknown>>) {
      if (typeof element['value'] === 'string' && element['type'] !== 0 && element['type'] !== 7) names.add(element['value'])
      const options = element['options'] as Record<string, { value: unknown[] }> | undefined
      if (options) for (const option of Object.values(options)) walk(option.value)
      if (Array.isArray(element['children'])) walk(element['children'])
    }
  }
  walk(compile(text, locale).getAst())
  return [...names].sort()
}

/**
 * Problems with a partner's override catalogue against the built-in one: an unknown message ID, ICU that does not
 * parse, or an argument the built-in message does not get (an override may drop one, never invent one). Empty when it is fine.
 */
export function overrideProblems(base: Catalogue, overrides: Readonly<Record<string, unknown>>, locale: Locale): string[] {
  const problems: string[] = []
  for (const [id, text] of Object.entries(overrides)) {
    if (!Object.hasOwn(base, id)) {
      problems.push(`"${id}" is not a message ID`)
      continue
    }
    if (typeof text !== 'string') {
      problems.push(`"${id}" must be a string`)
      continue
    }
    // Overrides come from the repository, so from pull requests: one line each, no HTML comment (markers are ours).
    if (/[\u0000-\u001f\u007f\u2028\u2029]|<!--/.test(text)) {
      problems.push(`"${id}" must be one line of text without control characters or "<!--"`)
      continue
    }
    let names: string[]
    try {
      names = placeholders(text, locale)
    } catch {
      problems.push(`"${id}" is not valid ICU MessageFormat`)
      continue
    }
    const expected = placeholders(base[id]!, locale)
    const unknown = names.filter((n) => !expected.includes(n))
    if (unknown.length > 0) problems.push(`"${id}" uses {${unknown.join('}, {')}}; it may use ${expected.map((n) => `{${n}}`).join(', ') || 'no arguments'}`)
  }
  return problems
}
