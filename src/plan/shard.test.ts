import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ownsKey, parseShard, shardKey, shardOf } from './shard.js'

describe('shard: i/n', () => {
  it('parses i/n with 1 ≤ i ≤ n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 })
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 })
    for (const bad of ['0/4', '5/4', '1/0', '1', '1/2/3', '-1/2', 'a/b', '1.5/2', '']) expect(parseShard(bad), bad).toBeUndefined()
  })

  it('property: every key has exactly one owner among the n shards, and always the same one', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 64 }), (key, count) => {
        const owners = Array.from({ length: count }, (_, i) => ownsKey({ index: i + 1, count }, key)).filter(Boolean)
        expect(owners).toHaveLength(1)
        expect(shardOf(key, count)).toBe(shardOf(key, count))
      }),
    )
  })

  it('keeps a partner’s files together and spreads 1,000 partners evenly enough (each of 4 shards within ±20%)', () => {
    expect(shardKey('prod/contacts.yaml', '10000001')).toBe(shardKey('sandbox/contacts.yaml', '10000001'))
    expect(shardKey('a.yaml', undefined)).not.toBe(shardKey('b.yaml', undefined))
    const counts = [0, 0, 0, 0]
    for (let i = 0; i < 1000; i++) counts[shardOf(shardKey('x', String(10000000 + i)), 4) - 1]!++
    for (const c of counts) expect(Math.abs(c - 250)).toBeLessThan(50)
  })

  it('is stable across versions: these owners are part of the contract (a change would move partners between jobs)', () => {
    expect(['10000001', '10000002', '10000003', '10000004'].map((id) => shardOf(shardKey('f', id), 4))).toEqual([2, 1, 4, 2])
  })
})
