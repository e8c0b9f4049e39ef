import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  unbalancedBracketsRule,
  unbalancedQuotesRule,
} from '../../../../../../src/core/cleaning/rules/flags'
import { run } from '../repetition/run'

const quotes = (text: string): string[] => run(unbalancedQuotesRule, text).flags.map((f) => f.text)
const brackets = (text: string): string[] =>
  run(unbalancedBracketsRule, text).flags.map((f) => f.text)

describe('unbalanced-quotes', () => {
  it.each([
    'He said “yes” and left.',
    'He said "yes" and "no".',
    'On the eve of "3.15" Consumer Rights Day ("the Day").',
    'It was 27" wide.',
    'China’s ‘best’ schools and Xi’an’s parks',
    'the “Little Beasts” and the 「quoted」 『text』',
    '" if ... you " , she said',
  ])('balanced: %j', (text) => {
    expect(quotes(text)).toEqual([])
  })

  it('flags an opening quote never closed, with a plain message', () => {
    const r = run(
      unbalancedQuotesRule,
      'the “Ministry of Education and other departments. Opinions',
    )
    expect(r.flags).toEqual([{ kind: 'unbalanced-quotes', text: '“' }])
    expect(r.messages).toEqual(['The opening quote “ is never closed in this paragraph.'])
  })

  it('flags a stray closing quote', () => {
    const r = run(
      unbalancedQuotesRule,
      'Trump’s trick is to make China the scapegoat” for the failures.',
    )
    expect(r.flags).toEqual([{ kind: 'unbalanced-quotes', text: '”' }])
    expect(r.messages).toEqual(['The closing quote ” has no opening quote in this paragraph.'])
  })

  it('pairs straight quotes by position and flags the odd one out', () => {
    expect(quotes('He said "hi" and "bye.')).toEqual(['"'])
    expect(run(unbalancedQuotesRule, 'He said "hi" and "bye.').flags).toHaveLength(1)
    expect(quotes('police patrol "micro-blog, WeChat and Baidu accounts will go online.')).toEqual([
      '"',
    ])
  })

  it('flags an opening ‘ with no ’ after it (`Xi ‘an`)', () => {
    expect(quotes('Primary and secondary schools in Xi ‘an will start')).toEqual(['‘'])
  })

  it('checks each paragraph on its own', () => {
    const r = run(unbalancedQuotesRule, 'He said “yes.\nShe said no.”')
    expect(r.flags.map((f) => f.text)).toEqual(['“', '”'])
  })

  it('finds nothing in paragraphs of properly paired quotes', () => {
    const phrase = fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6}){0,3}$/)
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(phrase, fc.constantFrom(['“', '”'], ['"', '"'], ['「', '」'], ['', ''])),
          {
            maxLength: 8,
          },
        ),
        (parts) => {
          const t = parts.map(([p, [o, c]]) => `said ${o}${p}${c} and`).join(' ')
          expect(unbalancedQuotesRule.apply(t, { glossary: [], metadata: {} }).flags).toEqual([])
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('unbalanced-brackets', () => {
  it.each([
    'the Asia-Pacific Economic Cooperation Organization (APEC) and (non-)',
    '【Explanation】 Since Anhui schools started, [Same period] parents',
    'the 《Opinions》 and （the full-width form）',
    '1) first; 2) second; a) third; iv) fourth',
    'it works :) and ;-)',
    'nested (a [b] c) and {d}',
    'the full-width （and the ASCII) pair',
  ])('balanced or not brackets at all: %j', (text) => {
    expect(brackets(text)).toEqual([])
  })

  it('flags an opener never closed, and a closer without opener', () => {
    const r = run(
      unbalancedBracketsRule,
      'the China-South China (non - vocational alliance. The end]',
    )
    expect(r.flags).toEqual([
      { kind: 'unbalanced-brackets', text: '(' },
      { kind: 'unbalanced-brackets', text: ']' },
    ])
    expect(r.messages).toEqual([
      'The bracket ( is never closed in this paragraph.',
      'The bracket ] closes nothing in this paragraph.',
    ])
  })

  it('flags the inner opener when brackets cross: `(a [b) c`', () => {
    expect(brackets('(a [b) c')).toEqual(['['])
  })

  it('checks each paragraph on its own', () => {
    expect(brackets('a (b\nthe end) d')).toEqual(['(', ')'])
    // `c)` at the start of a line is a list marker, not a closer.
    expect(brackets('a (b\nc) d')).toEqual(['('])
  })

  it('finds nothing in properly nested brackets', () => {
    const balanced: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('word', 'two words', ''),
        fc
          .tuple(
            fc.constantFrom(['(', ')'], ['[', ']'], ['【', '】'], ['《', '》']),
            tie('node'),
            tie('node'),
          )
          .map(([[o, c], a, b]) => `${o}${a}${c} ${b}`),
      ),
    })).node
    fc.assert(
      fc.property(balanced, (t) => {
        expect(unbalancedBracketsRule.apply(t, { glossary: [], metadata: {} }).flags).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
