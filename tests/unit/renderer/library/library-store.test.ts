import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventPayloads, Request } from '../../../../src/shared/contract'
import type { ArticleSummary, Facets, ListPage } from '../../../../src/shared/model'
import type { Result } from '../../../../src/shared/result'
import { resetApi } from '../../../../src/renderer/src/api'
import {
  filterFor,
  PAGE_SIZE,
  pagesFor,
  useLibraryStore,
} from '../../../../src/renderer/src/stores/library'

function article(n: number, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: n.toString(16).padStart(16, '0'),
    title: `Article ${String(n).padStart(6, '0')}`,
    author: null,
    date: null,
    source: n % 2 === 0 ? 'Even Daily' : 'Odd Evening News',
    url: null,
    language: null,
    original: {
      name: `${n}.txt`,
      ext: 'txt',
      encoding: 'utf-8',
      bom: false,
      size: 1,
      sha256: '0'.repeat(64),
    },
    importedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    edited: false,
    openFlags: 0,
    ...extra,
  }
}

/**
 * The archive as the store sees it: answers from an in-memory list, each held until the test
 * lets it go (so it can make answers arrive late, or out of order).
 */
class FakeArchive {
  articles: ArticleSummary[] = []
  calls: { channel: string; input: Record<string, unknown> }[] = []
  private held: (() => void)[] = []
  private listeners = new Set<(p: EventPayloads['archive:changed']) => void>()
  hold = false

  matching(input: Request<'articles:ids'>): ArticleSummary[] {
    let list = this.articles.filter(
      (a) =>
        (input.source === undefined || a.source === input.source) &&
        (input.text === undefined || a.title.toLowerCase().includes(input.text.toLowerCase())),
    )
    if (input.sort === 'title') {
      list = [...list].sort((a, b) => a.title.localeCompare(b.title))
      if (input.order === 'desc') list.reverse()
    }
    return list
  }

  private answer<T>(channel: string, input: object, value: () => T): Promise<Result<T>> {
    this.calls.push({ channel, input: input as Record<string, unknown> })
    return new Promise((resolve) => {
      const send = () => resolve({ ok: true, value: value() })
      if (this.hold) this.held.push(send)
      else queueMicrotask(send)
    })
  }

  /** Let held answers go, newest first unless told otherwise. */
  release(order: 'fifo' | 'lifo' = 'fifo'): void {
    const held = order === 'fifo' ? this.held : [...this.held].reverse()
    this.held = []
    for (const send of held) send()
  }

  emit(reason: EventPayloads['archive:changed']['reason']): void {
    for (const l of this.listeners) l({ reason })
  }

  api = {
    articlesList: (input: Request<'articles:list'>) =>
      this.answer<ListPage>('articles:list', input, () => {
        const all = this.matching(input)
        const offset = input.offset ?? 0
        return {
          total: all.length,
          offset,
          items: all.slice(offset, offset + (input.limit ?? 200)),
        }
      }),
    articlesIds: (input: Request<'articles:ids'>) =>
      this.answer('articles:ids', input, () => ({ ids: this.matching(input).map((a) => a.id) })),
    articlesFacets: () =>
      this.answer<Facets>('articles:facets', {}, () => ({
        total: this.articles.length,
        edited: 0,
        untagged: this.articles.length,
        themes: [],
        review: 0,
        sources: [],
        years: [],
      })),
    on: (_event: string, listener: (p: EventPayloads['archive:changed']) => void) => {
      this.listeners.add(listener)
      return () => this.listeners.delete(listener)
    },
  }
}

