/** Small text helpers the flag-only rules share. */

/** A line of the text: where it starts and ends (without its newline). */
export interface Span {
  start: number
  end: number
}

/**
 * The lines of `text`. In the genre a paragraph is one line, and these rules run after the layout
 * rule has rejoined hard-wrapped lines, so a line is a paragraph.
 */
export function lines(text: string): Span[] {
  const out: Span[] = []
  let start = 0
  for (;;) {
    const nl = text.indexOf('\n', start)
    if (nl < 0) {
      out.push({ start, end: text.length })
      return out
    }
    out.push({ start, end: nl })
    start = nl + 1
  }
}

/** Han ideographs (with the surrogate halves of the supplementary planes), kana and Hangul. */
export function isCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xd840 && c <= 0xd87f) ||
    (c >= 0xdc00 && c <= 0xdfff)
  )
}

/** CJK punctuation and full-width forms: `，。：；（）【】《》“”` and the ideographic space. */
export function isCjkPunctuation(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x201c || c === 0x201d
  )
}

export function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

/** Any Han, kana or Hangul character; a regular expression scans far faster than a loop. */
export const CJK =
  /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\ud840-\ud87f]/

/** Counts of Latin letters and CJK characters, to tell an English text from a Chinese one. */
export function scriptCounts(
  text: string,
  from = 0,
  to = text.length,
): { latin: number; cjk: number } {
  let latin = 0
  let cjk = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c < 128) {
      if (isLatinLetter(c)) latin++
    } else if (isCjk(c) && !(c >= 0xdc00 && c <= 0xdfff)) cjk++
  }
  return { latin, cjk }
}

/** The span without the whitespace at either end. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span
  while (start < end && /[\s\u3000]/.test(text[start]!)) start++
  while (end > start && /[\s\u3000]/.test(text[end - 1]!)) end--
  return { start, end }
}

/** Quote a piece of text in a message, shortened in the middle when long. */
export function excerpt(s: string, max = 60): string {
  const flat = s.replace(/\s+/g, ' ')
  if (flat.length <= max) return flat
  const half = Math.floor((max - 1) / 2)
  return `${flat.slice(0, half)}…${flat.slice(flat.length - half)}`
}
