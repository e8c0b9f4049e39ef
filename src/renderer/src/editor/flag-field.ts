import { MapMode, StateEffect, StateField, type ChangeDesc } from '@codemirror/state'
import type { ReviewFlag } from '../../../shared/model'

/**
 * Review flags as the editor keeps them: the archive's list, with each flag's span carried
 * through the person's edits as they type, so underlines stay on their words and the list can
 * jump to the right spot before the next save reports fresh positions.
 */

/** Where a flag stands now, or null when its words were edited away. */
export type FlagPosition = { start: number; end: number } | null

/** Keep a span inside a document of `length`, in order; anything unusable becomes null. */
function clamp(flag: ReviewFlag, length: number): ReviewFlag {
  if (flag.start === null || flag.end === null) {
    return flag.start === null && flag.end === null ? flag : { ...flag, start: null, end: null }
  }
  const start = Math.min(Math.max(0, flag.start), length)
  const end = Math.min(Math.max(start, flag.end), length)
  return start === flag.start && end === flag.end ? flag : { ...flag, start, end }
}

/**
 * Carry flags through an edit. Text typed at either edge stays outside the flag; text typed
 * inside it, or typed over its words, stays inside. A flag whose words are all deleted becomes
 * null: it is moot. (After a save the archive looks for each flag's words again and has the
 * last word; see mergeFlags.)
 */
export function mapFlags(flags: readonly ReviewFlag[], changes: ChangeDesc): readonly ReviewFlag[] {
  if (changes.empty) return flags
  let changed = false
  const mapped = flags.map((flag) => {
    if (flag.start === null || flag.end === null) return flag
    let start: number | null
    let end: number | null
    if (flag.start === flag.end) {
      // A point flag (a spot, not words) goes only when a deletion swallows it.
      start = end = changes.mapPos(flag.start, -1, MapMode.TrackDel)
    } else {
      start = changes.mapPos(flag.start, 1)
      end = changes.mapPos(flag.end, -1)
      if (start >= end) start = end = null
    }
    if (start === flag.start && end === flag.end) return flag
    changed = true
    return { ...flag, start, end }
  })
  return changed ? mapped : flags
}

/**
 * Take a fresh list from the archive without losing track of where flags are now. A flag the
 * editor already follows keeps its mapped span (the archive's positions describe the text as
 * last saved, which may be behind what is on screen) but takes the new status and wording;
 * a flag the archive now calls edited away is dropped from the text; new flags, and flags the
 * editor had lost but the archive found again, take the archive's span.
 */
export function mergeFlags(
  current: readonly ReviewFlag[],
  incoming: readonly ReviewFlag[],
  length: number,
): readonly ReviewFlag[] {
  const known = new Map(current.map((f) => [f.key, f]))
  return incoming.map((flag) => {
    const mine = known.get(flag.key)
    if (!mine || flag.start === null || mine.start === null) return clamp(flag, length)
    return { ...flag, start: mine.start, end: mine.end }
  })
}

/** Replace the flags outright, positions included: the text itself was replaced. */
export const setFlags = StateEffect.define<readonly ReviewFlag[]>()
/** Merge a fresh list from the archive into the flags being followed (see mergeFlags). */
export const syncFlags = StateEffect.define<readonly ReviewFlag[]>()

export const flagField = StateField.define<readonly ReviewFlag[]>({
  create: () => [],
  update(flags, tr) {
    let next = tr.docChanged ? mapFlags(flags, tr.changes) : flags
    const length = tr.state.doc.length
    for (const e of tr.effects) {
      if (e.is(setFlags)) next = e.value.map((f) => clamp(f, length))
      else if (e.is(syncFlags)) next = mergeFlags(next, e.value, length)
    }
    return next
  },
})

/** A starting value for flagField, for a document of `length`. */
export function placeFlags(flags: readonly ReviewFlag[], length: number): readonly ReviewFlag[] {
  return flags.map((f) => clamp(f, length))
}

/** Each flag's current span by key, as the list beside the editor needs it. */
export function flagPositions(flags: readonly ReviewFlag[]): Record<string, FlagPosition> {
  const out: Record<string, FlagPosition> = {}
  for (const f of flags) {
    out[f.key] = f.start === null || f.end === null ? null : { start: f.start, end: f.end }
  }
  return out
}

/** Whether a flag should be shown in the text: open, and its words still there. */
export function isMarked(flag: ReviewFlag): flag is ReviewFlag & { start: number; end: number } {
  return flag.status === 'open' && flag.start !== null && flag.end !== null
}

/** The open flags whose span holds `pos` (edges included), narrowest first. */
export function openFlagsAt(flags: readonly ReviewFlag[], pos: number): ReviewFlag[] {
  return flags
    .filter((f) => isMarked(f) && f.start <= pos && pos <= f.end)
    .sort((x, y) => x.end! - x.start! - (y.end! - y.start!))
}
