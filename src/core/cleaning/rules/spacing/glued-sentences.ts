import type { EditProposal, FlagProposal, Rule } from '../../types'
import {
  isAsciiLetter,
  isDigit,
  isHSpace,
  isLatinWordChar,
  isLatinLetter,
  isLower,
  isUpper,
  looksLikeAddress,
  QuoteRoles,
  tokenAround,
  wordAfter,
  wordBefore,
  oneOf,
} from './chars'

/**
 * A mark directly followed by what may start a word, or a bracket or quote that opens (whose
 * word may be glued to it from the left). Every hit is then judged by hand; the expression
 * only finds them quickly, with a first character that is rare in running text.
 */
const CANDIDATES = /[.?!:;,%)…”](?=[A-Za-z“"(])|[(“"]/g

/** Titles written before a name: `Mr.Smith` is a missing space, as sure as `field.As`. */
const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Gen', 'Rev', 'Sen', 'Gov', 'Capt'])

const NAMES: Readonly<Record<string, string>> = {
  '.': 'a full stop',
  '?': 'a question mark',
  '!': 'an exclamation mark',
  ':': 'a colon',
  ';': 'a semicolon',
  ',': 'a comma',
  '%': 'a percent sign',
  ')': 'a closing bracket',
  '…': 'an ellipsis',
  '”': 'a closing quote',
  '"': 'a closing quote',
}

/**
 * Sentences the translation glued together (`field.As`, `yuan?Official`, `CCTV News:On`,
 * `important!The`, `10%of`, `(Sunday);The`) get their space back. What is left alone: `U.S.`,
 * `e.g.`, `a.m.`, `No.1`, decimals, times, and anything in a token that looks like an address
 * or a file name (`www.toutiao.com`, `chinanews.com`, `Report.PDF`). `Mr.Smith` becomes
 * `Mr. Smith`: English puts a space there too. An initialism glued to a word (`U.S.The`) may
 * be the end of a sentence or not, and is flagged.
 */
export const missingSpaceAfterPunctuationRule: Rule = {
  id: 'missing-space-after-punctuation',
  name: 'Glued sentences',
  description:
    'Restores the space after . ? ! : ; , % ) and quotes where translation glued words together.',
  appliesToTitle: true,
  apply(text) {
    const inserts = new Map<number, string>()
    const flags: FlagProposal[] = []
    const quotes = new QuoteRoles(text)
    for (const m of text.matchAll(CANDIDATES)) {
      const p = m.index
      const c = text[p] ?? ''
      if (c === '(' || c === '“' || c === '"') {
        // Glued to the word before it: `said“We`, `Sciences(CAS)`, `field."The`.
        const why = p > 0 ? beforeOpening(text, p - 1, quotes) : undefined
        if (why && !inserts.has(p)) inserts.set(p, why)
        if (c !== '"') continue
      }
      const next = text[p + 1] ?? ''
      // A mark followed by an opening bracket or quote: the opener's own visit decides.
      if (next === '(' || next === '“' || (next === '"' && c !== '"')) continue
      const verdict = afterMark(text, p, c, quotes, inserts)
      if (verdict === 'flag') {
        // Cover the initialism and the word after it: `U.S.The`.
        let start = p
        while (start > 0 && (isUpper(text.charCodeAt(start - 1)) || text[start - 1] === '.'))
          start--
        const word = wordAfter(text, p + 1)
        flags.push({
          start,
          end: p + 1 + word.length,
          kind: 'glued-sentence',
          message: 'An abbreviation directly followed by a word: a space missing after a sentence?',
          suggestion: `${text.slice(start, p + 1)} ${word}`,
        })
      } else if (verdict && !inserts.has(p + 1)) {
        inserts.set(p + 1, verdict)
      }
    }
    const edits: EditProposal[] = []
    for (const [at, reason] of inserts) edits.push({ start: at, end: at, replacement: ' ', reason })
    return { edits, flags }
  },
}

/** Starts a sentence: `As`, `The`, `I `, `A `. */
function startsSentence(text: string, i: number): boolean {
  const a = text.charCodeAt(i)
  const b = text.charCodeAt(i + 1)
  if (!isUpper(a)) return false
  if (isLower(b)) return true
  // `I am`, `A year`, `I’m`: a one-letter word, whatever follows it but `.`, `-` or more letters
  // (`U.S.A.`, `A-share`, `AI`); a space inserted after it later must not change the answer.
  return (a === 0x49 || a === 0x41) && !isLatinWordChar(b) && b !== 0x2e && b !== 0x2d
}

function inAddress(text: string, p: number): boolean {
  const { token, long } = tokenAround(text, p)
  return long || looksLikeAddress(token)
}

/** The reason to insert a space after the mark at p, 'flag' when unsure, or undefined. */
function afterMark(
  text: string,
  p: number,
  c: string,
  quotes: QuoteRoles,
  inserts: ReadonlyMap<number, string>,
): string | 'flag' | undefined {
  const prev = text.charCodeAt(p - 1)
  const n = p + 1
  switch (c) {
    case '.': {
      if (prev === 0x2e) {
        // The end of an ellipsis written with dots: `all...Washington`.
        let s = p
        while (text.charCodeAt(s - 1) === 0x2e) s--
        return p - s >= 2 &&
          isLatinLetter(text.charCodeAt(s - 1)) &&
          startsSentence(text, n) &&
          !inAddress(text, p)
          ? 'missing space after an ellipsis'
          : undefined
      }
      if (!startsSentence(text, n) || inAddress(text, p)) return undefined
      const word = wordBefore(text, p)
      const start = p - word.length
      const before = text.charCodeAt(start - 1)
      // After a full stop that gets its space (`ab.Cde.Fg`), the word stands as if after one:
      // deciding the same way in both passes keeps the rule idempotent.
      const afterDot = before === 0x2e && !inserts.has(start)
      if (TITLES.has(word) && !isAsciiLetter(before) && !afterDot)
        return `missing space after “${word}.”`
      if (word.length === 0) {
        // `in 2022.The`, `(24th).China`, `"number".However`
        return isDigit(prev) || oneOf(')"”’%', text[p - 1])
          ? 'missing space after a full stop'
          : undefined
      }
      if (afterDot) {
        // `U.S.The`, `e.g.The`: an initialism; `www.Site.com` was caught as an address.
        return word.length === 1 && isUpper(word.charCodeAt(0)) ? 'flag' : undefined
      }
      if (word.length === 1) return undefined // `a.m.`, `p.m.`: the first dot
      // `field.As`, `China.I`, `WHO.The`; not `Mr.` (handled) nor `Co.` (one lower-case letter).
      const last2 = word.slice(-2)
      const lower = isLower(last2.charCodeAt(0)) && isLower(last2.charCodeAt(1))
      const caps = word.length >= 2 && word === word.toUpperCase()
      return lower || caps ? 'missing space after a full stop' : undefined
    }
    case '?':
    case '!': {
      if (!(isLatinLetter(prev) || isDigit(prev) || oneOf(')"”’', text[p - 1]))) return undefined
      if (!startsSentence(text, n) || inAddress(text, p)) return undefined
      return `missing space after ${NAMES[c]}`
    }
    case ':': {
      // `CCTV News:On`; not `http:`, `10:30`, `Re:`… only a word and a capitalised word.
      if (!(isAsciiLetter(prev) || text[p - 1] === ')')) return undefined
      if (text[p - 1] !== ')' && wordBefore(text, p).length < 2) return undefined
      if (!startsSentence(text, n) || inAddress(text, p)) return undefined
      return 'missing space after a colon'
    }
    case ';': {
      // `(Sunday);The`, `clothes;and`; not an HTML entity (`&amp;The`).
      if (!(isLatinLetter(prev) || isDigit(prev) || oneOf(')"”’', text[p - 1]))) return undefined
      if (!isAsciiLetter(text.charCodeAt(n)) || inAddress(text, p)) return undefined
      return 'missing space after a semicolon'
    }
    case ',': {
      // `Beijing,Shanghai`; not `1,000` (digits), not inside addresses or data.
      if (!(isLatinLetter(prev) || oneOf(')"”’', text[p - 1]))) return undefined
      if (!isAsciiLetter(text.charCodeAt(n)) || inAddress(text, p)) return undefined
      return 'missing space after a comma'
    }
    case '%':
      // `10%of`; not URL escapes (`%E4`), which sit in addresses or follow no number.
      return isDigit(prev) && isLower(text.charCodeAt(n)) && !inAddress(text, p)
        ? 'missing space after a percent sign'
        : undefined
    case ')': {
      // `(APEC)and`; not `(s)he` nor `f(x)y`: the brackets must hold a few characters.
      const open = findOnLine(text, p - 1, '(', -1)
      if (open < 0 || solidLength(text, open + 1, p) < 3) return undefined
      if (!isAsciiLetter(text.charCodeAt(n)) || inAddress(text, p)) return undefined
      return 'missing space after a closing bracket'
    }
    case '…':
      return isLatinLetter(prev) && startsSentence(text, n) && !inAddress(text, p)
        ? 'missing space after an ellipsis'
        : undefined
    case '”':
      return isLatinLetter(text.charCodeAt(n)) && !inAddress(text, p)
        ? 'missing space after a closing quote'
        : undefined
    case '"':
      return quotes.at(p) === 'close' && isLatinLetter(text.charCodeAt(n)) && !inAddress(text, p)
        ? 'missing space after a closing quote'
        : undefined
    default:
      return undefined
  }
}

/** The reason to put a space between the character at p and the bracket or quote after it. */
function beforeOpening(text: string, p: number, quotes: QuoteRoles): string | undefined {
  const o = p + 1
  const opener = text[o]
  const c = text[p] ?? ''
  const prev = text.charCodeAt(p)
  if (opener === '(') {
    // `Sciences(CAS)`; not `student(s)`, `f(x)`, `Item(2)`: a word before, a few characters in.
    if (wordBefore(text, o).length < 2) return undefined
    const close = findOnLine(text, o + 1, ')', 1)
    if (close < 0 || solidLength(text, o + 1, close) < 3) return undefined
    if (!isLatinLetter(text.charCodeAt(o + 1)) && !isDigit(text.charCodeAt(o + 1))) return undefined
    return inAddress(text, o) ? undefined : 'missing space before an opening bracket'
  }
  if (opener === '"' && quotes.at(o) !== 'open') return undefined
  // `said“We`, `field.“The`: a word or a mark that ends one, then a quote opening a word.
  if (!(isLatinLetter(prev) || isDigit(prev) || oneOf('.,;:?!', c))) return undefined
  if (c === '.' && !isLatinLetter(text.charCodeAt(p - 1))) return undefined // `..."`, `5."`
  if (!isLatinLetter(text.charCodeAt(o + 1)) && !isDigit(text.charCodeAt(o + 1))) return undefined
  return inAddress(text, o) ? undefined : 'missing space before an opening quote'
}

/**
 * Brackets further apart than this are not one aside; the bound keeps the scan linear. Spaces
 * do not count, here and in `solidLength`, so that the spaces the spacing rules add or remove
 * never change a decision (which keeps the rules idempotent).
 */
const MAX_ASIDE = 300

/** The nearest `ch` from i going `step`, on the same line and within MAX_ASIDE, or -1. */
function findOnLine(text: string, i: number, ch: string, step: 1 | -1): number {
  const code = ch.charCodeAt(0)
  for (let k = 0; k < MAX_ASIDE && i >= 0 && i < text.length; i += step) {
    const c = text.charCodeAt(i)
    if (c === code) return i
    if (c === 0x0a) return -1
    if (!isHSpace(c)) k++
  }
  return -1
}

/** How many characters other than spaces lie between `from` and `to`. */
function solidLength(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) if (!isHSpace(text.charCodeAt(i))) n++
  return n
}
