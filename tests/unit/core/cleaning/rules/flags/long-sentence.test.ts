import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { longSentenceRule } from '../../../../../../src/core/cleaning/rules/flags'
import { sentences } from '../../../../../../src/core/cleaning/rules/flags/long-sentence'
import { run } from '../repetition/run'

const words = (n: number, word = 'word'): string => Array.from({ length: n }, () => word).join(' ')

describe('long-sentence', () => {
  it('flags a sentence of more than 80 words, and says how long it is', () => {
    const long = `The growth ${words(79)}.`
    const r = run(longSentenceRule, `A short one. ${long} Another short one.`)
    expect(r.flags).toEqual([{ kind: 'long-sentence', text: long }])
    expect(r.messages[0]).toMatch(/^This sentence runs to 81 words \(“The growth word/)
  })

  it('leaves a sentence of exactly 80 words', () => {
    expect(run(longSentenceRule, `The ${words(79)}.`).flags).toEqual([])
  })

  it('does not end sentences at abbreviations, initials, decimals or domains', () => {
    const text = `The U.S. and Mr. Li of No. 1 school saw 3.5 times more on example.com, e.g. J. Smith said ${words(70)}.`
    expect(run(longSentenceRule, text).flags).toHaveLength(1)
    expect(sentences(text, 0, text.length)).toHaveLength(1)
  })

  it('counts sentences glued without a space (`field.As`) apart', () => {
    const text = `In the field ${words(50)}.As a result ${words(50)}.`
    expect(run(longSentenceRule, text).flags).toEqual([])
    expect(sentences(text, 0, text.length).map((s) => s.words)).toEqual([53, 53])
  })

  it('ends sentences at ? ! and Chinese stops, and measures each paragraph', () => {
    const text = `Why ${words(60)}? Because ${words(60)}!\nThen ${words(60)}`
    expect(run(longSentenceRule, text).flags).toEqual([])
  })

  it('does not measure Chinese paragraphs', () => {
    expect(run(longSentenceRule, '教育部'.repeat(200)).flags).toEqual([])
  })

  it('never flags text of short sentences', () => {
    const sentence = fc
      .array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 80 })
      .map((ws) => `${ws.join(' ')}.`)
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 10 }), (ss) => {
        const t = ss.map((s) => s[0]!.toUpperCase() + s.slice(1)).join(' ')
        expect(longSentenceRule.apply(t, { glossary: [], metadata: {} }).flags).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})
