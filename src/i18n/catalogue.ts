// Loads the chosen language's catalogue (English is built in; the others are separate chunks) and a partner's overrides.
import EN from './catalogues/en.json' with { type: 'json' }
import type { Locale } from './locale.js'
import { IntlMessageFormat } from 'intl-messageformat'
import { compile, Messages, type Catalogue, type MessageText, type MessageValues } from './messages.js'

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

/**
 * For the error paths: a message in the run's language, or — when a partner's override cannot format it — the built-in
 * English one, so that reporting a failure never fails itself.
 */
export function formatOrEnglish(t: Messages, id: string, values?: MessageValues): string {
  try {
    return t.format(id, values)
  } catch {
    return ENGLISH.format(id, values)
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
  return [...shapeOf(text, locale).kinds.keys()].sort()
}

/** Messages a partner may not reword: what they say decides what the program does (the answers that mean yes). */
export const NOT_OVERRIDABLE: ReadonlySet<string> = new Set(['cli.prompt.yesAnswers'])

/**
 * What an argument is formatted as: plain text, a choice (select, plural: any value picks a branch, `other` at worst),
 * or through an Intl formatter (number, date, time), which throws on a value of the wrong kind or a bad skeleton.
 */
type ArgumentKind = 'text' | 'choice' | 'number' | 'date'
const KIND_OF_TYPE: Record<number, ArgumentKind | undefined> = { 1: 'text', 2: 'number', 3: 'date', 4: 'date', 5: 'choice', 6: 'choice' }

interface MessageShape {
  kinds: Map<string, Set<ArgumentKind>>
  /** Every literal, in order, branches included: text an override could assemble at run time. */
  literals: string
}

function shapeOf(text: MessageText, locale: Locale): MessageShape {
  const kinds = new Map<string, Set<ArgumentKind>>()
  let literals = ''
  const walk = (elements: readonly unknown[]) => {
    for (const element of elements as Array<Record<string, unknown>>) {
      const type = element['type'] as number
      if (type === 0 && typeof element['value'] === 'string') literals += element['value']
      const kind = KIND_OF_TYPE[type]
      if (kind && typeof element['value'] === 'string') kinds.set(element['value'], (kinds.get(element['value']) ?? new Set()).add(kind))
      const options = element['options'] as Record<string, { value: unknown[] }> | undefined
      if (options) for (const option of Object.values(options)) walk(option.value)
      if (Array.isArray(element['children'])) walk(element['children'])
    }
  }
  walk(compile(text, locale).getAst())
  return { kinds, literals }
}

/**
 * Problems with a partner's override catalogue against the built-in one: an unknown or protected message ID, ICU that
 * does not parse, an argument the built-in message does not get (an override may drop one, never invent one) or formats
 * as something it is not (a text as a date throws at run time), or markup. Empty when it is fine.
 */
export function overrideProblems(base: Catalogue, overrides: Readonly<Record<string, unknown>>, locale: Locale): string[] {
  const problems: string[] = []
  for (const [id, text] of Object.entries(overrides)) {
    if (!Object.hasOwn(base, id)) {
      problems.push(`"${id}" is not a message ID`)
      continue
    }
    if (NOT_OVERRIDABLE.has(id)) {
      problems.push(`"${id}" cannot be overridden`)
      continue
    }
    if (typeof text !== 'string') {
      problems.push(`"${id}" must be a string`)
      continue
    }
    // Overrides come from the repository, so from pull requests: one line each, no control or bidi character.
    if (/[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u.test(text)) {
      problems.push(`"${id}" must be one line of text without control or bidirectional characters`)
      continue
    }
    let shape: MessageShape
    try {
      shape = shapeOf(text, locale)
    } catch {
      problems.push(`"${id}" is not valid ICU MessageFormat`)
      continue
    }
    // Words, not markup: no HTML (so never a marker such as <!-- partner-contacts:… -->) and no Markdown link or image,
    // checked on every literal together, since ICU branches can put one together at run time.
    if (/[<>]|\]\(/.test(shape.literals)) {
      problems.push(`"${id}" must be text without "<", ">" or a Markdown link`)
      continue
    }
    const expected = shapeOf(base[id]!, locale).kinds
    const unknown = [...shape.kinds.keys()].filter((n) => !expected.has(n))
    if (unknown.length > 0) {
      problems.push(`"${id}" uses {${unknown.join('}, {')}}; it may use ${[...expected.keys()].sort().map((n) => `{${n}}`).join(', ') || 'no arguments'}`)
      continue
    }
    // Any argument may be shown as text or chosen on; formatted as a number or a date only where the built-in message does.
    const misused = [...shape.kinds].flatMap(([name, kinds]) => [...kinds].filter((k) => k !== 'text' && k !== 'choice' && !expected.get(name)!.has(k)).map((k) => `{${name}} as a ${k}`))
    if (misused.length > 0) problems.push(`"${id}" formats ${misused.join(', ')}, which the built-in message does not`)
  }
  return problems
}
