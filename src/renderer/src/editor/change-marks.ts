import {
  EditorSelection,
  type EditorState,
  type Extension,
  type StateCommand,
  type Text,
} from '@codemirror/state'
import {
  Decoration,
  EditorView,
  ViewPlugin,
  WidgetType,
  hoverTooltip,
  type Command,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view'
import { getChunks, mergeViewSiblings } from '@codemirror/merge'
import {
  BY_HAND,
  attribute,
  overlaps,
  reasonUnder,
  ruleLabel,
  type AttributionIndex,
  type Span,
} from './attribution'
import {
  differenceAt,
  differences,
  type ChunkLike,
  type Difference,
  type Side,
} from './chunk-spans'
import {
  chunksStale,
  exactOwnChunks,
  originalDoc,
  ownChunks,
  refreshChunks,
  shownOwnChunks,
} from './own-chunks'
import { quoteAround } from './quote'
import { tooltipBody, type TooltipAction, type TooltipLine } from './tooltip-dom'

/**
 * What cleaning changed, shown on the cleaned text: the spots where text was removed, the text
 * that was added (when no merge view does it already), on hover the rule that did it, and
 * reverting one change at a time.
 */

/**
 * The chunks an editor shows, from its merge view or its own comparison, and its side. With
 * `exact`, a standalone editor's pending edits are diffed first (for commands and tooltips,
 * which act on what is there now); without, they may be shifted chunks (for drawing marks).
 */
function chunksOf(
  state: EditorState,
  exact = false,
): { chunks: readonly ChunkLike[]; side: Side } | null {
  const merged = getChunks(state)
  if (merged?.side) return { chunks: merged.chunks, side: merged.side }
  const own = exact ? exactOwnChunks(state) : shownOwnChunks(state)
  return own ? { chunks: own, side: 'b' } : null
}

/** How long typing must pause before a standalone editor's changes are diffed again (ms). */
const REFRESH_DELAY = 300

/** Re-diff a standalone editor's text once the person pauses. */
const refreshAfterPause = ViewPlugin.fromClass(
  class {
    timer: ReturnType<typeof setTimeout> | undefined
    constructor(readonly view: EditorView) {}
    update(update: ViewUpdate): void {
      if (!update.docChanged) return
      clearTimeout(this.timer)
      this.timer = setTimeout(() => {
        if (chunksStale(this.view.state)) this.view.dispatch({ effects: refreshChunks.of(null) })
      }, REFRESH_DELAY)
    }
    destroy(): void {
      clearTimeout(this.timer)
    }
  },
)

/** A thin mark where text was taken out; it has no text of its own. */
class RemovedSpot extends WidgetType {
  override eq(): boolean {
    return true
  }
  override toDOM(): HTMLElement {
    const spot = document.createElement('span')
    spot.className = 'cm-removedSpot'
    spot.setAttribute('aria-hidden', 'true')
    return spot
  }
  override ignoreEvent(): boolean {
    return false
  }
}

const removedSpot = Decoration.widget({ widget: new RemovedSpot(), side: 1 })
const addedText = Decoration.mark({ class: 'cm-addedText' })

function buildMarks(view: EditorView, marksAdded: boolean): DecorationSet {
  const found = chunksOf(view.state)
  if (!found || found.side !== 'b') return Decoration.none
  const { from, to } = view.viewport
  const ranges = []
  for (const chunk of found.chunks) {
    if (chunk.fromB > to) break
    if (chunk.toB < from) continue
    for (const d of differences(chunk)) {
      if (d.b.from === d.b.to) {
        if (d.a.from < d.a.to) ranges.push(removedSpot.range(d.b.from))
      } else if (marksAdded) {
        ranges.push(addedText.range(d.b.from, Math.min(d.b.to, view.state.doc.length)))
      }
    }
  }
  return Decoration.set(ranges, true)
}

function changeMarks(marksAdded: boolean): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet
      constructor(view: EditorView) {
        this.decorations = buildMarks(view, marksAdded)
      }
      update(update: ViewUpdate): void {
        if (
          update.docChanged ||
          update.viewportChanged ||
          chunksOf(update.startState)?.chunks !== chunksOf(update.state)?.chunks
        ) {
          this.decorations = buildMarks(update.view, marksAdded)
        }
      }
    },
    { decorations: (plugin) => plugin.decorations },
  )
}

/** Where the tooltip finds the change log and the rules' names, which can change over time. */
export interface ChangeSources {
  index(): AttributionIndex
  ruleNames(): Readonly<Record<string, string>> | undefined
}

/** The words around a span of a document, for a "before → after" line. */
function quoteDoc(doc: Text, span: Span): string {
  const lo = Math.max(0, span.from - 24)
  const hi = Math.min(doc.length, span.to + 24)
  return quoteAround(doc.sliceString(lo, hi), span.from - lo, Math.min(span.to, hi) - lo)
}

/** The editor of the cleaned text that goes with this one: itself, or its merge sibling. */
function cleanedEditor(view: EditorView, side: Side): EditorView | null {
  return side === 'b' ? view : (mergeViewSiblings(view)?.b ?? null)
}

/**
 * Put the original's words back for some differences, as one undoable edit of the cleaned
 * text. Finer than the merge view's chunk buttons: a chunk can span many paragraphs when
 * cleaning re-laid them all out, but a difference is one change.
 */
function revertDifferences(target: EditorView, diffs: readonly Difference[]): boolean {
  if (diffs.length === 0 || target.state.readOnly) return false
  const original = target.state.facet(originalDoc)
  target.dispatch({
    changes: diffs.map((d) => ({
      from: d.b.from,
      to: Math.min(d.b.to, target.state.doc.length),
      insert: original.sliceString(d.a.from, d.a.to),
    })),
    userEvent: 'revert',
    scrollIntoView: true,
  })
  return true
}

