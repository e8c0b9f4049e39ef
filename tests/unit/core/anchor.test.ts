import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { locate, makeAnchor, type Span, type TextAnchor } from '../../../src/shared/anchor'
import { anyText, insertion } from '../../support/texts'

interface Case {
  text: string
  span: Span
}

/** A text and a span in it, empty spans included (about one in five). */
const textWithSpan: fc.Arbitrary<Case> = anyText.chain((text) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: text.length }),
      fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 5, arbitrary: fc.integer({ min: 1, max: Math.max(1, text.length) }) },
      ),
    )
    .map(([a, length]) => {
      const start = a
      const end = Math.min(text.length, start + length)
      return { text, span: { start, end } }
    }),
)

interface Edited extends Case {
  /** The text after replacing [from, to) with `put`. */
  edited: string
  from: number
  to: number
  put: string
}

function applyEdit(c: Case, from: number, to: number, put: string): Edited {
  return { ...c, from, to, put, edited: c.text.slice(0, from) + put + c.text.slice(to) }
}

/**
 * A position in [min, max], half the time at least `away` from `near`: edits next to a span
 * change its context, edits far from it leave the context whole.
 */
function position(min: number, max: number, near: number, away: number): fc.Arbitrary<number> {
  const far =
    near <= min
      ? { min: Math.min(max, near + away), max }
      : { min, max: Math.max(min, near - away) }
  return fc.oneof(fc.integer({ min, max }), fc.integer(far))
}

/** An edit that ends at or before the span's start. */
const editBefore: fc.Arbitrary<Edited> = textWithSpan.chain((c) =>
  fc
    .tuple(
      position(0, c.span.start, c.span.start, 40),
      position(0, c.span.start, c.span.start, 40),
      insertion,
    )
    .map(([x, y, put]) => applyEdit(c, Math.min(x, y), Math.max(x, y), put)),
)

/** An edit that starts at or after the span's end. */
const editAfter: fc.Arbitrary<Edited> = textWithSpan.chain((c) =>
  fc
    .tuple(
      position(c.span.end, c.text.length, c.span.end, 40),
      position(c.span.end, c.text.length, c.span.end, 40),
      insertion,
    )
    .map(([x, y, put]) => applyEdit(c, Math.min(x, y), Math.max(x, y), put)),
)

/** An edit within the span that changes its words. */
const editInside: fc.Arbitrary<Edited> = textWithSpan.chain((c) =>
  fc
    .tuple(
      fc.integer({ min: c.span.start, max: c.span.end }),
      fc.integer({ min: c.span.start, max: c.span.end }),
      insertion,
    )
    .map(([x, y, put]) => applyEdit(c, Math.min(x, y), Math.max(x, y), put))
    .filter((e) => quoteAfterInsideEdit(e) !== e.text.slice(e.span.start, e.span.end)),
)

function quoteAfterInsideEdit(e: Edited): string {
  const q = e.text.slice(e.span.start, e.span.end)
  return q.slice(0, e.from - e.span.start) + e.put + q.slice(e.to - e.span.start)
}

function occurrences(text: string, needle: string): number[] {
  if (needle === '') return Array.from({ length: text.length + 1 }, (_, i) => i)
  const at: number[] = []
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) at.push(i)
  return at
}

/**
 * Where the anchor's words stand in `text` with all of their surroundings as they were: the
 * context before and after, and the start or end of the text when the span was at one.
 */
function intactAt(anchor: TextAnchor, text: string): number[] {
  const window = anchor.prefix + anchor.quote + anchor.suffix
  return occurrences(text, window)
    .filter((p) => anchor.prefix !== '' || p === 0)
    .filter((p) => anchor.suffix !== '' || p + window.length === text.length)
    .map((p) => p + anchor.prefix.length)
}

function quoteOf(text: string, span: Span): string {
  return text.slice(span.start, span.end)
}

/**
 * After an edit that left the span's words alone: they are found, and found where the edit
 * moved them whenever nothing else in the text could be them.
 */
function expectShifted(e: Edited, shifted: number): void {
  const anchor = makeAnchor(e.text, e.span)
  const found = locate(anchor, e.edited)
  const quote = anchor.quote
  const expected = { start: shifted, end: shifted + quote.length }
  if (quote !== '') {
    // The words are still there, so they must be found, and nothing else in their place.
    expect(found).not.toBeNull()
    expect(quoteOf(e.edited, found!)).toBe(quote)
    if (occurrences(e.edited, quote).length === 1) expect(found).toEqual(expected)
  } else if (found) {
    expect(found.end).toBe(found.start)
  }
  const intact = intactAt(anchor, e.edited)
  if (intact.length === 1 && intact[0] === shifted) expect(found).toEqual(expected)
}

