import type { FlagProposal, Rule } from '../../types'
import { Occurrences } from '../spacing/occurrences'
import { CJK, excerpt, lines, scriptCounts, type Span } from './text'

/** Press English rarely needs more; MT reaches it by gluing sentences with commas. */
export const LONG_SENTENCE_WORDS = 80

/** A full stop after these does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st jr sr no nos vs etc e.g i.e cf al co ltd inc corp dept gov gen col ' +
    'lt sgt rev fig approx est jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n ' +
    'a.m p.m'
  ).split(' '),
)

/**
 * Flags sentences of more than 80 words. Machine translation often renders a Chinese paragraph
 * of comma-joined clauses as one endless English sentence; a person can split it where the
 * meaning breaks, which no rule can. Chinese paragraphs are not measured.
 */
export const longSentenceRule: Rule = {
  id: 'long-sentence',
  name: 'Long sentences',
  description: `Flags sentences of more than ${LONG_SENTENCE_WORDS} words.`,
  apply(text) {
    const flags: FlagProposal[] = []
    // Most articles are all English: one scan of the text spares a scan of every line.
    const hasCjk = CJK.test(text)
    const stops = new Occurrences(text, '.!?', WIDE_STOPS)
    for (const line of lines(text)) {
      if (line.end - line.start < LONG_SENTENCE_WORDS * 2) continue
      if (hasCjk && CJK.test(text.slice(line.start, line.end))) {
        // Chinese sentences have no spaces to count words by.
        const { latin, cjk } = scriptCounts(text, line.start, line.end)
        if (cjk * 2 > latin) continue
      }
      for (const stretch of stretchesToCount(text, line, stops)) {
        for (const s of sentences(text, stretch.start, stretch.end, line.end)) {
          if (s.words <= LONG_SENTENCE_WORDS) continue
          flags.push({
            start: s.start,
            end: s.end,
            kind: 'long-sentence',
            message: `This sentence runs to ${s.words} words (“${excerpt(text.slice(s.start, s.end), 50)}”). Machine translation often glues several sentences together with commas; consider splitting it.`,
          })
        }
      }
    }
    return { flags }
  },
}

interface Sentence {
  start: number
  end: number
  words: number
}

/** Character kinds for counting words: 1 letter or digit, 2 inner joiner, 3 full stop, 4 stop. */
const KIND = new Uint8Array(0x10000)
{
  const letter = /[\p{L}\p{N}\p{M}]/u
  for (let c = 0; c < 0x2e80; c++) if (letter.test(String.fromCharCode(c))) KIND[c] = 1
  for (const ch of "'’-") KIND[ch.charCodeAt(0)] = 2
  KIND[46] = 3
  for (const ch of '!?。！？') KIND[ch.charCodeAt(0)] = 4
}
/** 1 for a letter or digit (kind 1), 0 for anything else. */
const LETTER = KIND.map((kind) => (kind === 1 ? 1 : 0))

/**
 * The stretches of a line that may hold a long sentence. Splitting a line into sentences is
 * slow (every stop needs a look at the word before it), and most sentences are far too short
 * to need it. So the line is first cut at the stops that certainly end a sentence, which a few
 * characters around each stop tell; a stretch between two of them can hold a long sentence
 * only if it has more than LONG_SENTENCE_WORDS runs of letters (each word starts one), and
 * that takes at least twice as many characters.
 */
function stretchesToCount(text: string, line: Span, stops: Occurrences): Span[] {
  const { start: from, end: to } = line
  const out: Span[] = []
  let start = from
  stops.seek(from)
  for (let i = stops.next(to); i >= 0; i = stops.next(to)) {
    if (!certainlyEnds(text, i, from, to)) continue
    if (mayHoldLongSentence(text, start, i + 1)) out.push({ start, end: i + 1 })
    start = i + 1
  }
  if (mayHoldLongSentence(text, start, to)) out.push({ start, end: to })
  return out
}

function mayHoldLongSentence(text: string, start: number, end: number): boolean {
  return (
    end - start >= LONG_SENTENCE_WORDS * 2 && letterRuns(text, start, end) > LONG_SENTENCE_WORDS
  )
}

/**
 * How many runs of letters [from, to) holds: at least as many as the words of any sentence in
 * it. Counted without a branch on the characters (whose kinds alternate unpredictably), which
 * makes this several times faster than splitting the stretch into sentences.
 */
