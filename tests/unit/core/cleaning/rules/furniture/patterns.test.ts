import { describe, expect, it } from 'vitest'
import { removeLines, splitLines } from '../../../../../../src/core/cleaning/rules/furniture/lines'
import {
  gluedCredit,
  inlineEndMarker,
  isTitleLike,
  readHeaderLine,
} from '../../../../../../src/core/cleaning/rules/furniture/patterns'

describe('readHeaderLine', () => {
  it('reads what a header line says', () => {
    expect(readHeaderLine("Author:The official account of Xi'an Time:2022.09.21")).toEqual({
      parts: ['byline', 'date'],
      labelled: true,
      author: { value: "The official account of Xi'an", tier: 0 },
      date: { value: '2022-09-21', tier: 0 },
    })
    expect(readHeaderLine('Article/reporter Yang Yongqing editor/Dynasty')).toEqual({
      parts: ['byline', 'editor'],
      labelled: true,
      author: { value: 'Yang Yongqing', tier: 2 },
      editor: 'Dynasty',
    })
    expect(readHeaderLine('2022-06-20 0 By')).toEqual({
      parts: ['date'],
      labelled: false,
      date: { value: '2022-06-20', tier: 1 },
    })
  })

  it.each([
    'Text messages were sent to candidates.',
    'By the end of the year, 300 villages had new roads.',
    'Time: 2022-09-21 the meeting was held in Beijing.',
    'Source: the ministry said that the numbers would rise. It added more.',
    'Image source: Internet',
    'He said the source: a leak.',
    "Editor's note: This is a long note.",
    'Time: 10:30',
    'Date night is popular',
    'The source of the river is in Tibet.',
    'Author: This is a sentence. And another one.',
    'Reporters: are they free?',
    'Author:.',
    '2020-2021 school year plans',
    'Sources say the deal is near',
    'Time:2022.02.30',
  ])('is null for `%s`', (line) => {
    expect(readHeaderLine(line)).toBeNull()
  })
})

describe('isTitleLike', () => {
  it.each([
    'Ministry of Education: my country signed the agreement',
    'U.S. Says It Will Act',
    'Mr. Li went home',
    "A kindergarten book fee in Ji'nan is higher than that of a graduate student.",
    'Heavy! The State Council issued new measures',
    'important!The latest reminder',
    '国务院：进一步稳就业',
    'Circular on testing (No.3)',
  ])('takes `%s` for a headline', (line) => {
    expect(isTitleLike(line)).toBe(true)
  })

  it.each([
    'The ministry said it would. It did.',
    'Dear residents:',
    'Snippet cut off...',
    '会议指出，就业是民生之本。',
    '- END -',
    `${'word '.repeat(60)}end`,
  ])('does not take `%s` for a headline', (line) => {
    expect(isTitleLike(line)).toBe(false)
  })
})

describe('inlineEndMarker and gluedCredit', () => {
  it('finds a bracketed marker closing a line of text, never a line of markers', () => {
    expect(inlineEndMarker('就业是民生之本。（完）')).toBe(8)
    expect(inlineEndMarker('He said so. (End)')).toBe(11)
    expect(inlineEndMarker('就业是民生之本。（完）（完）')).toBe(8)
    expect(inlineEndMarker('（完）（完）')).toBe(-1)
    expect(inlineEndMarker('END（完）')).toBe(-1)
    expect(inlineEndMarker('he said (end)')).toBe(-1)
    expect(inlineEndMarker('the (complete) set')).toBe(-1)
  })

  it('finds credits glued to the end of a paragraph', () => {
    expect(
      gluedCredit('Register at school.Article/reporter Yang Yongqing editor/Dynasty'),
    ).toMatchObject({
      at: 19,
      info: { author: { value: 'Yang Yongqing' }, editor: 'Dynasty' },
    })
    expect(gluedCredit('渡过难关。（责任编辑：王凯）（完）')).toMatchObject({ at: 5, end: 14 })
    expect(gluedCredit('The story ends.(Editor: Wang Kai)')).toMatchObject({ at: 15 })
    expect(gluedCredit('He wrote the text/lyrics for it.')).toBeNull()
    expect(gluedCredit('Text/Junjian')).toBeNull()
  })
})

describe('removeLines', () => {
  const edit = (text: string, remove: Record<number, string>): string => {
    const lines = splitLines(text)
    const edits = removeLines(
      text,
      lines,
      new Map(Object.entries(remove).map(([k, v]) => [Number(k), v])),
    )
    let out = ''
    let at = 0
    for (const e of edits) {
      out += text.slice(at, e.start) + e.replacement
      at = e.end
    }
    return out + text.slice(at)
  }

  it('takes lines out with their blank lines, keeping the final line break', () => {
    expect(edit('Title\n\nAuthor\n\nBody\n', { 0: 't', 2: 'a' })).toBe('Body\n')
    expect(edit('Body\n\nSource: X\n\n\n', { 2: 's' })).toBe('Body\n')
    expect(edit('Body\n\nSource: X', { 2: 's' })).toBe('Body')
    expect(edit('One\nMiddle\n\nTwo', { 1: 'm' })).toBe('One\nTwo')
    expect(edit('Only', { 0: 'x' })).toBe('')
  })

  it('keeps a bracketed end marker closing a removed line, on its own line', () => {
    expect(edit('Body\nSource: Xinhua（完）\nTeaser', { 1: 's' })).toBe('Body\n（完）\nTeaser')
  })
})
