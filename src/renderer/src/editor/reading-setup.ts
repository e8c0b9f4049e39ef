import { EditorState, Prec, type Extension } from '@codemirror/state'
import { EditorView, keymap } from '@codemirror/view'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { search, searchKeymap } from '@codemirror/search'
import { REVERT_KEY, revertSelected, toChange } from './change-marks'
import { readingTheme } from './editor-theme'

/** What every editor of article text shares, and what an editable one adds. */

export interface ReadingOptions {
  /** The editor's accessible name: "Original text", "Cleaned text"… */
  label: string
  /** The test id on the editor's outer element. */
  testId: string
  /** The text's language, so the right CJK glyphs are picked. */
  lang?: string | null
  /**
   * Called on Ctrl/Cmd+S; returns whether it saved. When it returns false (or is not given)
   * the key is left alone and bubbles to the window.
   */
  save?: () => boolean
}

/** Reading, searching, selecting and copying: what the original and the cleaned text share. */
export function readingSetup(options: ReadingOptions): Extension {
  // tabindex: the text is focusable anyway (contenteditable), but saying so lets checkers such
  // as axe see that the scrolling region around it can be reached from the keyboard.
  const content: Record<string, string> = { 'aria-label': options.label, tabindex: '0' }
  if (options.lang) content.lang = options.lang
  const save = options.save
  return [
    EditorView.lineWrapping,
    EditorView.contentAttributes.of(content),
    EditorView.editorAttributes.of({ 'data-testid': options.testId }),
    search({ top: true }),
    save ? Prec.highest(keymap.of([{ key: 'Mod-s', run: save }])) : [],
    keymap.of([
      { key: 'F7', run: toChange(1), shift: toChange(-1) },
      { key: REVERT_KEY, run: revertSelected },
      ...searchKeymap,
      ...defaultKeymap,
    ]),
    readingTheme,
  ]
}

/** Undo history, for the one editor a person types in. */
export function editingSetup(): Extension {
  return [history(), keymap.of(historyKeymap)]
}

/** Read-only, and said so to assistive technology; the text stays focusable and selectable. */
export function readOnly(on: boolean): Extension {
  return on
    ? [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-readonly': 'true' })]
    : []
}
