/**
 * A sort done a little at a time. Sorting 100k records by title takes a few hundred
 * milliseconds in one piece: done at the first click on the column header, the list stalls for
 * that long; done at once after opening, so does every request that arrives meanwhile. Cut into
 * steps of a millisecond or two (keys for a couple of thousand records, one short run sorted, a
 * stretch of a merge) it runs between other work and is ready before anyone asks, or is
 * finished at once by whoever asks first.
 */
export class SortAhead<T> {
  private readonly steps: Generator<void, Sorted<T>>
  private result: Sorted<T> | null = null

  /**
   * @param items what to sort (not changed)
   * @param keyOf the key an item sorts by, computed once per item; null for none
   * @param tie how items with equal keys, and those without one, are ordered (a total order)
   */
  constructor(
    items: readonly T[],
    keyOf: (item: T) => string | null,
    tie: (a: T, b: T) => number,
    private readonly run = RUN,
  ) {
    this.steps = this.sortInSteps(items, keyOf, tie)
  }

  /** Works for about `budgetMs` (one step at least); true once sorted. */
  step(budgetMs: number): boolean {
    const until = performance.now() + budgetMs
    while (this.result === null) {
      const next = this.steps.next()
      if (next.done) this.result = next.value
      else if (performance.now() >= until) break
    }
    return this.result !== null
  }

  /** The items in order of their keys, and those without a key; what is left is done now. */
  finish(): Sorted<T> {
    while (this.result === null) {
      const next = this.steps.next()
      if (next.done) this.result = next.value
    }
    return this.result
  }

  private *sortInSteps(
    items: readonly T[],
    keyOf: (item: T) => string | null,
    tie: (a: T, b: T) => number,
  ): Generator<void, { sorted: T[]; unkeyed: T[] }> {
    const keyed: Keyed<T>[] = []
    const unkeyed: T[] = []
    for (let i = 0; i < items.length; i++) {
      const key = keyOf(items[i]!)
      if (key === null) unkeyed.push(items[i]!)
      else keyed.push({ key, item: items[i]! })
      if (i % PER_STEP === PER_STEP - 1) yield
    }
    const compare = (x: Keyed<T>, y: Keyed<T>) =>
      x.key < y.key ? -1 : x.key > y.key ? 1 : tie(x.item, y.item)
    const sorted = yield* this.sortList(keyed, compare)
    return { sorted: sorted.map((k) => k.item), unkeyed: yield* this.sortList(unkeyed, tie) }
  }

  /** Runs sorted one per step, then merged pairwise, a stretch of each merge per step. */
  private *sortList<U>(list: U[], compare: (x: U, y: U) => number): Generator<void, U[]> {
    let runs: U[][] = []
    for (let from = 0; from < list.length; from += this.run) {
      runs.push(list.slice(from, from + this.run).sort(compare))
      yield
    }
    while (runs.length > 1) {
      const merged: U[][] = []
      for (let i = 0; i < runs.length; i += 2) {
        merged.push(i + 1 < runs.length ? yield* merge(runs[i]!, runs[i + 1]!, compare) : runs[i]!)
      }
      runs = merged
    }
    return runs[0] ?? []
  }
}

export interface Sorted<T> {
  sorted: T[]
  unkeyed: T[]
}

interface Keyed<T> {
  key: string
  item: T
}

/** Items keyed, or merged, in one step: a millisecond or two of work. */
const PER_STEP = 2_048
/** Items sorted in one step before the runs are merged. */
const RUN = 2_048

function* merge<T>(a: T[], b: T[], compare: (x: T, y: T) => number): Generator<void, T[]> {
  const out = new Array<T>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) {
    out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!
    if (k % PER_STEP === 0) yield
  }
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}
