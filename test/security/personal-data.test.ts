// Item 9 of issue 11: personal data stays out of every channel. Unknown keys and enum values a user wrote are not
// echoed in messages, JSON `path` or SARIF; a file that is not a contacts file (a symlink to a password file) puts none
// of its lines into any format; GitHub's error text is summarised, never passed through.
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toGitHubError } from '../../src/github/github-error.js'
import { tempDir } from '../helpers/temp-dir.js'
import { EXAMPLE, cli, write } from './bundle.js'

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown']

describe('CLI bundle: what a user wrote is not echoed', () => {
  it.each(FORMATS)('--format %s: an unknown key shaped like an email and an enum value are in no message, path or fingerprint', (format) => {
    const dir = tempDir('pc-sec-pii-')
    const file = EXAMPLE.replace('  name: Example Eats\n', '  name: Example Eats\n  mario.rossi@example.com: "+39 333 1234567"\n').replace('environment: production', 'environment: giulia.verdi@example.com').replace('stage: live', 'stage: Anna Neri')
    write(dir, { 'contacts.yaml': file })
    const run = cli(['validate', '--format', format], dir)
    expect(run.code).toBe(1)
    for (const secret of ['mario.rossi', 'giulia.verdi', 'Anna Neri', '333 1234567', '3331234567']) expect(run.stdout + run.stderr, secret).not.toContain(secret)
    if (format === 'json') {
      const paths = (JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ path: string; message: string }> }> }).files[0]!.findings.map((f) => f.path)
      expect(paths).toEqual(expect.arrayContaining(['/partner', '/environment', '/stage']))
    }
  })

  it('a likely typo of a known key is still named, so the hint stays useful', () => {
    const dir = tempDir('pc-sec-pii-')
    write(dir, { 'contacts.yaml': EXAMPLE.replace('stage: live', 'stgae: live') })
    const run = cli(['validate', '--format', 'json'], dir)
    expect(run.stdout).toContain('unknown key \\"stgae\\" at the top level; did you mean \\"stage\\"?')
    expect(run.stdout).toContain('"path": "/stgae"')
  })

  it.each(FORMATS)('--format %s: a symlink to a password-like file puts none of its lines into the output', (format) => {
    const outside = tempDir('pc-sec-etc-')
    const secrets = ['rootuser', 'zQ9hashedsecretvalue', 'daemonacct', 'svc-backup']
    // Lines that parse as YAML, each a key the schema does not know: the most a foreign file can make us say.
    write(outside, { shadow: 'rootuser: zQ9hashedsecretvalue\ndaemonacct: "*"\nsvc-backup: [x]\n' })
    const dir = tempDir('pc-sec-pii-')
    symlinkSync(join(outside, 'shadow'), join(dir, 'contacts.yaml'))
    const run = cli(['validate', '--format', format], dir)
    for (const secret of secrets) expect(run.stdout + run.stderr, secret).not.toContain(secret)
  })
})

describe('GitHub error text is summarised', () => {
  const requestError = (message: string) => Object.assign(new Error(message), { status: 422, response: { headers: {}, data: { message, errors: [{ value: 'mario.rossi@example.com' }] } } })
  it('keeps a plain message, drops one that could quote a value, never the body', () => {
    expect(toGitHubError(requestError('Validation Failed'), 'comment on #2').message).toBe('comment on #2: GitHub refused the request: Validation Failed (HTTP 422)')
    const quoted = toGitHubError(requestError('Body "mario.rossi@example.com <b>" is invalid'), 'comment on #2').message
    expect(quoted).toBe('comment on #2: GitHub refused the request (HTTP 422)')
    expect(toGitHubError(requestError('bad\n::warning::PWNED'), 'x').message).not.toMatch(/[\r\n]/)
  })
})
