import { describe, expect, test } from 'vitest'
import type { Passage } from '../../../src/shared/model'
import {
  editorPassages,
  passageItems,
  UNKNOWN_THEME,
} from '../../../src/renderer/src/components/passages/passage-items'

const TEXT = 'One two three four five six.'

function passage(id: string, words: string, extra: Partial<Passage> = {}): Passage {
  const start = TEXT.indexOf(words)
  return {
    id,
    themeId: 't_aaaaaaaaaa',
    start,
    end: start + words.length,
    quote: words,
    prefix: '',
    suffix: '',
    createdAt: '2026-11-28T00:00:00.000Z',
    ...extra,
  }
}

const look = (themeId: string) =>
  themeId === 't_aaaaaaaaaa' ? { name: 'Numbers', color: '#3b82f6' } : UNKNOWN_THEME

describe('the passages list beside the text', () => {
  test('quotes each passage where the editor has it now, in text order', () => {
    const typed = 'Zero. ' + TEXT
    const items = passageItems([passage('b', 'five'), passage('a', 'two three')], look, typed, {
      a: { id: 'a', start: 10, end: 19 },
      b: { id: 'b', start: 25, end: 29 },
    })
    expect(items.map((i) => [i.id, i.quote, i.detached])).toEqual([
      ['a', 'two three', false],
      ['b', 'five', false],
    ])
    expect(items[0]).toMatchObject({ name: 'Numbers', color: '#3b82f6' })
  })

  test('a passage whose words were deleted since the save already shows as detached', () => {
    const items = passageItems([passage('a', 'four')], look, 'One two three  five six.', {
      a: { id: 'a', start: 14, end: 14 },
    })
    expect(items[0]).toMatchObject({ detached: true, quote: 'four' })
  })

  test('detached passages keep their old words; unknown themes show neutrally', () => {
    const items = passageItems(
      [passage('a', 'six', { detached: true, themeId: 't_bbbbbbbbbb' })],
      look,
      'Something else entirely.',
      null,
    )
    expect(items[0]).toMatchObject({ detached: true, quote: 'six', name: 'Unknown theme' })
  })

  test('the editor highlights only passages on the text', () => {
    const shown = editorPassages(
      [passage('a', 'two'), passage('b', 'six', { detached: true })],
      look,
    )
    expect(shown.map((p) => p.id)).toEqual(['a'])
    expect(shown[0]).toMatchObject({ start: 4, end: 7, name: 'Numbers' })
  })
})
