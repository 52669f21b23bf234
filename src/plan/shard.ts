// `shard: i/n` (SPEC §6): a deterministic share of the partners for one job of a workflow matrix.
import { createHash } from 'node:crypto'

export interface Shard {
  /** 1-based, as a matrix writes it: `1/4` … `4/4`. */
  index: number
  count: number
}

/** `i/n` with 1 ≤ i ≤ n; undefined when the text is not that shape (the caller words the error). */
export function parseShard(text: string): Shard | undefined {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text)
  if (!match) return undefined
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1 || index < 1 || index > count) return undefined
  return { index, count }
}

/**
 * The shard (1-based) that owns a key. The key is the partner ID, so every file of one partner (production and sandbox)
 * lands in the same job, which owns that partner's drift issue; a file with no readable partner ID is keyed by its path,
 * so exactly one job reports it. A hash rather than a position in a sorted list: adding a partner moves no other one.
 */
export function shardOf(key: string, count: number): number {
  if (count <= 1) return 1
  const digest = createHash('sha256').update(key).digest()
  return (digest.readUInt32BE(0) % count) + 1
}

export function shardKey(file: string, partnerId: string | undefined): string {
  return partnerId !== undefined ? `partner:${partnerId}` : `file:${file}`
}

export function ownsKey(shard: Shard | undefined, key: string): boolean {
  return !shard || shardOf(key, shard.count) === shard.index
}
