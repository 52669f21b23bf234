// Reads one contacts file with bounded cost: only a regular file inside the working tree, at most 1 MiB, sized on the open descriptor.
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { STDIN_FILE } from './expand-files.js'
import { MAX_FILE_BYTES, type ContactsBytes } from '../parse/parse-contacts-file.js'

/**
 * The bytes of `file` (relative to `cwd`), or why it was not read; the parser turns a refusal into a `yaml-unsafe`
 * finding on line 1. The working tree is the Git working tree around `cwd` (the nearest folder up with a `.git`),
 * else `cwd`. A path that lies inside it must resolve inside it too: a symbolic link in a pull request pointing at
 * /etc/shadow or a 2 GB file elsewhere is refused before anything is opened; a path the user names outside it is
 * their choice. The file is opened
 * without blocking (a FIFO never hangs the run) and sized on the descriptor, so a huge file costs one fstat, not its
 * size in memory, and a file swapped after the check is still measured as the one that is read.
 */
export function readContactsFile(cwd: string, file: string): ContactsBytes {
  const path = resolve(cwd, file)
  const tree = workingTree(cwd)
  let real: string
  try {
    real = realpathSync.native(path)
  } catch (error) {
    return unreadable(error)
  }
  if (inside(tree.path, path) && !inside(tree.real, real)) {
    return { unreadable: 'symlinkOutside' }
  }
  let fd: number
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY)
  } catch (error) {
    return unreadable(error)
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) return { unreadable: 'notRegular' }
    if (info.size > MAX_FILE_BYTES) return { unreadable: 'tooLarge', values: { bytes: String(info.size), limit: String(MAX_FILE_BYTES) } }
    // One byte more than allowed: a file that grew since fstat is caught without reading the rest.
    const buffer = Buffer.allocUnsafe(Math.min(MAX_FILE_BYTES, info.size) + 1)
    let length = 0
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n
    if (length > MAX_FILE_BYTES) return { unreadable: 'overLimit', values: { limit: String(MAX_FILE_BYTES) } }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length)
  } catch (error) {
    return unreadable(error)
  } finally {
    closeSync(fd)
  }
}

/** The bytes of one input of the run: standard input when the user named `-`, else the file (bounded, as above). */
export function readInput(cwd: string, file: string, stdin?: Uint8Array): ContactsBytes {
  return file === STDIN_FILE && stdin ? stdin : readContactsFile(cwd, file)
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

const trees = new Map<string, { path: string; real: string }>()
function workingTree(cwd: string): { path: string; real: string } {
  let tree = trees.get(cwd)
  if (tree === undefined) {
    let path = resolve(cwd)
    for (let dir = path; ; dir = dirname(dir)) {
      if (existsSync(join(dir, '.git'))) {
        path = dir
        break
      }
      if (dirname(dir) === dir) break
    }
    let real: string
    try {
      real = realpathSync.native(path)
    } catch {
      real = path
    }
    tree = { path, real }
    trees.set(cwd, tree)
  }
  return tree
}

function unreadable(error: unknown): ContactsBytes {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ELOOP') return { unreadable: 'symlinkLoop' }
  return { unreadable: 'cannotRead', values: { code: typeof code === 'string' && /^[A-Z]{2,20}$/.test(code) ? code : 'error' } }
}
