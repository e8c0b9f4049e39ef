import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import type { Request } from '../../../shared/contract'
import type { ArticleSummary, Facets, SortKey } from '../../../shared/model'
import type { ApiError } from '../../../shared/result'
import { getApi } from '../api'

export type SortOrder = 'asc' | 'desc'

/** What the sidebar chose: everything, a work queue, the untagged, or one source, year or theme. */
export type LibraryView =
  | 'all'
  | 'review'
  | 'edited'
  | 'untagged'
  | `source:${string}`
  | `year:${number}`
  | `theme:${string}`

/** The list's filter and order, as `articles:list` and `articles:ids` take them. */
export type ListFilter = Request<'articles:ids'>

/**
 * Rows asked for at a time. Main sorts and slices the whole archive; the UI holds only the pages
 * near the viewport, so 100k articles cost the renderer a few hundred rows.
 */
export const PAGE_SIZE = 100
/** Pages kept on either side of those on screen, so scrolling back does not refetch at once. */
const KEEP_AROUND = 2
/** Rows fetched beyond the edge of the screen, so rows are there before they scroll in. */
const PREFETCH_ROWS = 40
/**
 * Page requests on their way at once. Dragging the scrollbar across 100k rows passes hundreds of
 * pages; asking for each would queue requests for rows long gone, and the ones finally on
 * screen would wait behind them. Each answer asks for what is on screen by then instead.
 */
const MAX_INFLIGHT = 2

/** The order each sort key starts in when chosen: newest dates first, words A to Z. */
export const FIRST_ORDER: Record<SortKey, SortOrder> = {
  title: 'asc',
  source: 'asc',
  author: 'asc',
  date: 'desc',
  importedAt: 'desc',
  updatedAt: 'desc',
}

export function filterFor(
  view: LibraryView,
  text: string,
  sort: SortKey,
  order: SortOrder,
): ListFilter {
  const filter: ListFilter = { sort, order }
  const words = text.trim()
  if (words) filter.text = words
  if (view === 'review') filter.review = true
  else if (view === 'edited') filter.edited = true
  else if (view === 'untagged') filter.untagged = true
  else if (view.startsWith('theme:')) filter.themes = [view.slice('theme:'.length)]
  else if (view.startsWith('source:')) filter.source = view.slice('source:'.length)
  else if (view.startsWith('year:')) filter.year = Number(view.slice('year:'.length))
  return filter
}

/** The pages holding rows `first`…`last`, widened by the prefetch margin. */
export function pagesFor(first: number, last: number, total: number): { from: number; to: number } {
  const lastRow = Math.max(0, total - 1)
  const from = Math.floor(Math.max(0, first - PREFETCH_ROWS) / PAGE_SIZE)
  const to = Math.floor(Math.min(lastRow, Math.max(first, last) + PREFETCH_ROWS) / PAGE_SIZE)
  return { from, to: Math.max(from, to) }
}

/**
 * The library's list: which articles it shows and in what order, the rows near the viewport, the
 * cursor row the keyboard is on, the multi-selection, and the article opened for reading.
 *
 * Selection follows a mail client: a plain click selects one article and opens it; Ctrl/Cmd-click
 * and Space add or remove one; Shift extends from the last row clicked or toggled. The arrow keys
 * move the cursor without changing the selection, and Enter opens the cursor's article.
 */
