import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { endMarkerRule } from '../../../../../../src/core/cleaning/rules/furniture/end-marker'
import { isEndMarker } from '../../../../../../src/core/cleaning/rules/furniture/patterns'
import { log, PARA, PARA2, run, secondRun } from './helpers'

const end = [endMarkerRule]
const body = `${PARA}\n${PARA2}`
const TEASERS =
  'Parents have questioned the kindergarten fee of 1580 yuan?Official: parents can buy voluntarily\n' +
  "According to the people's network message board, some netizens have recen...\n" +
  'Special class+future technical module, the institute invites you to the future!\n' +
  'Not long agoThe institute and Qi Tian Ac...'

describe('end-marker: the marker and the teasers after it', () => {
  it('removes `- END -` and the teaser headlines and snippets after it, line by line', () => {
    const out = run(`${body}\n- END -\n${TEASERS}`, end)
    expect(out.text).toBe(body)
    expect(log(out.changes)).toEqual([
      ['end-marker', 'end marker', '- END -'],
      [
        'end-marker',
        'teaser headline of another article, after the end marker',
        'Parents have questioned the kindergarten fee of 1580 yuan?Official: parents can buy voluntarily',
      ],
      [
        'end-marker',
        "snippet of another article cut off with '...', after the end marker",
        "According to the people's network message board, some netizens have recen...",
      ],
      [
        'end-marker',
        'teaser headline of another article, after the end marker',
        'Special class+future technical module, the institute invites you to the future!',
      ],
      [
        'end-marker',
        "snippet of another article cut off with '...', after the end marker",
        'Not long agoThe institute and Qi Tian Ac...',
      ],
    ])
  })

  it.each([
    '- END -',
    '-END-',
    '— END —',
    '—— END ——',
    'END',
    'End',
    'THE END',
    '-The End-',
    '(End)',
    '[End]',
    '(完)',
    '（完）',
    '【完】',
    '(全文完)',
    '▼ END ▼',
    '  - END -  ',
  ])('knows the marker `%s`', (marker) => {
    const out = run(`${body}\n\n${marker}\n\nTeaser headline of another story\n`, end)
    expect(out.text).toBe(`${body}\n`)
  })

  it.each([
    'end',
    'The End',
    'END OF STORY',
    'Endless',
    'At the END of the day, the meeting ended.',
    'Weekend',
  ])('does not take `%s` for a marker', (line) => {
    expect(isEndMarker(line)).toBe(false)
    const text = `${body}\n${line}\nTeaser headline of another story`
    expect(run(text, end).changes).toEqual([])
  })

  it('removes `（完）` closing the last paragraph of a Chinese article', () => {
    const out = run('会议要求，各地要尽快落实到位。会议指出，就业是民生之本。（完）\n', end)
    expect(out.text).toBe('会议要求，各地要尽快落实到位。会议指出，就业是民生之本。\n')
    expect(log(out.changes)).toEqual([
      ['end-marker', 'end marker closing the last paragraph', '（完）'],
    ])
  })

  it('removes `（完）` on its own line at the end of a Chinese article', () => {
    const out = run(
      '本报讯 市图书馆推出“夜读”服务。\n\n开放首周，读者超过两千人次。\n\n（完）\n',
      end,
    )
    expect(out.text).toBe('本报讯 市图书馆推出“夜读”服务。\n\n开放首周，读者超过两千人次。\n')
  })

  it('takes the credits and buttons after the marker too', () => {
    const out = run(`${body}\n- END -\nSource: Xinhua\nShare\nLike\nLooking`, end)
    expect(out.text).toBe(body)
    expect(log(out.changes).map(([, reason]) => reason)).toEqual([
      'end marker',
      'credit line after the end marker',
      'page furniture after the end marker',
      'page furniture after the end marker',
      'page furniture after the end marker',
    ])
  })
})

describe('end-marker: long text after a marker', () => {
  const long = `${PARA} ${PARA2} ${PARA}`

  it('flags a marker with more than 40% of the article after it, and deletes nothing', () => {
    const text = `${PARA}\n- END -\n${long}\n${long}`
    const out = run(text, end)
    expect(out.text).toBe(text)
    expect(out.changes).toEqual([])
    expect(out.flags.map((f) => [f.kind, out.text.slice(f.start, f.end)])).toEqual([
      ['content-after-end', '- END -'],
    ])
  })

  it('flags a marker with over 1,500 characters of paragraphs after it, however long the article', () => {
    const article = Array<string>(40).fill(PARA).join('\n')
    const after = Array<string>(10).fill(PARA2).join('\n')
    const text = `${article}\nEND\n${after}`
    expect(after.length).toBeGreaterThan(1500)
    const out = run(text, end)
    expect(out.changes).toEqual([])
    expect(out.flags.map((f) => f.kind)).toEqual(['content-after-end'])
  })

  it('deletes after the last marker of a text holding two articles, and flags the first', () => {
    const text = `${PARA}\n- END -\n${long}\n${long}\n- END -\n${TEASERS}`
    const out = run(text, end)
    expect(out.text).toBe(`${PARA}\n- END -\n${long}\n${long}`)
    expect(out.flags.map((f) => [f.kind, out.text.slice(f.start, f.end)])).toEqual([
      ['content-after-end', '- END -'],
    ])
  })

  it('does not weigh a copy of the article after the marker (the page printed it twice)', () => {
    const text = `${long}\n- END -\n${long}`
    const out = run(text, end)
    expect(out.text).toBe(long)
    expect(out.flags).toEqual([])
  })

  it('leaves a bracketed `(End)` inside a paragraph that goes on', () => {
    const text = `He said the word (End) was printed in red. ${PARA}\n${PARA2}`
    expect(run(text, end).changes).toEqual([])
  })
})

describe('end-marker: idempotence and texts without a marker', () => {
  it.each([
    [`${body}\n- END -\n${TEASERS}`],
    [`${body}\n（完）\n${body}\n- END -\nTeaser`],
    ['会议指出，就业是民生之本。（完）（完）'],
    [`${body}\nLeave a Reply（完）\nTeaser`],
  ])('finds nothing more on its own output: %#', (text) => {
    expect(secondRun(text, end)).toEqual([])
  })

  it('finds nothing more on its own output (generated texts)', () => {
    const lines = fc.constantFrom(
      '- END -',
      'END',
      '（完）',
      '会议指出，就业是民生之本。（完）',
      'Teaser headline of another story',
      'Snippet cut off...',
      'A short sentence of the story.',
      'Source: Xinhua',
      PARA,
      PARA2,
      '',
    )
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 16 }), (ls) => {
        expect(secondRun(ls.join('\n'), end)).toEqual([])
      }),
      { numRuns: 3000 },
    )
  })

  it('proposes nothing on a text without an end marker', () => {
    const sentence = fc
      .array(
        fc.constantFrom(
          'the',
          'ministry',
          'said',
          '3.5%',
          'U.S.',
          '2020-2021',
          '10:30',
          'end',
          'ended',
          'END-user',
          '完成',
          'www.moe.gov.cn',
        ),
        {
          minLength: 3,
          maxLength: 12,
        },
      )
      .map((ws) => `${ws.join(' ')}.`)
    const text = fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { maxLength: 8 })
    fc.assert(
      fc.property(text, (paras) => {
        const t = paras.map((p) => p.join(' ')).join('\n')
        expect(run(t, end).changes).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})
