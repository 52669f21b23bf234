// One question on the terminal: the answer, or how the person left it (Ctrl-C, Ctrl-D). Callers check for a TTY first.
import { createInterface } from 'node:readline'
import { ENGLISH } from '../i18n/catalogue.js'
import type { Messages } from '../i18n/messages.js'
import type { CliIo } from './io.js'

export type Answer = { answer: string } | { aborted: 'interrupted' | 'closed' }

export async function ask(io: CliIo, question: string): Promise<Answer> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true })
  try {
    return await new Promise<Answer>((resolve) => {
      rl.once('SIGINT', () => {
        io.stderr.write('\n')
        resolve({ aborted: 'interrupted' })
      })
      rl.once('close', () => resolve({ aborted: 'closed' }))
      rl.question(question, (answer) => resolve({ answer: answer.trim() }))
    })
  } finally {
    rl.close()
  }
}

/**
 * A yes to a [y/N] question: y or yes in any language, and the answers of the run's own (`cli.prompt.yesAnswers`, which
 * a partner's override catalogue may not change: see NOT_OVERRIDABLE). An empty answer, n and no are never a yes.
 */
export function isYes(answer: string, messages: Messages = ENGLISH): boolean {
  const given = answer.trim().toLowerCase()
  if (given === '' || given === 'n' || given === 'no') return false
  const yes = new Set(['y', 'yes', ...messages.format('cli.prompt.yesAnswers').split('|')].map((a) => a.trim().toLowerCase()))
  return yes.has(given)
}

/** What a left prompt prints and returns: "aborted, nothing written"; 130 for Ctrl-C as shells do, else 1. */
export function aborted(io: CliIo, how: 'interrupted' | 'closed', messages: Messages = ENGLISH): number {
  io.stderr.write(`partner-contacts: ${messages.format('cli.prompt.aborted')}\n`)
  return how === 'interrupted' ? 130 : 1
}
