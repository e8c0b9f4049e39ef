import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { duplicateLinesRule } from '../../../../../../src/core/cleaning/rules/repetition'
import { editsOnOutput, run } from './run'

const CAPTION = 'On December 18, 2023, in Tehran, Iran, vehicles lined up outside a gas station.'
const OTHER = 'On December 18, 2023, local time, Tehran, Iran, the closed gas station was filmed.'
const PARAGRAPH =
  'According to Xinhua News Agency, the fuel supply of some gas stations in Iran was temporarily stopped on December 18 due to technical problems.'
const LONG = Array.from({ length: 45 }, (_, i) => `word${i}`).join(' ') + '.'

describe('duplicate-lines: repeated lines are kept once', () => {
  it('removes a line repeated back to back', () => {
    const r = run(duplicateLinesRule, `${PARAGRAPH}\n${CAPTION}\n${CAPTION}\n${OTHER}`)
    expect(r.text).toBe(`${PARAGRAPH}\n${CAPTION}\n${OTHER}`)
    expect(r.reasons).toEqual(['line repeated back to back; kept the first copy'])
  })

  it('keeps the paragraph spacing when blank lines separate paragraphs', () => {
    const r = run(duplicateLinesRule, `${PARAGRAPH}\n\n${CAPTION}\n\n${CAPTION}\n\n${OTHER}\n`)
    expect(r.text).toBe(`${PARAGRAPH}\n\n${CAPTION}\n\n${OTHER}\n`)
    expect(r.removed).toEqual([`${CAPTION}\n\n`])
  })

  it('removes a caption printed again a few lines further (photo stories)', () => {
    const text = [
      CAPTION,
      PARAGRAPH,
      OTHER,
      'He said the supply would resume that night.',
      CAPTION,
    ].join('\n\n')
    const r = run(duplicateLinesRule, text)
    expect(r.text).toBe(
      [CAPTION, PARAGRAPH, OTHER, 'He said the supply would resume that night.'].join('\n\n'),
    )
    expect(r.reasons).toEqual([
      'caption or headline already printed 4 lines above; kept the first copy',
    ])
  })

  it('takes the line break before a copy at the very end, and keeps a final newline', () => {
    expect(run(duplicateLinesRule, `${PARAGRAPH}\n\n${CAPTION}\n\n${CAPTION}`).text).toBe(
      `${PARAGRAPH}\n\n${CAPTION}`,
    )
    expect(run(duplicateLinesRule, `${PARAGRAPH}\n${CAPTION}\n${CAPTION}\n${CAPTION}\n`).text).toBe(
      `${PARAGRAPH}\n${CAPTION}\n`,
    )
  })

  it('removes copies of the title anywhere in the body, the title being in the metadata', () => {
    const title = 'Today, Putin happily participates in the Winter Olympics'
    const body = [
      PARAGRAPH,
      title,
      OTHER,
      CAPTION,
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      title,
    ].join('\n')
    const r = run(duplicateLinesRule, body, { title })
    expect(r.text).toBe(
      [PARAGRAPH, OTHER, CAPTION, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].join('\n'),
    )
    expect(r.reasons).toEqual([
      'the article’s title printed again (a caption or a page header); the title is kept in the metadata',
      'the article’s title printed again (a caption or a page header); the title is kept in the metadata',
    ])
  })

  it('takes the first line for the title when no rule put one in the metadata', () => {
    const title = 'The Ministry of Finance announced an adjustment'
    const body = [
      title,
      PARAGRAPH,
      OTHER,
      CAPTION,
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      title,
    ]
    expect(run(duplicateLinesRule, body.join('\n')).text).toBe(body.slice(0, -1).join('\n'))
  })

  it('removes a long paragraph doubled back to back, saying it was a paragraph', () => {
    const r = run(duplicateLinesRule, `${LONG}\n\n${LONG}\n\n${OTHER}`)
    expect(r.text).toBe(`${LONG}\n\n${OTHER}`)
    expect(r.reasons).toEqual(['paragraph repeated back to back; kept the first copy'])
  })

  it('compares copies after normalising whitespace, spaced hyphens and full-width punctuation', () => {
    expect(run(duplicateLinesRule, `  ${CAPTION}\n${CAPTION.replace(/ /g, '  ')}  `).text).toBe(
      `  ${CAPTION}`,
    )
    expect(
      run(
        duplicateLinesRule,
        'the high -quality development of the area\nthe high-quality development of the area',
      ).text,
    ).toBe('the high -quality development of the area')
    expect(
      run(
        duplicateLinesRule,
        '会议在北京举行，来自全国的代表参加了会议。\n会议在北京举行,来自全国的代表参加了会议.',
      ).text,
    ).toBe('会议在北京举行，来自全国的代表参加了会议。')
  })

  it('recognises a copy that differs by a stutter the repetition rule will collapse', () => {
    expect(
      run(duplicateLinesRule, `${CAPTION}\n${CAPTION.replace('vehicles', 'vehicles vehicles')}`)
        .text,
    ).toBe(CAPTION)
  })
})

