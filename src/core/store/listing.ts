import type { ArticleSummary, Facets, ListPage, SortKey } from '../../shared/model'
import { themesOf, type Theme } from '../../shared/themes'
import { descendantsOf } from '../themes/vocabulary'
import { SortAhead } from './sort-ahead'

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
  /** Only articles tagged with these themes; a theme stands for itself and its sub-themes. */
  themes?: readonly string[]
  /** Whether an article needs any of `themes` (the default) or all of them. */
  themeMatch?: 'all' | 'any'
  /** Only articles with no theme (true) or with at least one (false). */
  untagged?: boolean
}

type Filter = Omit<ListQuery, 'offset' | 'limit'>

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Sort keys that are people's words rather than ISO dates. */
type TextKey = 'title' | 'source' | 'author'
const TEXT_KEYS = new Set<SortKey>(['title', 'source', 'author'])

function isTextKey(key: SortKey): key is TextKey {
  return TEXT_KEYS.has(key)
}

/**
 * The key a text sorts by: lower case, every run of digits padded to 12 places so that `2`
 * sorts before `10`. (A replace makes one flat string; a key built up piece by piece is a rope,
 * and comparing ropes made the sort twice as slow.)
 */
function textKey(value: string): string {
  return value.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'))
}

/** An order being made ahead, as of the index generation it was started at. */
interface OrderAhead {
  generation: number
  sort: SortAhead<ArticleSummary>
}

/** Work ahead done per turn of the event loop: short enough to go unnoticed between requests. */
const AHEAD_STEP_MS = 8

/** What a listing reads: the index, or anything that answers like it. */
export interface ListingSource {
  /** Changes with every change of the records. */
  generation: number
  all(): Iterable<ArticleSummary>
  get?(id: string): ArticleSummary | undefined
  /** The ids added, replaced or removed since `generation`, or null when no longer known. */
  changedSince?(generation: number): readonly string[] | null
}

/**
 * Past this share of the archive changed, sorting afresh is as quick as repairing a kept order
 * (an import of a whole folder); below it, a save, a tag or an import batch repairs it.
 */
const REPAIR_AT_MOST = 0.25

/**
 * Sorting, filtering and paging over the index, done here rather than in the UI: the renderer
 * asks for the page it shows, never for 100k records (Zotero #2634, Joplin #11065 froze there).
 * The sorted order is kept per sort key and repaired when the index changes: the records that
 * changed are taken out and their new versions put back in place, so a list after a save does
 * not sort 100k records again.
 */
export class Listing {
  /** The kept orders, by `key:order`, all as of `cacheGeneration`. */
  private readonly cache = new Map<string, ArticleSummary[]>()
  private cacheGeneration = -1
  /** Every record in the kept orders, by id: where a repair finds a changed record's old place. */
  private readonly placed = new Map<string, ArticleSummary>()
  /** The last filtered list, for the next page of it while the index is unchanged. */
  private filtered: { key: string; generation: number; list: ArticleSummary[] } | null = null
  /** Orders being made ahead of the first list in them (see sortAhead), by sort key. */
  private readonly ahead = new Map<SortKey, OrderAhead>()
  private aheadTimer: NodeJS.Immediate | null = null
  private readonly textKeys: Record<TextKey, WeakMap<ArticleSummary, string>> = {
    title: new WeakMap(),
    source: new WeakMap(),
    author: new WeakMap(),
  }

  constructor(
    private readonly source: ListingSource,
    private readonly vocabulary: () => readonly Theme[] = () => [],
    /** Up to this many changed records are moved one by one; more are merged in one pass. */
    private readonly spliceAtMost = 64,
  ) {}

  page(query: ListQuery): ListPage {
    const filtered = this.matching(query)
    return {
      total: filtered.length,
      offset: query.offset,
      items: filtered.slice(query.offset, query.offset + query.limit),
    }
  }

  /** The ids of every article a query matches, in its order (for select-all and bulk work). */
  ids(query: Filter): string[] {
    return this.matching(query).map((a) => a.id)
  }

