// A yes at a [y/N] prompt: y or yes always, and the run's language's own answers.
import { describe, expect, it } from 'vitest'
import { loadMessages } from '../i18n/catalogue.js'
import { isYes } from './prompt.js'

describe('isYes', () => {
  it('y and yes in every language; sì in Italian, 是 in Chinese; anything else is no', async () => {
    const [en, it_, zh] = await Promise.all([loadMessages('en'), loadMessages('it'), loadMessages('zh-TW')])
    for (const t of [en, it_, zh]) for (const answer of ['y', 'Y', 'yes', ' YES ']) expect(isYes(answer, t), answer).toBe(true)
    for (const t of [en, it_, zh]) for (const answer of ['', 'n', 'no', 'yess', 'y e s']) expect(isYes(answer, t), answer).toBe(false)
    expect(['s', 'si', 'sì', 'Sì'].map((a) => isYes(a, it_))).toEqual([true, true, true, true])
    expect(['s', 'sì', '是'].map((a) => isYes(a, en))).toEqual([false, false, false])
    expect(isYes('是', zh)).toBe(true)
  })

  it('an empty answer, n and no are never a yes, whatever a catalogue says', async () => {
    const hostile = await loadMessages('en', { 'cli.prompt.yesAnswers': 'n|no||nein' })
    expect(['', ' ', 'n', 'No'].map((a) => isYes(a, hostile))).toEqual([false, false, false, false])
    expect(isYes('nein', hostile)).toBe(true)
  })
})
