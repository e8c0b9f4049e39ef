import {
  Facet,
  StateEffect,
  StateField,
  Text,
  type ChangeDesc,
  type ChangeSet,
  type EditorState,
} from '@codemirror/state'
import { Change, Chunk } from '@codemirror/merge'

/**
 * The comparison a cleaned text shown alone keeps with the original. Re-diffing on every
 * keystroke costs tens of milliseconds on a long article (cleaning re-lays out every paragraph,
 * so one chunk can span the whole text), so while the person types the chunks are only shifted
 * through the edits, and the diff is brought up to date when the owner asks (after a pause, or
 * before something needs it exact).
 */

/** The diff settings the merge view uses too, so both modes show the same chunks. */
export const DIFF_CONFIG = { scanLimit: 500 }

/** The original, for an editor of the cleaned text to compare against. */
export const originalDoc = Facet.define<Text, Text>({
  combine: (values) => values[0] ?? Text.empty,
})

/** Bring the chunks up to date with the text (see ownChunks). */
export const refreshChunks = StateEffect.define<null>()

interface OwnChunks {
  /** What to show: exact when `pending` is null, else shifted through the edits since. */
  shown: readonly Chunk[]
  /** The last exact chunks, and the edits made since (null when none). */
  exact: readonly Chunk[]
  pending: ChangeSet | null
}

/** Map a position that may lie one past the end of the document (chunk ends do). */
function mapEnd(changes: ChangeDesc, pos: number, assoc: 1 | -1): number {
  const over = Math.max(0, pos - changes.length)
  return changes.mapPos(pos - over, assoc) + over
}

/** Shift a chunk's cleaned-side positions through edits of the cleaned text. */
export function shiftChunk(chunk: Chunk, changes: ChangeDesc): Chunk {
  const fromB = mapEnd(changes, chunk.fromB, -1)
  const toB = Math.max(fromB, mapEnd(changes, chunk.toB, 1))
  const inner = chunk.changes.map((c) => {
    const from = mapEnd(changes, chunk.fromB + c.fromB, -1)
    const to = Math.max(from, mapEnd(changes, chunk.fromB + c.toB, 1))
    return new Change(c.fromA, c.toA, from - fromB, to - fromB)
  })
  return new Chunk(inner, chunk.fromA, chunk.toA, fromB, toB, chunk.precise)
}

function exact(state: EditorState): OwnChunks {
  const chunks = Chunk.build(state.facet(originalDoc), state.doc, DIFF_CONFIG)
  return { shown: chunks, exact: chunks, pending: null }
}

export const ownChunks = StateField.define<OwnChunks>({
  create: exact,
  update(value, tr) {
    if (tr.state.facet(originalDoc) !== tr.startState.facet(originalDoc)) return exact(tr.state)
    let next = value
    if (tr.docChanged) {
      next = {
        shown: value.shown.map((c) => shiftChunk(c, tr.changes)),
        exact: value.exact,
        pending: value.pending ? value.pending.compose(tr.changes) : tr.changes,
      }
    }
    if (next.pending && tr.effects.some((e) => e.is(refreshChunks))) {
      const original = tr.state.facet(originalDoc)
      const chunks = Chunk.updateB(next.exact, original, tr.state.doc, next.pending, DIFF_CONFIG)
      next = { shown: chunks, exact: chunks, pending: null }
    }
    return next
  },
})

/** Whether edits have been made since the chunks were last brought up to date. */
export function chunksStale(state: EditorState): boolean {
  return state.field(ownChunks, false)?.pending != null
}

/** The chunks as shown (possibly only shifted), or null when the field is absent. */
export function shownOwnChunks(state: EditorState): readonly Chunk[] | null {
  return state.field(ownChunks, false)?.shown ?? null
}

/** The chunks exactly as the text stands now, computed on the spot if edits are pending. */
export function exactOwnChunks(state: EditorState): readonly Chunk[] | null {
  const value = state.field(ownChunks, false)
  if (!value) return null
  if (!value.pending) return value.shown
  return Chunk.updateB(value.exact, state.facet(originalDoc), state.doc, value.pending, DIFF_CONFIG)
}
