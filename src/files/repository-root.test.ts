// Paths for code scanning and GitLab: relative to the repository root, forward slashes, nothing outside it.
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test/helpers/temp-dir.js'
import { repositoryRelative } from './repository-root.js'

describe('repositoryRelative', () => {
  it('turns a working-directory path into a repository-root path', () => {
    expect(repositoryRelative('/repo', '/repo/partners', 'eats/contacts.yaml')).toBe('partners/eats/contacts.yaml')
    expect(repositoryRelative('/repo', '/repo', './contacts.yaml')).toBe('contacts.yaml')
    expect(repositoryRelative('/repo', '/repo/a', '../b/contacts.yaml')).toBe('b/contacts.yaml')
  })

  it('keeps standard input and files outside the repository as given', () => {
    expect(repositoryRelative('/repo', '/repo', '-')).toBe('-')
    expect(repositoryRelative('/repo', '/elsewhere', 'contacts.yaml')).toBe('contacts.yaml')
  })

  it('sees through a symlinked working directory, as git does', () => {
    const dir = tempDir('pc-root-')
    mkdirSync(join(dir, 'repo/partners'), { recursive: true })
    symlinkSync(join(dir, 'repo'), join(dir, 'link'))
    expect(repositoryRelative(join(dir, 'repo'), join(dir, 'link/partners'), 'contacts.yaml')).toBe('partners/contacts.yaml')
  })
})
