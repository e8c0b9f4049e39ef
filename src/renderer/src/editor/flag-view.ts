import type { Extension } from '@codemirror/state'
import { Decoration, EditorView, hoverTooltip, type DecorationSet } from '@codemirror/view'
import type { ReviewFlag } from '../../../shared/model'
import { flagField, isMarked, openFlagsAt } from './flag-field'
import { tooltipBody, type TooltipLine } from './tooltip-dom'

/** How review flags show in the cleaned text: wavy underlines, a tooltip, the caret's cue. */

function flagMark(flag: ReviewFlag): Decoration {
  return Decoration.mark({ class: 'cm-reviewFlag', attributes: { 'data-flag': flag.key } })
}

/** Underline every open flag whose words are still there. */
const flagDecorations = EditorView.decorations.compute([flagField], (state): DecorationSet => {
  const ranges = state
    .field(flagField)
    .filter(isMarked)
    .filter((f) => f.start < f.end)
    .map((f) => flagMark(f).range(f.start, f.end))
  return Decoration.set(ranges, true)
})

const flagTooltip = hoverTooltip((view, pos) => {
  const flags = openFlagsAt(view.state.field(flagField), pos)
  const first = flags[0]
  if (!first || first.start === null || first.end === null) return null
  return {
    pos: first.start,
    end: first.end,
    above: true,
    create: () => {
      const lines: TooltipLine[] = []
      for (const f of flags) {
        lines.push({ text: f.message })
        if (f.suggestion) lines.push({ lead: 'Suggestion:', text: f.suggestion, muted: true })
      }
      return { dom: tooltipBody(flags.length > 1 ? 'Review flags' : 'Review flag', lines) }
    },
  }
})

/**
 * Tell the owner when the caret comes to rest in an open flag, so the list beside the editor
 * can show which one it is. Fires once per entry, not on every keystroke inside the flag.
 */
function caretEntersFlag(onEnter: (key: string) => void): Extension {
  let current: string | null = null
  return EditorView.updateListener.of((update) => {
    if (!update.selectionSet && !update.docChanged) return
    const head = update.state.selection.main.head
    const key = openFlagsAt(update.state.field(flagField), head)[0]?.key ?? null
    if (key !== current && key !== null && update.selectionSet) onEnter(key)
    current = key
  })
}

/** Everything the cleaned text needs to show review flags (flagField itself included). */
export function reviewFlags(onEnter: (key: string) => void): Extension {
  return [flagField, flagDecorations, flagTooltip, caretEntersFlag(onEnter)]
}
