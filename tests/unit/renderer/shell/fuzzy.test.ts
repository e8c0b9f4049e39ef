import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fuzzyMatch,
  highlightParts,
  rankCommands,
} from '../../../../src/renderer/src/components/palette/fuzzy'
import type { Command } from '../../../../src/renderer/src/composables/useCommands'

const command = (id: string, title: string, group?: string): Command => ({
  id,
  title,
  group,
  run: () => {},
})

describe('fuzzyMatch', () => {
  it('finds the query’s letters in order, ignoring case and the query’s spaces', () => {
    expect(fuzzyMatch('imp fol', 'Import a folder…')?.indices).toEqual([0, 1, 2, 9, 10, 11])
    expect(fuzzyMatch('SAVE', 'Save the article')).not.toBeNull()
    expect(fuzzyMatch('evas', 'Save the article')).toBeNull()
    expect(fuzzyMatch('toolong', 'tool')).toBeNull()
  })

  it('matches everything with an empty query', () => {
    expect(fuzzyMatch('', 'Anything')).toEqual({ score: 0, indices: [] })
    expect(fuzzyMatch('   ', 'Anything')).toEqual({ score: 0, indices: [] })
  })

  it('prefers word starts to letters in the middle of words', () => {
    const match = fuzzyMatch('kb', 'Keyboard shortcuts, Keep both')!
    // "K" of Keep and "b" of both are both word starts; "Keyboard" has only one.
    expect(match.indices).toEqual([20, 25])
  })

  it('scores a run of adjacent letters above the same letters scattered', () => {
    const run = fuzzyMatch('save', 'Save the article')!
    const scattered = fuzzyMatch('save', 'Show all views everywhere')!
    expect(run.score).toBeGreaterThan(scattered.score)
  })

  it('returns indices of the text that hold the query’s letters, ascending', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 6 }), (text, query) => {
        const match = fuzzyMatch(query, text)
        const letters = [...query.toLowerCase().replace(/\s+/g, '')]
        if (!match) return
        expect(match.indices).toHaveLength(letters.length)
        match.indices.forEach((at, i) => {
          expect(text.slice(at).toLowerCase().startsWith(letters[i]!)).toBe(true)
          if (i > 0) expect(at).toBeGreaterThan(match.indices[i - 1]!)
        })
      }),
    )
  })

  it('always matches a subsequence of the text', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }).filter((t) => !/\s/.test(t)),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (text, keep) => {
          const chars = [...text]
          const query = chars.filter((_, i) => keep[i]).join('')
          expect(fuzzyMatch(query, text)).not.toBeNull()
        },
      ),
    )
  })

  it('gives indices into the string, also past characters outside the BMP', () => {
    const match = fuzzyMatch('ab', '𝒳 a b')!
    expect(match.indices.map((i) => '𝒳 a b'[i])).toEqual(['a', 'b'])
  })
})

describe('highlightParts', () => {
  it('cuts a title into hit and missed runs that join back into it', () => {
    expect(highlightParts('Save the article', [0, 1, 9])).toEqual([
      { text: 'Sa', hit: true },
      { text: 've the ', hit: false },
      { text: 'a', hit: true },
      { text: 'rticle', hit: false },
    ])
    expect(highlightParts('Plain', [])).toEqual([{ text: 'Plain', hit: false }])
  })
})

describe('rankCommands', () => {
  const commands = [
    command('a', 'Reconfigure everything'),
    command('b', 'New file'),
    command('c', 'Larger reading text', 'View'),
    command('d', 'Theme: dark', 'View'),
  ]

  it('lists every command in registration order for an empty query', () => {
    expect(rankCommands('', commands).map((r) => r.command.id)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('puts the best match first and leaves out commands that do not match', () => {
    expect(rankCommands('nf', commands).map((r) => r.command.id)).toEqual(['b', 'a'])
  })

  it('finds a command by its group, below title matches and without highlights', () => {
    const ranked = rankCommands('view lar', commands)
    expect(ranked.map((r) => r.command.id)).toEqual(['c'])
    expect(ranked[0]!.indices).toEqual([])
  })
})
