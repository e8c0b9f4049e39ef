import type { ArticleSummary, Facets, ListPage, SortKey } from '../../shared/model'

export interface ListQuery {
  offset: number
  limit: number
  sort: SortKey
  order: 'asc' | 'desc'
  text?: string
  source?: string
  year?: number
  edited?: boolean
  /** Only articles with (true) or without (false) open review flags. */
  review?: boolean
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Sort keys that are people's words rather than ISO dates. */
const TEXT_KEYS = new Set<SortKey>(['title', 'source', 'author'])

function textKey(value: string): string {
  return value.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'))
}

/**
 * Sorting, filtering and paging over the index, done here rather than in the UI: the renderer
 * asks for the page it shows, never for 100k records (Zotero #2634, Joplin #11065 froze there).
 * The sorted order is cached per sort key until the index changes.
 */
export class Listing {
  private cache = new Map<string, ArticleSummary[]>()
  private cachedGeneration = -1

  constructor(private readonly source: { generation: number; all(): Iterable<ArticleSummary> }) {}

  page(query: ListQuery): ListPage {
    const sorted = this.sorted(query.sort, query.order)
    const filtered = hasFilter(query) ? sorted.filter(matcher(query)) : sorted
    return {
      total: filtered.length,
      offset: query.offset,
      items: filtered.slice(query.offset, query.offset + query.limit),
    }
  }

  /** The ids of every article a query matches, in its order (for select-all and bulk work). */
  ids(query: Omit<ListQuery, 'offset' | 'limit'>): string[] {
    const sorted = this.sorted(query.sort, query.order)
    const filtered = hasFilter(query) ? sorted.filter(matcher(query)) : sorted
    return filtered.map((a) => a.id)
  }

  facets(): Facets {
    const sources = new Map<string, number>()
    const years = new Map<number, number>()
    let total = 0
    let edited = 0
    let review = 0
    for (const a of this.source.all()) {
      total++
      if (a.edited) edited++
      if (a.openFlags > 0) review++
      if (a.source) sources.set(a.source, (sources.get(a.source) ?? 0) + 1)
      if (a.date) {
        const year = Number(a.date.slice(0, 4))
        years.set(year, (years.get(year) ?? 0) + 1)
      }
    }
    return {
      total,
      edited,
      review,
      sources: [...sources]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name)),
      years: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year),
    }
  }

  private sorted(key: SortKey, order: 'asc' | 'desc'): ArticleSummary[] {
    if (this.cachedGeneration !== this.source.generation) {
      this.cache.clear()
      this.cachedGeneration = this.source.generation
    }
    const cacheKey = `${key}:${order}`
    let list = this.cache.get(cacheKey)
    if (!list) {
      // Sort on keys computed once per record: a collator called for every comparison took
      // ~400 ms over 100k titles. Lower case with numbers padded keeps `number 2` before
      // `number 10`; missing values go last in either order; ties fall back to the id.
      const present: { key: string; a: ArticleSummary }[] = []
      const missing: ArticleSummary[] = []
      for (const a of this.source.all()) {
        const value = a[key]
        if (value === null || value === '') missing.push(a)
        else present.push({ key: TEXT_KEYS.has(key) ? textKey(value) : value, a })
      }
      present.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.a.id < y.a.id ? -1 : 1))
      if (order === 'desc') present.reverse()
      missing.sort((x, y) => (x.id < y.id ? -1 : 1))
      list = [...present.map((p) => p.a), ...missing]
      this.cache.set(cacheKey, list)
    }
    return list
  }
}

function hasFilter(q: Omit<ListQuery, 'offset' | 'limit'>): boolean {
  return (
    Boolean(q.text?.trim()) ||
    q.source !== undefined ||
    q.year !== undefined ||
    q.edited !== undefined ||
    q.review !== undefined
  )
}

function matcher(q: Omit<ListQuery, 'offset' | 'limit'>): (a: ArticleSummary) => boolean {
  const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const year = q.year === undefined ? undefined : String(q.year).padStart(4, '0')
  return (a) => {
    if (q.source !== undefined && a.source !== q.source) return false
    if (year !== undefined && a.date?.slice(0, 4) !== year) return false
    if (q.edited !== undefined && a.edited !== q.edited) return false
    if (q.review !== undefined && a.openFlags > 0 !== q.review) return false
    if (words.length === 0) return true
    const hay = `${a.title}\n${a.author ?? ''}\n${a.source ?? ''}`.toLowerCase()
    return words.every((w) => hay.includes(w))
  }
}
