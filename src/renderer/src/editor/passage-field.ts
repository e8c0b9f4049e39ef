import { StateEffect, StateField, type ChangeDesc, type Extension } from '@codemirror/state'
import { invertedEffects } from '@codemirror/commands'

/**
 * Passages as the editor keeps them: each one's span carried through the person's edits as they
 * type, so the highlight stays on its words, and so a save can tell the archive where each
 * passage is in the text it is given (that is how an edit inside a passage keeps it).
 */

/** A passage as the editor shows it: where it is, and the look of its theme. */
export interface EditorPassage {
  id: string
  themeId: string
  start: number
  end: number
  /** The theme's name, for the hover and the highlight's title. */
  name: string
  /** The theme's colour, #rrggbb. */
  color: string
}

/** What a save sends for each passage: where the editor mapped it in the saved text. */
export interface PassageSpan {
  id: string
  start: number
  end: number
}

function clamp(p: EditorPassage, length: number): EditorPassage {
  const start = Math.min(Math.max(0, p.start), length)
  const end = Math.min(Math.max(start, p.end), length)
  return start === p.start && end === p.end ? p : { ...p, start, end }
}

/**
 * Carry passages through an edit. Text typed at either edge stays outside the passage; text
 * typed inside it stays inside. A passage whose words are all deleted collapses to an empty
 * span: a save sends it so, and the archive keeps it detached with the words it had rather
 * than looking for those words somewhere else.
 */
export function mapPassages(
  passages: readonly EditorPassage[],
  changes: ChangeDesc,
): readonly EditorPassage[] {
  if (changes.empty) return passages
  let changed = false
  const mapped = passages.map((p) => {
    let start = changes.mapPos(p.start, 1)
    const end = changes.mapPos(p.end, -1)
    if (start > end) start = end
    if (start === p.start && end === p.end) return p
    changed = true
    return { ...p, start, end }
  })
  return changed ? mapped : passages
}

/**
 * Take a fresh list from the archive without losing track of where passages are now. One the
 * editor already follows keeps its mapped span (the archive's positions describe the text as
 * last saved, which may be behind what is on screen) but takes the new theme and look; new
 * ones take the archive's span; ones the archive no longer lists are dropped.
 */
export function mergePassages(
  current: readonly EditorPassage[],
  incoming: readonly EditorPassage[],
  length: number,
): readonly EditorPassage[] {
  const known = new Map(current.map((p) => [p.id, p]))
  return incoming.map((p) => {
    const mine = known.get(p.id)
    if (!mine) return clamp(p, length)
    return { ...p, start: mine.start, end: mine.end }
  })
}

/** A starting value for passageField, for a document of `length`. */
export function placePassages(
  passages: readonly EditorPassage[],
  length: number,
): readonly EditorPassage[] {
  return passages.map((p) => clamp(p, length))
}

/** Where each passage is now, as a save sends it (an empty span: its words were deleted). */
export function passageSpans(passages: readonly EditorPassage[]): PassageSpan[] {
  return passages.map(({ id, start, end }) => ({ id, start, end }))
}

/** The passages with words under them that hold `pos` (edges included), narrowest first. */
export function passagesAt(passages: readonly EditorPassage[], pos: number): EditorPassage[] {
  return passages
    .filter((p) => p.start < p.end && p.start <= pos && pos <= p.end)
    .sort((x, y) => x.end - x.start - (y.end - y.start))
}

/** Replace the passages outright, positions included: the text itself was replaced. */
export const setPassages = StateEffect.define<readonly EditorPassage[]>()
/** Merge a fresh list from the archive into the passages being followed (see mergePassages). */
export const syncPassages = StateEffect.define<readonly EditorPassage[]>()

/**
 * Put passages back on spans they had: undoing the deletion of a passage's words brings the
 * words back, and this brings the passage back onto them (mapping alone cannot reopen an
 * empty span).
 */
const restoreSpans = StateEffect.define<readonly PassageSpan[]>({
  map: (spans, mapping) =>
    spans.map((s) => ({ ...s, start: mapping.mapPos(s.start, 1), end: mapping.mapPos(s.end, -1) })),
})

function restore(
  passages: readonly EditorPassage[],
  spans: readonly PassageSpan[],
  length: number,
): readonly EditorPassage[] {
  const byId = new Map(spans.map((s) => [s.id, s]))
  return passages.map((p) => {
    const span = byId.get(p.id)
    return span ? clamp({ ...p, start: span.start, end: span.end }, length) : p
  })
}

export const passageField = StateField.define<readonly EditorPassage[]>({
  create: () => [],
  update(passages, tr) {
    let next = tr.docChanged ? mapPassages(passages, tr.changes) : passages
    const length = tr.state.doc.length
    for (const e of tr.effects) {
      if (e.is(setPassages)) next = placePassages(e.value, length)
      else if (e.is(syncPassages)) next = mergePassages(next, e.value, length)
      else if (e.is(restoreSpans)) next = restore(next, e.value, length)
    }
    return next
  },
})

/** The undo history's part: a passage an edit emptied gets its span back when it is undone. */
const undoEmptied = invertedEffects.of((tr) => {
  if (!tr.docChanged) return []
  const after = new Map(tr.state.field(passageField, false)?.map((p) => [p.id, p]) ?? [])
  const emptied = (tr.startState.field(passageField, false) ?? []).filter((p) => {
    const now = after.get(p.id)
    return p.start < p.end && now !== undefined && now.start === now.end
  })
  return emptied.length ? [restoreSpans.of(passageSpans(emptied))] : []
})

/** The field and its part in the undo history. */
export const passageTracking: Extension = [passageField, undoEmptied]
