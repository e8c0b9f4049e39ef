import type { FlagProposal, Rule } from '../../types'
import { CJK, excerpt, lines, scriptCounts } from './text'

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
    for (const line of lines(text)) {
      if (line.end - line.start < LONG_SENTENCE_WORDS * 2) continue
      if (CJK.test(text.slice(line.start, line.end))) {
        // Chinese sentences have no spaces to count words by.
        const { latin, cjk } = scriptCounts(text, line.start, line.end)
        if (cjk * 2 > latin) continue
      }
      for (const s of sentences(text, line.start, line.end)) {
        if (s.words <= LONG_SENTENCE_WORDS) continue
        flags.push({
          start: s.start,
          end: s.end,
          kind: 'long-sentence',
          message: `This sentence runs to ${s.words} words (“${excerpt(text.slice(s.start, s.end), 50)}”). Machine translation often glues several sentences together with commas; consider splitting it.`,
        })
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

/** The sentences of one line, with their word counts. One pass over the characters. */
export function sentences(text: string, from: number, to: number): Sentence[] {
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
      if (start >= 0 && endsSentence(text, i, to, wordStart)) {
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

/** Whether the character at `i` ends a sentence: `. ` before a capital, `?`, `!`, `。`. */
function endsSentence(text: string, i: number, to: number, wordStart: number): boolean {
  const c = text[i]!
  if (c === '。' || c === '！' || c === '？') return true
  if (c !== '.' && c !== '!' && c !== '?') return false
  // Closing quotes and brackets belong to the sentence they close.
  let j = i + 1
  while (j < to && /["”’')\]]/.test(text[j]!)) j++
  if (j >= to) return false
  const next = text[j]!
  if (next !== ' ') {
    // `field.As`: a sentence glued to the next (the punctuation rule opens it; count it apart).
    return (
      j === i + 1 &&
      /[a-z]/.test(text[i - 1] ?? '') &&
      /[A-Z]/.test(next) &&
      /[a-z]/.test(text[j + 1] ?? '')
    )
  }
  if (c !== '.') return true
  // Abbreviations are short; a long run of dotted letters is not one (and is not sliced).
  const word = i - wordStart <= 6 ? text.slice(wordStart, i).toLowerCase() : ''
  if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) return false
  // A decimal or a number cut by a stop is not here (no space); a lower-case start continues.
  let k = j
  while (k < to && text[k] === ' ') k++
  return !/[a-z]/.test(text[k] ?? '')
}
