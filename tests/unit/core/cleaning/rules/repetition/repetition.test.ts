import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { repetitionRule } from '../../../../../../src/core/cleaning/rules/repetition'
import { editsOnOutput, run } from './run'

const clean = (text: string): string => run(repetitionRule, text).text

describe('repetition: stutters collapse to the first copy', () => {
  it.each([
    ['of academic degree degree', 'of academic degree'],
    [
      'cooperative institutions and projects and projects, science',
      'cooperative institutions and projects, science',
    ],
    [
      'promote cross -domain, cross -domain, cross -domain cooperation',
      'promote cross -domain cooperation',
    ],
    [
      'promote cross-domain, cross-domain, cross-domain cooperation',
      'promote cross-domain cooperation',
    ],
    ['a pattern of heads of heads of heads of state', 'a pattern of heads of state'],
    ['"upgrading, tentative tentative, re-upgrading"', '"upgrading, tentative, re-upgrading"'],
    ['At this time at this time, some universities', 'At this time, some universities'],
    ['the roads were completed completed on time', 'the roads were completed on time'],
    ['the the the report', 'the report'],
    ['a a report', 'a report'],
    ['Degree degree of success', 'Degree of success'],
    ["the city’s city's schools", 'the city’s schools'],
    ['Titanium Media Titanium Media CNBeta', 'Titanium Media CNBeta'],
    ['The The report', 'The report'],
    ['a b c d e f a b c d e f g', 'a b c d e f g'],
    ['field field.As a result', 'field.As a result'],
  ])('%j → %j', (input, output) => {
    expect(clean(input)).toBe(output)
  })

  it('keeps the first copy’s case', () => {
    expect(clean('Education education matters')).toBe('Education matters')
    expect(clean('education Education matters')).toBe('education matters')
  })

  it('logs each collapse with a reason an editor understands', () => {
    expect(run(repetitionRule, 'academic degree degree').reasons).toEqual([
      'word “degree” written twice in a row; kept once',
    ])
    expect(run(repetitionRule, 'of heads of heads of heads of state').reasons).toEqual([
      'phrase “of heads” written 3 times in a row; kept once',
    ])
    const six = run(
      repetitionRule,
      'x, cross-domain, cross-domain, cross-domain, cross-domain, cross-domain, cross-domain, y',
    )
    expect(six.removed).toEqual([
      ', cross-domain, cross-domain, cross-domain, cross-domain, cross-domain',
    ])
    expect(six.reasons).toEqual(['word “cross-domain” written 6 times in a row; kept once'])
  })

  it('collapses in titles too', () => {
    expect(repetitionRule.appliesToTitle).toBe(true)
    expect(
      clean(
        'Ministry of Education: China and 58 countries signed the agreement of academic degree degree',
      ),
    ).toBe('Ministry of Education: China and 58 countries signed the agreement of academic degree')
  })

  it('collapses a nested stutter into the longer one', () => {
    const r = run(repetitionRule, 'it is a a plan a plan now')
    expect(r.text).toBe('it is a plan now')
  })
})

describe('repetition: what is left doubtful is flagged, not rewritten', () => {
  it('flags the fused leftover after a collapse (`headsses`)', () => {
    const r = run(
      repetitionRule,
      'a new pattern of diversified interaction of heads of heads of heads of heads of headsses, leadership driven by leaders',
    )
    expect(r.text).toBe(
      'a new pattern of diversified interaction of heads of headsses, leadership driven by leaders',
    )
    expect(r.flags).toEqual([{ kind: 'doubtful-repetition', text: 'of heads of headsses' }])
    expect(r.messages[0]).toContain('“headsses” looks like a broken leftover')
  })

  it('flags a cut-off copy after a collapse (`cross`)', () => {
    const r = run(
      repetitionRule,
      'promote cross-disciplinary cross-sectation, cross-domain, cross-domain, cross-domain, cross Scientific research',
    )
    expect(r.text).toBe(
      'promote cross-disciplinary cross-sectation, cross-domain, cross Scientific research',
    )
    expect(r.flags).toEqual([{ kind: 'doubtful-repetition', text: 'cross-domain, cross' }])
  })

  it('flags `X and X`, suggesting one X', () => {
    const r = run(
      repetitionRule,
      'strengthening the interconnection and interconnection of the field',
    )
    expect(r.text).toBe('strengthening the interconnection and interconnection of the field')
    expect(r.flags).toEqual([
      {
        kind: 'doubtful-repetition',
        text: 'interconnection and interconnection',
        suggestion: 'interconnection',
      },
    ])
    expect(run(repetitionRule, 'people with bad intentions and bad intentions').flags).toEqual([
      {
        kind: 'doubtful-repetition',
        text: 'bad intentions and bad intentions',
        suggestion: 'bad intentions',
      },
    ])
    expect(run(repetitionRule, 'quality or quality').flags).toHaveLength(1)
  })

  it('keeps and flags a list of one word (`rumors, rumors and rumors`)', () => {
    const text = 'will not believe in rumors, rumors and rumors. All news'
    const r = run(repetitionRule, text)
    expect(r.text).toBe(text)
    expect(r.flags).toEqual([
      { kind: 'doubtful-repetition', text: 'rumors, rumors and rumors', suggestion: 'rumors' },
    ])
  })

  it('keeps and flags a sentence made of one repeated word (`Location, location, location.`)', () => {
    const r = run(repetitionRule, 'Location, location, location. It is all that counts.')
    expect(r.text).toBe('Location, location, location. It is all that counts.')
    expect(r.flags.map((f) => f.text)).toEqual(['Location, location, location'])
  })

  it('collapses `is is`, but flags it after `what` (“what it is is”)', () => {
    expect(clean('The key is is to act')).toBe('The key is to act')
    const r = run(repetitionRule, 'What it is is a plan.')
    expect(r.text).toBe('What it is is a plan.')
    expect(r.flags).toEqual([{ kind: 'doubtful-repetition', text: 'is is', suggestion: 'is' }])
  })

  it('flags a particle meeting a preposition (`moved in in May`)', () => {
    const r = run(repetitionRule, 'They moved in in May.')
    expect(r.text).toBe('They moved in in May.')
    expect(r.flags).toEqual([{ kind: 'doubtful-repetition', text: 'in in', suggestion: 'in' }])
  })

  it('flags a capitalised double that is not name-like (`Degree Degree`)', () => {
    const r = run(repetitionRule, 'Academic Degree Degree Agreement')
    expect(r.text).toBe('Academic Degree Degree Agreement')
    expect(r.flags).toEqual([
      { kind: 'doubtful-repetition', text: 'Degree Degree', suggestion: 'Degree' },
    ])
    expect(run(repetitionRule, "in Xi’an Xi'an city").flags).toEqual([
      { kind: 'doubtful-repetition', text: "Xi’an Xi'an", suggestion: 'Xi’an' },
    ])
  })
})

