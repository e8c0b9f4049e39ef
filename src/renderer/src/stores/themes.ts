import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import type { Theme, ThemePatch, ThemeWithCount } from '../../../shared/themes'
import type { CodebookFormat, CodebookSummary } from '../../../shared/codebook'
import type { SuggestionPreview, ThemeSuggestion } from '../../../shared/suggestions'
import type { ApiError } from '../../../shared/result'
import { getApi } from '../api'

/** A theme placed in the tree: its depth under the top, for indenting. */
export type ThemeRow = ThemeWithCount & { depth: number }

/**
 * The archive's theme vocabulary, as a flat list and as a tree in reading order (each theme
 * followed by its sub-themes), reloaded whenever the archive says something changed.
 */
export const useThemesStore = defineStore('themes', () => {
  const api = getApi()
  const themes = shallowRef<readonly ThemeWithCount[]>([])
  const error = shallowRef<ApiError | null>(null)
  let ticket = 0

  const byId = computed(() => new Map(themes.value.map((t) => [t.id, t])))

  const tree = computed<ThemeRow[]>(() => {
    const children = new Map<string | null, ThemeWithCount[]>()
    for (const t of themes.value) {
      // A parent that is gone leaves its children at the top rather than hidden.
      const parent = t.parentId && byId.value.has(t.parentId) ? t.parentId : null
      const list = children.get(parent) ?? []
      list.push(t)
      children.set(parent, list)
    }
    const rows: ThemeRow[] = []
    const seen = new Set<string>()
    const walk = (parent: string | null, depth: number): void => {
      const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))
      for (const t of list) {
        if (seen.has(t.id)) continue
        seen.add(t.id)
        rows.push({ ...t, depth })
        walk(t.id, depth + 1)
      }
    }
    walk(null, 0)
    return rows
  })

  /** The themes keys 1–9 toggle, in vocabulary order. */
  const pinned = computed(() => themes.value.filter((t) => t.pinned).slice(0, 9))

  async function load(): Promise<void> {
    const mine = ++ticket
    const result = await api.themesList({})
    if (mine !== ticket) return
    if (result.ok) {
      themes.value = result.value.themes
      error.value = null
    } else {
      error.value = result.error
    }
  }

  /** Make a theme by name; the archive picks its colour. */
  async function create(name: string): Promise<{ id: string } | ApiError> {
    const result = await api.themesCreate({ name })
    if (!result.ok) return result.error
    await load()
    return { id: result.value.id }
  }

  /** Tag (or untag) articles with a theme; says how many changed. */
  async function tag(ids: string[], themeId: string, remove = false): Promise<number | ApiError> {
    const result = await api.articlesTag({ ids, themeId, remove })
    if (!result.ok) return result.error
    return result.value.changed
  }

  /** Change a theme's fields; returns the theme as the archive now holds it. */
  async function update(id: string, patch: ThemePatch): Promise<Theme | ApiError> {
    const result = await api.themesUpdate({ id, patch })
    if (!result.ok) return result.error
    await load()
    return result.value
  }

  /** Delete a theme; returns the token that undoes it. */
  async function remove(id: string): Promise<{ undo: string } | ApiError> {
    const result = await api.themesDelete({ id })
    if (!result.ok) return result.error
    await load()
    return result.value
  }

  /** Fold themes into another; returns the token that undoes it. */
  async function merge(from: string[], into: string): Promise<{ undo: string } | ApiError> {
    const result = await api.themesMerge({ from, into })
    if (!result.ok) return result.error
    await load()
    return result.value
  }

  /** Take back a delete or a merge by its token. */
  async function undo(token: string): Promise<null | ApiError> {
    const result = await api.themesUndo({ token })
    if (!result.ok) return result.error
    await load()
    return null
  }

  /** Themes an article's keywords suggest, ranked. */
  async function suggest(id: string): Promise<ThemeSuggestion[] | ApiError> {
    const result = await api.themesSuggest({ id })
    return result.ok ? result.value.suggestions : result.error
  }

  /** Turn a suggested theme down for an article, for good. */
  async function dismiss(id: string, themeId: string): Promise<null | ApiError> {
    const result = await api.themesDismiss({ id, themeId })
    return result.ok ? null : result.error
  }

  /** Suggestions for every untagged article; nothing is changed. */
  async function suggestUntagged(limit: number): Promise<SuggestionPreview | ApiError> {
    const result = await api.themesSuggestUntagged({ limit })
    return result.ok ? result.value : result.error
  }

  /** Tag each article with the themes given for it; says how many changed. */
  async function applySuggestions(
    items: { id: string; themeIds: string[] }[],
  ): Promise<number | ApiError> {
    const result = await api.themesApplySuggestions({ items })
    return result.ok ? result.value.changed : result.error
  }

  /** The vocabulary as a codebook file's text and a name to save it under. */
  async function exportCodebook(
    format: CodebookFormat,
  ): Promise<{ text: string; fileName: string } | ApiError> {
    const result = await api.themesExport({ format })
    return result.ok ? result.value : result.error
  }

  /** Merge a codebook into the vocabulary, or with `dryRun` only say what that would do. */
  async function importCodebook(
    format: CodebookFormat,
    text: string,
    dryRun: boolean,
  ): Promise<CodebookSummary | ApiError> {
    const result = await api.themesImport({ format, text, dryRun })
    if (!result.ok) return result.error
    if (!dryRun) await load()
    return result.value
  }

  onScopeDispose(
    api.on('archive:changed', () => {
      void load()
    }),
  )

  return {
    themes,
    error,
    byId,
    tree,
    pinned,
    load,
    create,
    tag,
    update,
    remove,
    merge,
    undo,
    suggest,
    dismiss,
    suggestUntagged,
    applySuggestions,
    exportCodebook,
    importCodebook,
  }
})
