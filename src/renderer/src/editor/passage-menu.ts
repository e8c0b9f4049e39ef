import { StateEffect, StateField, type Extension } from '@codemirror/state'
import { EditorView, showTooltip, type Tooltip } from '@codemirror/view'
import { passageField, passagesAt } from './passage-field'
import type { PassageHandlers } from './passage-view'

/**
 * The cleaned text's context menu for passages: a right click (or the context-menu key) on
 * selected words offers to tag them, on a passage to remove it. Anywhere else the platform's
 * own menu opens as usual. A menu of the ARIA menu pattern: arrows move, Enter takes, Esc closes
 * and gives the text its focus back.
 */

interface MenuItem {
  label: string
  run: () => void
}

const openMenu = StateEffect.define<{ pos: number; items: readonly MenuItem[] } | null>()

const menuField = StateField.define<Tooltip | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) {
      if (e.is(openMenu)) return e.value ? menuTooltip(e.value.pos, e.value.items) : null
    }
    // Anything else that changes the text or the selection leaves the menu behind.
    return tr.docChanged || tr.selection ? null : value
  },
  provide: (field) => showTooltip.from(field),
})

function close(view: EditorView): void {
  if (view.state.field(menuField, false)) view.dispatch({ effects: openMenu.of(null) })
}

function menuTooltip(pos: number, items: readonly MenuItem[]): Tooltip {
  return {
    pos,
    above: false,
    strictSide: false,
    arrow: false,
    create: (view) => {
      const dom = document.createElement('div')
      dom.className = 'pa-menu'
      dom.setAttribute('role', 'menu')
      dom.setAttribute('aria-label', 'Passage')
      const buttons = items.map((item) => {
        const button = dom.appendChild(document.createElement('button'))
        button.type = 'button'
        button.className = 'pa-menu-item'
        button.setAttribute('role', 'menuitem')
        button.tabIndex = -1
        button.textContent = item.label
        button.addEventListener('mousedown', (event) => event.preventDefault())
        button.addEventListener('click', () => {
          // The text has the focus again first, so whatever the item opens gives it back there.
          close(view)
          view.focus()
          item.run()
        })
        return button
      })
      dom.addEventListener('keydown', (event) => {
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          const step = event.key === 'ArrowDown' ? 1 : -1
          buttons[(at + step + buttons.length) % buttons.length]?.focus()
        } else if (event.key === 'Escape' || event.key === 'Tab') {
          close(view)
          view.focus()
        } else {
          return
        }
        event.preventDefault()
        event.stopPropagation()
      })
      // Focus leaving the menu for anything but one of its items closes it.
      dom.addEventListener('focusout', (event) => {
        if (!dom.contains(event.relatedTarget as Node | null)) close(view)
      })
      return { dom, mount: () => buttons[0]?.focus() }
    },
  }
}

/** What the menu offers at a spot: tag a selection that holds it, or remove passages there. */
function itemsAt(view: EditorView, pos: number, handlers: PassageHandlers): MenuItem[] {
  if (!handlers.editable()) return []
  const range = view.state.selection.main
  if (!range.empty && range.from <= pos && pos <= range.to) {
    const text = view.state.sliceDoc(range.from, range.to)
    return [
      { label: 'Tag passage…', run: () => handlers.tag() },
      { label: 'Copy', run: () => void navigator.clipboard?.writeText(text) },
    ]
  }
  return passagesAt(view.state.field(passageField), pos).map((p) => ({
    label: `Remove passage (${p.name})`,
    run: () => handlers.remove(p.id),
  }))
}

export function passageMenu(handlers: PassageHandlers): Extension {
  return [
    menuField,
    EditorView.domEventHandlers({
      contextmenu(event, view) {
        // From the keyboard the spot is the caret; from a pointer, where it points.
        const fromKeyboard = event.button !== 2 && event.detail === 0
        const pos = fromKeyboard
          ? view.state.selection.main.head
          : view.posAtCoords({ x: event.clientX, y: event.clientY })
        if (pos === null) return false
        const items = itemsAt(view, pos, handlers)
        if (items.length === 0) return false
        event.preventDefault()
        view.dispatch({ effects: openMenu.of({ pos, items }) })
        return true
      },
    }),
  ]
}
