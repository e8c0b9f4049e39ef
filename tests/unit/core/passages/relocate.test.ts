import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeAnchor, type Span } from '../../../../src/shared/anchor'
import { makePassage, relocatePassages } from '../../../../src/core/store/passages'
import type { Passage } from '../../../../src/shared/model'
import { anyText as texts, insertion } from '../../../support/texts'

const THEME = 't_0000000000'

/** A passage holds at least one character, so its text does too. */
const anyText = texts.filter((t) => t.length > 0)

interface Case {
  text: string
  passage: Passage
}

/** A text and a passage of at least one character in it. */
const textWithPassage: fc.Arbitrary<Case> = anyText.chain((text) =>
  fc
    .tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: text.length }))
    .map(([start, length]) => {
      const span = { start, end: Math.min(text.length, start + length) }
      return { text, passage: makePassage(text, THEME, span, 'p_0000000000') }
    }),
)

interface Edited extends Case {
  edited: string
  from: number
  to: number
  put: string
}

function edit(c: Case, x: number, y: number, put: string): Edited {
  const from = Math.min(x, y)
  const to = Math.max(x, y)
  return { ...c, from, to, put, edited: c.text.slice(0, from) + put + c.text.slice(to) }
}

/** Edits that end before the passage starts (they may touch the words just before it). */
const editBefore: fc.Arbitrary<Edited> = textWithPassage
  .filter((c) => c.passage.start > 0)
  .chain((c) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: c.passage.start - 1 }),
        fc.integer({ min: 0, max: c.passage.start - 1 }),
        insertion,
      )
      .map(([x, y, put]) => edit(c, x, y, put)),
  )

/** Edits that start after the passage ends. */
const editAfter: fc.Arbitrary<Edited> = textWithPassage
  .filter((c) => c.passage.end < c.text.length)
  .chain((c) =>
    fc
      .tuple(
        fc.integer({ min: c.passage.end + 1, max: c.text.length }),
        fc.integer({ min: c.passage.end + 1, max: c.text.length }),
        insertion,
      )
      .map(([x, y, put]) => edit(c, x, y, put)),
  )

/** Edits within the passage's words. */
const editInside: fc.Arbitrary<Edited> = textWithPassage.chain((c) =>
  fc
    .tuple(
      fc.integer({ min: c.passage.start, max: c.passage.end }),
      fc.integer({ min: c.passage.start, max: c.passage.end }),
      insertion,
    )
    .map(([x, y, put]) => edit(c, x, y, put)),
)

function occurrences(text: string, needle: string): number {
  let n = 0
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++
  return n
}

function relocated(e: Edited, mapped?: { id: string; start: number; end: number }[]): Passage {
  const [moved] = relocatePassages([e.passage], e.text, e.edited, mapped)
  return moved!
}

/** A placed passage is its own words in the new text, with a fresh anchor there. */
function expectOnText(p: Passage, text: string): void {
  expect(p.detached).toBeUndefined()
  const { quote, prefix, suffix } = makeAnchor(text, p)
  expect({ quote: p.quote, prefix: p.prefix, suffix: p.suffix }).toEqual({ quote, prefix, suffix })
}

describe('relocatePassages', () => {
  it('keeps a passage on its words after an edit before it, at the shifted place when unique', () => {
    fc.assert(
      fc.property(editBefore, (e) => {
        const p = relocated(e)
        expectOnText(p, e.edited)
        expect(p.quote).toBe(e.passage.quote)
        const shifted = e.passage.start + e.put.length - (e.to - e.from)
        const context = e.edited.slice(shifted - e.passage.prefix.length, shifted) + p.quote
        if (
          occurrences(e.edited, p.quote) === 1 ||
          (e.passage.start - e.to >= 32 && occurrences(e.edited, context + e.passage.suffix) === 1)
        ) {
          expect(p.start).toBe(shifted)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('keeps a passage on its words after an edit after it, in place when unique', () => {
    fc.assert(
      fc.property(editAfter, (e) => {
        const p = relocated(e)
        expectOnText(p, e.edited)
        expect(p.quote).toBe(e.passage.quote)
        const whole = e.passage.prefix + e.passage.quote + e.passage.suffix
        if (
          occurrences(e.edited, p.quote) === 1 ||
          (e.from - e.passage.end >= 32 && occurrences(e.edited, whole) === 1)
        ) {
          expect(p.start).toBe(e.passage.start)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('after an edit inside it, unmapped: detached with its old words, or on its old words', () => {
    fc.assert(
      fc.property(editInside, (e) => {
        const p = relocated(e)
        if (p.detached) {
          expect(p).toEqual({ ...e.passage, detached: true })
        } else {
          expectOnText(p, e.edited)
          expect(p.quote).toBe(e.passage.quote)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('after an edit inside it, mapped by the editor: covers the mapped span', () => {
    fc.assert(
      fc.property(editInside, (e) => {
        const span: Span = {
          start: e.passage.start,
          end: e.passage.end + e.put.length - (e.to - e.from),
        }
        const p = relocated(e, [{ id: e.passage.id, ...span }])
        if (span.start === span.end) {
          expect(p).toEqual({ ...e.passage, detached: true })
        } else {
          expect({ start: p.start, end: p.end }).toEqual(span)
          expectOnText(p, e.edited)
          expect(p.quote).toBe(e.edited.slice(span.start, span.end))
        }
      }),
      { numRuns: 400 },
    )
  })

  it('never moves a detached passage, and keeps every passage (none dropped)', () => {
    fc.assert(
      fc.property(editInside, (e) => {
        const detached: Passage = { ...e.passage, id: 'p_1111111111', detached: true }
        const out = relocatePassages([e.passage, detached], e.text, e.edited)
        expect(out).toHaveLength(2)
        expect(out[1]).toBe(detached)
      }),
    )
  })

  it('leaves passages alone when the text did not change', () => {
    fc.assert(
      fc.property(textWithPassage, (c) => {
        expect(relocatePassages([c.passage], c.text, c.text)).toEqual([c.passage])
      }),
    )
  })
})

describe('makePassage', () => {
  it('refuses an empty or out-of-range span and takes the quote from the text', () => {
    expect(() => makePassage('abc', THEME, { start: 1, end: 1 })).toThrow(/some of the article/)
    expect(() => makePassage('abc', THEME, { start: 2, end: 4 })).toThrow(/some of the article/)
    expect(() => makePassage('abc', THEME, { start: -1, end: 2 })).toThrow(/some of the article/)
    const p = makePassage('the cat sat', THEME, { start: 4, end: 7 })
    expect(p).toMatchObject({ themeId: THEME, quote: 'cat', prefix: 'the ', suffix: ' sat' })
    expect(p.id).toMatch(/^p_[0-9a-z]{10}$/)
  })
})
