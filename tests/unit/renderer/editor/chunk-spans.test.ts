import { describe, expect, test } from 'vitest'
import { Text } from '@codemirror/state'
import { Chunk } from '@codemirror/merge'
import { differenceAt, mapAcross } from '../../../../src/renderer/src/editor/chunk-spans'

function chunks(a: string, b: string): readonly Chunk[] {
  return Chunk.build(Text.of(a.split('\n')), Text.of(b.split('\n')))
}

const A = 'Intro line.\nThe decision -making was hard.\nMiddle.\nMore text here.\nEnd.'
const B = 'Intro line.\nThe decision-making was hard.\nMiddle.\nMore new text here.\nEnd.'

describe('differenceAt', () => {
  const cs = chunks(A, B)

  test('finds the removed space on the original side', () => {
    const at = A.indexOf(' -making')
    const d = differenceAt(cs, 'a', at)
    expect(d).not.toBeNull()
    expect(A.slice(d!.a.from, d!.a.to)).toBe(' ')
    expect(d!.b.from).toBe(d!.b.to)
  })

  test('finds the spot of a deletion on the cleaned side', () => {
    const spot = B.indexOf('-making')
    const d = differenceAt(cs, 'b', spot)
    expect(d).not.toBeNull()
    expect(d!.b).toEqual({ from: spot, to: spot })
  })

  test('finds inserted text on the cleaned side', () => {
    const at = B.indexOf('new') + 1
    const d = differenceAt(cs, 'b', at)
    expect(d && B.slice(d.b.from, d.b.to)).toContain('new')
  })

  test('is null on unchanged text, even on a changed line', () => {
    expect(differenceAt(cs, 'b', 2)).toBeNull()
    expect(differenceAt(cs, 'b', B.indexOf('hard'))).toBeNull()
    expect(differenceAt(cs, 'a', A.indexOf('Middle'))).toBeNull()
  })
})

describe('mapAcross', () => {
  const cs = chunks(A, B)

  test('unchanged text keeps its place on the other side', () => {
    for (const word of ['Intro', 'Middle', 'End']) {
      expect(mapAcross(cs, 'a', A.indexOf(word))).toBe(B.indexOf(word))
      expect(mapAcross(cs, 'b', B.indexOf(word))).toBe(A.indexOf(word))
    }
  })

  test('a position on a changed line lands on the same words on the other side', () => {
    for (const word of ['hard', 'was', 'here', 'More']) {
      expect(mapAcross(cs, 'a', A.indexOf(word))).toBe(B.indexOf(word))
      expect(mapAcross(cs, 'b', B.indexOf(word))).toBe(A.indexOf(word))
    }
  })

  test('keeps its words across a long run of re-laid-out paragraphs', () => {
    // Cleaning repairs something in every paragraph and puts a blank line after each: the
    // changes chain into one chunk covering them all, as in real articles.
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} says decision -making.`)
    const original = paragraphs.join('\n')
    const cleaned = paragraphs.map((p) => p.replace(' -', '-')).join('\n\n')
    const all = chunks(original, cleaned)
    expect(all).toHaveLength(1)
    const words = 'Paragraph 21 says'
    expect(mapAcross(all, 'b', cleaned.indexOf(words))).toBe(original.indexOf(words))
    expect(mapAcross(all, 'a', original.indexOf(words))).toBe(cleaned.indexOf(words))
  })

  test('a position inside a difference stays inside the other side’s span', () => {
    const a = 'one two three'
    const b = 'one 2 three'
    const d = chunks(a, b)
    const mapped = mapAcross(d, 'a', a.indexOf('wo'))
    expect(mapped).toBeGreaterThanOrEqual(b.indexOf('2'))
    expect(mapped).toBeLessThanOrEqual(b.indexOf('2') + 1)
  })

  test('with no differences a position stays where it is', () => {
    expect(mapAcross(chunks(A, A), 'a', 17)).toBe(17)
  })
})
