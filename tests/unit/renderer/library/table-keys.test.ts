import { describe, expect, it } from 'vitest'
import { tableAction } from '../../../../src/renderer/src/components/library/tableKeys'

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})

describe('the article table keys', () => {
  it('moves with arrows and j/k, extending with Shift', () => {
    expect(tableAction(key('ArrowDown'))).toEqual({ kind: 'move', to: 'down', extend: false })
    expect(tableAction(key('k'))).toEqual({ kind: 'move', to: 'up', extend: false })
    expect(tableAction(key('J', { shiftKey: true }))).toEqual({
      kind: 'move',
      to: 'down',
      extend: true,
    })
    expect(tableAction(key('End', { shiftKey: true }))).toEqual({
      kind: 'move',
      to: 'last',
      extend: true,
    })
    expect(tableAction(key('PageUp'))).toEqual({ kind: 'move', to: 'pageUp', extend: false })
  })

  it('opens, toggles, selects all and clears', () => {
    expect(tableAction(key('Enter'))).toEqual({ kind: 'open' })
    expect(tableAction(key(' '))).toEqual({ kind: 'toggle' })
    expect(tableAction(key('a', { ctrlKey: true }))).toEqual({ kind: 'selectAll' })
    expect(tableAction(key('a', { metaKey: true }))).toEqual({ kind: 'selectAll' })
    expect(tableAction(key('Escape'))).toEqual({ kind: 'clearSelection' })
  })

  it('leaves every other key, and Alt or Ctrl chords, to the page', () => {
    expect(tableAction(key('a'))).toBeNull()
    expect(tableAction(key('/'))).toBeNull()
    expect(tableAction(key('j', { ctrlKey: true }))).toBeNull()
    expect(tableAction(key('ArrowDown', { altKey: true }))).toBeNull()
    expect(tableAction(key('k', { metaKey: true }))).toBeNull()
    expect(tableAction(key('Enter', { shiftKey: true }))).toBeNull()
  })
})
