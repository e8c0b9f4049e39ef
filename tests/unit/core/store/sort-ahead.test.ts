import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SortAhead } from '../../../../src/core/store/sort-ahead'

const byIndex = (a: { i: number }, b: { i: number }) => a.i - b.i

describe('SortAhead', () => {
  it('sorts by key, then by the tie-break, exactly as one sort does, however it is stepped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ maxLength: 3 }), { nil: null }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (keys, run, stepped) => {
          const items = keys.map((key, i) => ({ key, i }))
          const ahead = new SortAhead(items, (x) => x.key, byIndex, run)
          if (stepped) while (!ahead.step(0.01));
          const keyed = items.filter((x) => x.key !== null)
          const expected = [...keyed].sort((x, y) =>
            x.key! < y.key! ? -1 : x.key! > y.key! ? 1 : byIndex(x, y),
          )
          expect(ahead.finish()).toEqual({
            sorted: expected,
            unkeyed: items.filter((x) => x.key === null),
          })
          expect(items.map((x) => x.i)).toEqual(keys.map((_, i) => i))
        },
      ),
    )
  })

  it('does its work in steps and finishes the rest when asked', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => ({
      key: String((i * 7919) % 50_000),
      i,
    }))
    const ahead = new SortAhead(items, (x) => x.key, byIndex, 1_000)
    // A step of no time still does one step, nowhere near a whole sort.
    expect(ahead.step(0)).toBe(false)
    const { sorted, unkeyed } = ahead.finish()
    expect(unkeyed).toEqual([])
    expect(sorted).toHaveLength(50_000)
    for (let k = 1; k < sorted.length; k++) expect(sorted[k - 1]!.key <= sorted[k]!.key).toBe(true)
    expect(ahead.step(0)).toBe(true)
  })
})
