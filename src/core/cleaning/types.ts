import type { Change, Flag } from '../../shared/cleaning'
import type { GlossaryEntry } from '../../shared/profile'

export type { Change, Flag, GlossaryEntry }

/**
 * The cleaning engine's vocabulary. A rule reads text and proposes edits (or, when it is not
 * sure, review flags); the engine applies the edits, logs each one with the rule that made it,
 * and maps everything back to the original so the UI can show and revert any change.
 */

/** A change a rule wants, in the coordinates of the text the rule was given. */
export interface EditProposal {
  start: number
  end: number
  replacement: string
  /** Why, in words an editor understands: "spaced hyphen in a compound". */
  reason: string
}

/** A spot a person should look at; rules raise these instead of guessing. */
export interface FlagProposal {
  start: number
  end: number
  /** A short stable key: 'doubtful-repetition', 'cjk-in-english', 'long-sentence'… */
  kind: string
  message: string
  suggestion?: string
}

/** Metadata the press furniture rules find (title, byline…) while taking it out of the body. */
export interface FoundMetadata {
  title?: string
  author?: string
  date?: string
  source?: string
  editor?: string
  url?: string
}

export interface RuleContext {
  readonly glossary: readonly GlossaryEntry[]
  /** Filled by the furniture rules; later rules may read it. */
  readonly metadata: FoundMetadata
}

export interface RuleOutput {
  edits?: EditProposal[]
  flags?: FlagProposal[]
}

export interface Rule {
  /** Stable id used in change logs and profiles: 'spaced-hyphen', 'end-marker'… */
  id: string
  name: string
  description: string
  /** Rules that make sense on a title line too (spacing, glossary, repetition). */
  appliesToTitle?: boolean
  apply(text: string, ctx: RuleContext): RuleOutput
}

export interface CleanResult {
  /** The cleaned body: no title, no header or footer furniture, paragraphs one blank line apart. */
  cleaned: string
  metadata: FoundMetadata
  changes: Change[]
  /** In the coordinates of `cleaned`. */
  flags: Flag[]
}
