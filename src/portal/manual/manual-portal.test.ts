// The manual portal: markers survive any value and cannot be forged by text, records count only when ours and untouched,
// reads come from the confirmed state, writes never happen.
import fc from 'fast-check'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers/temp-dir.js'
import { PortalError } from '../portal-error.js'
import { emptyContactInformation, type ConfirmedState } from './confirmed-state.js'
import { DirectoryStore } from './directory-store.js'
import { ManualPortalClient, NEVER_CONFIRMED_ETAG, isManualPortal } from './manual-portal-client.js'
import { readRecordMarker, readTaskMarker, recordMarker, taskMarker, type RecordMarker } from './markers.js'
import { RecordStore } from './record-store.js'

const state: ConfirmedState = {
  partnerId: '10000001',
  contactInformation: { ...emptyContactInformation(), technicalEmergencyContacts: [{ email: 'oncall@example.com', displayName: 'On call' }] },
  confirmation: { by: 'ana', at: '2026-11-30T10:00:00.000Z', file: 'contacts.yaml' },
}

const record = (over: Partial<RecordMarker> = {}): RecordMarker => ({
  partnerId: '10000001',
  file: 'contacts.yaml',
  commit: '1'.repeat(40),
  checksum: 'sha256:x',
  by: 'portal-ops',
  at: '2026-11-30T10:00:00.000Z',
  task: 7,
  contactInformation: state.contactInformation,
  ...over,
})

describe('markers', () => {
  it('round-trip any file name and values, and stay one HTML comment (nothing can close it early)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (file, name) => {
        const marker = taskMarker({ partnerId: '1', kind: 'update', file: file || 'x', commit: 'c', checksum: 's' })
        expect(marker.indexOf('-->')).toBe(marker.length - 3)
        expect(readTaskMarker(`${marker}\nmore`)).toEqual({ partnerId: '1', kind: 'update', file: file || 'x', commit: 'c', checksum: 's' })
        // Read only where written: the body's first line.
        expect(readTaskMarker(`text\n${marker}\nmore`)).toBeUndefined()
        const r = record({ contactInformation: { ...emptyContactInformation(), alertContacts: [{ email: 'a@example.com', displayName: name }] } })
        expect(readRecordMarker(recordMarker(r))).toEqual(r)
      }),
    )
  })

  it('reads nothing from a marker that is not on its own line or not well formed', () => {
    expect(readTaskMarker(`quoted: ${taskMarker({ partnerId: '1', kind: 'update', file: 'f', commit: 'c', checksum: 's' })}`)).toBeUndefined()
    expect(readTaskMarker('<!-- partner-contacts:portal-task e30 -->')).toBeUndefined() // {}
    expect(readRecordMarker('<!-- partner-contacts:confirmed !!! -->')).toBeUndefined()
    // Only the first line counts: a comment whose text (a catalogue message, say) carries a marker further down is not a record.
    const r = recordMarker(record())
    expect(readRecordMarker(r)).toBeDefined()
    expect(readRecordMarker(`${r}\nRecorded.`)).toBeDefined()
    expect(readRecordMarker(`@mallory is not a portal operator.\n${r}`)).toBeUndefined()
  })
})

describe('RecordStore', () => {
  const store = (comments: Array<{ body: string; trusted: boolean; edited: boolean }>, tasks = [{ number: 7 }]) =>
    new RecordStore({ tasks: async () => tasks, comments: async () => comments }, 'test')

  it('takes the newest record written by the Action and never edited', async () => {
    const s = store([
      { body: recordMarker(record({ by: 'old', at: '2026-01-01T00:00:00Z' })), trusted: true, edited: false },
      { body: recordMarker(record({ by: 'new' })), trusted: true, edited: false },
    ])
    expect((await s.read('10000001'))?.confirmation).toMatchObject({ by: 'new', task: 7 })
  })

  it.each([
    ['written by someone else', { trusted: false, edited: false }, 'not written by the Action'],
    ['edited after it was written', { trusted: true, edited: true }, 'edited after it was written'],
  ])('ignores a record %s, and says so', async (_, flags, note) => {
    const s = store([{ body: recordMarker(record()), ...flags }])
    expect(await s.read('10000001')).toBeUndefined()
    expect(s.ignored.join()).toContain(note)
  })

  it('ignores a record of another partner on the task', async () => {
    expect(await store([{ body: recordMarker(record({ partnerId: '2' })), trusted: true, edited: false }]).read('10000001')).toBeUndefined()
  })
})

describe('ManualPortalClient', () => {
  it('reads the confirmed state, with an etag that changes with each confirmation', async () => {
    let current: ConfirmedState | undefined = state
    const client = () => new ManualPortalClient({ description: 'test', read: async () => current })
    const info = await client().getContactInformation('10000001')
    expect(info.technicalEmergencyContacts).toEqual([{ email: 'oncall@example.com', displayName: 'On call' }])
    expect(info.updateTime).toBe(state.confirmation.at)
    current = { ...state, confirmation: { ...state.confirmation, at: '2026-12-01T00:00:00.000Z' } }
    expect((await client().getContactInformation('10000001')).etag).not.toBe(info.etag)
    current = undefined
    expect(await client().getContactInformation('10000001')).toMatchObject({ etag: NEVER_CONFIRMED_ETAG, alertContacts: [] })
    expect(await client().confirmation('10000001')).toBeUndefined()
    expect(isManualPortal(client())).toBe(true)
  })

  it('never writes: every write is a PortalError that says a person does it', async () => {
    const client = new ManualPortalClient({ description: 'test', read: async () => undefined })
    await expect(client.updateContactInformation('1')).rejects.toThrow(PortalError)
    await expect(client.createUser('1')).rejects.toThrow(/changed by a person/)
  })
})

describe('DirectoryStore', () => {
  it('writes atomically and reads back; a damaged file is a clear PortalError, never "never confirmed"', async () => {
    const dir = tempDir('pc-manual-')
    const store = new DirectoryStore(dir)
    expect(await store.read('10000001')).toBeUndefined()
    await store.write(state)
    expect(await store.read('10000001')).toEqual(state)
    writeFileSync(join(dir, '10000001.json'), '{"version": 1, "partnerId": "10000001"')
    await expect(store.read('10000001')).rejects.toThrow(/not valid JSON/)
    writeFileSync(join(dir, '10000001.json'), JSON.stringify({ ...state, version: 1, partnerId: '2' }))
    await expect(store.read('10000001')).rejects.toThrow(/not a version 1 confirmed state of this partner/)
    expect(() => store.pathOf('../etc/passwd')).toThrow(/a partner ID is digits/)
  })
})
