export interface ListNavigationOptions {
  /** How many rows there are. */
  count: () => number
  /** The selected row, or -1 when none is. */
  index: () => number
  select: (index: number) => void
  open: (index: number) => void
}

/**
 * Keyboard handling for a single-select list that keeps focus on the list itself
 * (`aria-activedescendant`): ↑/↓ and k/j move, Home/End jump, Enter opens.
 */
export function useListNavigation(options: ListNavigationOptions) {
  function target(key: string, current: number, last: number): number | null {
    switch (key) {
      case 'ArrowDown':
      case 'j':
        return current < 0 ? 0 : Math.min(current + 1, last)
      case 'ArrowUp':
      case 'k':
        return current < 0 ? 0 : Math.max(current - 1, 0)
      case 'Home':
        return 0
      case 'End':
        return last
      default:
        return null
    }
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const count = options.count()
    if (count === 0) return
    const current = options.index()
    if (event.key === 'Enter') {
      if (current < 0) return
      event.preventDefault()
      options.open(current)
      return
    }
    const next = target(event.key, current, count - 1)
    if (next === null) return
    event.preventDefault()
    if (next !== current) options.select(next)
  }

  return { onKeydown }
}
