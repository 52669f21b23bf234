// The language a run speaks: the first choice that is set, the catalogue for it, and a partner's overrides from `messages:`.
import { readFile } from 'node:fs/promises'
import { loadCatalogue, loadMessages, overrideProblems, withParser } from '../i18n/catalogue.js'
import { chooseLanguage, type LanguageSource } from '../i18n/locale.js'
import { ref, type Messages } from '../i18n/messages.js'
import { parseContactsFile } from '../parse/parse-contacts-file.js'
import { ConfigError, type RulesConfig } from './config.js'

export interface RunLanguage {
  messages: Messages
  /** One line to show the user: an unknown language fell back to English. */
  warning?: string
}

/** `sources` in order of precedence; the config's `language:` is the last one before English. */
export async function resolveLanguage(sources: readonly LanguageSource[], config?: Pick<RulesConfig, 'language' | 'messageFiles'>): Promise<RunLanguage> {
  const all = config?.language !== undefined ? [...sources, { value: config.language, source: '.partner-contacts.yaml language' }] : sources
  const choice = chooseLanguage(all)
  const file = config?.messageFiles?.[choice.locale]
  const overrides = file ? await readOverrides(file, choice.locale) : undefined
  const messages = await loadMessages(choice.locale, overrides)
  return choice.warning ? { messages, warning: choice.warning } : { messages }
}

/** A partner's catalogue file (YAML or JSON: message ID → ICU text), checked against ours; any problem is a ConfigError. */
async function readOverrides(file: string, locale: Parameters<typeof loadCatalogue>[0]): Promise<Record<string, string>> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw new ConfigError(ref('cli.config.catalogueUnreadable', { file, code: (error as NodeJS.ErrnoException).code ?? 'error' }))
  }
  const parsed = parseContactsFile(file, bytes)
  const first = parsed.findings[0]
  if (first) throw new ConfigError(ref('cli.config.problemAt', { path: file, line: String(first.line), column: String(first.column), problem: first.message }))
  const data = parsed.data
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(ref('cli.config.catalogueShape', { file }))
  await withParser()
  const problems = overrideProblems(await loadCatalogue(locale), data as Record<string, unknown>, locale)
  if (problems.length > 0) throw new ConfigError(`${file}: ${problems.join('; ')}`)
  return data as Record<string, string>
}
