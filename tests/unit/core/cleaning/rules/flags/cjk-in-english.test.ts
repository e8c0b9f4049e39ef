import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cjkInEnglishRule } from '../../../../../../src/core/cleaning/rules/flags'
import { run } from '../repetition/run'

const ENGLISH =
  'The Ministry of Education held a press conference on the 20th to introduce international cooperation and exchanges.'

describe('cjk-in-english', () => {
  it('flags Chinese words left inside English sentences, each run on its own', () => {
    const r = run(cjkInEnglishRule, `${ENGLISH} The 来源 is Xinhua, said 记者 Wang.`)
    expect(r.text).toBe(`${ENGLISH} The 来源 is Xinhua, said 记者 Wang.`)
    expect(r.flags).toEqual([
      { kind: 'cjk-in-english', text: '来源' },
      { kind: 'cjk-in-english', text: '记者' },
    ])
    expect(r.messages[0]).toBe(
      'Chinese characters left in the English text: “来源”. Translate them, or delete them if they are page furniture.',
    )
  })

  it('keeps CJK punctuation inside a run, and flags a whole Chinese line as one', () => {
    const r = run(cjkInEnglishRule, `${ENGLISH}\n  新华社北京电，记者王五  \n${ENGLISH}`)
    expect(r.flags).toEqual([{ kind: 'cjk-in-english', text: '新华社北京电，记者王五' }])
    expect(r.messages[0]).toBe(
      'A line in Chinese inside an English article: “新华社北京电，记者王五”. Translate it, or delete it if it is page furniture.',
    )
  })

  it('leaves a gloss in brackets after an English term', () => {
    expect(
      run(cjkInEnglishRule, `${ENGLISH} The Luban workshops (鲁班工坊) opened.`).flags,
    ).toEqual([])
    expect(
      run(cjkInEnglishRule, `${ENGLISH} The Luban workshops （鲁班工坊） opened.`).flags,
    ).toEqual([])
  })

  it('flags kana and Hangul too', () => {
    expect(run(cjkInEnglishRule, `${ENGLISH} It was called カタカナ or 한국어.`).flags).toEqual([
      { kind: 'cjk-in-english', text: 'カタカナ' },
      { kind: 'cjk-in-english', text: '한국어' },
    ])
  })

  it('leaves a mostly Chinese article alone, English names and all', () => {
    const chinese =
      '教育部20日举行新闻发布会，介绍党的十八大以来教育国际合作与交流情况。来源：China News Network'
    expect(run(cjkInEnglishRule, chinese).flags).toEqual([])
  })

  it('leaves full-width punctuation alone (the punctuation rule deals with it)', () => {
    expect(run(cjkInEnglishRule, `${ENGLISH}（see above）：“yes”。`).flags).toEqual([])
  })

  it('never edits, and finds nothing in text without CJK', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), (t) => {
        const out = cjkInEnglishRule.apply(t, { glossary: [], metadata: {} })
        expect(out.edits).toBeUndefined()
        expect(out.flags ?? []).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