describe('repetition: real doubles and false-positive traps are left alone', () => {
  it.each([
    'He had had enough.',
    'She said that that was wrong.',
    'a very very important meeting',
    'very, very important',
    'Bye bye, said the children.',
    'The food was so so.',
    'No, no, that is not what I meant.',
    'many, many thanks',
    'far, far away',
    'Ha ha ha, he laughed.',
    'Hear, hear!',
  ])('allowlisted: %j', (text) => {
    const r = run(repetitionRule, text)
    expect(r.text).toBe(text)
    expect(r.flags).toEqual([])
  })

  it.each([
    'pianist Lang Lang played',
    'the mascot Bing Dwen Dwen and Shuey Rhon Rhon',
    'panda Huan Huan and Zhuang Zhuang',
    'the pianist Lǎng Lǎng',
    'Li and Li signed the paper',
    'more and more people',
    'again and again',
    'better and better, faster and faster',
    'years and years of work',
    'over and over and over',
    'more and more and more',
    'step by step, one by one, side by side',
    'Plan A a few days later',
  ])('idiom or name: %j', (text) => {
    const r = run(repetitionRule, text)
    expect(r.text).toBe(text)
    expect(r.flags).toEqual([])
  })

  it.each([
    'scored 20 20 points',
    'groups 1, 2, 1, 2',
    'at 10:30 10:30 again',
    'the U U.S. report',
    'No No.1 Middle School',
    'from 3 3.5 to 4',
    'see www.news.com news today',
    'write to info info@example.com',
    'visit example example.com now',
    'ranges 2020-2021 2020-2021',
    'in the field. Field workers',
    'in the field.\nfield workers',
    '"Yes" yes, he said',
    '(yes) yes',
    'his name - name',
    '他们常常常常去',
    '看看 看看',
    'rise 10%, 10% more',
  ])('not a stutter: %j', (text) => {
    expect(clean(text)).toBe(text)
  })
})

describe('repetition: properties', () => {
  const word = fc.constantFrom(
    'the',
    'of',
    'and',
    'degree',
    'Degree',
    'heads',
    'cross-domain',
    'cross -domain',
    'is',
    'had',
    'in',
    'more',
    'China',
    'Lang',
    'rumors',
    'interconnection',
    '20',
    'U.S.',
    'headsses',
    'projects',
  )
  const sep = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', ' and ', '  ')
  const text = fc
    .array(fc.tuple(word, sep), { maxLength: 40 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''))

  it('is idempotent: its output has nothing left to collapse', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(editsOnOutput(repetitionRule, t)).toBe(0)
      }),
      { numRuns: 500 },
    )
  })

  it('leaves text without adjacent repeats unchanged', () => {
    const distinct = fc.uniqueArray(fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/), {
      maxLength: 30,
      comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
    })
    const seps = fc.array(fc.constantFrom(' ', ', ', '. ', '\n', ' - ', '; '), {
      minLength: 30,
      maxLength: 30,
    })
    fc.assert(
      fc.property(distinct, seps, (ws, ss) => {
        const t = ws.map((w, i) => w + (i < ws.length - 1 ? ss[i] : '')).join('')
        expect(repetitionRule.apply(t, { glossary: [], metadata: {} }).edits ?? []).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('only ever removes text: what it keeps is in the original order', () => {
    fc.assert(
      fc.property(text, (t) => {
        const edits = repetitionRule.apply(t, { glossary: [], metadata: {} }).edits ?? []
        for (const e of edits) expect(e.replacement).toBe('')
      }),
      { numRuns: 300 },
    )
  })
})
