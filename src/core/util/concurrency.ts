/**
 * Run `fn` over `items` with at most `limit` at once. On the first failure no new item starts,
 * the ones under way are waited for (so nothing is still writing when the caller recovers), and
 * then the first error is thrown.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T
      try {
        await fn(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failure) throw (failure as { error: unknown }).error
}

/** `items.map(fn)` with at most `limit` calls under way; results keep the order of `items`. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  const indexes = items.map((_, i) => i)
  await forEachLimited(indexes, limit, async (i) => {
    results[i] = await fn(items[i] as T)
  })
  return results
}
