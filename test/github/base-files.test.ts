// Files of another commit through the API: what apply judges ownership against, failing closed on any doubt.
import { describe, expect, it } from 'vitest'
import { gitBlobSha, listFilesAt, readFileAt } from '../../src/github/base-files.js'
import { matchesFilePatterns } from '../../src/files/expand-files.js'
import { judgeOwnership } from '../../src/validate/ownership.js'
import { ENGLISH } from '../../src/i18n/catalogue.js'
import { clientFor, gitHubFailure, serve, sha } from './helpers.js'

const BASE = sha('base')
const files = { 'partners/eats/contacts.yaml': 'partner: eats\n', 'partners/pizza/contacts.yaml': 'partner: pizza\n', 'README.md': '# r\n' }

describe('listFilesAt and readFileAt', () => {
  it('lists the blobs of a commit with their git SHAs, which local bytes can be compared with', async () => {
    const server = await serve({ repos: [{ owner: 'o', name: 'r', filesAt: { [BASE]: files } }] })
    const listed = await listFilesAt(clientFor(server), 'o', 'r', BASE)
    expect(listed.map((f) => f.path).sort()).toEqual(Object.keys(files).sort())
    for (const f of listed) expect(f.sha).toBe(gitBlobSha(new TextEncoder().encode(files[f.path as keyof typeof files])))
    expect(Buffer.from((await readFileAt(clientFor(server), 'o', 'r', 'partners/eats/contacts.yaml', BASE))!).toString()).toBe('partner: eats\n')
    expect(await readFileAt(clientFor(server), 'o', 'r', 'partners/none/contacts.yaml', BASE)).toBeUndefined()
  })

  it('a truncated listing or a failure is an error, never a shorter list', async () => {
    const server = await serve({ repos: [{ owner: 'o', name: 'r', filesAt: { [BASE]: files } }] })
    server.fail({ method: 'GET', path: /\/git\/trees\//, status: 200, body: { sha: BASE, tree: [], truncated: true } })
    expect((await gitHubFailure(listFilesAt(clientFor(server), 'o', 'r', BASE))).message).toMatch(/truncated the listing/)
    server.fail({ method: 'GET', path: /\/contents\//, status: 403, times: 3 })
    expect((await gitHubFailure(readFileAt(clientFor(server), 'o', 'r', 'partners/eats/contacts.yaml', BASE))).kind).toBe('auth')
  })
})

describe('ownership', () => {
  it('matches base paths against the files input as expandFiles would', () => {
    expect(matchesFilePatterns('partners/eats/contacts.yaml', ['partners/*/contacts.yaml'])).toBe(true)
    expect(matchesFilePatterns('partners/eats/contacts.yaml', ['./partners/eats/contacts.yaml'])).toBe(true)
    expect(matchesFilePatterns('node_modules/x/contacts.yaml', ['**/contacts.yaml'])).toBe(false)
    expect(matchesFilePatterns('README.md', ['partners/*/contacts.yaml'])).toBe(false)
  })

  it('a written file taking an ID another path declared at the base is a claim on that path; pins refuse', () => {
    const eats = 'partners/eats/contacts.yaml'
    const mallory = 'partners/mallory/contacts.yaml'
    const result = judgeOwnership({
      writes: [{ file: mallory, partnerId: '1' }, { file: eats, partnerId: '2' }],
      base: [{ file: eats, partnerId: '1' }, { file: mallory, partnerId: '9' }],
      pins: { '2': ['partners/pizza/contacts.yaml'] },
    })
    expect(result.claims).toEqual([{ file: mallory, partnerId: '1', ownedBy: eats }])
    expect(result.refusals).toEqual([{ id: 'approval.ownership.pinned', values: { file: eats, partner: '2', paths: 'partners/pizza/contacts.yaml' } }])
    expect(ENGLISH.format(result.refusals[0]!.id, result.refusals[0]!.values)).toBe(
      `${eats} declares partner 2, which .partner-contacts.yaml at the base commit pins to partners/pizza/contacts.yaml; change the pin in its own pull request first`,
    )
    // A file keeping its own ID at its own path claims nothing.
    expect(judgeOwnership({ writes: [{ file: eats, partnerId: '1' }], base: [{ file: eats, partnerId: '1' }], pins: { '1': [eats] } })).toEqual({ claims: [], refusals: [] })
  })
})
