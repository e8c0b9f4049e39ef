import { locate, makeAnchor } from '../../shared/anchor'
import { flagKey, type CleaningRecord } from '../../shared/cleaning'
import type { ArticleMeta, FlagStatus, HistoryEntry, ReviewFlag } from '../../shared/model'

/**
 * The version a cleaning record's flags were raised on: the newest one the import or a rule run
 * made (a person's saves and restores come after it and do not replace the record).
 */
export function flaggedVersion(meta: Pick<ArticleMeta, 'history'>): HistoryEntry | undefined {
  return meta.history.findLast((h) => h.by === 'import' || h.by === 'rule')
}

/**
 * Place a record's flags on the current text with what a person decided about each. When the
 * text is the one they were raised on, their positions stand; after edits each is found again
 * by its words and surroundings, or reported without a position when its words are gone.
 */
export function placeFlags(
  record: CleaningRecord | null,
  review: ArticleMeta['review'],
  flaggedText: string,
  currentText: string,
): ReviewFlag[] {
  if (!record) return []
  const unchanged = flaggedText === currentText
  return record.flags.map((flag) => {
    const key = flagKey(flag)
    const status: FlagStatus = review[key] ?? 'open'
    const span = unchanged
      ? { start: flag.start, end: flag.end }
      : locate(makeAnchor(flaggedText, flag), currentText)
    return { ...flag, key, status, start: span?.start ?? null, end: span?.end ?? null }
  })
}

/** Flags still waiting for a person: undecided, and their words still in the text. */
export function countOpen(flags: readonly ReviewFlag[]): number {
  return flags.filter((f) => f.status === 'open' && f.start !== null).length
}
