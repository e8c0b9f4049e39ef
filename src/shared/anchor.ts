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
  const length = anchor.quote.length
  // Where everything around them still agrees, nothing else can be a better match.
  if (text.startsWith(anchor.quote, anchor.start) && agreesFully(anchor, text, anchor.start)) {
    return { start: anchor.start, end: anchor.start + length }
  }
  // An empty span (a spot between words) has no words of its own: only its surroundings,
  // whole, can say where it is.
  const needle = length > 0 ? anchor.quote : anchor.prefix + anchor.suffix
  if (needle === '') return null
  const offset = length > 0 ? 0 : anchor.prefix.length
  let best: { at: number; score: number; distance: number } | null = null
  let count = 0
  for (let i = text.indexOf(needle); i >= 0 && count < MAX_CANDIDATES; count++) {
    const at = i + offset
    const score = contextScore(anchor, text, at)
    const distance = Math.abs(at - anchor.start)
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { at, score, distance }
    }
    i = text.indexOf(needle, i + 1)
  }
  return best ? { start: best.at, end: best.at + length } : null
}

/** Whether the text around `at` is the anchor's context, text edges included. */
function agreesFully(anchor: TextAnchor, text: string, at: number): boolean {
  const end = at + anchor.quote.length
  const before = anchor.prefix === '' ? at === 0 : text.endsWith(anchor.prefix, at)
  const after = anchor.suffix === '' ? end === text.length : text.startsWith(anchor.suffix, end)
  return before && after
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
  // A span at the very start or end of the text had nothing around it there: being at the same
  // edge again is agreement.
  if (anchor.prefix === '' && at === 0) before = 1
  if (anchor.suffix === '' && end === text.length) after = 1
  return before + after
}
