import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  currencySpacingRule,
  spaceBeforePunctuationRule,
  spacedTimeRule,
} from '../../../../../../src/core/cleaning/rules/spacing/punctuation'
import { changes, clean, CLEAN_PIECES, editCount, flags, linesOf } from './support'

const fix = (text: string): string => clean(text, spaceBeforePunctuationRule)

describe('space-before-punctuation', () => {
  it.each([
    ['More than 80 % of all kinds', 'More than 80% of all kinds'],
    [
      'According to the Public View News , the students',
      'According to the Public View News, the students',
    ],
    ['for three years , and were', 'for three years, and were'],
    [
      'threatened with " if they dare to complain , there will be a way to get you " , causing',
      'threatened with "if they dare to complain, there will be a way to get you", causing',
    ],
    ['until they graduated . In the face', 'until they graduated. In the face'],
    ['using lies to cover lies , Leading the road', 'using lies to cover lies, Leading the road'],
    ['the steps ; the results', 'the steps; the results'],
    ['as follows : first', 'as follows: first'],
    ['you know ? Their families', 'you know? Their families'],
    ['what ? !', 'what?!'],
    ['important ! The latest', 'important! The latest'],
    [
      'The Confucius Institute ( Confucius Class ) cooperated',
      'The Confucius Institute (Confucius Class) cooperated',
    ],
    ['see [ note ] here', 'see [note] here'],
    ['the “ Chinese virus ” in', 'the “Chinese virus” in'],
    ['the students ’ parents', 'the students’ parents'],
    ['the end .', 'the end.'],
    ['the end .\nNext', 'the end.\nNext'],
    ['rose 80\u00a0%', 'rose 80%'],
    ['said "no" .', 'said "no".'],
  ])('%s', (input, expected) => {
    expect(fix(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('80 % a , ( b ) " c " d . e ; f : g ? h !', spaceBeforePunctuationRule)).toEqual(
      [
        '" " → "": space before a percent sign',
        '" " → "": space before a comma',
        '" " → "": space after an opening bracket',
        '" " → "": space before a closing bracket',
        '" " → "": space after an opening quote',
        '" " → "": space before a closing quote',
        '" " → "": space before a full stop',
        '" " → "": space before a semicolon',
        '" " → "": space before a colon',
        '" " → "": space before a question mark',
        '" " → "": space before an exclamation mark',
      ],
    )
  })

  it.each([
    'a word ... and more',
    'a word . . . and more',
    'a word … and more',
    'visit .com sites or .NET',
    'a .5 percent rise',
    'the score was 3 : 2',
    'at 10 : 30',
    '  , an indented comma stays for the layout rule',
    'empty brackets ( ) stay',
    'an empty quote " " stays',
    'the % sign',
    '中国 , 美国 。',
    '（ 中国 ）',
    'the "Ministry of Education to accelerate. "Opinions to the outside" promoted',
    'said " yes',
    'and excited. , Got up early',
    'U.S. decimals 3.5 times 10:30 e.g. this',
    'www.toutiao.com chinanews.com',
  ])('leaves alone: %s', (text) => {
    expect(fix(text)).toBe(text)
  })

  it('is idempotent', () => {
    const artifacts = ['80 %', 'News ,', '" a "', '( b )', 'end .', 'what ? !', 'a . . .', '" c']
    fc.assert(
      fc.property(linesOf(artifacts), (text) => {
        expect(editCount(spaceBeforePunctuationRule, fix(text))).toBe(0)
      }),
      { numRuns: 300 },
    )
  })

  it('leaves text without the artifact unchanged', () => {
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(editCount(spaceBeforePunctuationRule, text)).toBe(0)
      }),
      { numRuns: 300 },
    )
  })
})

describe('currency-spacing', () => {
  const fixCurrency = (text: string): string => clean(text, currencySpacingRule)

  it.each([
    ['tariffs on US $ 200 billion in imports', 'tariffs on US$200 billion in imports'],
    ['for about $ 60 billion in US $ 60 billion.', 'for about $60 billion in US$60 billion.'],
    ['US $ 153.9 billion', 'US$153.9 billion'],
    ['HK $ 5', 'HK$5'],
    ['a fee of $ 500', 'a fee of $500'],
    ['¥ 1,580 and € 20 and £ 3', '¥1,580 and €20 and £3'],
    ['US$ 60', 'US$60'],
    ['BUS $ 5', 'BUS $5'],
  ])('%s', (input, expected) => {
    expect(fixCurrency(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('US $ 60', currencySpacingRule)).toEqual([
      '" " → "": space between “US” and its currency sign',
      '" " → "": space after a currency sign',
    ])
  })

  it.each(['$500', 'US$60', 'the $ sign', 'costs 5 $ more', 'the US $ sign'])(
    'leaves alone: %s',
    (text) => {
      expect(fixCurrency(text)).toBe(text)
    },
  )

  it('is idempotent and leaves clean text alone', () => {
    fc.assert(
      fc.property(linesOf(['$ 500', 'US $ 60 billion', 'HK $ 5', '¥ 9']), (text) => {
        expect(editCount(currencySpacingRule, fixCurrency(text))).toBe(0)
      }),
    )
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(editCount(currencySpacingRule, text)).toBe(0)
      }),
    )
  })
})

describe('spaced-time', () => {
  const fixTime = (text: string): string => clean(text, spacedTimeRule)

  it.each([
    [
      'The standard time is 0: 00 on June 1 day, 2006.',
      'The standard time is 0:00 on June 1 day, 2006.',
    ],
    ['(as of 0: 00 on June 1 day, 2006)', '(as of 0:00 on June 1 day, 2006)'],
    ['at 10 :30 the meeting', 'at 10:30 the meeting'],
    ['from 8 : 30 am', 'from 8:30 am'],
  ])('%s', (input, expected) => {
    expect(fixTime(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('at 9: 30', spacedTimeRule)).toEqual([
      '"9: 30" → "9:30": space inside a time of day',
    ])
  })

  it('flags what may be a score or a reference', () => {
    expect(fixTime('Table 3: 45 cases')).toBe('Table 3: 45 cases')
    expect(flags('Table 3: 45 cases', spacedTimeRule)).toMatchObject([
      { kind: 'spaced-time', covers: '3: 45', suggestion: '3:45' },
    ])
  })

  it.each([
    '10:30',
    'Release time: 2022-11-27 13:53',
    'John 3:16',
    'in 2020: 30 cases',
    'Article 1: 123 people',
    'at 25: 00',
    'ratio 1: 5',
    'Time: 2022',
  ])('leaves alone: %s', (text) => {
    expect(fixTime(text)).toBe(text)
  })

  it('is idempotent and leaves clean text alone', () => {
    fc.assert(
      fc.property(linesOf(['at 0: 00 on', '9 :30 am', 'Table 3: 45']), (text) => {
        expect(editCount(spacedTimeRule, fixTime(text))).toBe(0)
      }),
    )
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(editCount(spacedTimeRule, text)).toBe(0)
      }),
    )
  })
})
