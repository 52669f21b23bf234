// Reads the optional `.partner-contacts.yaml` at the repository root into a RulesConfig.
import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { readContactsFile } from '../files/read-contacts-file.js'
import { ref } from '../i18n/messages.js'
import { LOCALES, matchLocale } from '../i18n/locale.js'
import { parseContactsFile } from '../parse/parse-contacts-file.js'
import { ConfigError, EMPTY_CONFIG, parseIntegrationOverrides, parsePartnerPins, parseRuleSettings, type RulesConfig } from './config.js'

export const CONFIG_FILE = '.partner-contacts.yaml'
export const KNOWN_KEYS = new Set(['rules', 'integrations', 'partners', 'language', 'messages'])

export async function loadConfigFile(path: string): Promise<RulesConfig> {
  if (!existsSync(path)) return EMPTY_CONFIG
  // Read like a contacts file: a regular file in the working tree, sized before reading (a pull request can change it).
  const bytes = readContactsFile(dirname(path), basename(path))
  // The reason in words, in the reader's language where the CLI shows it.
  if (!(bytes instanceof Uint8Array)) throw new ConfigError(ref('cli.config.problem', { path, problem: ref(`yaml.${bytes.unreadable}`, bytes.values ?? {}) }))
  return parseConfigText(path, bytes)
}

export function parseConfigText(path: string, bytes: Uint8Array): RulesConfig {
  const parsed = parseContactsFile(path, bytes)
  const first = parsed.findings[0]
  if (first) throw new ConfigError(ref('cli.config.problemAt', { path, line: String(first.line), column: String(first.column), problem: first.message }))
  const data = parsed.data ?? {}
  if (typeof data !== 'object' || Array.isArray(data) || data === null) throw new ConfigError(ref('cli.config.mapping', { path }))
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) throw new ConfigError(ref('cli.config.unknownKey', { path, key, allowed: [...KNOWN_KEYS].join(', ') }))
  }
  const record = data as Record<string, unknown>
  const partners = parsePartnerPins(record['partners'], path)
  const language = record['language']
  if (language !== undefined && typeof language !== 'string') throw new ConfigError(ref('cli.config.language', { path, locales: LOCALES.join(', ') }))
  const messageFiles = parseMessageFiles(record['messages'], path)
  return {
    ...parseRuleSettings(record['rules'], path),
    merchantIssues: parseIntegrationOverrides(record['integrations'], path),
    ...(Object.keys(partners).length > 0 ? { partners } : {}),
    ...(language !== undefined ? { language } : {}),
    ...(messageFiles ? { messageFiles } : {}),
  }
}

/** `messages: { it: i18n/it.yaml }`: one override catalogue per language, relative to the config file. */
function parseMessageFiles(value: unknown, path: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined
  const shape = ref('cli.config.messagesShape', { path, locales: LOCALES.join(', ') })
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(shape)
  const out: Record<string, string> = {}
  for (const [language, file] of Object.entries(value)) {
    const locale = matchLocale(language)
    if (!locale || typeof file !== 'string' || file.trim() === '') throw new ConfigError(shape)
    out[locale] = join(dirname(path), file)
  }
  return out
}
