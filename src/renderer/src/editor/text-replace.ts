import { Annotation, type ChangeSpec, type EditorState, type Transaction } from '@codemirror/state'
import { diff } from '@codemirror/merge'
import { DIFF_CONFIG } from './own-chunks'

/**
 * Text that arrives from outside the editor (a restored version, a new proposal): put in as the
 * smallest set of changes, so the caret, the scroll position and the review flags on unchanged
 * words all stay where they were, and marked so it is not reported back as a person's edit.
 */

/** Marks a transaction whose text came from the owner of the editor, not from the person. */
export const fromOutside = Annotation.define<boolean>()

/** Whether a transaction brought in text from outside (see fromOutside). */
export function isFromOutside(tr: Transaction): boolean {
  return tr.annotation(fromOutside) === true
}

/** The editor holds text with "\n" line breaks only; compare and insert in that form. */
export function normaliseBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** The changes that turn the state's document into `text`, or null when it already is. */
export function changesTo(state: EditorState, text: string): ChangeSpec[] | null {
  const next = normaliseBreaks(text)
  const current = state.doc.toString()
  if (current === next) return null
  return diff(current, next, DIFF_CONFIG).map((c) => ({
    from: c.fromA,
    to: c.toA,
    insert: next.slice(c.fromB, c.toB),
  }))
}
