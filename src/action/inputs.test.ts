// mode: auto picks the mode from the event (SPEC §6, §11): issues and their comments confirm a manual portal's tasks.
import { describe, expect, it } from 'vitest'
import { resolveMode, type ActionInputs } from './inputs.js'

const inputs = (over: Partial<ActionInputs> = {}) => ({ mode: 'auto', portalUrl: 'manual', ...over }) as ActionInputs

describe('resolveMode', () => {
  it.each([
    ['pull_request', 'plan'],
    ['push', 'apply'],
    ['schedule', 'drift'],
    ['issues', 'confirm'],
    ['issue_comment', 'confirm'],
    ['release', 'validate'],
  ])('%s → %s', (event, mode) => expect(resolveMode(inputs(), event)).toBe(mode))

  it('keeps an explicit mode', () => expect(resolveMode(inputs({ mode: 'confirm' }), 'push')).toBe('confirm'))
})
