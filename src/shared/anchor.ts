/**
 * Anchoring a span of text so it can be found again after the text around it changed: by its
 * own words, the words just before and after it, and where it was. Review flags use it to stay
 * on their words after a person's edits.
 *
 * The rule that matters: an anchor is found on its own words or not at all. Where the words
 * occur more than once, the surroundings and then the nearness to the old position choose; where
 * they no longer occur, the caller is told (null), never handed some other words.
 */
export interface TextAnchor {
  /** The words themselves. */
  quote: string
  /** Up to CONTEXT characters before and after them. */
  prefix: string
  suffix: string
  /** Where they started in the text the anchor was made on. */
  start: number
}

export interface Span {
  start: number
  end: number
}

const CONTEXT = 32
/** A quote that occurs this many times is judged on its first occurrences only. */
const MAX_CANDIDATES = 2000

export function makeAnchor(text: string, span: Span): TextAnchor {
  return {
    quote: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT),
    start: span.start,
  }
}

/** Where the anchor's words are in `text` now, or null when they are gone. */
export function locate(anchor: TextAnchor, text: string): Span | null {
  const { quote } = anchor
  // An empty span (a spot between words) is only as good as its surroundings.
  if (quote === '') return locateEmpty(anchor, text)
  if (text.startsWith(quote, anchor.start) && contextScore(anchor, text, anchor.start) > 0) {
    return { start: anchor.start, end: anchor.start + quote.length }
  }
  let best: { at: number; score: number; distance: number } | null = null
  let count = 0
  for (let at = text.indexOf(quote); at >= 0 && count < MAX_CANDIDATES; count++) {
    const score = contextScore(anchor, text, at)
    const distance = Math.abs(at - anchor.start)
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { at, score, distance }
    }
    at = text.indexOf(quote, at + 1)
  }
  return best ? { start: best.at, end: best.at + quote.length } : null
}

function locateEmpty(anchor: TextAnchor, text: string): Span | null {
  const joined = anchor.prefix + anchor.suffix
  if (joined === '') return null
  const found = locate({ ...anchor, quote: joined, prefix: '', suffix: '' }, text)
  if (!found) return null
  const at = found.start + anchor.prefix.length
  return { start: at, end: at }
}

/** How many characters of the anchor's surroundings agree with the text around `at`. */
function contextScore(anchor: TextAnchor, text: string, at: number): number {
  let before = 0
  while (
    before < anchor.prefix.length &&
    at - before - 1 >= 0 &&
    text[at - before - 1] === anchor.prefix[anchor.prefix.length - before - 1]
  ) {
    before++
  }
  const end = at + anchor.quote.length
  let after = 0
  while (
    after < anchor.suffix.length &&
    end + after < text.length &&
    text[end + after] === anchor.suffix[after]
  ) {
    after++
  }
  // A span at the very start or end of the text has nothing to agree with there: count that
  // as agreement, so an unchanged span at an edge is still found in place.
  if (anchor.prefix === '' && at === 0) before = 1
  if (anchor.suffix === '' && end === text.length) after = 1
  return before + after
}
