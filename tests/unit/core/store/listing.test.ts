import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Listing, type ListQuery } from '../../../../src/core/store/listing'
import { SORT_KEYS, type ArticleSummary } from '../../../../src/shared/model'

/**
 * The listing answers a filtered query two ways: filtering a sort order it already has, or,
 * when it has none yet, filtering first and sorting only what is kept. Both must give the same
 * list, page by page, whatever the records and the query.
 */

const few = <T>(...values: T[]) => fc.constantFrom(...values)
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })

const summary = fc
  .record({
    id: fc.stringMatching(/^[0-9a-f]{16}$/),
    title: few('', 'Harbour traffic', 'harbour Traffic', 'Roads 2', 'Roads 10', 'Ports', '港口'),
    author: maybe(few('Li Wei', 'li wei', 'Chen')),
    date: maybe(few('2022-09-21', '2023-01-01', '2021-12-31')),
    source: maybe(few('Xinhua', 'China News Network', 'xinhua')),
    importedAt: few('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
    updatedAt: few('2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
    edited: fc.boolean(),
    openFlags: few(0, 0, 2),
  })
  .map(
    (r) =>
      ({
        ...r,
        url: null,
        language: 'en',
        original: { sha256: r.id.repeat(4), name: 'a.txt', encoding: 'utf-8', size: 1 },
      }) as unknown as ArticleSummary,
  )

const records = fc.uniqueArray(summary, { selector: (a) => a.id, maxLength: 60 })

const query = fc.record(
  {
    sort: fc.constantFrom(...SORT_KEYS),
    order: few('asc' as const, 'desc' as const),
    text: few('harbour', 'roads', 'li', 'xinhua traffic', '港'),
    source: few('Xinhua', 'xinhua', 'China News Network'),
    year: few(2021, 2022, 2023),
    edited: fc.boolean(),
    review: fc.boolean(),
  },
  { requiredKeys: ['sort', 'order'] },
)

function listing(articles: ArticleSummary[]): Listing {
  return new Listing({ generation: 1, all: () => articles })
}

function allPages(list: Listing, q: Omit<ListQuery, 'offset' | 'limit'>): string[] {
  const ids: string[] = []
  for (let offset = 0; ; offset += 7) {
    const page = list.page({ ...q, offset, limit: 7 })
    ids.push(...page.items.map((a) => a.id))
    if (offset + 7 >= page.total) return ids
  }
}

describe('Listing', () => {
  it('makes orders ahead that equal a fresh sort, even when the index changes meanwhile', async () => {
    const articles = fc.sample(summary, { numRuns: 400, seed: 11 })
    const source = { generation: 1, all: () => articles }
    const ahead = new Listing(source)
    ahead.sortAhead(SORT_KEYS)
    expect(ahead.sortingAhead).toBe(true)
    // A list asked for at once finishes its own order there and then.
    expect(allPages(ahead, { sort: 'title', order: 'desc' })).toEqual(
      allPages(listing(articles), { sort: 'title', order: 'desc' }),
    )
    while (ahead.sortingAhead) await new Promise((r) => setImmediate(r))
    for (const sort of SORT_KEYS)
      for (const order of ['asc', 'desc'] as const)
        expect(allPages(ahead, { sort, order })).toEqual(
          allPages(listing(articles), { sort, order }),
        )

    // Orders being made when the index changes are dropped, not kept stale.
    const changing = new Listing(source)
    changing.sortAhead(['source'])
    articles.splice(0, 50)
    source.generation++
    while (changing.sortingAhead) await new Promise((r) => setImmediate(r))
    expect(allPages(changing, { sort: 'source', order: 'asc' })).toEqual(
      allPages(listing(articles), { sort: 'source', order: 'asc' }),
    )
  })

  it('sorts titles ignoring case, with numbers in number order', () => {
    const titles = [
      'Item 10',
      'item 2',
      'ITEM 1',
      'Apple 300',
      'apple 3000000000000000',
      'Apple 3a',
    ]
    const articles = fc.sample(summary, { numRuns: titles.length, seed: 7 }).map((a, i) => ({
      ...a,
      id: i.toString(16).padStart(16, '0'),
      title: titles[i]!,
    }))
    const asc = allPages(listing(articles), { sort: 'title', order: 'asc' })
    expect(asc.map((id) => titles[parseInt(id, 16)])).toEqual([
      'Apple 3a',
      'Apple 300',
      'apple 3000000000000000',
      'ITEM 1',
      'item 2',
      'Item 10',
    ])
  })

  it('filters a cached order and sorts a filtered subset into the same list', () => {
    fc.assert(
      fc.property(records, query, (articles, q) => {
        const fresh = listing(articles)
        const warmed = listing(articles)
        warmed.page({ sort: q.sort, order: q.order, offset: 0, limit: 1 })

        const expected = warmed.ids(q)
        expect(fresh.ids(q)).toEqual(expected)
        // Paging through it (the second page comes from the kept filtered list) agrees too.
        expect(allPages(listing(articles), q)).toEqual(expected)
        // And it is exactly the records the filter keeps, each once.
        expect(new Set(expected).size).toBe(expected.length)
      }),
      { numRuns: 300 },
    )
  })

  it('forgets a kept filtered list when the index changes', () => {
    const articles = fc.sample(
      records.filter((a) => a.length > 3),
      { numRuns: 1, seed: 7 },
    )[0]!
    const source = { generation: 1, all: () => articles }
    const list = new Listing(source)
    const q = { sort: 'title' as const, order: 'asc' as const, edited: true }
    const before = list.ids(q)
    const flipped = articles[0]!
    articles[0] = { ...flipped, edited: !flipped.edited }
    source.generation++
    const after = list.ids(q)
    expect(after.includes(flipped.id)).toBe(!before.includes(flipped.id))
  })

  it('repairs a kept order after changes into exactly the order a fresh sort gives', () => {
    const change = fc.oneof(
      fc.record({ op: fc.constant('put' as const), article: summary }),
      fc.record({ op: fc.constant('del' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('edit' as const), at: fc.nat(), like: summary }),
    )
    fc.assert(
      fc.property(
        records,
        fc.array(fc.array(change, { maxLength: 6 }), { maxLength: 4 }),
        fc.constantFrom(...SORT_KEYS),
        few('asc' as const, 'desc' as const),
        // Changed records moved one by one, or all merged in one pass.
        few(64, 0),
        (articles, rounds, sort, order, spliceAtMost) => {
          const index = new ChangingIndex(articles)
          const kept = new Listing(index, () => [], spliceAtMost)
          // Two kept orders, repaired together.
          const other = { sort: 'date' as const, order: order === 'asc' ? 'desc' : 'asc' } as const
          kept.ids({ sort, order })
          kept.ids(other)
          for (const round of rounds) {
            const before = index.size
            const walks = index.walks
            for (const c of round) index.apply(c)
            const repaired = kept.ids({ sort, order })
            // A few changes repair the kept order without reading every record again.
            if (round.length <= before * 0.25) expect(index.walks).toBe(walks)
            const now = new ChangingIndex([...index.all()])
            expect(repaired).toEqual(new Listing(now).ids({ sort, order }))
            expect(kept.ids(other)).toEqual(new Listing(now).ids(other))
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

type Change =
  | { op: 'put'; article: ArticleSummary }
  | { op: 'del'; at: number }
  | { op: 'edit'; at: number; like: ArticleSummary }

/** An index in memory that knows what changed, as ArticleIndex does. */
class ChangingIndex {
  generation = 0
  /** How many times every record was read, which a repair need not do. */
  walks = 0
  private readonly byId = new Map<string, ArticleSummary>()
  private readonly changes: string[] = []

  constructor(articles: readonly ArticleSummary[]) {
    for (const a of articles) this.byId.set(a.id, a)
  }

  get size(): number {
    return this.byId.size
  }

  all(): Iterable<ArticleSummary> {
    this.walks++
    return this.byId.values()
  }

  get(id: string): ArticleSummary | undefined {
    return this.byId.get(id)
  }

  changedSince(generation: number): string[] {
    return this.changes.slice(generation)
  }

  apply(c: Change): void {
    const ids = [...this.byId.keys()]
    if (c.op === 'put') this.byId.set(c.article.id, c.article)
    else if (ids.length === 0) return
    else {
      const id = ids[c.at % ids.length]!
      // A replaced record is a new object with the same id, as the index makes one.
      if (c.op === 'del') this.byId.delete(id)
      else this.byId.set(id, { ...c.like, id })
      this.changes.push(id)
      this.generation++
      return
    }
    this.changes.push(c.article.id)
    this.generation++
  }
}