function letterRuns(text: string, from: number, to: number): number {
  let runs = 0
  let previous = 0
  for (let i = from; i < to; i++) {
    const letter = LETTER[text.charCodeAt(i)]!
    runs += letter & (previous ^ 1)
    previous = letter
  }
  return runs
}

/** The full-width characters that end a sentence (the others are `.`, `!` and `?`). */
const WIDE_STOPS = /[。！？]/g

/**
 * Whether counting the line from its start would end a sentence at the stop at `i` (or have no
 * sentence open there): either way the count starts afresh after it, as it does at a line's
 * start. Only a full stop needs to know where the word before it starts (an abbreviation is
 * not an end); that is certain when a run of letters follows a space, a `!`/`?` or the line's
 * start. After a dot or a joiner (`U.S.`, `co-op`) it is not, and the stop is passed over.
 */
function certainlyEnds(text: string, i: number, from: number, to: number): boolean {
  if (text.charCodeAt(i) !== 0x2e) return endsSentence(text, i, to, i)
  let s = i
  while (s > from && i - s <= 6 && KIND[text.charCodeAt(s - 1)] === 1) s--
  // No letter right before the stop, or too many: not an abbreviation, wherever the word starts.
  if (s === i || i - s > 6) return endsSentence(text, i, to, i - 7)
  const before = s === from ? 0 : KIND[text.charCodeAt(s - 1)]
  return (before === 0 || before === 4) && endsSentence(text, i, to, s)
}

/**
 * The sentences of one line, with their word counts. One pass over the characters of [from, to);
 * `lineEnd` (the line's end, when [from, to) is only a stretch of it) bounds the look past a stop.
 */
export function sentences(text: string, from: number, to: number, lineEnd = to): Sentence[] {
  const out: Sentence[] = []
  let start = -1
  let words = 0
  let inWord = false
  let wordStart = from
  for (let i = from; i < to; i++) {
    const kind = KIND[text.charCodeAt(i)]!
    if (kind === 1) {
      if (!inWord) {
        if (start < 0) start = i
        words++
        wordStart = i
        inWord = true
      }
    } else if (kind === 0) {
      inWord = false
    } else if (kind >= 3) {
      // A full stop stays inside `U.S.` and `3.5`; `!` and `?` end a word.
      if (kind === 4) inWord = false
      if (start >= 0 && endsSentence(text, i, lineEnd, wordStart)) {
        out.push({ start, end: i + 1, words })
        start = -1
        words = 0
        inWord = false
      }
    }
  }
  if (start >= 0) out.push({ start, end: trimEnd(text, to), words })
  return out
}

function trimEnd(text: string, to: number): number {
  while (to > 0 && /\s/.test(text[to - 1]!)) to--
  return to
}

/**
 * Whether the character at `i` ends a sentence: `. ` before a capital, `?`, `!`, `。`. Called at
 * every stop of every paragraph, so it tests character codes rather than matching one-character
 * strings with regular expressions, and looks for an abbreviation (which needs a slice and a
 * lower-casing) only when nothing cheaper has decided.
 */
function endsSentence(text: string, i: number, to: number, wordStart: number): boolean {
  const c = text.charCodeAt(i)
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f) return true // 。！？
  if (c !== 0x2e && c !== 0x21 && c !== 0x3f) return false // . ! ?
  // Closing quotes and brackets belong to the sentence they close.
  let j = i + 1
  while (j < to && isCloser(text.charCodeAt(j))) j++
  if (j >= to) return false
  const next = text.charCodeAt(j)
  if (next !== 0x20) {
    // `field.As`: a sentence glued to the next (the punctuation rule opens it; count it apart).
    return (
      j === i + 1 &&
      isLower(text.charCodeAt(i - 1)) &&
      isUpper(next) &&
      isLower(text.charCodeAt(j + 1))
    )
  }
  if (c !== 0x2e) return true
  // A decimal or a number cut by a stop is not here (no space); a lower-case start continues.
  let k = j
  while (k < to && text.charCodeAt(k) === 0x20) k++
  if (isLower(text.charCodeAt(k))) return false
  // Abbreviations are short; a long run of dotted letters is not one (and is not sliced).
  if (i - wordStart > 6) return true
  const word = text.slice(wordStart, i).toLowerCase()
  return !(ABBREVIATIONS.has(word) || (word.length === 1 && isLower(word.charCodeAt(0))))
}

/** `"”’')]`: what may close a sentence after its stop. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x27 || c === 0x29 || c === 0x5d
}

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a
}
