/** Small helpers for reporting repeated measurements. */

export interface Summary {
  min: number
  median: number
  max: number
  runs: number
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    min: sorted[0] ?? NaN,
    median: percentile(sorted, 50),
    max: sorted[sorted.length - 1] ?? NaN,
    runs: sorted.length,
  }
}

/** Nearest-rank percentile of an already sorted list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '—'
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits)
}
