import { onMounted, onUnmounted } from 'vue'
import { allCommands, execute, isEnabled, type Command } from './useCommands'

/**
 * A shortcut as commands write it: modifiers, then one key, joined by "+". `Mod` is ⌘ on a Mac
 * and Ctrl elsewhere. The key is a character ("K", "?", "/", "=", "1") or a KeyboardEvent key
 * name ("Enter", "ArrowUp", "Escape", "Space"). "Mod++" names the plus key.
 */
export interface Shortcut {
  mod: boolean
  ctrl: boolean
  alt: boolean
  shift: boolean
  key: string
}

const MODIFIERS = new Set(['mod', 'ctrl', 'alt', 'shift'])

/** Read a shortcut; null when it is not one (an unknown modifier, no key). */
export function parseShortcut(text: string): Shortcut | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  // The key is what follows the last "+", unless the key is "+" itself ("Mod++", "+").
  const plusKey = trimmed === '+' || trimmed.endsWith('++')
  const body = plusKey ? trimmed.slice(0, -1) : trimmed
  const parts = body.split('+')
  const key = plusKey ? '+' : parts.pop()
  if (plusKey) parts.pop()
  if (key === undefined || key === '') return null
  const shortcut: Shortcut = { mod: false, ctrl: false, alt: false, shift: false, key: '' }
  for (const part of parts) {
    const name = part.trim().toLowerCase()
    if (!MODIFIERS.has(name)) return null
    shortcut[name as 'mod' | 'ctrl' | 'alt' | 'shift'] = true
  }
  shortcut.key = key === 'Space' ? ' ' : key.length === 1 ? key.toLowerCase() : key
  return shortcut
}

/** The parts of a KeyboardEvent that matching looks at (so tests need no DOM). */
export type KeyInput = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'
>

/**
 * The key an event stands for. With a modifier held, a non-Latin layout (Russian, Greek) or a
 * Mac's Option turns K into another character; the physical key then says which letter it is.
 */
function eventKey(event: KeyInput): string {
  const key = event.key
  const modified = event.ctrlKey || event.metaKey || event.altKey
  if (modified && key.length === 1 && !/^[\x20-\x7e]$/.test(key)) {
    const physical = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(event.code)
    if (physical) return (physical[1] ?? physical[2]!).toLowerCase()
  }
  return key.length === 1 ? key.toLowerCase() : key
}

/** Whether a key event is this shortcut, on a Mac (`mac`) or elsewhere. */
export function matchesShortcut(event: KeyInput, shortcut: Shortcut, mac: boolean): boolean {
  // Mod is Cmd on a Mac and Ctrl elsewhere; an explicit Ctrl is the Control key everywhere.
  const wantMeta = mac && shortcut.mod
  const wantCtrl = shortcut.ctrl || (!mac && shortcut.mod)
  if (event.metaKey !== wantMeta || event.ctrlKey !== wantCtrl) return false
  if (event.altKey !== shortcut.alt) return false

  const key = eventKey(event)
  const expected = shortcut.key
  const symbol = expected.length === 1 && !/^[a-z0-9 ]$/.test(expected)
  if (symbol) {
    // A symbol's Shift is part of the character ("?" is Shift+/ on one layout, not another),
    // so Shift only counts when the shortcut names it. "=" also answers to "+", its shifted
    // self, as zoom keys do everywhere.
    if (shortcut.shift && !event.shiftKey) return false
    return key === expected || (expected === '=' && key === '+')
  }
  return event.shiftKey === shortcut.shift && key === expected
}

/** Whether this machine's Mod key is ⌘. */
export function isMac(): boolean {
  if (typeof navigator === 'undefined') return false
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform
  return /mac|iphone|ipad/i.test(platform)
}

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Enter: 'Enter',
  Backspace: 'Backspace',
  Delete: 'Delete',
}

/**
 * The keys of a shortcut as a person reads them, one entry per key to press: ["Ctrl", "K"],
 * or ["⌘", "K"] on a Mac. Unparseable text comes back as it is.
 */
export function formatShortcut(text: string, mac: boolean): string[] {
  const shortcut = parseShortcut(text)
  if (!shortcut) return [text]
  const keys: string[] = []
  if (shortcut.ctrl) keys.push(mac ? '⌃' : 'Ctrl')
  if (shortcut.mod && !(shortcut.ctrl && !mac)) keys.push(mac ? '⌘' : 'Ctrl')
  if (shortcut.alt) keys.push(mac ? '⌥' : 'Alt')
  if (shortcut.shift) keys.push(mac ? '⇧' : 'Shift')
  const key = shortcut.key
  keys.push(KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key))
  return keys
}

/** The shortcut as one string, for a title or an accessible name: "Ctrl+K", "⌘K". */
export function shortcutLabel(text: string, mac: boolean): string {
  return formatShortcut(text, mac).join(mac ? '' : '+')
}

const NOT_TYPED = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
])

/**
 * Whether keys pressed on this element are typing: text fields, selects, and contenteditable
 * (CodeMirror's `.cm-content` is one). There a plain "?" or "/" is text, not a command.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type)
  return target.isContentEditable
}

/** The command a key event runs: the last registered enabled one with that shortcut. */
export function commandForKey(
  event: KeyInput,
  commands: readonly Command[],
  mac: boolean,
): Command | null {
  for (let i = commands.length - 1; i >= 0; i--) {
    const command = commands[i]!
    if (!command.shortcut) continue
    const shortcut = parseShortcut(command.shortcut)
    if (shortcut && matchesShortcut(event, shortcut, mac) && isEnabled(command)) return command
  }
  return null
}

let pauses = 0

/**
 * Switch the window's shortcuts off while a modal dialog has the keyboard; returns the function
 * that switches them back on. Nested dialogs each hold their own pause.
 */
export function pauseShortcuts(): () => void {
  pauses += 1
  let released = false
  return () => {
    if (released) return
    released = true
    pauses -= 1
  }
}

function onKeydown(event: KeyboardEvent): void {
  // A component that handled the key itself (a list's j/k, the editor's Mod+F) has the last word.
  if (event.defaultPrevented || event.isComposing || pauses > 0) return
  // Alt+digit switches views even from inside the editor; on a Mac Option+key types characters,
  // and Alt with the numeric keypad enters character codes on Windows, so those stay typing.
  const modified =
    event.ctrlKey || event.metaKey || (event.altKey && !isMac() && !event.code.startsWith('Numpad'))
  if (!modified && isTypingTarget(event.target)) return
  const command = commandForKey(event, allCommands(), isMac())
  if (!command) return
  event.preventDefault()
  execute(command)
}

let installs = 0

/**
 * Install the window's one keydown handler, which runs registered commands by their shortcuts.
 * App.vue calls this once; calling it again from elsewhere does not add a second handler.
 */
export function useShortcuts(): void {
  onMounted(() => {
    if (installs++ === 0) window.addEventListener('keydown', onKeydown)
  })
  onUnmounted(() => {
    if (--installs === 0) window.removeEventListener('keydown', onKeydown)
  })
}
