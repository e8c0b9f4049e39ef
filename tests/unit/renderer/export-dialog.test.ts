import { describe, expect, it } from 'vitest'
import {
  defaultExportPrefs,
  parseExportPrefs,
} from '../../../src/renderer/src/components/export/export-options'
import {
  availableScopes,
  buildScope,
  defaultScope,
  type ScopeState,
} from '../../../src/renderer/src/components/export/export-scope'
import { ReportScopeSchema } from '../../../src/shared/report'

const A = 'aaaaaaaaaaaaaaaa'
const B = 'bbbbbbbbbbbbbbbb'

function state(extra: Partial<ScopeState> = {}): ScopeState {
  return {
    openedId: null,
    selectedIds: [],
    filter: { sort: 'date', order: 'asc', text: 'trade' },
    themeId: null,
    ...extra,
  }
}

describe('the Export dialog scopes', () => {
  it('offers "this article" only with one open and "selected" only with a selection', () => {
    expect(availableScopes(state())).toEqual(['list', 'theme'])
    expect(availableScopes(state({ openedId: A }))).toEqual(['article', 'list', 'theme'])
    expect(availableScopes(state({ openedId: A, selectedIds: [A, B] }))).toEqual([
      'article',
      'selection',
      'list',
      'theme',
    ])
  })

  it('starts on a multi-selection, else the open article, else the list', () => {
    expect(defaultScope(state({ openedId: A, selectedIds: [A, B] }))).toBe('selection')
    expect(defaultScope(state({ openedId: A, selectedIds: [A] }))).toBe('article')
    expect(defaultScope(state({ selectedIds: [B] }))).toBe('selection')
    expect(defaultScope(state())).toBe('list')
  })

  it('builds scopes the contract accepts, from what the window shows', () => {
    const s = state({ openedId: A, selectedIds: [B, A], themeId: 'th_1' })
    const built = {
      article: buildScope('article', s),
      selection: buildScope('selection', s),
      list: buildScope('list', s),
      theme: buildScope('theme', s),
    }
    expect(built.article).toEqual({ kind: 'ids', ids: [A] })
    expect(built.selection).toEqual({ kind: 'ids', ids: [B, A] })
    expect(built.list).toEqual({
      kind: 'filter',
      filter: { sort: 'date', order: 'asc', text: 'trade', themeMatch: 'any' },
    })
    expect(built.theme).toEqual({ kind: 'theme', themeId: 'th_1' })
    for (const scope of [built.article, built.selection, built.list]) {
      expect(ReportScopeSchema.safeParse(scope).success).toBe(true)
    }
  })

  it('has no scope for a choice that is not possible now', () => {
    expect(buildScope('article', state())).toBeNull()
    expect(buildScope('selection', state())).toBeNull()
    expect(buildScope('theme', state())).toBeNull()
  })
})

describe('the Export dialog remembers its options', () => {
  it('keeps valid options as they were and never remembers a title', () => {
    const prefs = defaultExportPrefs()
    const stored = {
      options: { ...prefs.options, text: 'both', marginMm: 12, header: 'Confidential' },
      format: 'html',
    }
    expect(parseExportPrefs(stored)).toEqual(stored)
    expect(parseExportPrefs({ ...stored, options: { ...stored.options, title: 'X' } })).toEqual(
      stored,
    )
    expect('title' in prefs.options).toBe(false)
  })

  it('falls back field by field on anything the contract would refuse', () => {
    const defaults = defaultExportPrefs()
    expect(
      parseExportPrefs({ options: { marginMm: 500, text: 'all', flags: true }, format: 'doc' }),
    ).toEqual({ options: { ...defaults.options, flags: true }, format: 'pdf' })
    expect(parseExportPrefs(null)).toEqual(defaults)
    expect(parseExportPrefs('pdf')).toEqual(defaults)
  })
})