  /**
   * The articles a query matches, in its order. Sorting is a total order (ties fall back to the
   * id), so filtering the sorted list and sorting the filtered one give the same list: when the
   * order is not cached yet, a filter runs first and only what it keeps is sorted (a source or a
   * year keeps a few thousand of 100k, which sort in a few milliseconds).
   */
  private matching(query: Filter): ArticleSummary[] {
    if (!hasFilter(query)) return this.sorted(query.sort, query.order)
    const cached = this.cached(query.sort, query.order)
    // Paging through one filtered list filters and sorts once. Theme filters are not kept: the
    // vocabulary they read (sub-themes) can change while the index does not.
    const filterKey =
      query.themes === undefined && query.untagged === undefined ? filterKeyOf(query) : null
    const generation = this.source.generation
    if (
      filterKey !== null &&
      this.filtered?.key === filterKey &&
      this.filtered.generation === generation
    )
      return this.filtered.list
    const keep = this.matcher(query)
    let list: ArticleSummary[]
    if (cached) list = cached.filter(keep)
    else {
      const subset: ArticleSummary[] = []
      for (const a of this.source.all()) if (keep(a)) subset.push(a)
      list = this.sortList(subset, query.sort, query.order)
    }
    if (filterKey !== null) this.filtered = { key: filterKey, generation, list }
    return list
  }

  facets(): Facets {
    const sources = new Map<string, number>()
    const years = new Map<number, number>()
    let total = 0
    let edited = 0
    let review = 0
    let untagged = 0
    const themes = new Map(this.vocabulary().map((t) => [t.id, 0]))
    for (const a of this.source.all()) {
      total++
      if (a.edited) edited++
      if (a.openFlags > 0) review++
      let tagged = false
      for (const id of themesOf(a)) {
        const count = themes.get(id)
        if (count === undefined) continue
        themes.set(id, count + 1)
        tagged = true
      }
      if (!tagged) untagged++
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
      untagged,
      themes: [...themes].map(([id, count]) => ({ id, count })),
    }
  }

  private matcher(q: Filter): (a: ArticleSummary) => boolean {
    const base = matcher(q)
    if (q.themes === undefined && q.untagged === undefined) return base
    const vocabulary = this.vocabulary()
    const known = new Set(vocabulary.map((t) => t.id))
    const groups = (q.themes ?? []).map((id) => descendantsOf(vocabulary, id))
    const inGroup = (tags: readonly string[], group: Set<string>) =>
      tags.some((id) => group.has(id))
    return (a) => {
      if (!base(a)) return false
      const tags = themesOf(a)
      if (q.untagged !== undefined && !tags.some((id) => known.has(id)) !== q.untagged) return false
      if (groups.length === 0) return true
      return q.themeMatch === 'all'
        ? groups.every((g) => inGroup(tags, g))
        : groups.some((g) => inGroup(tags, g))
    }
  }

  /** The kept order for a sort key, repaired if the index changed since it was made. */
  private cached(key: SortKey, order: 'asc' | 'desc'): ArticleSummary[] | undefined {
    this.update()
    return this.cache.get(`${key}:${order}`)
  }

  /**
   * Make the orders of `keys` ahead of the first list in them: a few milliseconds at a time
   * between other work, so that after opening a large archive the first click on a column
   * header finds its order made (sorting 100k titles in one piece takes a few hundred
   * milliseconds). A list asked for before its order is made finishes it at once; a change to
   * the index meanwhile drops it (the list then sorts afresh, as it would have).
   */
  sortAhead(keys: readonly SortKey[]): void {
    const generation = this.source.generation
    const wanted = keys.filter((key) => !this.cache.has(`${key}:asc`) && !this.ahead.has(key))
    if (wanted.length === 0) return
    const all = [...this.source.all()]
    for (const key of wanted) {
      const keyOf = (a: ArticleSummary) => {
        const value = a[key]
        if (value === null || value === '') return null
        return isTextKey(key) ? textKey(value) : value
      }
      this.ahead.set(key, { generation, sort: new SortAhead(all, keyOf, byId) })
    }
    this.continueAhead()
  }

  /** Whether orders are still being made ahead. */
  get sortingAhead(): boolean {
    return this.ahead.size > 0
  }

  /** Stop making orders ahead (the archive is closing). */
  stopSortingAhead(): void {
    if (this.aheadTimer) clearImmediate(this.aheadTimer)
    this.aheadTimer = null
    this.ahead.clear()
  }

  private continueAhead(): void {
    if (this.aheadTimer || this.ahead.size === 0) return
    this.aheadTimer = setImmediate(() => {
      this.aheadTimer = null
      const [key, job] = this.ahead.entries().next().value!
      if (job.generation !== this.source.generation) this.ahead.delete(key)
      else if (job.sort.step(AHEAD_STEP_MS)) this.keepAhead(key, job)
      this.continueAhead()
    })
    // Work ahead never keeps a process (a command-line run) alive.
    this.aheadTimer.unref()
  }

