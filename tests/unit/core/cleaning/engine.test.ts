import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replayChanges, runRules } from '../../../../src/core/cleaning/engine'
import type { Rule } from '../../../../src/core/cleaning/types'

const ctx = () => ({ glossary: [], metadata: {} })

/** Toy rules whose effect is easy to predict, to test the engine's bookkeeping alone. */
const dropX: Rule = {
  id: 'drop-x',
  name: 'drop x',
  description: '',
  apply: (text) => ({
    edits: [...text.matchAll(/x+/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      replacement: '',
      reason: 'x',
    })),
  }),
}
const aToBb: Rule = {
  id: 'a-bb',
  name: 'a to bb',
  description: '',
  apply: (text) => ({
    edits: [...text.matchAll(/a/g)].map((m) => ({
      start: m.index,
      end: m.index + 1,
      replacement: 'bb',
      reason: 'a',
    })),
    flags: [...text.matchAll(/q/g)].map((m) => ({
      start: m.index,
      end: m.index + 1,
      kind: 'q',
      message: 'a q',
    })),
  }),
}
const flagZ: Rule = {
  id: 'flag-z',
  name: 'flag z',
  description: '',
  apply: (text) => ({
    flags: [...text.matchAll(/z/g)].map((m) => ({
      start: m.index,
      end: m.index + 1,
      kind: 'z',
      message: 'a z',
    })),
  }),
}

describe('runRules', () => {
  it('applies rules in order and logs each edit with its rule and the text it replaced', () => {
    const r = runRules('axxaz', [dropX, aToBb, flagZ], ctx())
    expect(r.text).toBe('bbbbz')
    expect(
      r.changes.map((c) => [c.rule, c.removed, c.replacement, c.originalStart, c.originalEnd]),
    ).toEqual([
      ['drop-x', 'xx', '', 1, 3],
      ['a-bb', 'a', 'bb', 0, 1],
      ['a-bb', 'a', 'bb', 3, 4],
    ])
    expect(r.flags).toEqual([{ start: 4, end: 5, kind: 'z', message: 'a z', rule: 'flag-z' }])
  })

  it('maps flags raised early forward through later edits', () => {
    // The q is flagged by a-bb before the a in front of it is doubled by that same step.
    const r = runRules('aq', [aToBb], ctx())
    expect(r.text).toBe('bbq')
    expect(r.flags[0]).toMatchObject({ start: 2, end: 3, kind: 'q' })
  })

  it('refuses overlapping edits: a rule bug must not corrupt text', () => {
    const bad: Rule = {
      id: 'bad',
      name: 'bad',
      description: '',
      apply: () => ({
        edits: [
          { start: 0, end: 3, replacement: '', reason: '' },
          { start: 2, end: 4, replacement: '', reason: '' },
        ],
      }),
    }
    expect(() => runRules('abcdef', [bad], ctx())).toThrow(/overlapping/)
  })

  it('replaying the log on the input gives the output, for any text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[axqz ]{0,60}$/), (input) => {
        const r = runRules(input, [dropX, aToBb, flagZ], ctx())
        expect(replayChanges(input, r.changes)).toBe(r.text)
        for (const c of r.changes)
          expect(input.slice(c.originalStart, c.originalEnd)).toMatch(/^[axqz ]*$/)
        for (const f of r.flags) expect(r.text.slice(f.start, f.end)).toBe(f.kind)
      }),
    )
  })

  it('rejects a change log that does not fit the text', () => {
    const r = runRules('axa', [dropX], ctx())
    expect(() => replayChanges('aya', r.changes)).toThrow(/does not fit/)
  })
})
