import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { spacedHyphenRule } from '../../../../../../src/core/cleaning/rules/spacing/spaced-hyphen'
import { changes, clean, CLEAN_PIECES, editCount, flags, linesOf } from './support'

const fix = (text: string): string => clean(text, spacedHyphenRule)

describe('spaced-hyphen: the engine’s ` -` inside compounds', () => {
  it.each([
    ['the decision -making and deployment', 'the decision-making and deployment'],
    ['serve high -quality development', 'serve high-quality development'],
    [
      'the Guangdong -Hong Kong -Macao Greater Bay Area',
      'the Guangdong-Hong Kong-Macao Greater Bay Area',
    ],
    ['helps Beijing -Tianjin -Hebei integrated', 'helps Beijing-Tianjin-Hebei integrated'],
    [
      'the "China -ASEAN Vocational Education Federation"',
      'the "China-ASEAN Vocational Education Federation"',
    ],
    ['In -depth implementation', 'In-depth implementation'],
    ['upgrading, tentative, re -upgrading', 'upgrading, tentative, re-upgrading'],
    ['the "double first -class" construction', 'the "double first-class" construction'],
    ['the China -South China (non -) vocational', 'the China-South China (non-) vocational'],
    [
      'the Asia -Pacific Economic Cooperation Organization (APEC)',
      'the Asia-Pacific Economic Cooperation Organization (APEC)',
    ],
    ['the Sino -US trade war', 'the Sino-US trade war'],
    ['a (non - ) alliance', 'a (non-) alliance'],
    ['a ( non -) alliance', 'a ( non-) alliance'],
    ['a（non -）alliance', 'a（non-）alliance'],
    ['students to pre -deposited the tuition', 'students to pre-deposited the tuition'],
    ['on the high -speed rail', 'on the high-speed rail'],
    ['an up -to -date list', 'an up-to-date list'],
    ['a state -of -the -art lab', 'a state-of-the-art lab'],
    ['A -shares rose', 'A-shares rose'],
    ['a 3 -day visit', 'a 3-day visit'],
    ['the U.S. -China talks', 'the U.S.-China talks'],
    ['decision  -making', 'decision-making'],
    ['cross -domain, cross -domain, cross -domain', 'cross-domain, cross-domain, cross-domain'],
  ])('%s', (input, expected) => {
    expect(fix(input)).toBe(expected)
  })

  it('says why, for each hyphen', () => {
    expect(changes('decision -making (non -)', spacedHyphenRule)).toEqual([
      '" " → "": spaced hyphen in a compound',
      '" " → "": spaced hyphen before a closing bracket',
    ])
  })

  it('works on a title line', () => {
    expect(spacedHyphenRule.appliesToTitle).toBe(true)
  })
})

describe('spaced-hyphen: what it leaves alone', () => {
  it.each([
    'a true dash - with spaces on both sides',
    'In the 2020-2021 school year',
    'from 2020 - 2021',
    'from 2020 -2021',
    'decision-making and high-quality',
    '- a list item',
    '  - an indented list item',
    'temperatures of -5 degrees, down to -12',
    'between 3 and -5',
    'ends with a dash -',
    'a double -- dash',
    '中国 -东盟 自由贸易区',
    'see www.some-site.com and e-mail a-b@x-y.org',
    'the range 10 -20',
  ])('%s', (text) => {
    expect(fix(text)).toBe(text)
  })

  it('flags a hyphen before a word that never starts a compound', () => {
    expect(fix('the plan -the first of its kind')).toBe('the plan -the first of its kind')
    expect(flags('the plan -the first of its kind', spacedHyphenRule)).toMatchObject([
      { kind: 'spaced-hyphen', covers: 'plan -the' },
    ])
  })

  it('flags a spaced hyphen before a number after a name in capitals', () => {
    expect(fix('the COVID -19 epidemic')).toBe('the COVID -19 epidemic')
    expect(flags('the COVID -19 epidemic', spacedHyphenRule)).toMatchObject([
      { kind: 'spaced-hyphen', suggestion: 'COVID-19', covers: 'COVID -19' },
    ])
  })
})

describe('spaced-hyphen: `word- word`, only where clearly a compound', () => {
  it.each([
    ['the decision- making process', 'the decision-making process'],
    ['a non- governmental body', 'a non-governmental body'],
    ['Sino- US relations', 'Sino-US relations'],
    ['win- win cooperation, a win-win result', 'win-win cooperation, a win-win result'],
    ['win- win cooperation, a win -win result', 'win-win cooperation, a win-win result'],
  ])('%s', (input, expected) => {
    expect(fix(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('high- quality', spacedHyphenRule)).toEqual([
      '" " → "": space after a hyphen in a compound',
    ])
  })

  it.each([
    'first- and second-class cities',
    'short- or long-term loans',
    'pre- to post-war',
    'the well- the other one',
  ])('leaves suspended hyphens alone: %s', (text) => {
    expect(fix(text)).toBe(text)
    expect(flags(text, spacedHyphenRule)).toEqual([])
  })

  it('flags what it cannot tell', () => {
    expect(fix('the village- level roads')).toBe('the village-level roads')
    expect(fix('the garden- party season')).toBe('the garden- party season')
    expect(flags('the garden- party season', spacedHyphenRule)).toMatchObject([
      { kind: 'spaced-hyphen', covers: 'garden- party', suggestion: 'garden-party' },
    ])
  })
})

describe('spaced-hyphen: dates spaced the same way', () => {
  it.each([
    ['time of China Net: 2007- 12- 17, comments', 'time of China Net: 2007-12-17, comments'],
    ['on 2022 -07 -24 at', 'on 2022-07-24 at'],
    ['on 2022-07- 24 at', 'on 2022-07-24 at'],
  ])('%s', (input, expected) => {
    expect(fix(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('2007- 12- 17', spacedHyphenRule)).toEqual([
      '"2007- 12- 17" → "2007-12-17": spaces inside a date',
    ])
  })

  it.each(['2007-12-17', '2020- 13- 40 is no date', '12007- 12- 17', 'code 2007- 12- 179'])(
    'leaves %s alone',
    (text) => {
      expect(fix(text)).toBe(text)
    },
  )
})

describe('spaced-hyphen: properties', () => {
  const ARTIFACTS = [
    'decision -making',
    'Guangdong -Hong Kong -Macao',
    '(non -)',
    'up -to -date',
    'decision- making',
    'garden- party',
    'plan -the',
    '2007- 12- 17',
    'COVID -19',
    ' -',
    '- ',
  ]

  it('is idempotent', () => {
    fc.assert(
      fc.property(linesOf(ARTIFACTS), (text) => {
        expect(editCount(spacedHyphenRule, fix(text))).toBe(0)
      }),
      { numRuns: 300 },
    )
  })

  it('leaves text without the artifact unchanged', () => {
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(editCount(spacedHyphenRule, text)).toBe(0)
      }),
      { numRuns: 300 },
    )
  })

  it('never leaves `letter -letter` where it made an edit', () => {
    fc.assert(
      fc.property(linesOf(['decision -making', 'China -ASEAN', 'Asia  -Pacific']), (text) => {
        expect(fix(text)).not.toMatch(/[A-Za-z] +-[A-Za-z]/)
      }),
      { numRuns: 200 },
    )
  })
})
