import { describe, expect, test } from 'vitest'
import { quoteAround, quoteSpan, truncate } from '../../../../src/renderer/src/editor/quote'

describe('quoteAround', () => {
  test('quotes the whole words around a one-character change', () => {
    const text = 'The decision -making was hard.'
    const space = text.indexOf(' -')
    expect(quoteAround(text, space, space + 1)).toBe('decision -making')
    const joined = 'The decision-making was hard.'
    const spot = joined.indexOf('-')
    expect(quoteAround(joined, spot, spot)).toBe('decision-making')
  })

  test('stops within reach in text without spaces', () => {
    const text = '中'.repeat(100)
    const quoted = quoteAround(text, 50, 51)
    expect(quoted.length).toBeLessThan(40)
  })

  test('is empty when there are no words around', () => {
    expect(quoteAround('a   b', 2, 3)).toBe('')
  })
})

describe('quoteSpan and truncate', () => {
  test('flattens line breaks and cuts long text with an ellipsis', () => {
    expect(quoteSpan('one\n\ntwo', 0, 8)).toBe('one two')
    expect(quoteSpan('abcdefghij', 0, 10, 5)).toBe('abcd…')
  })

  test('counts characters, not UTF-16 units, so a cut never splits one', () => {
    expect(truncate('😀😀😀', 3)).toBe('😀😀😀')
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…')
  })
})
