import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { missingSpaceAfterPunctuationRule } from '../../../../../../src/core/cleaning/rules/spacing/glued-sentences'
import { changes, clean, CLEAN_PIECES, editCount, flags, linesOf } from './support'

const rule = missingSpaceAfterPunctuationRule
const fix = (text: string): string => clean(text, rule)

describe('missing-space-after-punctuation', () => {
  it.each([
    [
      'enter the park for 1580 yuan?Official: Parents',
      'enter the park for 1580 yuan? Official: Parents',
    ],
    ['the public opinion field.As of the morning', 'the public opinion field. As of the morning'],
    ['CCTV News:On August 30th', 'CCTV News: On August 30th'],
    ['important!The latest reminder', 'important! The latest reminder'],
    ['at least 10%of the online information', 'at least 10% of the online information'],
    ['February 6, 2022 (Sunday);The third grade', 'February 6, 2022 (Sunday); The third grade'],
    ['from China.I am just an ordinary', 'from China. I am just an ordinary'],
    [
      'Why is it only my article alone?Stay on the cusp?',
      'Why is it only my article alone? Stay on the cusp?',
    ],
    ['next Monday (24th).China has', 'next Monday (24th). China has'],
    ['a notice issued on Jan 29.Grade 3 of', 'a notice issued on Jan 29. Grade 3 of'],
    ['condemned by the WHO.The experts', 'condemned by the WHO. The experts'],
    ['once and for all...Washington politicians', 'once and for all... Washington politicians'],
    ['once and for all…Washington politicians', 'once and for all… Washington politicians'],
    ['met Mr.Smith and Mrs.Wang', 'met Mr. Smith and Mrs. Wang'],
    ['Beijing,Shanghai and Guangzhou', 'Beijing, Shanghai and Guangzhou'],
    ['the clothes;and the shoes', 'the clothes; and the shoes'],
    ['the Organization (APEC)and the', 'the Organization (APEC) and the'],
    ['the Chinese Academy of Sciences(CAS) said', 'the Chinese Academy of Sciences (CAS) said'],
    ['the “Chinese virus”in an attempt', 'the “Chinese virus” in an attempt'],
    ['he said“We will', 'he said “We will'],
    ['in the field.“The plan', 'in the field. “The plan'],
    ['the "number"counterattack', 'the "number" counterattack'],
    ['in the field."The plan" works', 'in the field. "The plan" works'],
  ])('%s', (input, expected) => {
    expect(fix(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('ab.As b?Be c!Ce dd:De e;f g,h 1%of (abc)i j...Ka', rule)).toEqual([
      '"" → " ": missing space after a full stop',
      '"" → " ": missing space after a question mark',
      '"" → " ": missing space after an exclamation mark',
      '"" → " ": missing space after a colon',
      '"" → " ": missing space after a semicolon',
      '"" → " ": missing space after a comma',
      '"" → " ": missing space after a percent sign',
      '"" → " ": missing space after a closing bracket',
      '"" → " ": missing space after an ellipsis',
    ])
    expect(changes('Mr.Li', rule)).toEqual(['"" → " ": missing space after “Mr.”'])
  })

  it.each([
    'the U.S. government',
    'No.1 Middle School and No.3',
    'e.g. this, i.e. that',
    'at 10:30 a.m. today',
    'up 3.5 percent',
    'Original article: www.toutiao.com/article/1846931723834378/',
    'see chinanews.com and www.People.cn',
    'https://example.com/a?Id=5,Name=X',
    'mail Zhang.San@xinhua.org',
    'the file Report.PDF and Notes.Docx',
    'read the.pdf',
    'a field.as lower case',
    'wait...and then',
    'the (s)he form and student(s)',
    'f(x)y',
    'the value 1,000,000',
    '&amp;The entity',
    'Xi’an, China’s, can’t',
    'Time:2022.09.21',
    'http://www.Example.com',
    'the "Ministry. "Opinions to the world" promoted',
    '中国.The',
  ])('leaves alone: %s', (text) => {
    expect(fix(text)).toBe(text)
  })

  it('flags an initialism glued to a word', () => {
    expect(fix('sanctions by the U.S.The ministry')).toBe('sanctions by the U.S.The ministry')
    expect(flags('sanctions by the U.S.The ministry', rule)).toMatchObject([
      { kind: 'glued-sentence', covers: 'U.S.The', suggestion: 'U.S. The' },
    ])
  })

  it('is idempotent', () => {
    const artifacts = [
      'field.As',
      'yuan?Official',
      'News:On',
      'important!The',
      '10%of',
      '(Sunday);The',
      'Mr.Smith',
      'all...Washington',
      'Beijing,Shanghai',
      'said“We',
      'virus”in',
      'U.S.The',
    ]
    fc.assert(
      fc.property(linesOf(artifacts), (text) => {
        expect(editCount(rule, fix(text))).toBe(0)
      }),
      { numRuns: 300 },
    )
  })

  it('leaves text without the artifact unchanged', () => {
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(editCount(rule, text)).toBe(0)
      }),
      { numRuns: 300 },
    )
  })
})