/** Let every queued answer and its follow-ups run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0))
}

let archive: FakeArchive

beforeEach(() => {
  archive = new FakeArchive()
  archive.articles = Array.from({ length: 1000 }, (_, i) => article(i))
  ;(globalThis as { window?: unknown }).window = { api: archive.api }
  resetApi()
  setActivePinia(createPinia())
})

afterEach(() => {
  delete (globalThis as { window?: unknown }).window
  resetApi()
})

describe('the list query', () => {
  it('turns a sidebar view and the search words into the filter main takes', () => {
    expect(filterFor('all', '  ', 'date', 'desc')).toEqual({ sort: 'date', order: 'desc' })
    expect(filterFor('review', 'flood', 'title', 'asc')).toEqual({
      sort: 'title',
      order: 'asc',
      text: 'flood',
      review: true,
    })
    expect(filterFor('edited', '', 'title', 'asc')).toMatchObject({ edited: true })
    expect(filterFor('source:A: B', '', 'title', 'asc')).toMatchObject({ source: 'A: B' })
    expect(filterFor('year:2021', '', 'title', 'asc')).toMatchObject({ year: 2021 })
  })

  it('asks for the pages on screen and a margin around them, never past the end', () => {
    expect(pagesFor(0, 20, 1000)).toEqual({ from: 0, to: 0 })
    expect(pagesFor(90, 110, 1000)).toEqual({ from: 0, to: 1 })
    expect(pagesFor(990, 999, 1000)).toEqual({ from: 9, to: 9 })
    expect(pagesFor(0, 5, 3)).toEqual({ from: 0, to: 0 })
  })
})

describe('the library store', () => {
  it('loads the first page and fetches further pages only near the rows shown', async () => {
    const library = useLibraryStore()
    await library.refresh()
    expect(library.total).toBe(1000)
    expect(library.rowAt(0)?.id).toBe(article(0).id)
    expect(library.rowAt(PAGE_SIZE)).toBeUndefined()

    library.showRows(500, 520)
    await settle()
    expect(library.rowAt(510)?.id).toBe(article(510).id)
    // The first page is far from the screen now and is let go.
    expect(library.rowAt(0)).toBeUndefined()
    const offsets = archive.calls
      .filter((c) => c.channel === 'articles:list')
      .map((c) => c.input['offset'])
    expect(offsets).toEqual([0, 500, 400])
  })

  it('drops an answer that arrives after the filter changed', async () => {
    const library = useLibraryStore()
    await library.refresh()
    archive.hold = true
    const first = library.setView('source:Even Daily')
    const second = library.setView('source:Odd Evening News')
    // The answer for the newer view comes first, the older one after it.
    archive.release('lifo')
    await Promise.all([first, second])
    await settle()
    expect(library.total).toBe(500)
    expect(library.rowAt(0)?.source).toBe('Odd Evening News')
  })

  it('moves the cursor with the keyboard without selecting, and opens on demand', async () => {
    const library = useLibraryStore()
    await library.refresh()
    await library.moveCursor(1)
    expect(library.cursorIndex).toBe(0)
    await library.moveCursor(3)
    expect(library.cursorId).toBe(article(3).id)
    await library.moveCursor(-10)
    expect(library.cursorIndex).toBe(0)
    expect(library.selectedCount).toBe(0)
    expect(library.openedId).toBeNull()
    library.openCursor()
    expect(library.openedId).toBe(article(0).id)
  })

  it('selects like a mail client: click one, Ctrl-click toggles, Shift extends', async () => {
    const library = useLibraryStore()
    await library.refresh()
    library.clickRow(2)
    expect(library.openedId).toBe(article(2).id)
    expect(library.selectedIds).toEqual([article(2).id])

    library.toggleRow(5)
    expect(library.selectedIds).toEqual([article(2).id, article(5).id])
    expect(library.openedId).toBe(article(2).id)
    library.toggleRow(5)
    expect(library.selectedIds).toEqual([article(2).id])

    library.clickRow(2)
    await library.extendTo(4)
    expect(library.selectedIds).toEqual([2, 3, 4].map((n) => article(n).id))
    // Extending again from the same anchor replaces the range rather than adding to it.
    await library.extendTo(3)
    expect(library.selectedIds).toEqual([2, 3].map((n) => article(n).id))
    await library.moveCursor(2, true)
    expect(library.selectedIds).toEqual([2, 3, 4, 5].map((n) => article(n).id))

    library.clearSelection()
    expect(library.selectedCount).toBe(0)
  })

  it('selects a range across pages it does not hold by asking for the ids', async () => {
    const library = useLibraryStore()
    await library.refresh()
    library.clickRow(10)
    library.showRows(700, 720)
    await settle()
    await library.extendTo(710)
    expect(library.selectedCount).toBe(701)
    expect(archive.calls.some((c) => c.channel === 'articles:ids')).toBe(true)
  })

  it('selects all the filter matches, however many, through articles:ids', async () => {
    const library = useLibraryStore()
    await library.refresh()
    await library.setView('source:Even Daily')
    await library.selectAll()
    expect(library.selectedCount).toBe(500)
    expect(library.selectedIds.every((id) => parseInt(id, 16) % 2 === 0)).toBe(true)
  })

  it('keeps the cursor on its article when the order changes or the archive does', async () => {
    const library = useLibraryStore()
    await library.refresh()
    await library.moveCursorTo(7)
    const id = library.cursorId
    await library.setSort('title', 'desc')
    expect(library.cursorId).toBe(id)
    expect(library.cursorIndex).toBe(1000 - 1 - 7)
    await settle()
    expect(library.rowAt(library.cursorIndex)?.id).toBe(id)

    // Articles imported elsewhere land before it: the cursor follows its article down.
    archive.articles = [
      ...Array.from({ length: 5 }, (_, i) => article(100_000 + i, { title: `Zz ${i}` })),
      ...archive.articles,
    ]
    archive.emit('import')
    await settle()
    expect(library.total).toBe(1005)
    expect(library.cursorId).toBe(id)
    expect(library.rowAt(library.cursorIndex)?.id).toBe(id)
  })

  it('clears the selection and the cursor for a new filter, but keeps the article open', async () => {
    const library = useLibraryStore()
    await library.refresh()
    library.clickRow(3)
    await library.setText('article 0000')
    await settle()
    expect(library.total).toBe(100)
    expect(library.selectedCount).toBe(0)
    expect(library.cursorIndex).toBe(-1)
    expect(library.openedId).toBe(article(3).id)
    await library.clearFilter()
    expect(library.total).toBe(1000)
    expect(library.filtered).toBe(false)
  })

  it('starts on the first change, and forgets everything when another archive is opened', async () => {
    const library = useLibraryStore()
    // An empty archive's first import: nobody asked for the list yet, the event brings it.
    archive.emit('import')
    await settle()
    expect(library.total).toBe(1000)

    await library.setView('source:Even Daily')
    library.clickRow(0)
    expect(library.openedId).not.toBeNull()
    archive.articles = archive.articles.slice(0, 10)
    archive.emit('open')
    await settle()
    expect(library.view).toBe('all')
    expect(library.openedId).toBeNull()
    expect(library.selectedCount).toBe(0)
    expect(library.total).toBe(10)
    expect(library.facets?.total).toBe(10)
  })
})
