import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test/helpers/temp-dir.js'
import { expandFiles, FilesError } from './expand-files.js'

describe('expandFiles', () => {
  it('globs files by their directory entries: folders named like files are skipped, links to files kept, node_modules and .git left out', async () => {
    const dir = tempDir('pc-expand-')
    for (const d of ['partners/a', 'partners/b', 'partners/dir.yaml', 'node_modules/x', '.git/y']) mkdirSync(join(dir, d), { recursive: true })
    for (const f of ['partners/a/contacts.yaml', 'partners/b/contacts.yaml', 'node_modules/x/contacts.yaml', '.git/y/contacts.yaml']) writeFileSync(join(dir, f), 'version: 1\n')
    symlinkSync(join(dir, 'partners/a/contacts.yaml'), join(dir, 'partners/link.yaml'))
    symlinkSync(join(dir, 'partners/a'), join(dir, 'partners/folder-link.yaml'))
    // The link to a folder is no file itself; glob walks through it as through any folder.
    expect(await expandFiles(['**/*.yaml'], dir)).toEqual(['partners/a/contacts.yaml', 'partners/b/contacts.yaml', 'partners/folder-link.yaml/contacts.yaml', 'partners/link.yaml'])
    expect(await expandFiles([join(dir, 'partners/*/contacts.yaml'), 'partners/a/contacts.yaml'], dir)).toEqual(['partners/a/contacts.yaml', 'partners/b/contacts.yaml'])
    await expect(expandFiles(['partners/*.yml'], dir)).rejects.toThrow(FilesError)
  })
})
