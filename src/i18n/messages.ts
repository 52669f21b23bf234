// Formats catalogue messages (ICU MessageFormat, via intl-messageformat) in one locale, with Intl for lists and names.
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import type { Locale } from './locale.js'

/**
 * A message argument: text, a number, another message (translated in the same locale), a weekday (0 = Monday,
 * named by Intl), or a list of them (joined by Intl.ListFormat).
 */
export type MessageValue = string | number | MessageRef | { readonly weekday: number } | readonly MessageValue[]
export type MessageValues = Readonly<Record<string, MessageValue>>

export interface MessageRef {
  readonly id: string
  readonly values?: MessageValues
}

/**
 * A message: ICU MessageFormat text (the catalogues as written, a partner's overrides), or that text already parsed —
 * the bundle ships the catalogues parsed (scripts/build.mjs), so a run never parses its own messages.
 */
export type MessageText = string | readonly MessageFormatElement[]

/** A flat map of message ID → message: one per language, in `src/i18n/catalogues/`. */
export type Catalogue = Readonly<Record<string, MessageText>>

export function ref(id: string, values?: MessageValues): MessageRef {
  return values ? { id, values } : { id }
}

/** The portal page's label of a contact field (`alert`, …) or section (`support`, `users`). */
export function fieldLabel(field: string): MessageRef {
  return { id: `field.${field}` }
}

const MONDAY = Date.UTC(2024, 0, 1) // a Monday, for weekday names

export class Messages {
  private readonly compiled = new Map<string, IntlMessageFormat>()
  private readonly lists = new Map<string, Intl.ListFormat>()
  private readonly weekdays = new Map<string, string[]>()

  constructor(
    readonly locale: Locale,
    private readonly catalogue: Catalogue,
  ) {}

  has(id: string): boolean {
    return Object.hasOwn(this.catalogue, id)
  }

  /** A missing ID or argument is a bug in the caller, so both throw. */
  format(id: string, values: MessageValues = {}): string {
    let message = this.compiled.get(id)
    if (!message) {
      const text = this.has(id) ? this.catalogue[id] : undefined
      if (text === undefined) throw new Error(`message "${id}" is not in the ${this.locale} catalogue`)
      message = compile(text, this.locale)
      this.compiled.set(id, message)
    }
    const plain: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(values)) plain[name] = this.resolve(value)
    return String(message.format(plain))
  }

  /** `a, b and c` in this language (Intl.ListFormat). */
  list(items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction'): string {
    let format = this.lists.get(type)
    if (!format) {
      // Chinese unit lists are space-separated in CLDR; a conjunction (、和) reads as a sentence does.
      const kind = type === 'unit' && this.locale === 'zh-TW' ? 'conjunction' : type
      format = new Intl.ListFormat(this.locale, { type: kind, style: kind === 'unit' ? 'short' : 'long' })
      this.lists.set(type, format)
    }
    return format.format(items)
  }

  /** Weekday names from Intl, Monday first. */
  weekdayNames(style: 'short' | 'long' = 'short'): readonly string[] {
    let names = this.weekdays.get(style)
    if (!names) {
      const format = new Intl.DateTimeFormat(this.locale, { weekday: style, timeZone: 'UTC' })
      names = Array.from({ length: 7 }, (_, i) => format.format(MONDAY + i * 86_400_000))
      this.weekdays.set(style, names)
    }
    return names
  }

  /** A calendar date (YYYY-MM-DD, read in UTC) as this language writes it in full. */
  date(isoDate: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`))
  }

  private resolve(value: MessageValue): string | number {
    if (typeof value === 'string' || typeof value === 'number') return value
    if (isList(value)) return this.list(value.map((v) => String(this.resolve(v))))
    if ('weekday' in value) return this.weekdayNames()[value.weekday]!
    return this.format(value.id, value.values)
  }
}

function isList(value: MessageValue): value is readonly MessageValue[] {
  return Array.isArray(value)
}

/**
 * Our locales are the catalogues' own (en, it, zh-TW), all in Node's ICU: asking ICU which it supports
 * (`Intl.NumberFormat.supportedLocalesOf`, the library's default) loads its locale data, ~25 ms of every cold start.
 */
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(typeof locales === 'string' ? locales : locales[0]!)

/**
 * Tags are not ours: `<details>` in a message is text, and a message never produces markup by itself. Text needs the
 * parser, which the bundle loads only for a partner's overrides (`withParser` in catalogue.ts).
 */
export function compile(text: MessageText, locale: Locale): IntlMessageFormat {
  return new IntlMessageFormat(text as string | MessageFormatElement[], locale, undefined, { ignoreTag: true, formatters: formattersFor(locale) })
}

type Formatters = NonNullable<ConstructorParameters<typeof IntlMessageFormat>[3]>['formatters'] & object

const FORMATTERS = new Map<string, Formatters>()

/**
 * One set of Intl formatters per language, shared by every message: the library's default memoizes per message
 * and keys by JSON, which made a plural cost ~40 times a plain message in a 2,000-file plan comment.
 */
function formattersFor(locale: Locale): Formatters {
  let formatters = FORMATTERS.get(locale)
  if (!formatters) {
    const cached = <T>(make: (options?: object) => T) => {
      const cache = new Map<string, T>()
      return (_locales: unknown, options?: object) => {
        const key = options ? JSON.stringify(options) : ''
        let value = cache.get(key)
        if (value === undefined) cache.set(key, (value = make(options)))
        return value
      }
    }
    const numberFormat = cached((o) => new Intl.NumberFormat(locale, o))
    // A plural's `#` is a count: below 1,000 it reads the same in every catalogue language, and creating the first
    // Intl.NumberFormat loads ICU's number data (~25 ms of a cold start), so small integers skip it.
    const counts = { format: (n: number) => (Number.isInteger(n) && Math.abs(n) < 1000 ? String(n) : numberFormat(undefined).format(n)) }
    formatters = {
      getNumberFormat: (locales: unknown, options?: object) => (options === undefined ? counts : numberFormat(locales, options)),
      getDateTimeFormat: cached((o) => new Intl.DateTimeFormat(locale, o)),
      getPluralRules: cached((o) => new Intl.PluralRules(locale, o)),
    } as Formatters
    FORMATTERS.set(locale, formatters)
  }
  return formatters
}
