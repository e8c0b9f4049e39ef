import { StateField, type EditorState, type Extension } from '@codemirror/state'
import {
  closeHoverTooltips,
  Decoration,
  EditorView,
  hoverTooltip,
  showTooltip,
  type DecorationSet,
  type Tooltip,
} from '@codemirror/view'
import { passageStyle } from './passage-colors'
import { passageField, passageTracking, passagesAt, type EditorPassage } from './passage-field'
import { passageMenu } from './passage-menu'
import { quoteSpan } from './quote'
import { tooltipBody, type TooltipAction } from './tooltip-dom'

/**
 * How passages show in the cleaned text: a highlight in each one's theme colour, a tooltip that
 * names the theme and can remove the passage, a small button by a selection to tag it, and the
 * same two actions in the text's context menu.
 */

export interface PassageHandlers {
  /** Whether passages can be added and removed now (not in a read-only archive). */
  editable: () => boolean
  /** The person asked to tag the selected words. */
  tag: () => void
  remove: (id: string) => void
  /** How the tag shortcut reads on this machine, for the button's hint ("Ctrl+Shift+T"). */
  tagShortcut: string
}

const markCache = new Map<string, Decoration>()

function passageMark(p: EditorPassage): Decoration {
  const key = `${p.id} ${p.color}`
  let mark = markCache.get(key)
  if (!mark) {
    mark = Decoration.mark({
      class: 'cm-passage',
      attributes: { 'data-passage': p.id, 'data-theme': p.themeId, style: passageStyle(p.color) },
    })
    markCache.set(key, mark)
  }
  return mark
}

const passageDecorations = EditorView.decorations.compute(
  [passageField],
  (state): DecorationSet => {
    const ranges = state
      .field(passageField)
      .filter((p) => p.start < p.end)
      .map((p) => passageMark(p).range(p.start, p.end))
    return Decoration.set(ranges, true)
  },
)

function passageTooltip(handlers: PassageHandlers): Extension {
  return hoverTooltip((view, pos) => {
    const here = passagesAt(view.state.field(passageField), pos)
    const first = here[0]
    if (!first) return null
    return {
      pos: first.start,
      end: first.end,
      above: true,
      create: (view) => {
        const text = view.state.doc
        const lines = here.map((p) => ({
          lead: p.name,
          text: quoteSpan(text.sliceString(p.start, p.end), 0, p.end - p.start, 80),
          muted: true,
        }))
        const actions: TooltipAction[] = handlers.editable()
          ? here.map((p) => ({
              label: here.length > 1 ? `Remove “${p.name}”` : 'Remove passage',
              run: () => {
                // The tooltip is about the passage: it goes with it.
                view.dispatch({ effects: closeHoverTooltips })
                handlers.remove(p.id)
              },
            }))
          : []
        return { dom: tooltipBody(here.length > 1 ? 'Passages' : 'Passage', lines, actions) }
      },
    }
  })
}

/** The button shown under a selection while there is one. */
function tagButton(state: EditorState, handlers: PassageHandlers): Tooltip | null {
  const range = state.selection.main
  if (range.empty || !handlers.editable()) return null
  return {
    pos: range.to,
    above: false,
    strictSide: false,
    arrow: false,
    create: () => {
      const dom = document.createElement('div')
      dom.className = 'pa-tag-float'
      const button = dom.appendChild(document.createElement('button'))
      button.type = 'button'
      button.className = 'pa-tag-button'
      button.textContent = 'Tag passage…'
      button.title = `Tag the selected words with a theme (${handlers.tagShortcut})`
      button.dataset.testid = 'tag-passage'
      // Keep the selection: a press on the button must not move the caret.
      button.addEventListener('mousedown', (event) => event.preventDefault())
      button.addEventListener('click', () => handlers.tag())
      return { dom }
    },
  }
}

function selectionTagger(handlers: PassageHandlers): Extension {
  return StateField.define<Tooltip | null>({
    create: (state) => tagButton(state, handlers),
    update(value, tr) {
      if (!tr.selection && !tr.docChanged) return value
      return tagButton(tr.state, handlers)
    },
    provide: (field) => showTooltip.from(field),
  })
}

/** Everything the cleaned text needs to show passages (passageField itself included). */
export function passages(handlers: PassageHandlers): Extension {
  return [
    passageTracking,
    passageDecorations,
    passageTooltip(handlers),
    selectionTagger(handlers),
    passageMenu(handlers),
  ]
}
