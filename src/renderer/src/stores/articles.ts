import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import type { Request } from '../../../shared/contract'
import type { ArticleSummary, ArticleView, SortKey } from '../../../shared/model'
import type { ApiError } from '../../../shared/result'
import { getApi } from '../api'

export type SortOrder = NonNullable<Request<'articles:list'>['order']>

/**
 * Rows asked for at a time. Main sorts and slices the whole archive; the UI only ever holds the
 * page it shows, so 100k articles cost the renderer no more than 100.
 */
export const PAGE_SIZE = 100

/** One page of the article list, the selection in it, and the article opened for reading. */
export const useArticlesStore = defineStore('articles', () => {
  const api = getApi()

  const items = shallowRef<ArticleSummary[]>([])
  const total = ref(0)
  const offset = ref(0)
  const sort = ref<SortKey>('importedAt')
  const order = ref<SortOrder>('desc')
  const loading = ref(false)
  const error = shallowRef<ApiError | null>(null)

  /** The row the keyboard or mouse is on; it may lie on another page than the one shown. */
  const selectedId = ref<string | null>(null)
  /** The article asked for last; `article` holds it once it has arrived. */
  const openedId = ref<string | null>(null)
  const article = shallowRef<ArticleView | null>(null)
  const articleLoading = ref(false)
  const articleError = shallowRef<ApiError | null>(null)

  const selectedIndex = computed(() => items.value.findIndex((a) => a.id === selectedId.value))
  const hasPrevious = computed(() => offset.value > 0)
  const hasNext = computed(() => offset.value + items.value.length < total.value)

  // Answers can overtake each other (fast paging, events): only the latest request counts.
  let listTicket = 0
  let articleTicket = 0

  async function load(at = offset.value): Promise<void> {
    const ticket = ++listTicket
    loading.value = true
    const result = await api.articlesList({
      offset: at,
      limit: PAGE_SIZE,
      sort: sort.value,
      order: order.value,
    })
    if (ticket !== listTicket) return
    loading.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    const page = result.value
    if (page.items.length === 0 && at > 0 && page.total > 0) {
      // The list shrank below this page since we asked: show its last page instead.
      return load(Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE)
    }
    error.value = null
    items.value = page.items
    total.value = page.total
    offset.value = page.offset
  }

  function nextPage(): Promise<void> {
    return hasNext.value ? load(offset.value + PAGE_SIZE) : Promise.resolve()
  }

  function previousPage(): Promise<void> {
    return hasPrevious.value ? load(Math.max(0, offset.value - PAGE_SIZE)) : Promise.resolve()
  }

  function setSort(key: SortKey, direction: SortOrder): Promise<void> {
    sort.value = key
    order.value = direction
    return load(0)
  }

  function select(id: string | null): void {
    selectedId.value = id
  }

  async function fetchArticle(id: string): Promise<void> {
    const ticket = ++articleTicket
    openedId.value = id
    articleLoading.value = true
    if (article.value?.meta.id !== id) article.value = null
    const result = await api.articleGet({ id })
    if (ticket !== articleTicket) return
    articleLoading.value = false
    if (result.ok) {
      article.value = result.value
      articleError.value = null
    } else {
      article.value = null
      articleError.value = result.error
    }
  }

  /** Select an article and open it for reading. */
  function open(id: string): Promise<void> {
    selectedId.value = id
    return fetchArticle(id)
  }

  /** Forget everything about the previous archive (another one was opened). */
  function reset(): void {
    listTicket += 1
    articleTicket += 1
    items.value = []
    total.value = 0
    offset.value = 0
    loading.value = false
    error.value = null
    selectedId.value = null
    openedId.value = null
    article.value = null
    articleLoading.value = false
    articleError.value = null
  }

  onScopeDispose(
    api.on('archive:changed', ({ reason }) => {
      if (reason === 'open') {
        reset()
        void load(0)
        return
      }
      void load()
      // Someone else saved this article: show their version (nothing here is editable yet).
      if ((reason === 'save' || reason === 'meta') && openedId.value !== null) {
        void fetchArticle(openedId.value)
      }
    }),
  )

  return {
    items,
    total,
    offset,
    pageSize: PAGE_SIZE,
    sort,
    order,
    loading,
    error,
    selectedId,
    selectedIndex,
    openedId,
    article,
    articleLoading,
    articleError,
    hasPrevious,
    hasNext,
    load,
    nextPage,
    previousPage,
    setSort,
    select,
    open,
    reset,
  }
})
