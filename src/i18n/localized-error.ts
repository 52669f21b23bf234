// An error a person reads: it carries its catalogue message (ID and values) for the CLI and the Action to format in
// the reader's language, while `message` stays English for logs and debugging.
import { ENGLISH, formatOrEnglish } from './catalogue.js'
import type { MessageRef, Messages } from './messages.js'

/** Plain English text, or a catalogue message. */
export type ErrorText = string | MessageRef

export class LocalizedError extends Error {
  /**
   * The catalogue message, when the error has one; values from the user are raw and escaped where it is shown. Not
   * enumerable: the error compares and logs as its English message alone.
   */
  declare readonly ref?: MessageRef

  constructor(text: ErrorText) {
    super(typeof text === 'string' ? text : ENGLISH.format(text.id, text.values))
    if (typeof text !== 'string') Object.defineProperty(this, 'ref', { value: text, enumerable: false })
  }
}

/** A LocalizedError's message in `t`'s language (English when an override cannot format it); undefined for any other error. */
export function localizedMessage(error: unknown, t: Messages): string | undefined {
  return error instanceof LocalizedError && error.ref ? formatOrEnglish(t, error.ref.id, error.ref.values) : undefined
}