  /** Keep an order made ahead, both ways, beside the orders kept already. */
  private keepAhead(key: SortKey, job: OrderAhead): void {
    this.ahead.delete(key)
    // Records without a value go last either way, by id (as sortList puts them).
    const { sorted, unkeyed } = job.sort.finish()
    this.update()
    if (this.cache.size === 0) for (const a of this.source.all()) this.placed.set(a.id, a)
    this.cache.set(`${key}:asc`, sorted.concat(unkeyed))
    this.cache.set(`${key}:desc`, sorted.reverse().concat(unkeyed))
  }

  private sorted(key: SortKey, order: 'asc' | 'desc'): ArticleSummary[] {
    let list = this.cached(key, order)
    const job = list ? undefined : this.ahead.get(key)
    if (job?.generation === this.source.generation) {
      this.keepAhead(key, job)
      list = this.cache.get(`${key}:${order}`)
    }
    if (!list) {
      list = this.sortList(this.source.all(), key, order)
      if (this.cache.size === 0) for (const a of list) this.placed.set(a.id, a)
      this.cache.set(`${key}:${order}`, list)
    }
    return list
  }

  /**
   * Bring every kept order up to the index's generation: the changed records are taken out and
   * their new versions put back by the same total order (ties go to the id), so each order is
   * exactly what sorting afresh gives. When too much changed, or the changes are not known, the
   * orders are dropped and the next list sorts afresh.
   */
  private update(): void {
    const generation = this.source.generation
    if (this.cacheGeneration === generation) return
    const since = this.cacheGeneration
    this.cacheGeneration = generation
    if (this.cache.size === 0) return
    const changed = this.source.changedSince?.(since)
    const ok =
      changed &&
      this.source.get &&
      changed.length <= this.placed.size * REPAIR_AT_MOST &&
      (changed.length <= this.spliceAtMost
        ? this.spliceChanges(changed)
        : this.mergeChanges(changed))
    if (!ok) {
      this.cache.clear()
      this.placed.clear()
    }
  }

  /**
   * A few changes: each record's old version is found by binary search and cut out, its new one
   * put in its place, in every kept order. Reading only a few records of 100k, where touching
   * every one of them takes tens of milliseconds. False when a record is not where it should be.
   */
  private spliceChanges(changed: readonly string[]): boolean {
    const orders = [...this.cache].map(([name, list]) => ({
      list,
      compare: this.comparatorOf(name),
    }))
    for (const id of new Set(changed)) {
      const old = this.placed.get(id)
      const now = this.source.get?.(id)
      for (const { list, compare } of orders) {
        if (old) {
          const at = lowerBound(list, old, compare)
          if (list[at] !== old) return false
          list.splice(at, 1)
        }
        if (now) list.splice(lowerBound(list, now, compare), 0, now)
      }
      if (now) this.placed.set(id, now)
      else this.placed.delete(id)
    }
    return true
  }

  /** Many changes (an import batch): every kept order rebuilt in one pass each, without sorting. */
  private mergeChanges(changed: readonly string[]): boolean {
    const ids = new Set(changed)
    const added: ArticleSummary[] = []
    for (const id of ids) {
      const a = this.source.get?.(id)
      if (a) added.push(a)
      this.placed.delete(id)
    }
    for (const a of added) this.placed.set(a.id, a)
    for (const [name, old] of this.cache) {
      const compare = this.comparatorOf(name)
      added.sort(compare)
      const kept = old.filter((a) => !ids.has(a.id))
      // Each new record's place is found by binary search from the last one's.
      const list: ArticleSummary[] = []
      let from = 0
      for (const a of added) {
        const at = lowerBound(kept, a, compare, from)
        for (let i = from; i < at; i++) list.push(kept[i]!)
        list.push(a)
        from = at
      }
      for (let i = from; i < kept.length; i++) list.push(kept[i]!)
      this.cache.set(name, list)
    }
    return true
  }

  private comparatorOf(name: string): (x: ArticleSummary, y: ArticleSummary) => number {
    const [key, order] = name.split(':') as [SortKey, 'asc' | 'desc']
    return this.comparator(key, order)
  }

  /** The order `sortList` makes, as a comparison of two records. */
  private comparator(
    key: SortKey,
    order: 'asc' | 'desc',
  ): (x: ArticleSummary, y: ArticleSummary) => number {
    const valueOf = (a: ArticleSummary): string | null => {
      const value = a[key]
      if (value === null || value === '') return null
      return isTextKey(key) ? this.textKeyOf(a, key, value) : value
    }
    const sign = order === 'desc' ? -1 : 1
    return (x, y) => {
      // A record is found by its own place (an id is in a kept order once).
      if (x.id === y.id) return 0
      const vx = valueOf(x)
      const vy = valueOf(y)
      // Missing values go last in either order, by id.
      if (vx === null) return vy === null ? byId(x, y) : 1
      if (vy === null) return -1
      return sign * (vx < vy ? -1 : vx > vy ? 1 : byId(x, y))
    }
  }

