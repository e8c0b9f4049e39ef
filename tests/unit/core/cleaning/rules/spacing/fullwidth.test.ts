import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fullwidthPunctuationRule } from '../../../../../../src/core/cleaning/rules/spacing/fullwidth'
import { changes, clean, CLEAN_PIECES, editCount, linesOf } from './support'

const fix = (text: string): string => clean(text, fullwidthPunctuationRule)

describe('fullwidth-punctuation in English text', () => {
  it.each([
    ['Beijing，Shanghai and Guangzhou', 'Beijing, Shanghai and Guangzhou'],
    ['Beijing， Shanghai', 'Beijing, Shanghai'],
    ['Beijing、Tianjin and Hebei', 'Beijing, Tianjin and Hebei'],
    ['the work was completed。The next step', 'the work was completed. The next step'],
    ['the work was completed。', 'the work was completed.'],
    ['as follows：first', 'as follows: first'],
    ['at 10：30 in the morning', 'at 10:30 in the morning'],
    ['the first；the second', 'the first; the second'],
    ['How much？Nobody knows！Really', 'How much? Nobody knows! Really'],
    ['the Organization（APEC）and', 'the Organization (APEC) and'],
    ['the Organization （APEC） and', 'the Organization (APEC) and'],
    ['（APEC） held a meeting', '(APEC) held a meeting'],
    ['the “Belt and Road”initiative，and', 'the "Belt and Road" initiative, and'],
    ['the“Belt and Road” initiative', 'the "Belt and Road" initiative'],
    ['he said，“We will come.”', 'he said, "We will come."'],
    ['1，000 people', '1,000 people'],
  ])('%s', (input, expected) => {
    expect(fix(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('a，b。c：d；e！f？g（h）i、j', fullwidthPunctuationRule)).toEqual([
      '"，" → ", ": full-width comma in English text',
      '"。" → ". ": full-width full stop in English text',
      '"：" → ": ": full-width colon in English text',
      '"；" → "; ": full-width semicolon in English text',
      '"！" → "! ": full-width exclamation mark in English text',
      '"？" → "? ": full-width question mark in English text',
      '"（" → " (": full-width opening bracket in English text',
      '"）" → ") ": full-width closing bracket in English text',
      '"、" → ", ": full-width enumeration comma in English text',
    ])
  })

  it.each([
    '市图书馆推出“夜读”服务，周末开放时间延长至晚上九点。',
    '来源：江城日报',
    '（完）',
    '他说：“We are ready”，然后离开了。',
    '我们使用Windows，Linux系统',
    'the “foreign defense import” is very high',
    'and to ensure “early detection”, the office',
    'President Xi Jinping delivered a new year’s message',
    'the Ministry (教育部)，said',
  ])('leaves alone: %s', (text) => {
    expect(fix(text)).toBe(text)
  })

  it('is idempotent', () => {
    const artifacts = [
      'Beijing，China',
      'plan（draft）',
      'done。Next',
      'said：“We',
      'go”，and',
      '中国，美国',
    ]
    fc.assert(
      fc.property(linesOf(artifacts), (text) => {
        expect(editCount(fullwidthPunctuationRule, fix(text))).toBe(0)
      }),
      { numRuns: 300 },
    )
  })

  it('leaves text without the artifact unchanged (Chinese included)', () => {
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(editCount(fullwidthPunctuationRule, text)).toBe(0)
      }),
      { numRuns: 300 },
    )
  })

  it('never touches a line of Chinese', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c))
    const mark = fc.constantFrom('，', '。', '：', '；', '（', '）', '“', '”', '！', '？', '、')
    const unit = fc.oneof({ weight: 3, arbitrary: han }, { weight: 1, arbitrary: mark })
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 80 }), (text) => {
        expect(editCount(fullwidthPunctuationRule, text)).toBe(0)
      }),
    )
  })
})
