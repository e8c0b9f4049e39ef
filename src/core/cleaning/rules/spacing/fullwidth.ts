import type { EditProposal, Rule } from '../../types'
import { isCjkLetter, isHSpace, isLatinWordChar, Lines, oneOf } from './chars'

interface Mark {
  ascii: string
  name: string
  /** Opening marks belong to what follows them, the others to what precedes them. */
  opening: boolean
}

const MARKS: ReadonlyMap<string, Mark> = new Map([
  ['，', { ascii: ',', name: 'comma', opening: false }],
  ['、', { ascii: ',', name: 'enumeration comma', opening: false }],
  ['。', { ascii: '.', name: 'full stop', opening: false }],
  ['：', { ascii: ':', name: 'colon', opening: false }],
  ['；', { ascii: ';', name: 'semicolon', opening: false }],
  ['！', { ascii: '!', name: 'exclamation mark', opening: false }],
  ['？', { ascii: '?', name: 'question mark', opening: false }],
  ['（', { ascii: '(', name: 'opening bracket', opening: true }],
  ['）', { ascii: ')', name: 'closing bracket', opening: false }],
  ['“', { ascii: '"', name: 'opening quote', opening: true }],
  ['”', { ascii: '"', name: 'closing quote', opening: false }],
])

const CANDIDATES = /[，、。：；！？（）“”]/g
/** The same, for scanning one line from a given index. */
const LINE_MARKS = new RegExp(CANDIDATES.source, 'g')

/** How far (in characters other than spaces) the rule looks for Chinese around a mark. */
const WINDOW = 24
/** How far it looks for the words a mark stands between, past punctuation. */
const REACH = 12

/**
 * Chinese punctuation left in English text by translation or copy-paste (`Beijing，China`,
 * `the plan（draft）`) becomes its ASCII form with the spacing English wants. Only between
 * Latin words, with no Chinese character nearby: inside Chinese text the marks are right and
 * stay. Curly quotes are ordinary English typography, so “ and ” change only where they are
 * plainly Chinese ones: glued to a Latin word outside, or on a line with other full-width marks.
 */
export const fullwidthPunctuationRule: Rule = {
  id: 'fullwidth-punctuation',
  name: 'Full-width punctuation in English',
  description:
    'Chinese punctuation between English words (，。：；（）“”！？、) made ASCII, with English spacing.',
  appliesToTitle: true,
  apply(text) {
    const edits: EditProposal[] = []
    const lines = new Lines(text)
    // Whether the current line uses Chinese punctuation; worked out when a curly quote asks.
    let chineseStyle: boolean | undefined
    for (const m of text.matchAll(CANDIDATES)) {
      const p = m.index
      const ch = m[0]
      const mark = MARKS.get(ch)
      if (!mark) continue
      if (lines.seek(p)) chineseStyle = undefined
      if (!isEnglishSpot(text, p, lines.from, lines.to, mark.opening)) continue
      if (ch === '“' || ch === '”') {
        chineseStyle ??= usesChinesePunctuation(text, lines.from, lines.to)
        if (!chineseStyle) continue
      }
      edits.push({
        start: p,
        end: p + 1,
        replacement: spaced(text, p, mark),
        reason: `full-width ${mark.name} in English text`,
      })
    }
    return { edits }
  },
}

/**
 * Whether an English line uses Chinese punctuation: a full-width mark between English words,
 * or a curly quote glued to an English word on its outer side (`the“Belt and Road”initiative`).
 * Only then are its curly quotes Chinese ones; elsewhere they are English typography.
 */
function usesChinesePunctuation(text: string, from: number, to: number): boolean {
  LINE_MARKS.lastIndex = from
  for (let m = LINE_MARKS.exec(text); m && m.index < to; m = LINE_MARKS.exec(text)) {
    const p = m.index
    const mark = MARKS.get(m[0])
    if (!mark || !isEnglishSpot(text, p, from, to, mark.opening)) continue
    if (m[0] === '“' && !isLatinWordChar(text.charCodeAt(p - 1))) continue
    if (m[0] === '”' && !isLatinWordChar(text.charCodeAt(p + 1))) continue
    return true
  }
  return false
}

/** The ASCII mark, with the space English puts on its outer side when the text has none. */
function spaced(text: string, p: number, mark: Mark): string {
  const prev = text.charCodeAt(p - 1)
  const next = text.charCodeAt(p + 1)
  if (mark.opening) {
    const wantSpace = isLatinWordChar(prev) || (p > 0 && oneOf(',.;:!?)"', text[p - 1]))
    return wantSpace ? ` ${mark.ascii}` : mark.ascii
  }
  const startsWord = isLatinWordChar(next) || oneOf('(“"（', text[p + 1])
  // `10：30` and `1，000` are numbers: no space between the digits.
  const numeric = ':,'.includes(mark.ascii) && isDigitCode(prev) && isDigitCode(next)
  return startsWord && !numeric ? `${mark.ascii} ` : mark.ascii
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

/**
 * English on both sides: the nearest letters left and right (past spaces and punctuation) are
 * Latin, or the line begins or ends there on the side a mark does not belong to, and no Chinese
 * character is within reach.
 */
function isEnglishSpot(
  text: string,
  p: number,
  from: number,
  to: number,
  opening: boolean,
): boolean {
  const left = look(text, p - 1, from - 1, -1)
  if (left === 'cjk') return false
  const right = look(text, p + 1, to, 1)
  if (right === 'cjk') return false
  if (opening) return right === 'latin' && left !== 'none'
  return left === 'latin' && right !== 'none'
}

/**
 * Looks from `i` going `step`, counting only what is not a space (so that the spaces the
 * spacing rules add or take away never change the answer): 'cjk' when a Chinese character is
 * within WINDOW, else what the first letter or digit within REACH is, Latin ('latin'), or the
 * line's edge ('edge'), or nothing ('none').
 */
function look(
  text: string,
  i: number,
  stop: number,
  step: 1 | -1,
): 'latin' | 'edge' | 'none' | 'cjk' {
  let nearest: 'latin' | 'edge' | 'none' | undefined
  for (let seen = 0; seen < WINDOW; i += step) {
    if (i === stop) return nearest ?? (seen < REACH ? 'edge' : 'none')
    const c = text.charCodeAt(i)
    if (isHSpace(c)) continue
    if (isCjkLetter(c)) return 'cjk'
    if (nearest === undefined && isLatinWordChar(c)) nearest = 'latin'
    seen++
    if (seen === REACH) nearest ??= 'none'
  }
  return nearest ?? 'none'
}
