/** What a key pressed on the article table asks for. */
export type TableAction =
  | { kind: 'move'; to: 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last'; extend: boolean }
  | { kind: 'open' }
  | { kind: 'toggle' }
  | { kind: 'selectAll' }
  | { kind: 'clearSelection' }

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

const MOVES: Record<string, Extract<TableAction, { kind: 'move' }>['to']> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  k: 'up',
  j: 'down',
  K: 'up',
  J: 'down',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  Home: 'first',
  End: 'last',
}

/**
 * The table's keys, as in a mail client's message list: ↑/↓ or k/j move the cursor (Shift
 * extends the selection), PageUp/PageDown and Home/End jump, Enter opens, Space toggles the
 * cursor's row, Ctrl/Cmd+A selects everything the filter matches, Escape clears the selection.
 * Anything else is left to the page (null).
 */
export function tableAction(event: Keys): TableAction | null {
  if (event.altKey) return null
  const command = event.ctrlKey || event.metaKey
  if (command) {
    return event.key === 'a' || event.key === 'A' ? { kind: 'selectAll' } : null
  }
  const to = MOVES[event.key]
  if (to) return { kind: 'move', to, extend: event.shiftKey }
  if (event.shiftKey) return null
  switch (event.key) {
    case 'Enter':
      return { kind: 'open' }
    case ' ':
      return { kind: 'toggle' }
    case 'Escape':
      return { kind: 'clearSelection' }
    default:
      return null
  }
}
