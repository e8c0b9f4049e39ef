import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  spaceRunRule,
  trailingSpaceRule,
} from '../../../../../../src/core/cleaning/rules/spacing/whitespace'
import { changes, clean, CLEAN_PIECES, editCount, linesOf } from './support'

describe('space-run', () => {
  const fix = (text: string): string => clean(text, spaceRunRule)

  it.each([
    ['two  spaces', 'two spaces'],
    ['many      spaces and\tone tab', 'many spaces and one tab'],
    ['a\u00a0no-break space', 'a no-break space'],
    ['line one  a\nline  two', 'line one a\nline two'],
  ])('%s', (input, expected) => {
    expect(fix(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('a  b\tc', spaceRunRule)).toEqual([
      '"  " → " ": run of spaces',
      '"\\t" → " ": tab or no-break space inside a line',
    ])
  })

  it.each([
    '  indented line',
    'trailing  ',
    'one space each',
    '中文  中文',
    '中文\u3000中文',
    'a\n\nb',
  ])('leaves alone: %j', (text) => {
    expect(fix(text)).toBe(text)
  })

  it('is idempotent and leaves clean text alone', () => {
    fc.assert(
      fc.property(linesOf(['two  spaces', 'a\t\tb', 'c\u00a0d', '   ']), (text) => {
        expect(editCount(spaceRunRule, fix(text))).toBe(0)
      }),
    )
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(editCount(spaceRunRule, text)).toBe(0)
      }),
    )
  })
})

describe('trailing-space', () => {
  const fix = (text: string): string => clean(text, trailingSpaceRule)

  it.each([
    ['and Taiyuan, \nnext', 'and Taiyuan,\nnext'],
    ['end  ', 'end'],
    ['a \t\n \nb', 'a\n\nb'],
  ])('%j', (input, expected) => {
    expect(fix(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('a \nb', trailingSpaceRule)).toEqual(['" " → "": spaces at the end of a line'])
  })

  it.each(['  indented', 'a b\nc d', '中文\u3000'])('leaves alone: %j', (text) => {
    expect(fix(text)).toBe(text)
  })

  it('is idempotent and leaves clean text alone', () => {
    fc.assert(
      fc.property(linesOf(['trailing ', 'x  ', ' ']).map(endLinesWithSpaces), (text) => {
        expect(editCount(trailingSpaceRule, fix(text))).toBe(0)
      }),
    )
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(editCount(trailingSpaceRule, text)).toBe(0)
      }),
    )
  })
})

/** Every line ending in spaces and a tab: the artifact at its real place. */
function endLinesWithSpaces(text: string): string {
  return text
    .split('\n')
    .map((l) => `${l}  \t`)
    .join('\n')
}