  private textKeyOf(a: ArticleSummary, key: TextKey, value: string): string {
    const keys = this.textKeys[key]
    let k = keys.get(a)
    if (k === undefined) keys.set(a, (k = textKey(value)))
    return k
  }

  /** `articles` in the order of `key`; missing values go last in either order, by id. */
  private sortList(
    articles: Iterable<ArticleSummary>,
    key: SortKey,
    order: 'asc' | 'desc',
  ): ArticleSummary[] {
    const missing: ArticleSummary[] = []
    const list = isTextKey(key)
      ? this.sortByText(articles, key, missing)
      : sortByIso(articles, key, missing)
    if (order === 'desc') list.reverse()
    missing.sort(byId)
    for (const a of missing) list.push(a)
    return list
  }

  /**
   * People's words: compared on keys computed once per record (a collator called for every
   * comparison took ~400 ms over 100k titles). Lower case with numbers padded keeps `number 2`
   * before `number 10`; ties fall back to the id. The keys are not kept: storing 100k of them
   * cost more than the few a later repair computes again.
   */
  private sortByText(
    articles: Iterable<ArticleSummary>,
    key: TextKey,
    missing: ArticleSummary[],
  ): ArticleSummary[] {
    const present: { key: string; a: ArticleSummary }[] = []
    for (const a of articles) {
      const value = a[key]
      if (value === null || value === '') {
        missing.push(a)
        continue
      }
      present.push({ key: textKey(value), a })
    }
    present.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : byId(x.a, y.a)))
    return present.map((p) => p.a)
  }
}

/**
 * Dates and times: many articles share one (an import batch is stamped once), so group by
 * value, sort the distinct values and each group by id. Twice to four times quicker over
 * 100k than sorting every record with a tie-break, and what an archive opens on.
 */
function sortByIso(
  articles: Iterable<ArticleSummary>,
  key: Exclude<SortKey, TextKey>,
  missing: ArticleSummary[],
): ArticleSummary[] {
  const groups = new Map<string, ArticleSummary[]>()
  for (const a of articles) {
    const value = a[key]
    if (value === null || value === '') {
      missing.push(a)
      continue
    }
    const group = groups.get(value)
    if (group) group.push(a)
    else groups.set(value, [a])
  }
  const list: ArticleSummary[] = []
  for (const value of [...groups.keys()].sort()) {
    const group = groups.get(value)!
    if (group.length > 1) group.sort(byId)
    for (const a of group) list.push(a)
  }
  return list
}

/** The first place in `list` (sorted by `compare`) from `from` on where `a` may go. */
function lowerBound(
  list: readonly ArticleSummary[],
  a: ArticleSummary,
  compare: (x: ArticleSummary, y: ArticleSummary) => number,
  from = 0,
): number {
  let lo = from
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compare(list[mid]!, a) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

function byId(x: ArticleSummary, y: ArticleSummary): number {
  return x.id < y.id ? -1 : 1
}

/** What a filtered list depends on besides the index (theme filters aside). */
function filterKeyOf(q: Filter): string {
  return JSON.stringify([q.sort, q.order, q.text, q.source, q.year, q.edited, q.review])
}

function hasFilter(q: Filter): boolean {
  return (
    q.themes !== undefined ||
    q.untagged !== undefined ||
    Boolean(q.text?.trim()) ||
    q.source !== undefined ||
    q.year !== undefined ||
    q.edited !== undefined ||
    q.review !== undefined
  )
}

/**
 * The lower-cased words a text filter searches, per record: kept with the record (the index
 * replaces a record when it changes), so typing in the filter does not lower-case 100k titles
 * on every key stroke.
 */
const searchTexts = new WeakMap<ArticleSummary, string>()

function searchText(a: ArticleSummary): string {
  let hay = searchTexts.get(a)
  if (hay === undefined) {
    hay = `${a.title}\n${a.author ?? ''}\n${a.source ?? ''}`.toLowerCase()
    searchTexts.set(a, hay)
  }
  return hay
}

function matcher(q: Filter): (a: ArticleSummary) => boolean {
  const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const year = q.year === undefined ? undefined : String(q.year).padStart(4, '0')
  return (a) => {
    if (q.source !== undefined && a.source !== q.source) return false
    if (year !== undefined && a.date?.slice(0, 4) !== year) return false
    if (q.edited !== undefined && a.edited !== q.edited) return false
    if (q.review !== undefined && a.openFlags > 0 !== q.review) return false
    if (words.length === 0) return true
    const hay = searchText(a)
    return words.every((w) => hay.includes(w))
  }
}
