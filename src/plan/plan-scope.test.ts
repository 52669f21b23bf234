import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { filesInScope } from './plan-scope.js'

const files = ['partners/a/contacts.yaml', 'partners/b/contacts.yaml', 'partners/c/contacts.yaml']

describe('filesInScope (plan-scope: changed)', () => {
  it('keeps the contacts files the pull request adds, modifies or renames to, in the given order', () => {
    const decision = filesInScope(files, [{ filename: 'partners/c/contacts.yaml' }, { filename: 'README.md' }, { filename: 'partners/a/contacts.yaml', previousFilename: 'old/a.yaml' }])
    expect(decision).toEqual({ files: ['partners/a/contacts.yaml', 'partners/c/contacts.yaml'] })
  })

  it('a deleted file is gone from the checkout, so it is never planned', () => {
    expect(filesInScope(files, [{ filename: 'partners/z/contacts.yaml' }]).files).toEqual([])
  })

  it.each([
    [{ filename: '.partner-contacts.yaml' }, 'changes .partner-contacts.yaml'],
    [{ filename: '.github/workflows/contacts.yml' }, 'changes a workflow'],
    [{ filename: 'elsewhere.yml', previousFilename: '.github/workflows/old.yml' }, 'changes a workflow'],
    [{ filename: 'old-config.yaml', previousFilename: '.partner-contacts.yaml' }, 'changes .partner-contacts.yaml'],
  ])('%o plans every file', (change, reason) => {
    const decision = filesInScope(files, [{ filename: 'partners/b/contacts.yaml' }, change])
    expect(decision.files).toEqual(files)
    expect(decision.allBecause).toContain(reason)
  })

  it('a config file in a subfolder is not the root config', () => {
    expect(filesInScope(files, [{ filename: 'docs/.partner-contacts.yaml' }]).files).toEqual([])
  })

  it('property: the selection is the contacts files named by the change, unless the change widens it to all', () => {
    const path = fc.constantFrom(...files, 'README.md', '.partner-contacts.yaml', '.github/workflows/x.yml', 'partners/d/contacts.yaml')
    fc.assert(
      fc.property(fc.array(fc.record({ filename: path })), (changed) => {
        const decision = filesInScope(files, changed)
        const widened = changed.some((c) => c.filename === '.partner-contacts.yaml' || c.filename.startsWith('.github/workflows/'))
        expect(decision.files).toEqual(widened ? files : files.filter((f) => changed.some((c) => c.filename === f)))
        expect(decision.allBecause !== undefined).toBe(widened)
      }),
    )
  })
})
