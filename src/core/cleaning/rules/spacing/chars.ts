/**
 * Character tests and small scanners the spacing rules share. They work on UTF-16 code units
 * with `charCodeAt`, not regular expressions, because the rules run over whole archives and
 * must stay linear and fast (≥ 100 MB/s each on typical text).
 */

/** Space characters a spacing rule may remove or collapse inside a line (not line breaks). */
export function isHSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f
  )
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
}

export function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a
}

export function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

/** ASCII letters and the accented Latin letters of names (Müller, José), not × or ÷. */
export function isLatinLetter(c: number): boolean {
  return (
    isAsciiLetter(c) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  )
}

/** A letter or digit of English text. */
export function isLatinWordChar(c: number): boolean {
  return isLatinLetter(c) || isDigit(c)
}

/**
 * Han, kana, hangul, the CJK punctuation blocks and the full-width forms, plus surrogates (the
 * rarer Han characters live above the BMP). Any of these next to a spot means Chinese text:
 * the rules keep out.
 */
export function isCjk(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xd800 && c <= 0xdbff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef)
  )
}

/**
 * The writing of Chinese (and Japanese, Korean) itself, without the punctuation: what tells the
 * full-width rule that a full-width mark belongs to Chinese text and must stay.
 */
export function isCjkLetter(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x2fdf) ||
    (c >= 0x3040 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xd800 && c <= 0xdbff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a) ||
    (c >= 0xff66 && c <= 0xffdc)
  )
}

/**
 * Whether `c` is one of `chars`. Unlike `chars.includes(c)` it is false for '' and undefined,
 * which is what indexing past either end of a text gives.
 */
export function oneOf(chars: string, c: string | undefined): boolean {
  return c !== undefined && c.length === 1 && chars.includes(c)
}

/** Start of the line holding `pos`. */
function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1
}

/** End of the line holding `pos` (the index of its `\n`, or the text's length). */
function lineEnd(text: string, pos: number): number {
  const n = text.indexOf('\n', pos)
  return n < 0 ? text.length : n
}

/** Index of the first non-space at or after `pos` on the line, or -1 at the line's end. */
export function nextNonSpace(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a) return -1
    if (!isHSpace(c)) return i
  }
  return -1
}

/** Start of the run of spaces that ends at `pos` (== `pos` when there is none). */
export function spacesBefore(text: string, pos: number): number {
  let i = pos
  while (i > 0 && isHSpace(text.charCodeAt(i - 1))) i--
  return i
}

/** End of the run of spaces that starts at `pos` (== `pos` when there is none). */
export function spacesAfter(text: string, pos: number): number {
  let i = pos
  while (i < text.length && isHSpace(text.charCodeAt(i))) i++
  return i
}

/** The ASCII letters that end just before `end`. */
export function wordBefore(text: string, end: number): string {
  let i = end
  while (i > 0 && isAsciiLetter(text.charCodeAt(i - 1))) i--
  return text.slice(i, end)
}

/** The ASCII letters that start at `start`. */
export function wordAfter(text: string, start: number): string {
  let i = start
  while (i < text.length && isAsciiLetter(text.charCodeAt(i))) i++
  return text.slice(start, i)
}

/** Past this a run of non-space characters is not a word: Chinese text, a long URL, data. */
const MAX_TOKEN = 200

/**
 * The run of non-space characters around `pos`: a URL, an e-mail address, a file name… Cut
 * at MAX_TOKEN characters each way (keeps the rules linear on text without spaces), with
 * `long` telling that it was.
 */
export function tokenAround(text: string, pos: number): { token: string; long: boolean } {
  let s = pos
  const sMin = Math.max(0, pos - MAX_TOKEN)
  while (s > sMin && !isBreak(text.charCodeAt(s - 1))) s--
  let e = pos
  const eMax = Math.min(text.length, pos + MAX_TOKEN)
  while (e < eMax && !isBreak(text.charCodeAt(e))) e++
  const long =
    (s === sMin && s > 0 && !isBreak(text.charCodeAt(s - 1))) ||
    (e === eMax && e < text.length && !isBreak(text.charCodeAt(e)))
  return { token: text.slice(s, e), long }
}

function isBreak(c: number): boolean {
  return isHSpace(c) || c === 0x0a || c === 0x0d
}

const ADDRESS =
  /:\/\/|^[("'“]?www\.|@|\/|\\|=|&|\.(?:com|cn|net|org|gov|edu|int|info|io|hk|tw|html?|php|aspx?|jsp|shtml|pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|mp[34]|txt|zip)\b/i

/**
 * Whether a token is (or holds) a web address, an e-mail address, a path or a file name: text
 * where dots, colons and commas are part of the name and adding a space would break it.
 */
export function looksLikeAddress(token: string): boolean {
  return ADDRESS.test(token)
}

/**
 * The role of each straight double quote on the line [from, to): on a line with an even number
 * of them they pair up, the first of each pair opening; on a line with an odd number nobody can
 * tell which opens, and every role is unknown (the rules then leave those quotes alone).
 */
function straightQuoteRoles(text: string, from: number, to: number): Map<number, 'open' | 'close'> {
  const positions: number[] = []
  for (let i = text.indexOf('"', from); i >= 0 && i < to; i = text.indexOf('"', i + 1)) {
    positions.push(i)
  }
  const roles = new Map<number, 'open' | 'close'>()
  if (positions.length % 2 !== 0) return roles
  // A plain loop: a callback made for every line costs more than the pairing itself.
  for (let k = 0; k < positions.length; k++)
    roles.set(positions[k]!, k % 2 === 0 ? 'open' : 'close')
  return roles
}

/**
 * The line around a position, for rules that visit positions in increasing order: each line is
 * found once, so a text of one huge line with many hits stays linear.
 */
export class Lines {
  from = 0
  to = -1

  constructor(private readonly text: string) {}

  /** Moves to the line holding `pos`; returns true when that is a different line. */
  seek(pos: number): boolean {
    if (pos >= this.from && pos <= this.to) return false
    // Scans back only to the previous line break: past `to` when moving forward.
    this.from = lineStart(this.text, pos)
    this.to = lineEnd(this.text, pos)
    return true
  }
}

/** Looks up straight-quote roles line by line, computing each line once. */
export class QuoteRoles {
  private readonly lines: Lines
  private roles = new Map<number, 'open' | 'close'>()

  constructor(private readonly text: string) {
    this.lines = new Lines(text)
  }

  at(pos: number): 'open' | 'close' | undefined {
    if (this.lines.seek(pos)) {
      this.roles = straightQuoteRoles(this.text, this.lines.from, this.lines.to)
    }
    return this.roles.get(pos)
  }
}
