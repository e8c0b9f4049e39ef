import type { Span } from './attribution'

/**
 * The shape of @codemirror/merge's `Chunk` this module needs: a run of changed lines with the
 * individual changes inside it, stored relative to the chunk's start. Kept structural so the
 * logic stays plain and testable.
 */
export interface ChunkLike {
  readonly fromA: number
  readonly toA: number
  readonly fromB: number
  readonly toB: number
  readonly changes: readonly { fromA: number; toA: number; fromB: number; toB: number }[]
}

/** Which document of a comparison: `a` the original (left), `b` the cleaned text (right). */
export type Side = 'a' | 'b'

/** One difference inside a chunk, with both of its spans in document positions. */
export interface Difference {
  a: Span
  b: Span
}

/** The individual differences of a chunk, in document positions. */
export function differences(chunk: ChunkLike): Difference[] {
  return chunk.changes.map((c) => ({
    a: { from: chunk.fromA + c.fromA, to: chunk.fromA + c.toA },
    b: { from: chunk.fromB + c.fromB, to: chunk.fromB + c.toB },
  }))
}

/** The index of the last chunk starting at or before `pos` on `side`, or -1. */
function chunkBefore(chunks: readonly ChunkLike[], side: Side, pos: number): number {
  let lo = 0
  let hi = chunks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const from = side === 'a' ? chunks[mid]!.fromA : chunks[mid]!.fromB
    if (from <= pos) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/**
 * The difference under a position on one side: one whose span holds the position, else a
 * point (insertion or deletion spot) right at it. Null when the text there is unchanged.
 */
export function differenceAt(
  chunks: readonly ChunkLike[],
  side: Side,
  pos: number,
): Difference | null {
  const i = chunkBefore(chunks, side, pos)
  if (i < 0) return null
  const chunk = chunks[i]!
  if (pos > (side === 'a' ? chunk.toA : chunk.toB)) return null
  let touching: Difference | null = null
  for (const d of differences(chunk)) {
    const span = d[side]
    if (span.from < span.to && span.from <= pos && pos < span.to) return d
    if (!touching && span.from <= pos && pos <= span.to) touching = d
  }
  return touching
}

/**
 * Carry a position across to the other side of a comparison, onto the same words: text
 * between differences is identical on both sides, so it keeps its offset from the nearest
 * difference; a position inside a difference lands at the same distance into the other side's
 * span, clamped to it. Used to keep one's place when switching between the original and the
 * cleaned text, and to find a flag's words in the original.
 */
export function mapAcross(chunks: readonly ChunkLike[], from: Side, pos: number): number {
  const to: Side = from === 'a' ? 'b' : 'a'
  const i = chunkBefore(chunks, from, pos)
  if (i < 0) return pos
  const chunk = chunks[i]!
  // Where the last difference before `pos` ended, on both sides (or the chunk's start).
  let ours = from === 'a' ? chunk.fromA : chunk.fromB
  let theirs = from === 'a' ? chunk.fromB : chunk.fromA
  for (const d of differences(chunk)) {
    const o = d[from]
    const t = d[to]
    if (pos < o.from) break
    // At a difference's end (or at an insertion point), the words that follow start after
    // the other side's span.
    if (pos < o.to) return Math.min(t.from + (pos - o.from), t.to)
    ours = o.to
    theirs = t.to
  }
  return theirs + (pos - ours)
}
