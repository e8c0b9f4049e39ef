import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileKeywords, suggestThemes, tokenize } from '../../../../src/core/themes/suggest'
import type { Theme } from '../../../../src/shared/themes'

let next = 0
function theme(name: string, keywords: string[], extra: Partial<Theme> = {}): Theme {
  next++
  return {
    id: `t_${String(next).padStart(10, '0')}`,
    name,
    color: '#3b82f6',
    description: '',
    parentId: null,
    keywords,
    pinned: false,
    ...extra,
  }
}

describe('suggestThemes', () => {
  it('suggests a theme whose keyword occurs, with the words that matched and a count', () => {
    const trade = theme('Trade', ['tariff', 'export', 'customs union'])
    const ports = theme('Ports', ['harbour'])
    const out = suggestThemes([trade, ports], {
      title: 'Tariff talks',
      text: 'New tariffs? No: the tariff stays, and the Customs\nUnion too.',
    })
    expect(out).toEqual([{ themeId: trade.id, matched: ['tariff', 'customs union'], count: 3 }])
  })

  it('matches whole words only', () => {
    const tax = theme('Tax', ['tax'])
    expect(suggestThemes([tax], { title: '', text: 'A taxi and a syntax.' })).toEqual([])
    expect(suggestThemes([tax], { title: '', text: 'The tax, again.' })).toHaveLength(1)
  })

  it('treats hyphens and spaces alike, and full-width letters as their usual width', () => {
    const t = theme('Decisions', ['decision-making', 'ＧＤＰ'])
    const out = suggestThemes([t], {
      title: '',
      text: 'Decision making grew; GDP fell; decision‑making.',
    })
    expect(out).toEqual([{ themeId: t.id, matched: ['decision-making', 'ＧＤＰ'], count: 3 }])
    const spaced = theme('Spaced', ['decision making'])
    expect(suggestThemes([spaced], { title: 'DECISION-MAKING', text: '' })).toHaveLength(1)
  })

  it('normalises composed and decomposed accents the same', () => {
    const t = theme('Cafés', ['caf\u00e9'])
    expect(suggestThemes([t], { title: '', text: 'Un cafe\u0301 noir.' })).toHaveLength(1)
  })

  it('matches Chinese keywords inside runs of Chinese text', () => {
    const edu = theme('Education', ['教育部', '留学'])
    const out = suggestThemes([edu], {
      title: '教育部：中国与58国签署学历互认协议',
      text: '来华留学生人数增加。出国留学的人也多了。',
    })
    expect(out).toEqual([{ themeId: edu.id, matched: ['教育部', '留学'], count: 3 }])
    const mixed = theme('Summits', ['G20', 'G20峰会', '峰会G20'])
    expect(suggestThemes([mixed], { title: 'G20峰会召开', text: '' })).toEqual([
      { themeId: mixed.id, matched: ['G20', 'G20峰会'], count: 2 },
    ])
    expect(suggestThemes([mixed], { title: '今年峰会G20', text: '' })).toEqual([
      { themeId: mixed.id, matched: ['G20', '峰会G20'], count: 2 },
    ])
    expect(suggestThemes([mixed], { title: '峰会开G20', text: '' })).toEqual([
      { themeId: mixed.id, matched: ['G20'], count: 1 },
    ])
  })

  it('does not run a phrase across punctuation or from the title into the text', () => {
    const t = theme('Policy', ['trade policy'])
    expect(suggestThemes([t], { title: 'Trade', text: 'Policy matters.' })).toEqual([])
    expect(suggestThemes([t], { title: '', text: 'Trade. Policy.' })).toEqual([])
  })

  it('skips themes the article has and ones dismissed for it', () => {
    const a = theme('A', ['alpha'])
    const b = theme('B', ['beta'])
    const c = theme('C', ['gamma'])
    const out = suggestThemes([a, b, c], {
      title: 'alpha beta gamma',
      text: '',
      themes: [a.id],
      dismissedThemes: [b.id],
    })
    expect(out.map((s) => s.themeId)).toEqual([c.id])
  })

  it('ranks by count, then by vocabulary order', () => {
    const a = theme('A', ['one'])
    const b = theme('B', ['two'])
    const c = theme('C', ['three'])
    const out = suggestThemes([a, b, c], { title: '', text: 'one two two three' })
    expect(out.map((s) => s.themeId)).toEqual([b.id, a.id, c.id])
  })

  it('reports overlapping keywords of different themes each', () => {
    const a = theme('A', ['decision'])
    const b = theme('B', ['decision making'])
    const out = suggestThemes([a, b], { title: '', text: 'on decision making' })
    expect(out.map((s) => s.themeId).sort()).toEqual([a.id, b.id].sort())
  })

  it('suggests nothing without keywords', () => {
    const matcher = compileKeywords([theme('A', []), theme('B', ['  ', '-'])])
    expect(matcher.hasKeywords).toBe(false)
    expect(matcher.suggest({ title: 'anything', text: 'at all' })).toEqual([])
  })

  it('finds any word of a text as a keyword, whatever surrounds it', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/)
    fc.assert(
      fc.property(
        word,
        fc.array(word, { maxLength: 6 }),
        fc.array(word, { maxLength: 6 }),
        (w, before, after) => {
          const t = theme('W', [w.toUpperCase()])
          const text = [...before, w, ...after].join(' ')
          const out = suggestThemes([t], { title: '', text })
          const expected = [...before, w, ...after].filter((x) => x === w).length
          expect(out).toEqual([{ themeId: t.id, matched: [w.toUpperCase()], count: expected }])
        },
      ),
    )
  })

  it('never suggests a theme whose keyword is not among the words', () => {
    const word = fc.stringMatching(/^[a-z]{2,6}$/)
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 10 }), (w, words) => {
        fc.pre(!words.includes(w))
        const t = theme('W', [w])
        expect(suggestThemes([t], { title: '', text: words.join('-') })).toEqual([])
      }),
    )
  })

  it('finds every theme of a large vocabulary with one compiled matcher', () => {
    const themes = Array.from({ length: 200 }, (_, i) =>
      theme(`T${i}`, [`kw${i}`, `phrase ${i} here`]),
    )
    const matcher = compileKeywords(themes)
    const text = 'Lorem ipsum dolor sit amet, kw7 consectetur phrase 9 here. '.repeat(200)
    let found = 0
    for (let i = 0; i < 200; i++) found += matcher.suggest({ title: 'x', text }).length
    expect(found).toBe(400)
  })
})

describe('tokenize', () => {
  it('keeps runs of Chinese whole and splits other words at spaces, hyphens and punctuation', () => {
    expect(tokenize('China-Africa trade: 中国教育G20 U.S.')).toEqual([
      'china',
      'africa',
      'trade',
      ':',
      '中国教育',
      'g20',
      'u',
      '.',
      's',
      '.',
    ])
  })
})

describe('suggestThemes with a title the text repeats', () => {
  it('counts the words of a title the text opens with once', () => {
    const t = theme('Harvest', ['harvest'])
    const out = suggestThemes([t], { title: 'Harvest news', text: 'Harvest news\nThe harvest.' })
    expect(out).toEqual([{ themeId: t.id, matched: ['harvest'], count: 2 }])
  })
})