/** The key that reverts the changes under the caret or the selection (as in JetBrains IDEs). */
export const REVERT_KEY = 'Mod-Alt-z'

/** REVERT_KEY as the person's keyboard labels it. */
const REVERT_KEY_LABEL =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
    ? '⌘⌥Z'
    : 'Ctrl+Alt+Z'

/** Revert every difference the selection touches, or the one at the caret. */
export const revertSelected: Command = (view) => {
  const found = chunksOf(view.state, true)
  if (!found || found.side !== 'b') return false
  const { from, to } = view.state.selection.main
  const diffs = found.chunks.flatMap(differences).filter((d) => overlaps(d.b, { from, to }))
  return revertDifferences(view, diffs)
}

/**
 * Move to the next (dir 1) or previous (-1) change, wrapping around the ends: F7 / Shift+F7,
 * as in other diff editors.
 */
export function toChange(dir: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const found = chunksOf(state, true)
    if (!found) return false
    const starts = found.chunks
      .flatMap(differences)
      .map((d) => Math.min(d[found.side].from, state.doc.length))
    if (starts.length === 0) return false
    const head = state.selection.main.head
    const later = starts.find((s) => s > head)
    const earlier = starts.filter((s) => s < head).pop()
    const target = dir > 0 ? (later ?? starts[0]!) : (earlier ?? starts[starts.length - 1]!)
    dispatch(
      state.update({
        selection: EditorSelection.cursor(target),
        effects: EditorView.scrollIntoView(target, { y: 'center' }),
        userEvent: 'select',
      }),
    )
    return true
  }
}

function changeTooltip(sources: ChangeSources): Extension {
  return hoverTooltip(
    (view, pos) => {
      const found = chunksOf(view.state, true)
      if (!found) return null
      const d = differenceAt(found.chunks, found.side, pos)
      if (!d) return null
      const span = d[found.side]
      const docA = found.side === 'a' ? view.state.doc : view.state.facet(originalDoc)
      const docB = found.side === 'b' ? view.state.doc : mergeViewSiblings(view)?.b.state.doc
      const target = cleanedEditor(view, found.side)
      return {
        pos: span.from,
        end: Math.min(span.to, view.state.doc.length),
        above: true,
        create: () => {
          const who = attribute(sources.index(), d.a)
          const names = sources.ruleNames()
          const labels = who.map((a) => ruleLabel(a.rule, names))
          // One rule: its name is the heading. Several: each reason under its rule's name.
          const lines: TooltipLine[] = who.map((a, i) =>
            who.length === 1
              ? { text: reasonUnder(labels[i]!, a.reason) }
              : { lead: `${labels[i]}:`, text: reasonUnder(labels[i]!, a.reason) },
          )
          const before = quoteDoc(docA, d.a)
          const after = docB ? quoteDoc(docB, d.b) : ''
          const words = `“${before}” → “${after}”`
          // Skip it when the reason already says exactly that (the glossary's do).
          if (before !== after && (before || after) && !lines.some((l) => l.text === words)) {
            lines.push({ text: words, muted: true })
          }
          const actions: TooltipAction[] = []
          if (target && !target.state.readOnly) {
            actions.push({
              label: 'Revert this change',
              title: `Put the original’s words back (${REVERT_KEY_LABEL} at the caret)`,
              run: () => revertDifferences(target, [d]),
            })
          }
          const heading =
            who.length === 0 ? BY_HAND : who.length === 1 ? labels[0]! : 'Cleaning rules'
          return { dom: tooltipBody(heading, lines, actions) }
        },
      }
    },
    { hideOnChange: true },
  )
}

/**
 * For the editors of a merge view (either side): the rule behind each change on hover, and the
 * removed-text spots on the cleaned side. `original` is the left document.
 */
export function mergedChanges(original: Text, sources: ChangeSources): Extension {
  return [originalDoc.of(original), changeMarks(false), changeTooltip(sources)]
}

/**
 * For an editor of the cleaned text shown alone: it compares itself with the original as the
 * person types, marks added text and removed spots, and names the rule behind each on hover.
 */
export function standaloneChanges(original: Text, sources: ChangeSources): Extension {
  return [
    originalDoc.of(original),
    ownChunks,
    refreshAfterPause,
    changeMarks(true),
    changeTooltip(sources),
  ]
}

/** At most this many differences are spelled out in a chunk's description. */
const DESCRIBED = 3

/**
 * A one-line account of a chunk for its button: each difference as “before” → “after”, with
 * the reasons `why` gives for it (none in a plain comparison).
 */
export function describeChunk(
  chunk: ChunkLike,
  docA: Text,
  docB: Text,
  why?: (a: Span) => string[],
): string {
  const parts: string[] = []
  const all = differences(chunk)
  for (const d of all.slice(0, DESCRIBED)) {
    const before = quoteDoc(docA, d.a)
    const after = quoteDoc(docB, d.b)
    const reasons = why?.(d.a) ?? []
    const words = before === after ? '' : `“${before}” → “${after}”`
    parts.push([words, reasons.join('; ')].filter(Boolean).join(' — '))
  }
  const more = all.length - DESCRIBED
  if (more > 0) parts.push(`and ${more} more`)
  return parts.filter(Boolean).join(' · ')
}

/** The reasons for a span of the original, or the by-hand wording when no rule made it. */
export function reasonsFor(index: AttributionIndex): (a: Span) => string[] {
  return (a) => {
    const who = attribute(index, a)
    return who.length ? who.map((w) => w.reason) : [BY_HAND.toLowerCase()]
  }
}
