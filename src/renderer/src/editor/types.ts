import type { PassageSpan } from './passage-field'

/** How the article pane shows a text: the original alone, both side by side, or the cleaned. */
export type EditorMode = 'original' | 'split' | 'cleaned'

/** Where a review flag stands in the current cleaned text, or null when edited away. */
export type FlagSpan = { start: number; end: number } | null

/** The methods ArticleEditor exposes to its owner (through a template ref). */
export interface ArticleEditorApi {
  /** Scroll to a passage, select its words and focus the text; false if it has none left. */
  revealPassage(id: string): boolean
  /**
   * Where each passage is in `text`, mapped through every edit, for a save of that text; null
   * when the editor holds some other text (then the archive finds the passages by their words).
   */
  passageSpans(text: string): PassageSpan[] | null
  /** Every passage's span in the text as it stands now (an empty span: words deleted). */
  passagePositions(): Record<string, PassageSpan>
  /** The selected words of the cleaned text and the text they are in; null when none. */
  selectedSpan(): { start: number; end: number; text: string } | null
  /** Scroll to a flag, select its words and focus the text; false if it has no words left. */
  revealFlag(key: string): boolean
  /** Every flag's span in the text as it stands now, edits included. */
  flagPositions(): Record<string, FlagSpan>
  /** The cleaned text as it stands now. */
  currentText(): string
  focus(): void
  /** Undo or redo in the cleaned text; false when there is nothing to undo or redo. */
  undo(): boolean
  redo(): boolean
}

/** The methods DiffView exposes. */
export interface DiffViewApi {
  /** Take every change of the right side into the left (a re-clean proposal accepted whole). */
  acceptAll(): void
}
