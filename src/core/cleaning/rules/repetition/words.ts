/**
 * A fast word scanner for the repetition rules. It cuts a text into Latin words (letters, digits,
 * inner hyphens and apostrophes) and classifies what stands between them, so a rule can ask "are
 * these two runs of words the same, separated only by spaces or a comma?" without building a
 * string per word. Everything lives in typed arrays: the pipeline has to run at 10 MB/s, and a
 * megabyte of press text is some 170 000 words.
 *
 * Chinese, Japanese and Korean characters are never part of a word: reduplication (常常, 看看) is
 * grammar there, and a CJK character between two words blocks them from ever matching.
 */
import { codeUnits, int32Scratch, uint16Scratch, uint8Scratch } from './scratch'

/**
 * Character classes, looked up in one table for the hot loop. Word characters are 1–3 so that one
 * comparison (`cls <= DIGIT`) tells them apart; everything else is OTHER.
 */
const LOWER = 1
const UPPER = 2
const DIGIT = 3
const SPACE = 4
const COMMA = 5
const HYPHEN = 6
const APOSTROPHE = 7
const STOP = 8
const NEWLINE = 9
const OTHER = 10

/** CJK scripts start at U+2E80; nothing from there on is part of a Latin word. */
const LATIN_LIMIT = 0x2e80

const CLASS = new Uint8Array(0x10000).fill(OTHER)
/** Case folding for the scripts words are made of (the table is small; `toLowerCase` is slow). */
const FOLD = new Uint16Array(0x10000)

{
  const letter = /[\p{L}\p{M}]/u
  const upper = /\p{Lu}/u
  const digit = /\p{Nd}/u
  for (let c = 0; c < 0x10000; c++) FOLD[c] = c
  for (let c = 0; c < LATIN_LIMIT; c++) {
    const ch = String.fromCharCode(c)
    if (digit.test(ch)) CLASS[c] = DIGIT
    else if (upper.test(ch)) {
      CLASS[c] = UPPER
      const lower = ch.toLowerCase()
      if (lower.length === 1) FOLD[c] = lower.charCodeAt(0)
    } else if (letter.test(ch)) CLASS[c] = LOWER
  }
  for (const ch of ' \t\u00a0\u2002\u2003\u2009\u202f') CLASS[ch.charCodeAt(0)] = SPACE
  for (const ch of ',，、') CLASS[ch.charCodeAt(0)] = COMMA
  for (const ch of '-\u2010\u2011') CLASS[ch.charCodeAt(0)] = HYPHEN
  for (const ch of "'’") CLASS[ch.charCodeAt(0)] = APOSTROPHE
  for (const ch of '.!?…。！？') CLASS[ch.charCodeAt(0)] = STOP
  CLASS[10] = NEWLINE
  CLASS[13] = NEWLINE
}

/** What stands between two words, as far as repetition is concerned. */
export const SEP_SPACE = 0
export const SEP_COMMA = 1
/** Anything else (a newline, a full stop, a quote, a bracket, a CJK character…): never bridged. */
export const SEP_BLOCK = 2

/** The word contains a digit. */
export const F_NUMBER = 1
/** The word starts with a capital letter. */
export const F_CAPITAL = 2
/** The word starts a sentence (or the text, or a line). */
export const F_SENTENCE = 4

export interface Words {
  readonly text: string
  readonly count: number
  /** The arrays below are reused (see `Scratch`): only `[0, count)` is this text's. */
  readonly start: Int32Array
  readonly end: Int32Array
  /**
   * A signature of the word's key (case-folded, spaced hyphens closed, apostrophes straight):
   * equal words have equal signatures; `sameWord` confirms.
   */
  readonly hash: Int32Array
  /** The class of the separator before each word (SEP_*). */
  readonly sep: Uint8Array
  /** F_* bits. */
  readonly flags: Uint8Array
}

const startScratch = int32Scratch()
const endScratch = int32Scratch()
const hashScratch = int32Scratch()
const sepScratch = uint8Scratch()
const flagsScratch = uint8Scratch()
const codeScratch = uint16Scratch()

/**
 * Cut `text` into words. Linear, one pass, no regular expression. The arrays are reused by the next
 * scan: a `Words` is valid until `scanWords` is called again.
 */
