import { defineStore } from 'pinia'
import { onScopeDispose, ref, shallowRef } from 'vue'
import type { ArchivePassage } from '../../../shared/model'
import type { ApiError } from '../../../shared/result'
import { getApi } from '../api'

/** What the Passages view lists: one theme's passages, or every detached one. */
export type PassageScope = { kind: 'theme'; themeId: string } | { kind: 'detached' }

/** A passage to show once its article is open in the reader. */
export interface PassageReveal {
  articleId: string
  passageId: string
}

/**
 * The archive's passages across articles, for the Passages view, and the one passage the reader
 * should bring into view when the view opens an article.
 */
export const usePassagesStore = defineStore('passages', () => {
  const api = getApi()

  const open = ref(false)
  const scope = shallowRef<PassageScope | null>(null)
  const items = shallowRef<readonly ArchivePassage[]>([])
  const loading = ref(false)
  const error = shallowRef<ApiError | null>(null)
  const reveal = shallowRef<PassageReveal | null>(null)
  let ticket = 0

  async function load(): Promise<void> {
    const current = scope.value
    if (!current) {
      items.value = []
      return
    }
    const mine = ++ticket
    loading.value = true
    const result = await api.passagesList(
      current.kind === 'theme' ? { themeId: current.themeId } : { detached: true },
    )
    if (mine !== ticket) return
    loading.value = false
    if (result.ok) {
      // Article by article, each in text order: how a reader goes through them.
      items.value = [...result.value.passages].sort(
        (a, b) =>
          a.title.localeCompare(b.title) ||
          a.articleId.localeCompare(b.articleId) ||
          a.start - b.start,
      )
      error.value = null
    } else {
      error.value = result.error
    }
  }

  function choose(next: PassageScope): void {
    scope.value = next
    void load()
  }

  /** Open the view, on a theme's passages if one is given, else on what it showed last. */
  function show(next?: PassageScope): void {
    open.value = true
    if (next) scope.value = next
    void load()
  }

  function hide(): void {
    open.value = false
  }

  /** Ask the reader to show a passage once its article is open; the reader clears it. */
  function requestReveal(articleId: string, passageId: string): void {
    reveal.value = { articleId, passageId }
  }

  function clearReveal(): void {
    reveal.value = null
  }

  // Tagging, a save or a theme change anywhere may add, move or detach passages.
  onScopeDispose(
    api.on('archive:changed', ({ reason }) => {
      if (reason === 'open') {
        scope.value = null
        items.value = []
        open.value = false
      } else if (open.value) {
        void load()
      }
    }),
  )

  return {
    open,
    scope,
    items,
    loading,
    error,
    reveal,
    load,
    choose,
    show,
    hide,
    requestReveal,
    clearReveal,
  }
})