export const useLibraryStore = defineStore('library', () => {
  const api = getApi()

  const view = ref<LibraryView>('all')
  const text = ref('')
  const sort = ref<SortKey>('importedAt')
  const order = ref<SortOrder>('desc')

  /** Rows the current filter matches. */
  const total = ref(0)
  /** False until the current query's first answer, so the table can tell empty from not yet. */
  const loaded = ref(false)
  const error = shallowRef<ApiError | null>(null)
  /** Rows by page number; replaced, never mutated, so the table re-renders when a page lands. */
  const pages = shallowRef<ReadonlyMap<number, readonly ArticleSummary[]>>(new Map())
  /** Bumped when the list is replaced (filter or order changed): the table scrolls to the cursor or the top. */
  const listKey = ref(0)

  /** The row the keyboard is on (-1: none). Its id is null until that row's page has arrived. */
  const cursorIndex = ref(-1)
  const cursorId = ref<string | null>(null)
  const selection = shallowRef<ReadonlySet<string>>(new Set())
  /** The article being read; the reader loads it. It stays open when the list no longer shows it. */
  const openedId = ref<string | null>(null)

  const facets = shallowRef<Facets | null>(null)
  const facetsError = shallowRef<ApiError | null>(null)

  const filter = computed(() => filterFor(view.value, text.value, sort.value, order.value))
  const filtered = computed(() => view.value !== 'all' || text.value.trim() !== '')
  const selectedIds = computed(() => [...selection.value])
  const selectedCount = computed(() => selection.value.size)

  // Every answer carries the generation it was asked in; one from a replaced query is dropped.
  let generation = 0
  let facetsTicket = 0
  const inflight = new Set<number>()
  /** The rows on screen, and their pages with the prefetch margin (what a refresh fetches again). */
  let visible = { first: 0, last: 0 }
  let onScreen = { from: 0, to: 0 }
  /** Where Shift-selection extends from, and the selection it extends. */
  let anchor = -1
  let anchorBase: ReadonlySet<string> = new Set()

  function rowAt(index: number): ArticleSummary | undefined {
    return pages.value.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
  }

  /** Where an id sits among the rows at hand, or -1. */
  function cachedIndexOf(id: string): number {
    for (const [page, rows] of pages.value) {
      const i = rows.findIndex((r) => r.id === id)
      if (i >= 0) return page * PAGE_SIZE + i
    }
    return -1
  }

  function isKept(page: number, margin = KEEP_AROUND): boolean {
    return page >= onScreen.from - margin && page <= onScreen.to + margin
  }

  /** Forget pages far from the screen, and put a fresh one in if given. */
  function keepNear(margin: number, fresh?: [number, readonly ArticleSummary[]]): void {
    const next = new Map<number, readonly ArticleSummary[]>()
    for (const [page, rows] of pages.value) if (isKept(page, margin)) next.set(page, rows)
    if (fresh) next.set(fresh[0], fresh[1])
    pages.value = next
  }

  async function fetchPage(page: number): Promise<boolean> {
    const asked = generation
    inflight.add(page)
    const result = await api.articlesList({
      ...filter.value,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    })
    if (asked !== generation) return false
    inflight.delete(page)
    if (!result.ok) {
      error.value = result.error
      return false
    }
    error.value = null
    loaded.value = true
    total.value = result.value.total
    // Scrolled far away while it was on its way: not worth keeping.
    if (isKept(page)) keepNear(KEEP_AROUND, [page, result.value.items])
    if (cursorId.value === null && cursorIndex.value >= 0) {
      cursorId.value = rowAt(cursorIndex.value)?.id ?? null
    }
    fill()
    return true
  }

  /** Ask for missing pages, those on screen before those just beyond, a few at a time. */
  function fill(): void {
    if (!loaded.value) return
    const { from, to } = onScreen
    const first = Math.floor(visible.first / PAGE_SIZE)
    const last = Math.floor(visible.last / PAGE_SIZE)
    const wanted: number[] = []
    for (let p = first; p <= last; p++) wanted.push(p)
    for (let p = from; p <= to; p++) if (p < first || p > last) wanted.push(p)
    for (const p of wanted) {
      if (pages.value.has(p) || inflight.has(p) || p * PAGE_SIZE >= total.value) continue
      if (inflight.size >= MAX_INFLIGHT) return
      void fetchPage(p)
    }
  }

  /** The table reports the rows it renders; fetch what is missing, forget what is far. */
  function showRows(first: number, last: number): void {
    visible = { first, last: Math.max(first, last) }
    onScreen = pagesFor(first, last, total.value)
    if ([...pages.value.keys()].some((p) => !isKept(p))) keepNear(KEEP_AROUND)
    fill()
  }

  /**
   * Ask again for the rows on screen. `replace` drops the rows at hand (another filter or order:
   * they mean nothing now); otherwise they stay up until their fresh copies arrive, so a save
   * elsewhere does not blank the list.
   */
  async function reload(replace: boolean): Promise<number> {
    generation += 1
    inflight.clear()
    const asked = generation
    if (replace) {
      pages.value = new Map()
      loaded.value = false
      visible = { first: 0, last: 0 }
      onScreen = { from: 0, to: 0 }
    } else {
      // Rows off screen would be shown stale later without being asked for again.
      keepNear(0)
    }
    const { from, to } = onScreen
    await Promise.all(Array.from({ length: to - from + 1 }, (_, i) => fetchPage(from + i)))
    return asked
  }

  /** Every id the current filter matches, in order; null if it failed or the filter changed. */
  async function allIds(): Promise<string[] | null> {
    const asked = filter.value
    const result = await api.articlesIds(asked)
    if (asked !== filter.value) return null
    if (!result.ok) {
      error.value = result.error
      return null
    }
    return result.value.ids
  }

  /** After the list changed under it, put the cursor back on its article if it is still listed. */
  async function relocateCursor(asked: number, id: string | null): Promise<void> {
    if (id === null || asked !== generation || cursorId.value !== id) return
    let index = cachedIndexOf(id)
    if (index < 0) {
      const ids = await allIds()
      if (ids === null || cursorId.value !== id) return
      index = ids.indexOf(id)
    }
    if (index >= 0) {
      cursorIndex.value = index
    } else {
      // Gone from this view: stay at the same height, on whatever row is there now.
      cursorIndex.value = Math.min(cursorIndex.value, total.value - 1)
      cursorId.value = cursorIndex.value >= 0 ? (rowAt(cursorIndex.value)?.id ?? null) : null
    }
  }

  /** Drop selected articles the list no longer shows (a filtered view an edit moved them out of). */
  async function pruneSelection(): Promise<void> {
    if (selection.value.size === 0 || !filtered.value) return
    const before = selection.value
    const ids = await allIds()
    if (ids === null || selection.value !== before) return
    const listed = new Set(ids)
    selection.value = new Set([...before].filter((id) => listed.has(id)))
  }

  /** A new filter: a new list, from its top, with nothing selected. */
  function replaceList(): Promise<number> {
    cursorIndex.value = -1
    cursorId.value = null
    anchor = -1
    selection.value = new Set()
    listKey.value += 1
    return reload(true)
  }

  function setView(next: LibraryView): Promise<void> {
    if (next === view.value) return Promise.resolve()
    view.value = next
    return replaceList().then(() => undefined)
  }

  function setText(next: string): Promise<void> {
    if (next.trim() === text.value.trim()) {
      text.value = next
      return Promise.resolve()
    }
    text.value = next
    return replaceList().then(() => undefined)
  }

  /** Clear the view and the text filter together: back to every article. */
  function clearFilter(): Promise<void> {
    if (!filtered.value) return Promise.resolve()
    view.value = 'all'
    text.value = ''
    return replaceList().then(() => undefined)
  }

  /** Sort by a key; the order defaults to the key's natural one. The cursor keeps its article. */
  async function setSort(key: SortKey, direction: SortOrder = FIRST_ORDER[key]): Promise<void> {
    if (key === sort.value && direction === order.value) return
    sort.value = key
    order.value = direction
    const id = cursorId.value
    anchor = -1
    generation += 1
    inflight.clear()
    pages.value = new Map()
    loaded.value = false
    const asked = generation
    let index = -1
    if (id !== null) {
      const ids = await allIds()
      if (ids === null || asked !== generation) return
      index = ids.indexOf(id)
      total.value = ids.length
    }
    cursorIndex.value = index
    cursorId.value = index >= 0 ? id : null
    const at = Math.max(0, index)
    visible = { first: at, last: at }
    onScreen = pagesFor(at, at, Math.max(total.value, at + 1))
    listKey.value += 1
    await reload(false)
  }

  /** Click on a column: its natural order first, the other one on a second click. */
  function toggleSort(key: SortKey): Promise<void> {
    const direction =
      key === sort.value ? (order.value === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[key]
    return setSort(key, direction)
  }

  /** Load the list and the facets again, keeping the cursor on its article. */
  async function refresh(): Promise<void> {
    const id = cursorId.value
    const reloading = reload(!loaded.value)
    // Asked after the rows, so main answers the rows first: they are what the person waits for.
    void loadFacets()
    const asked = await reloading
    await Promise.all([relocateCursor(asked, id), pruneSelection()])
  }

  async function loadFacets(): Promise<void> {
    const ticket = ++facetsTicket
    const result = await api.articlesFacets({})
    if (ticket !== facetsTicket) return
    if (result.ok) {
      facets.value = result.value
      facetsError.value = null
    } else {
      facetsError.value = result.error
    }
  }

  function placeCursor(index: number): void {
    cursorIndex.value = index
    cursorId.value = index >= 0 ? (rowAt(index)?.id ?? null) : null
  }

  function setAnchor(index: number): void {
    anchor = index
    anchorBase = selection.value
  }

  /** Move the cursor to a row (clamped to the list); with `extend`, select from the anchor to it. */
  function moveCursorTo(index: number, extend = false): Promise<void> {
    if (total.value === 0) return Promise.resolve()
    const from = cursorIndex.value
    const to = Math.min(Math.max(index, 0), total.value - 1)
    if (extend && anchor < 0) setAnchor(from >= 0 ? from : to)
    placeCursor(to)
    if (extend) return selectRange(anchor, to)
    setAnchor(to)
    return Promise.resolve()
  }

  /** Move the cursor by a number of rows; with no cursor yet, start at the first row. */
  function moveCursor(delta: number, extend = false): Promise<void> {
    const from = cursorIndex.value
    return moveCursorTo(from < 0 ? 0 : from + delta, extend)
  }

  /** The anchor's selection plus every row from `a` to `b`, fetching their ids if not at hand. */
  async function selectRange(a: number, b: number): Promise<void> {
    const lo = Math.min(a, b)
    const hi = Math.max(a, b)
    let ids: string[] = []
    for (let i = lo; i <= hi; i++) {
      const row = rowAt(i)
      if (!row) {
        ids = []
        break
      }
      ids.push(row.id)
    }
    if (ids.length !== hi - lo + 1) {
      const all = await allIds()
      if (all === null) return
      ids = all.slice(lo, hi + 1)
    }
    selection.value = new Set([...anchorBase, ...ids])
  }

  /** A plain click: the row alone is selected, and opened. */
  function clickRow(index: number): void {
    const row = rowAt(index)
    if (!row) return
    placeCursor(index)
    selection.value = new Set([row.id])
    setAnchor(index)
    anchorBase = new Set()
    openedId.value = row.id
  }

  /** Ctrl/Cmd-click or Space: add or remove one row, without opening it. */
  function toggleRow(index: number): void {
    const row = rowAt(index)
    if (!row) return
    placeCursor(index)
    const next = new Set(selection.value)
    if (next.has(row.id)) next.delete(row.id)
    else next.add(row.id)
    selection.value = next
    setAnchor(index)
  }

  /** Shift-click: select from the anchor to this row. */
  function extendTo(index: number): Promise<void> {
    if (anchor < 0) setAnchor(cursorIndex.value >= 0 ? cursorIndex.value : index)
    placeCursor(index)
    return selectRange(anchor, index)
  }

  function toggleCursor(): void {
    if (cursorIndex.value >= 0) toggleRow(cursorIndex.value)
  }

  /** Every article the filter matches, however many: their ids come from main in one answer. */
  async function selectAll(): Promise<void> {
    const ids = await allIds()
    if (ids !== null) selection.value = new Set(ids)
  }

  function clearSelection(): void {
    selection.value = new Set()
    anchorBase = selection.value
  }

  function isSelected(id: string): boolean {
    return selection.value.has(id)
  }

  /** Open an article for reading; the cursor goes to it if the list shows it. */
  function open(id: string): void {
    openedId.value = id
    const index = cachedIndexOf(id)
    if (index >= 0) placeCursor(index)
  }

  /** Enter: open the article under the cursor. */
  function openCursor(): void {
    if (cursorId.value !== null) openedId.value = cursorId.value
  }

  /** Another archive was opened: nothing of the last one applies. */
  function reset(): void {
    view.value = 'all'
    text.value = ''
    total.value = 0
    error.value = null
    openedId.value = null
    facets.value = null
    void replaceList()
  }

  onScopeDispose(
    // Any change means an archive is open, so this also starts the list if nobody asked yet.
    api.on('archive:changed', ({ reason }) => {
      if (reason === 'open') {
        reset()
        void loadFacets()
      } else {
        void refresh()
      }
    }),
  )

  return {
    view,
    text,
    sort,
    order,
    total,
    loaded,
    error,
    pages,
    listKey,
    cursorIndex,
    cursorId,
    selection,
    selectedIds,
    selectedCount,
    openedId,
    facets,
    facetsError,
    filtered,
    rowAt,
    showRows,
    setView,
    setText,
    clearFilter,
    setSort,
    toggleSort,
    refresh,
    moveCursor,
    moveCursorTo,
    clickRow,
    toggleRow,
    extendTo,
    toggleCursor,
    selectAll,
    clearSelection,
    isSelected,
    open,
    openCursor,
  }
})
