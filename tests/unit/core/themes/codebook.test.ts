import { describe, expect, it } from 'vitest'
import {
  exportCodebook,
  parseCodebook,
  planCodebookImport,
  toEntries,
} from '../../../../src/core/themes/codebook'
import type { Theme } from '../../../../src/shared/themes'

let next = 0
function theme(name: string, extra: Partial<Theme> = {}): Theme {
  next++
  return {
    id: `t_${String(next).padStart(10, '0')}`,
    name,
    color: '#3b82f6',
    description: '',
    parentId: null,
    keywords: [],
    pinned: false,
    ...extra,
  }
}

function vocabulary(): Theme[] {
  const economy = theme('Economy', { keywords: ['GDP', 'growth'], pinned: true })
  const trade = theme('Trade, ports & "shipping"', {
    parentId: economy.id,
    color: '#e0573a',
    description: 'Ships, tariffs\nand customs.',
    keywords: ['tariff', 'customs union'],
  })
  const edu = theme('教育', { keywords: ['教育部', '留学'], color: '#2e9e5b' })
  // A child listed before its parent.
  const study = theme('Study abroad', { parentId: edu.id })
  return [economy, trade, study, edu]
}

function importInto(current: Theme[], text: string, format: 'csv' | 'json') {
  const parsed = parseCodebook(text, format)
  expect(parsed.errors).toEqual([])
  return planCodebookImport(current, parsed.rows)
}

describe('codebook export and import', () => {
  for (const format of ['csv', 'json'] as const) {
    it(`gives the same vocabulary when a ${format} export is imported into an empty one`, () => {
      const themes = vocabulary()
      const { text, fileName } = exportCodebook(themes, format, 'Desk: 2026')
      expect(fileName).toBe(`Desk 2026 codebook.${format}`)
      const { themes: imported, summary } = importInto([], text, format)
      expect(summary).toMatchObject({ unchanged: [], updated: [], errors: [] })
      expect(summary.created).toEqual(themes.map((t) => t.name))
      expect(toEntries(imported)).toEqual(toEntries(themes))
      // Imported again, nothing changes.
      const again = importInto(imported, text, format)
      expect(again.summary.unchanged).toHaveLength(themes.length)
      expect(again.themes).toEqual(imported)
    })
  }

  it('writes the JSON format and the CSV header the codebook is known by', () => {
    const json = JSON.parse(exportCodebook(vocabulary(), 'json', 'A').text)
    expect(json).toMatchObject({ format: 'press-archive-codebook', version: 1 })
    expect(json.themes[1]).toEqual({
      name: 'Trade, ports & "shipping"',
      parent: 'Economy',
      color: '#e0573a',
      description: 'Ships, tariffs\nand customs.',
      keywords: ['tariff', 'customs union'],
      pinned: false,
    })
    const csv = exportCodebook(vocabulary(), 'csv', 'A').text
    expect(csv.startsWith('\ufeffname,parent,color,description,keywords,pinned\r\n')).toBe(true)
    expect(csv).toContain('Economy,,#3b82f6,,GDP; growth,true\r\n')
  })

  it('merges by name, case- and NFC-insensitively, updating only the columns given', () => {
    const cafe = theme('Caf\u00e9', { color: '#e0573a', keywords: ['coffee'], description: 'old' })
    const other = theme('Other')
    const csv = 'NAME,Colour,keywords\ncafe\u0301,,espresso; coffee\nnew one,#ABCDEF,\n'
    const { themes, summary } = importInto([cafe, other], csv, 'csv')
    expect(summary).toEqual({
      created: ['new one'],
      updated: ['cafe\u0301'],
      unchanged: [],
      errors: [],
      applied: false,
    })
    expect(themes[0]).toMatchObject({
      id: cafe.id,
      color: '#e0573a',
      description: 'old',
      keywords: ['espresso', 'coffee'],
    })
    expect(themes[1]).toEqual(other)
    expect(themes[2]).toMatchObject({ name: 'new one', color: '#abcdef', keywords: [] })
  })

  it('resolves parents in any order, by name or by a path ending in the name', () => {
    const csv = 'name,parent\nC,A / B\nB,a\nA,\n'
    const { themes, summary } = importInto([], csv, 'csv')
    expect(summary.errors).toEqual([])
    const byName = new Map(themes.map((t) => [t.name, t]))
    expect(byName.get('C')!.parentId).toBe(byName.get('B')!.id)
    expect(byName.get('B')!.parentId).toBe(byName.get('A')!.id)
    expect(byName.get('A')!.parentId).toBeNull()
  })

  it('refuses loops of parents, naming the rows', () => {
    const a = theme('A')
    const b = theme('B', { parentId: a.id })
    const { summary } = importInto([a, b], 'name,parent\nA,B\n', 'csv')
    expect(summary.errors).toEqual([
      'Row 2 ("A"), "B": these themes would sit under each other in a loop.',
    ])
    const self = importInto([], 'name,parent\nX,x\n', 'csv')
    expect(self.summary.errors).toEqual(['Row 2 ("X"): a theme cannot be placed under itself.'])
  })

  it('refuses bad colours, unknown parents, repeated and missing names, naming the rows', () => {
    const csv = 'name,parent,color,pinned\nA,,red,\nB,Nowhere,,\na,,,\n,,,\nC,,,maybe\n'
    const parsed = parseCodebook(csv, 'csv')
    const { summary } = planCodebookImport([], parsed.rows)
    expect([...parsed.errors, ...summary.errors]).toEqual([
      'Row 6 ("C"): "pinned" is "maybe"; write true or false.',
      'Row 2 ("A"): the colour "red" is not written #rrggbb.',
      'Row 4 ("a"): the name is already used by Row 2.',
      'Row 5: a theme needs a name.',
      'Row 3 ("B"): there is no theme named "Nowhere" to put it under.',
    ])
  })

  it('says plainly when a file is not a codebook', () => {
    expect(parseCodebook('not json', 'json').errors).toEqual(['This file is not valid JSON.'])
    expect(parseCodebook('{"themes":[]}', 'json').errors[0]).toMatch(/not a Press Archive codebook/)
    expect(
      parseCodebook('{"format":"press-archive-codebook","version":2,"themes":[]}', 'json')
        .errors[0],
    ).toMatch(/newer Press Archive/)
    expect(parseCodebook('', 'csv').errors[0]).toMatch(/empty/)
    expect(parseCodebook('title,color\nA,#000000\n', 'csv').errors[0]).toMatch(/no "name" column/)
    expect(parseCodebook('name\n"A\n', 'csv').errors[0]).toMatch(/never closed/)
    const bad = parseCodebook(
      '{"format":"press-archive-codebook","version":1,"themes":[{"name":"A","keywords":"x"}]}',
      'json',
    )
    expect(bad.errors[0]).toMatch(/^Theme 1: the field "keywords"/)
  })

  it('checks the limits a theme has (keyword length)', () => {
    const long = 'k'.repeat(101)
    const { summary } = importInto([], `name,keywords\nA,${long}\n`, 'csv')
    expect(summary.errors).toEqual(['Row 2 ("A"): a keyword is at most 100 characters.'])
  })
})
