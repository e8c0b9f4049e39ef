import { describe, expect, it } from 'vitest'
import type { Command } from '../../../../src/renderer/src/composables/useCommands'
import {
  commandForKey,
  formatShortcut,
  matchesShortcut,
  parseShortcut,
  shortcutLabel,
  type KeyInput,
} from '../../../../src/renderer/src/composables/useShortcuts'

function key(k: string, mods: Partial<KeyInput> = {}, code = ''): KeyInput {
  return { key: k, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }
}

function matches(shortcut: string, event: KeyInput, mac = false): boolean {
  const parsed = parseShortcut(shortcut)
  if (!parsed) throw new Error(`not a shortcut: ${shortcut}`)
  return matchesShortcut(event, parsed, mac)
}

describe('parseShortcut', () => {
  it('reads modifiers and the key', () => {
    expect(parseShortcut('Mod+Shift+Z')).toEqual({
      mod: true,
      ctrl: false,
      alt: false,
      shift: true,
      key: 'z',
    })
    expect(parseShortcut('?')).toMatchObject({ mod: false, shift: false, key: '?' })
    expect(parseShortcut('ArrowUp')).toMatchObject({ key: 'ArrowUp' })
    expect(parseShortcut('Space')).toMatchObject({ key: ' ' })
  })

  it('reads the plus key', () => {
    expect(parseShortcut('Mod++')).toMatchObject({ mod: true, key: '+' })
    expect(parseShortcut('+')).toMatchObject({ mod: false, key: '+' })
  })

  it('refuses what is not a shortcut', () => {
    expect(parseShortcut('')).toBeNull()
    expect(parseShortcut('Hyper+K')).toBeNull()
    expect(parseShortcut('Mod+')).toBeNull()
  })
})

describe('matchesShortcut', () => {
  it('takes Mod as Ctrl off a Mac and as Cmd on one', () => {
    expect(matches('Mod+K', key('k', { ctrlKey: true }))).toBe(true)
    expect(matches('Mod+K', key('k', { metaKey: true }))).toBe(false)
    expect(matches('Mod+K', key('k', { metaKey: true }), true)).toBe(true)
    expect(matches('Mod+K', key('k', { ctrlKey: true }), true)).toBe(false)
  })

  it('wants exactly the modifiers named', () => {
    expect(matches('Mod+K', key('k'))).toBe(false)
    expect(matches('Mod+K', key('k', { ctrlKey: true, altKey: true }))).toBe(false)
    expect(matches('Mod+Z', key('Z', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(matches('Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(matches('1', key('1', { ctrlKey: true }))).toBe(false)
  })

  it('takes a symbol as typed, whatever Shift it took on this layout', () => {
    expect(matches('?', key('?', { shiftKey: true }))).toBe(true)
    expect(matches('/', key('/'))).toBe(true)
    // "/" is Shift+7 on a German keyboard.
    expect(matches('/', key('/', { shiftKey: true }, 'Digit7'))).toBe(true)
    expect(matches('?', key('/'))).toBe(false)
  })

  it('lets "=" answer to "+" as zoom keys do', () => {
    expect(matches('Mod+=', key('=', { ctrlKey: true }))).toBe(true)
    expect(matches('Mod+=', key('+', { ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(matches('Mod+-', key('-', { ctrlKey: true }))).toBe(true)
    expect(matches('Mod+0', key('0', { ctrlKey: true }))).toBe(true)
  })

  it('goes by the physical key when a layout types another letter', () => {
    // Ctrl+K on a Russian layout types "л".
    expect(matches('Mod+K', key('л', { ctrlKey: true }, 'KeyK'))).toBe(true)
    expect(matches('Mod+K', key('л', { ctrlKey: true }, 'KeyL'))).toBe(false)
    // Without a modifier it is typing, and "л" is not K.
    expect(matches('K', key('л', {}, 'KeyK'))).toBe(false)
  })

  it('matches digits and named keys', () => {
    expect(matches('1', key('1'))).toBe(true)
    expect(matches('2', key('1'))).toBe(false)
    expect(matches('Shift+ArrowDown', key('ArrowDown', { shiftKey: true }))).toBe(true)
    expect(matches('ArrowDown', key('ArrowDown', { shiftKey: true }))).toBe(false)
  })
})

describe('formatShortcut', () => {
  it('spells keys for the platform', () => {
    expect(formatShortcut('Mod+Shift+Z', false)).toEqual(['Ctrl', 'Shift', 'Z'])
    expect(formatShortcut('Mod+Shift+Z', true)).toEqual(['⌘', '⇧', 'Z'])
    expect(formatShortcut('Shift+ArrowUp', false)).toEqual(['Shift', '↑'])
    expect(formatShortcut('?', false)).toEqual(['?'])
    expect(shortcutLabel('Mod+K', false)).toBe('Ctrl+K')
    expect(shortcutLabel('Mod+K', true)).toBe('⌘K')
  })
})

describe('commandForKey', () => {
  const run = (): void => {}
  it('picks the last registered enabled command with the shortcut', () => {
    let enabled = true
    const commands: Command[] = [
      { id: 'first', title: 'First', shortcut: 'Mod+S', run },
      { id: 'second', title: 'Second', shortcut: 'Mod+S', run, enabled: () => enabled },
      { id: 'other', title: 'Other', shortcut: 'Mod+K', run },
    ]
    const save = key('s', { ctrlKey: true })
    expect(commandForKey(save, commands, false)?.id).toBe('second')
    enabled = false
    expect(commandForKey(save, commands, false)?.id).toBe('first')
    expect(commandForKey(key('x', { ctrlKey: true }), commands, false)).toBeNull()
  })
})
