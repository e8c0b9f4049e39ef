import { randomBytes } from 'node:crypto'
import { locate, makeAnchor, type Span, type TextAnchor } from '../../shared/anchor'
import type { ArticleMeta, Passage } from '../../shared/model'
import { ArchiveError } from '../errors'
import type { MovedPassage } from './schemas'

/** Where the editor says a passage is after a person's edits, mapped through each change. */
export interface MappedSpan extends Span {
  id: string
}

export function newPassageId(): string {
  let out = 'p_'
  for (const b of randomBytes(10)) out += (b % 36).toString(36)
  return out
}

/** A new passage on `text`; the span must hold words of the text. */
export function makePassage(
  text: string,
  themeId: string,
  span: Span,
  id: string = newPassageId(),
): Passage {
  if (!isSpanOf(text, span) || span.start === span.end) {
    throw new ArchiveError(
      'invalid-argument',
      `A passage must be some of the article's words (characters ${span.start}–${span.end} of ${text.length} are not).`,
    )
  }
  return { id, themeId, ...placed(text, span), createdAt: new Date().toISOString() }
}

/**
 * Carry passages from `oldText` onto `newText`. A span the editor mapped through the person's
 * edits is taken as given (that is how an edit inside a passage keeps it); every other passage
 * is found again by its own words and their surroundings. One whose words are gone, or whose
 * mapped span came out empty, is kept detached with the words it had. Detached passages stay
 * as they are: their words may be gone for good, and they are never moved onto others.
 */
export function relocatePassages(
  passages: readonly Passage[],
  oldText: string,
  newText: string,
  mapped: readonly MappedSpan[] = [],
): Passage[] {
  const given = new Map(mapped.map((m) => [m.id, m]))
  return passages.map((p) => {
    if (p.detached) return p
    const span = given.get(p.id)
    if (span) {
      return span.start === span.end ? detach(p) : { ...p, ...placed(newText, span) }
    }
    if (oldText === newText) return p
    const found = locate(anchorOf(p, oldText), newText)
    return found ? { ...p, ...placed(newText, found) } : detach(p)
  })
}

/**
 * Check the spans an editor sent with a save: each names a passage of the article and lies
 * within the text being saved.
 */
export function checkMappedSpans(
  mapped: readonly MappedSpan[],
  passages: readonly Passage[],
  text: string,
): void {
  const known = new Set(passages.map((p) => p.id))
  for (const m of mapped) {
    if (!known.has(m.id)) {
      throw new ArchiveError('invalid-argument', `This article has no passage "${m.id}".`)
    }
    if (!isSpanOf(text, m)) {
      throw new ArchiveError(
        'invalid-argument',
        `The passage ${m.id} was sent at characters ${m.start}–${m.end}, outside the text of ${text.length}.`,
      )
    }
  }
}

function isSpanOf(text: string, span: Span): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= text.length
  )
}

/** The stored anchor, or a fresh one when the old text is at hand and still agrees with it. */
function anchorOf(p: Passage, oldText: string): TextAnchor {
  if (oldText.slice(p.start, p.end) === p.quote) return makeAnchor(oldText, p)
  return { quote: p.quote, prefix: p.prefix, suffix: p.suffix, start: p.start }
}

function placed(
  text: string,
  span: Span,
): Pick<Passage, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'> {
  const { quote, prefix, suffix } = makeAnchor(text, span)
  return { start: span.start, end: span.end, quote, prefix, suffix }
}

/** Kept with its old words and position, marked as no longer on the text. */
function detach(p: Passage): Passage {
  return { ...p, detached: true }
}

/** The passages of these themes in these articles, as a merge's undo record keeps them. */
export function passagesOfThemes(
  metas: readonly Pick<ArticleMeta, 'id' | 'passages'>[],
  themes: ReadonlySet<string>,
): MovedPassage[] {
  const out: MovedPassage[] = []
  for (const meta of metas) {
    for (const p of meta.passages ?? []) {
      if (themes.has(p.themeId))
        out.push({ articleId: meta.id, passageId: p.id, themeId: p.themeId })
    }
  }
  return out
}

/**
 * Move the named passages (by id, with the theme each had) to `into`; null when none of them
 * is here on its old theme any more.
 */
export function movePassages(
  passages: readonly Passage[],
  moved: ReadonlyMap<string, string>,
  into: string,
): Passage[] | null {
  let changed = false
  const out = passages.map((p) => {
    if (moved.get(p.id) !== p.themeId) return p
    changed = true
    return { ...p, themeId: into }
  })
  return changed ? out : null
}

/**
 * Undo movePassages: each named passage still on `into` goes back to the theme it had; null
 * when none is. A passage not yet moved (a merge cut short) is already where it was.
 */
export function restorePassages(
  passages: readonly Passage[],
  moved: ReadonlyMap<string, string>,
  into: string,
): Passage[] | null {
  let changed = false
  const out = passages.map((p) => {
    const was = moved.get(p.id)
    if (was === undefined || p.themeId !== into || was === into) return p
    changed = true
    return { ...p, themeId: was }
  })
  return changed ? out : null
}
