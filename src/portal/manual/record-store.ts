// The Action's confirmed states: records in comments the Action's own identity wrote on the partner's tasks, never edited.
import type { ConfirmedState, ConfirmedStateStore } from './confirmed-state.js'
import { readRecordMarker, type RecordMarker } from './markers.js'

/** What the store needs from GitHub, injected so this folder never loads Octokit. */
export interface RecordSource {
  /** The partner's tasks opened by the Action's own identity, newest first. */
  tasks(partnerId: string): Promise<ReadonlyArray<{ number: number }>>
  /** A task's comments: `trusted` when written by the Action's own identity, `edited` when changed after creation. */
  comments(task: number): Promise<ReadonlyArray<{ body: string; trusted: boolean; edited: boolean }>>
}

export class RecordStore implements ConfirmedStateStore {
  /** Records that were ignored, in plain words (an edited record, a record by someone else), for the run's log. */
  readonly ignored: string[] = []

  constructor(
    private readonly source: RecordSource,
    readonly description: string,
  ) {}

  /** The newest record on the newest task that has one: later tasks supersede earlier ones. */
  async read(partnerId: string): Promise<ConfirmedState | undefined> {
    for (const task of await this.source.tasks(partnerId)) {
      let newest: RecordMarker | undefined
      for (const comment of await this.source.comments(task.number)) {
        const record = readRecordMarker(comment.body)
        if (!record || record.partnerId !== partnerId) continue
        // Anyone with write access can post or edit a comment: only an untouched comment by our own identity counts.
        if (!comment.trusted) {
          this.ignored.push(`#${task.number}: a confirmation record not written by the Action was ignored`)
          continue
        }
        if (comment.edited) {
          this.ignored.push(`#${task.number}: a confirmation record edited after it was written was ignored`)
          continue
        }
        if (!newest || record.at > newest.at) newest = record
      }
      if (newest) return toState(newest)
    }
    return undefined
  }
}

function toState(record: RecordMarker): ConfirmedState {
  return {
    partnerId: record.partnerId,
    contactInformation: record.contactInformation,
    ...(record.users ? { users: record.users } : {}),
    confirmation: { by: record.by, at: record.at, commit: record.commit, file: record.file, task: record.task },
  }
}
