// The languages we ship and how a tag (`--lang`, the `language` input, `language:`) or a POSIX locale maps to one.

export const LOCALES = ['en', 'it', 'zh-TW'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/**
 * `it`, `it-IT`, `it_IT.UTF-8`, `zh-TW`, `zh_TW.UTF-8`, `zh-Hant`, `zh-HK` (Traditional script), `en-GB` → one of
 * ours; anything else (Simplified Chinese, German, `C`) → undefined.
 */
export function matchLocale(tag: string): Locale | undefined {
  const clean = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase()
  const [language, ...rest] = clean.split('-')
  if (language === 'en') return 'en'
  if (language === 'it') return 'it'
  if (language === 'zh' && rest.some((part) => part === 'tw' || part === 'hant' || part === 'hk' || part === 'mo')) return 'zh-TW'
  return undefined
}

/** The POSIX order: LC_ALL, then LC_MESSAGES, then LANG; the first that is set. */
export function envLanguage(env: Readonly<Record<string, string | undefined>>): { value: string | undefined; source: string; quiet: true } {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]
    if (value) return { value, source: name, quiet: true }
  }
  return { value: undefined, source: 'LANG', quiet: true }
}

export interface LanguageSource {
  value: string | undefined
  /** Named in the warning: `--lang`, `input language`, `.partner-contacts.yaml`. */
  source: string
  /** The environment: a German or `C.UTF-8` shell silently falls through, since nobody chose it for this tool. */
  quiet?: boolean
}

export interface LanguageChoice {
  locale: Locale
  /** One line for the user when an explicit choice named a language we do not have. */
  warning?: string
}

/** The first source that is set (and, for a quiet one, names one of our languages) wins; an unknown one is a warning and English. */
export function chooseLanguage(sources: readonly LanguageSource[]): LanguageChoice {
  for (const { value, source, quiet } of sources) {
    if (value === undefined || value.trim() === '') continue
    const locale = matchLocale(value)
    if (locale) return { locale }
    if (quiet) continue
    return { locale: DEFAULT_LOCALE, warning: `${source}: unknown language "${printable(value)}"; using English (available: ${LOCALES.join(', ')})` }
  }
  return { locale: DEFAULT_LOCALE }
}

function printable(value: string): string {
  return value.replace(/[^\w.@-]/g, '?').slice(0, 40)
}
