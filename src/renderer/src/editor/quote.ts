/** Short quotations of article text for tooltips, labels and the flag list. */

const SPACE = /\s/
/** How far a quote reaches out to whole words; CJK text has no spaces to stop at. */
const REACH = 16

/** Collapse runs of white space (line breaks included) to one space. */
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ')
}

/** Cut a text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  return (
    chars
      .slice(0, Math.max(1, max - 1))
      .join('')
      .trimEnd() + '…'
  )
}

/** A span of text flattened to one line and cut to `max` characters. */
export function quoteSpan(text: string, from: number, to: number, max = 80): string {
  return truncate(flatten(text.slice(from, to)).trim(), max)
}

/**
 * The words around a span, so that a one-character change ("decision -making" losing its
 * space) is quoted as something a reader recognises. Reaches out to the nearest white space on
 * each side within the same line, at most REACH characters; an empty result means the span and
 * its surroundings are only white space.
 */
export function quoteAround(text: string, from: number, to: number, max = 48): string {
  let start = from
  let end = to
  const limitStart = Math.max(0, from - REACH)
  const limitEnd = Math.min(text.length, to + REACH)
  while (start > limitStart && !SPACE.test(text[start - 1]!)) start--
  while (end < limitEnd && !SPACE.test(text[end]!)) end++
  const words = flatten(text.slice(start, end))
  const clipped = words.trim() === '' ? '' : words
  return truncate(clipped, max)
}
