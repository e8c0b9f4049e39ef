/** What cleaning leaves behind for the UI: its change log and its review flags. */

/** One applied edit, as the change log keeps it. */
export interface Change {
  rule: string
  reason: string
  /** Which rule application (0-based) made it; edits of one step share its coordinates. */
  step: number
  /** The edited span in the coordinates of that step's input text. */
  start: number
  end: number
  /** What stood there and what replaced it. */
  removed: string
  replacement: string
  /** The same span mapped back onto the original text, for display and attribution. */
  originalStart: number
  originalEnd: number
}

/** A spot a person should look at, in the coordinates of the cleaned text. */
export interface Flag {
  rule: string
  start: number
  end: number
  /** A short stable key: 'doubtful-repetition', 'cjk-in-english', 'long-sentence'… */
  kind: string
  message: string
  suggestion?: string
}

/** Stored per article (cleaning.json): how its cleaned text was made. */
export interface CleaningRecord {
  profile: string
  at: string
  changes: Change[]
  flags: Flag[]
}

/**
 * A flag's identity within its cleaning record, under which a person's decision about it is
 * kept. Re-cleaning writes a new record, and with it new flags to decide about.
 */
export function flagKey(flag: Pick<Flag, 'rule' | 'kind' | 'start' | 'end'>): string {
  return `${flag.rule}/${flag.kind}@${flag.start}-${flag.end}`
}