describe('locate', () => {
  it('finds a span in its unchanged text exactly where it was', () => {
    fc.assert(
      fc.property(textWithSpan, ({ text, span }) => {
        expect(locate(makeAnchor(text, span), text)).toEqual(span)
      }),
      { numRuns: 2000 },
    )
  })

  it('follows its words when the text before them changes', () => {
    fc.assert(
      fc.property(editBefore, (e) => {
        expectShifted(e, e.span.start + e.put.length - (e.to - e.from))
      }),
      { numRuns: 3000 },
    )
  })

  it('stays on its words when the text after them changes', () => {
    fc.assert(
      fc.property(editAfter, (e) => {
        expectShifted(e, e.span.start)
      }),
      { numRuns: 3000 },
    )
  })

  it('after its own words were edited, is found on those words elsewhere or not at all', () => {
    fc.assert(
      fc.property(editInside, (e) => {
        const anchor = makeAnchor(e.text, e.span)
        const found = locate(anchor, e.edited)
        if (found) expect(quoteOf(e.edited, found)).toBe(anchor.quote)
        if (anchor.quote !== '' && !e.edited.includes(anchor.quote)) expect(found).toBeNull()
      }),
      { numRuns: 3000 },
    )
  })

  it('in a text with nothing to do with the old one, is never put on other words', () => {
    fc.assert(
      fc.property(textWithSpan, anyText, ({ text, span }, other) => {
        const anchor = makeAnchor(text, span)
        const found = locate(anchor, other)
        if (found) {
          expect(found.start).toBeGreaterThanOrEqual(0)
          expect(found.end).toBeLessThanOrEqual(other.length)
          expect(quoteOf(other, found)).toBe(anchor.quote)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps a quote at the very start or end of the text', () => {
    const text = 'Exports rose. Imports fell. Exports rose.'
    const first = { start: 0, end: 13 }
    const last = { start: 28, end: 41 }
    expect(quoteOf(text, first)).toBe('Exports rose.')
    expect(quoteOf(text, last)).toBe('Exports rose.')
    expect(locate(makeAnchor(text, first), text)).toEqual(first)
    expect(locate(makeAnchor(text, last), text)).toEqual(last)
    expect(locate(makeAnchor(text, { start: 0, end: 0 }), text)).toEqual({ start: 0, end: 0 })
    const atEnd = { start: text.length, end: text.length }
    expect(locate(makeAnchor(text, atEnd), text)).toEqual(atEnd)
    expect(locate(makeAnchor(text, { start: 0, end: text.length }), text)).toEqual({
      start: 0,
      end: text.length,
    })
  })

  it('tells repeated words apart by what surrounds them', () => {
    const text = 'In May exports rose. In June exports fell. In July exports rose again.'
    const june = text.indexOf('exports', text.indexOf('June'))
    const anchor = makeAnchor(text, { start: june, end: june + 7 })
    const edited = `Summary.\n${text.replace('In May', 'In early May')}`
    const moved = edited.indexOf('exports', edited.indexOf('June'))
    expect(locate(anchor, edited)).toEqual({ start: moved, end: moved + 7 })
  })

  it('does not take the same words at the old position for the ones that moved', () => {
    // After the insertion, the first "ab" sits where the second one was, with a matching space
    // before it; the second one, with everything around it unchanged, is the one meant.
    const text = '1 ab ab X'
    const anchor = makeAnchor(text, { start: 5, end: 7 })
    const edited = `ab ${text}`
    expect(locate(anchor, edited)).toEqual({ start: 8, end: 10 })
  })

  it('finds a spot between words by all of its surroundings', () => {
    const text = 'a'.repeat(100)
    const spot = { start: 50, end: 50 }
    expect(locate(makeAnchor(text, spot), text)).toEqual(spot)
    expect(locate(makeAnchor('', { start: 0, end: 0 }), '')).toEqual({ start: 0, end: 0 })
    expect(locate(makeAnchor('', { start: 0, end: 0 }), 'new text')).toBeNull()
  })

  it('reports Chinese words that were edited away as gone', () => {
    const text = '中国经济发展。今年出口增长。'
    const anchor = makeAnchor(text, { start: 7, end: 13 })
    expect(quoteOf(text, { start: 7, end: 13 })).toBe('今年出口增长')
    expect(locate(anchor, '中国经济发展。今年进口下降。')).toBeNull()
    expect(locate(anchor, '总之，中国经济发展。今年出口增长。')).toEqual({ start: 10, end: 16 })
  })
})
