import type { Request } from '../../../../shared/contract'
import type { ReportScope } from '../../../../shared/report'

/** The choices of the dialog's "What to export". */
export type ScopeKind = 'article' | 'selection' | 'list' | 'theme'

/** What the window shows when the dialog opens: the scopes are built from it. */
export interface ScopeState {
  /** The article open in the reader. */
  openedId: string | null
  /** The library's selection, in any order. */
  selectedIds: readonly string[]
  /** The library's current filter and order. */
  filter: Request<'articles:ids'>
  /** The theme chosen in the dialog's theme list. */
  themeId: string | null
}

/** The scopes that make sense now: no "this article" without one open, and so on. */
export function availableScopes(state: ScopeState): ScopeKind[] {
  const kinds: ScopeKind[] = []
  if (state.openedId) kinds.push('article')
  if (state.selectedIds.length > 0) kinds.push('selection')
  kinds.push('list', 'theme')
  return kinds
}

/**
 * The scope the dialog starts on: several selected articles were most likely selected for this;
 * else the article being read; else the list as it is filtered.
 */
export function defaultScope(state: ScopeState): ScopeKind {
  if (state.selectedIds.length > 1) return 'selection'
  if (state.openedId) return 'article'
  if (state.selectedIds.length > 0) return 'selection'
  return 'list'
}

/** The report scope for a choice, or null when the choice is not possible now. */
export function buildScope(kind: ScopeKind, state: ScopeState): ReportScope | null {
  switch (kind) {
    case 'article':
      return state.openedId ? { kind: 'ids', ids: [state.openedId] } : null
    case 'selection':
      return state.selectedIds.length > 0 ? { kind: 'ids', ids: [...state.selectedIds] } : null
    case 'list':
      return {
        kind: 'filter',
        filter: {
          ...state.filter,
          sort: state.filter.sort ?? 'importedAt',
          order: state.filter.order ?? 'desc',
          themeMatch: state.filter.themeMatch ?? 'any',
        },
      }
    case 'theme':
      return state.themeId ? { kind: 'theme', themeId: state.themeId } : null
  }
}