describe('duplicate-lines: what may be deliberate is flagged or left alone', () => {
  it('flags a long paragraph repeated further away', () => {
    const text = `${LONG}\n${PARAGRAPH}\n${LONG}`
    const r = run(duplicateLinesRule, text)
    expect(r.text).toBe(text)
    expect(r.flags).toEqual([{ kind: 'duplicate-line', text: LONG }])
    expect(r.messages[0]).toBe(
      'This paragraph already appears 2 lines above. If the page printed it twice, delete this copy.',
    )
  })

  it('flags a caption far from its first copy', () => {
    const filler = Array.from(
      { length: 12 },
      (_, i) => `Paragraph number ${i} of the story goes on here.`,
    )
    const text = [CAPTION, ...filler, CAPTION].join('\n')
    const r = run(duplicateLinesRule, text)
    expect(r.text).toBe(text)
    expect(r.flags).toEqual([{ kind: 'duplicate-line', text: CAPTION }])
  })

  it('flags captions one word apart as near duplicates', () => {
    const near = CAPTION.replace('vehicles', 'cars')
    const text = `${CAPTION}\n${PARAGRAPH}\n${near}`
    const r = run(duplicateLinesRule, text)
    expect(r.text).toBe(text)
    expect(r.flags).toEqual([{ kind: 'near-duplicate-line', text: near }])
    expect(r.messages[0]).toBe(
      'This line repeats the one 2 lines above except for one word (“vehicles” there, “cars” here): a caption printed twice? Delete one copy if so.',
    )
    // A word more or less counts as one word apart too.
    expect(
      run(duplicateLinesRule, `${CAPTION}\n${CAPTION.replace('a gas', 'a big gas')}`).flags,
    ).toHaveLength(1)
  })

  it('does not take captions that differ by a number for near duplicates', () => {
    const text = 'Photo 1: the station in Tehran at night\nPhoto 2: the station in Tehran at night'
    expect(run(duplicateLinesRule, text).flags).toEqual([])
  })

  it('leaves speaker labels of a video script alone (they repeat by design)', () => {
    const text = [
      '【Explanation】 All kindergartens in Hefei City ushered in school on May 11.',
      '  [Same period] Student parent Tao Lei',
      '  The kid is okay now, he really wants to go to kindergarten.',
      '  [Same period] Student parent Wang Longfei',
      '  The children are still very happy.',
      '  [Same period] Student parent Tao Lei',
      '  I am also very happy.',
      '  [Same period] Student parent Wang Longfei',
      '  Mood, I am very happy!',
    ].join('\n\n')
    const r = run(duplicateLinesRule, text)
    expect(r.text).toBe(text)
    expect(r.flags).toEqual([])
  })

  it('leaves interview prompts and short lines that repeat for real', () => {
    const text = [
      'CCTV reporter from China Central Radio and Television:',
      'How would you evaluate the economy this year so far?',
      'Liu Aihua:',
      'Thank you.',
      'CCTV reporter from China Central Radio and Television:',
      'And what about the third quarter of the year?',
      'Liu Aihua:',
      'Thank you.',
    ].join('\n')
    expect(run(duplicateLinesRule, text).text).toBe(text)
  })

  it('leaves one-word lines and lines without letters (table cells)', () => {
    for (const text of ['To\n\nTo\n\nTo', '100\n100\n100', '2020-2021\n2020-2021']) {
      expect(run(duplicateLinesRule, text).text).toBe(text)
    }
  })
})

describe('duplicate-lines: properties', () => {
  const line = fc.constantFrom(
    CAPTION,
    OTHER,
    CAPTION.replace('vehicles', 'cars'),
    PARAGRAPH,
    LONG,
    '[Same period] Student parent Tao Lei',
    'Liu Aihua:',
    'To',
    '',
    '',
    'Thank you.',
  )
  const title = fc.option(fc.constantFrom(CAPTION, OTHER), { nil: undefined })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), title, (lines, t) => {
        const metadata = t === undefined ? {} : { title: t }
        expect(editsOnOutput(duplicateLinesRule, lines.join('\n'), metadata)).toBe(0)
      }),
      { numRuns: 400 },
    )
  })

  it('leaves text without repeated lines unchanged', () => {
    const unique = fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{1,8}( [a-z]{1,8}){0,8}\.?$/), {
      maxLength: 30,
      selector: (s) => s.replace(/\s+/g, ''),
    })
    fc.assert(
      fc.property(unique, fc.constantFrom('\n', '\n\n'), (lines, nl) => {
        const r = duplicateLinesRule.apply(lines.join(nl), { glossary: [], metadata: {} })
        expect(r.edits ?? []).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