export function scanWords(text: string): Words {
  const n = text.length
  const code = codeUnits(text, codeScratch)
  // A word and the separator after it take two characters at least.
  const cap = (n >> 1) + 1
  const start = startScratch.get(cap)
  const end = endScratch.get(cap)
  const hash = hashScratch.get(cap)
  const sep = sepScratch.get(cap)
  const flags = flagsScratch.get(cap)
  let count = 0
  let i = 0
  // The separator seen since the last word: its class and whether it ends a sentence.
  let sepClass = SEP_BLOCK
  let sentence = true
  while (i < n) {
    const c = code[i]!
    const cls = CLASS[c]!
    if (cls > DIGIT) {
      if (cls === COMMA) sepClass = sepClass === SEP_SPACE ? SEP_COMMA : SEP_BLOCK
      else if (cls !== SPACE) {
        sepClass = SEP_BLOCK
        if (cls === STOP || cls === NEWLINE) sentence = true
      }
      i++
      continue
    }
    // A word starts here. Letters and digits, joined by inner hyphens and apostrophes
    // (`cross-domain`, `China's`) and by spaced hyphens (`decision -making`, so that the unfixed
    // and the fixed spelling of a compound compare equal). The 0 after the text stops every loop
    // below, so none tests the length.
    const s = i
    let f = cls === UPPER ? F_CAPITAL : cls === DIGIT ? F_NUMBER : 0
    let skipped = 0
    let j = i + 1
    // Where the scan goes on: past the spaces after the word, which change nothing.
    let next: number
    for (;;) {
      while (CLASS[code[j]!]! <= DIGIT) j++
      next = j
      const d = code[j]!
      const dc = CLASS[d]!
      if (dc === HYPHEN || dc === APOSTROPHE) {
        if (CLASS[code[j + 1]!]! <= DIGIT) {
          j += 2
          continue
        }
        break
      }
      if (d === 32) {
        let q = j + 1
        while (code[q]! === 32) q++
        if (CLASS[code[q]!] === HYPHEN && CLASS[code[q + 1]!]! <= DIGIT) {
          skipped += q - j
          j = q + 2
          continue
        }
        next = q
      }
      break
    }
    i = next
    const last = code[j - 1]!
    if (CLASS[last] === DIGIT) f |= F_NUMBER
    // A signature, not a full hash: length and three letters sieve out nearly every pair of
    // different words, and hashing every character would cost more than the rest of the rule.
    let h = Math.imul(j - s - skipped, 0x9e3779b1)
    h ^= Math.imul(FOLD[c]!, 0x85ebca77)
    h ^= Math.imul(FOLD[last]!, 0xc2b2ae3d)
    const second = j - s > 1 ? code[s + 1]! : 0
    if (CLASS[second]! <= DIGIT) h ^= Math.imul(FOLD[second]!, 0x27d4eb2f)
    start[count] = s
    end[count] = j
    hash[count] = h
    sep[count] = count === 0 ? SEP_BLOCK : sepClass
    flags[count] = sentence ? f | F_SENTENCE : f
    count++
    sepClass = SEP_SPACE
    sentence = false
  }
  return { text, count, start, end, hash, sep, flags }
}

/** The word's key as a string: lower case, spaced hyphens closed, apostrophes straight. */
export function wordKey(words: Words, w: number): string {
  const { text } = words
  let out = ''
  for (let i = words.start[w]!; i < words.end[w]!; i++) {
    const d = text.charCodeAt(i)
    const dc = CLASS[d]!
    if (dc === SPACE) continue
    if (dc === HYPHEN) out += '-'
    else if (dc === APOSTROPHE) out += "'"
    else out += String.fromCharCode(FOLD[d]!)
  }
  return out
}

/** Whether word `w`'s key is `key` (as `wordKey` gives it), compared in place. */
export function isWord(words: Words, w: number, key: string): boolean {
  const { text } = words
  let k = 0
  for (let i = words.start[w]!; i < words.end[w]!; i++) {
    const d = text.charCodeAt(i)
    if (CLASS[d] === SPACE) continue
    if (k >= key.length || fold(d) !== key.charCodeAt(k++)) return false
  }
  return k === key.length
}

/**
 * Whether two words have the same key (the hashes are only a first sieve). Compares characters
 * in place: building the keys as strings would cost more than everything else.
 */
export function sameWord(words: Words, a: number, b: number): boolean {
  if (words.hash[a] !== words.hash[b]) return false
  const { text } = words
  let i = words.start[a]!
  let j = words.start[b]!
  const ea = words.end[a]!
  const eb = words.end[b]!
  for (;;) {
    while (i < ea && CLASS[text.charCodeAt(i)] === SPACE) i++
    while (j < eb && CLASS[text.charCodeAt(j)] === SPACE) j++
    if (i >= ea || j >= eb) return i >= ea && j >= eb
    if (fold(text.charCodeAt(i++)) !== fold(text.charCodeAt(j++))) return false
  }
}

/** A character as keys have it: lower case, one hyphen, one apostrophe. */
function fold(c: number): number {
  const cls = CLASS[c]
  return cls === HYPHEN ? 45 : cls === APOSTROPHE ? 39 : FOLD[c]!
}

/** Word indices, in some order: the input's (`null`) or a rule's own list of kept words. */
export type Order = Int32Array | null

function at(order: Order, i: number): number {
  return order === null ? i : order[i]!
}

/**
 * Whether the `k` words from position `a` of `orderA` equal the `k` words from position `b` of
 * `orderB`, with the same kind of gap (space or comma) inside each run.
 */
export function sameRun(
  words: Words,
  orderA: Order,
  a: number,
  orderB: Order,
  b: number,
  k: number,
): boolean {
  for (let i = 0; i < k; i++) {
    if (words.hash[at(orderA, a + i)] !== words.hash[at(orderB, b + i)]) return false
  }
  for (let i = 1; i < k; i++) {
    const sa = words.sep[at(orderA, a + i)]!
    if (sa === SEP_BLOCK || sa !== words.sep[at(orderB, b + i)]) return false
  }
  for (let i = 0; i < k; i++) {
    if (!sameWord(words, at(orderA, a + i), at(orderB, b + i))) return false
  }
  return true
}
