// A core stage's message (a refusal reason, an unsafe-plan reason, a write step) as text in the reader's language. Pure.
import type { MessageRef, MessageValue, MessageValues, Messages } from '../i18n/messages.js'
import type { Redactor } from '../redact/redactor.js'

/**
 * Formats `message` with `t`. With a redactor, every text value is redacted before it is placed in the sentence, so
 * an email or phone is masked wherever a language puts it (next to full-width punctuation too); the catalogues'
 * own text names no contact. Escaping for the context (terminal, Markdown) is the caller's, after this.
 */
export function formatRef(t: Messages, message: MessageRef, redactor?: Redactor): string {
  return t.format(message.id, redactor && message.values ? redactValues(message.values, redactor) : message.values)
}

/** Each message in `t`, redacted, joined by `separator` (`; ` as the one-line forms have always done). */
export function formatRefs(t: Messages, messages: readonly MessageRef[], redactor?: Redactor, separator = '; '): string {
  return messages.map((m) => formatRef(t, m, redactor)).join(separator)
}

function redactValues(values: MessageValues, redactor: Redactor): MessageValues {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, redactValue(value, redactor)]))
}

function redactValue(value: MessageValue, redactor: Redactor): MessageValue {
  if (typeof value === 'string') return redactor.text(value)
  if (typeof value === 'number') return value
  if (isList(value)) return value.map((v) => redactValue(v, redactor))
  if ('weekday' in value) return value
  return value.values ? { id: value.id, values: redactValues(value.values, redactor) } : value
}

function isList(value: MessageValue): value is readonly MessageValue[] {
  return Array.isArray(value)
}
