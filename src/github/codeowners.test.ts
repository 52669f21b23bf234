// CODEOWNERS patterns as GitHub documents them: anchoring, `*` within a segment, `**`, directories, last match wins.
import { describe, expect, it } from 'vitest'
import { ownersOf, parseCodeowners, patternToRegex } from './codeowners.js'

function matches(pattern: string, path: string): boolean {
  return patternToRegex(pattern).test(path)
}

describe('patternToRegex', () => {
  it.each([
    // pattern, path, matches — examples from GitHub's "About code owners" page, then the edges
    ['*', 'anything/at/all.yaml', true],
    ['*.js', 'app.js', true],
    ['*.js', 'src/deep/app.js', true],
    ['*.js', 'app.jsx', false],
    ['/build/logs/', 'build/logs/today.log', true],
    ['/build/logs/', 'build/logs/2026/01.log', true],
    ['/build/logs/', 'src/build/logs/today.log', false],
    ['docs/*', 'docs/getting-started.md', true],
    ['docs/*', 'docs/build-app/troubleshooting.md', false],
    ['docs/*', 'src/docs/getting-started.md', false],
    ['apps/', 'apps/web/index.js', true],
    ['apps/', 'src/apps/web/index.js', true],
    ['apps/', 'apps', false],
    ['/docs/', 'docs/a/b.md', true],
    ['/docs/', 'x/docs/a.md', false],
    ['**/logs', 'build/logs/a.log', true],
    ['**/logs', 'logs/a.log', true],
    ['**/logs', 'deeply/nested/logs/a.log', true],
    ['**/logs', 'catalogs/a', false],
    ['partners/**/contacts.yaml', 'partners/contacts.yaml', true],
    ['partners/**/contacts.yaml', 'partners/eats/de/contacts.yaml', true],
    ['/partners/eats/contacts.yaml', 'partners/eats/contacts.yaml', true],
    ['partners/eats', 'partners/eats/contacts.yaml', true],
    ['partners/eats', 'partners/eats-2/contacts.yaml', false],
    ['contacts.yaml', 'partners/eats/contacts.yaml', true],
    ['contacts.y?ml', 'contacts.yaml', true],
    ['contacts.y?ml', 'contacts.y/ml', false],
    ['docs/**', 'docs/a/b/c.md', true],
    ['file\\ with\\ spaces.md', 'file with spaces.md', true],
    ['a.b', 'axb', false],
  ])('%s on %s → %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected)
  })

  it('is case-sensitive, as GitHub is', () => {
    expect(matches('/Partners/', 'partners/a/contacts.yaml')).toBe(false)
  })
})

describe('parseCodeowners and ownersOf', () => {
  const text = [
    '# Owners of the contacts',
    '',
    '*                       @acme/platform',
    '/partners/              @dave   # inline comments are fine',
    '/partners/eats/         @bob @acme/eats-team ops@example.com',
    '/partners/eats/README.md',
    '!/partners/rides/       @eve',
    '/partners/[ab]/         @eve',
    '/partners/x/            not-an-owner',
    '\\#hash.yaml            @frank',
  ].join('\r\n')
  const co = parseCodeowners(text, 'CODEOWNERS')

  it('the last matching rule wins', () => {
    expect(ownersOf(co, 'partners/eats/contacts.yaml').owners).toEqual(['@bob', '@acme/eats-team', 'ops@example.com'])
    expect(ownersOf(co, 'partners/rides/contacts.yaml').owners).toEqual(['@dave'])
    expect(ownersOf(co, 'README.md').owners).toEqual(['@acme/platform'])
    expect(ownersOf(co, './partners/rides/contacts.yaml').owners).toEqual(['@dave'])
  })

  it('a rule without owners removes ownership', () => {
    expect(ownersOf(co, 'partners/eats/README.md')).toMatchObject({ owners: [], rule: { line: 6 } })
  })

  it('skips and reports what GitHub does not support', () => {
    expect(co.errors.map((e) => e.line)).toEqual([7, 8, 9])
    expect(co.errors[0]!.message).toContain('negated')
    expect(co.errors[1]!.message).toContain('character ranges')
    expect(co.errors[2]!.message).toContain('"not-an-owner"')
  })

  it('an escaped # is part of the pattern, not a comment', () => {
    expect(ownersOf(co, '#hash.yaml').owners).toEqual(['@frank'])
  })

  it('no rules → nobody owns anything', () => {
    expect(ownersOf(parseCodeowners('# empty\n'), 'a.yaml')).toEqual({ owners: [], rule: undefined })
  })
})
