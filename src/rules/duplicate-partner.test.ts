// duplicate-partner: one file per partner ID and environment across the run, and pinned IDs only at their pinned paths.
import { testRule } from '../../test/helpers/rule-tester.js'

const eats = 'partners/eats/contacts.yaml'
const mallory = 'partners/mallory/contacts.yaml'

testRule('duplicate-partner', {
  valid: [
    { name: 'a run of one file' },
    { name: 'two partners, two files', path: eats, others: [{ path: mallory, file: { partner: { id: '20000002', name: 'Mallory' } } }] },
    {
      name: 'one partner, production and sandbox in two files',
      path: eats,
      others: [{ path: 'partners/eats/sandbox.yaml', file: { environment: 'sandbox', contacts: { alert: [] } } }],
    },
    { name: 'a pinned partner at its pinned path', path: eats, pins: { '10000001': [eats] } },
    { name: 'a pin with several paths', path: 'partners/eats/sandbox.yaml', file: { environment: 'sandbox', contacts: { alert: [] } }, pins: { '10000001': [eats, 'partners/eats/sandbox.yaml'] } },
    { name: 'a pin for another partner', path: mallory, file: { partner: { id: '20000002', name: 'Mallory' } }, pins: { '10000001': [eats] } },
  ],
  invalid: [
    {
      name: 'a second file with the same partner ID: reported on the partner ID, naming the other path',
      path: mallory,
      others: [{ path: eats }],
      errors: [{ messageId: 'duplicate', line: 3, column: 7, path: '/partner/id', severity: 'error', message: `partner 10000001 (production) is also declared by ${eats}; one file per partner and environment, so that only its owners change it` }],
    },
    {
      name: 'reported on each file: the first one names the second',
      path: eats,
      others: [{ path: mallory }],
      errors: [{ messageId: 'duplicate', message: new RegExp(`also declared by ${mallory};`) }],
    },
    {
      name: 'three files: each names the two others',
      path: 'partners/a/contacts.yaml',
      others: [{ path: 'partners/b/contacts.yaml' }, { path: 'partners/c/contacts.yaml' }],
      errors: [{ messageId: 'duplicate', message: /also declared by partners\/b\/contacts\.yaml, partners\/c\/contacts\.yaml;/ }],
    },
    {
      name: 'a pinned partner declared at another path, even alone in the run',
      path: mallory,
      pins: { '10000001': [eats] },
      errors: [{ messageId: 'pinned', line: 3, path: '/partner/id', message: `partner 10000001 is pinned to ${eats} in .partner-contacts.yaml (partners:); this file may not declare it` }],
    },
    {
      name: 'a user-set severity applies',
      path: mallory,
      others: [{ path: eats, file: { stage: 'onboarding' } }],
      severity: 'warning',
      errors: [{ messageId: 'duplicate', severity: 'warning' }],
    },
  ],
})
