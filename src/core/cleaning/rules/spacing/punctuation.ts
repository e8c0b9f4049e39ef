import type { EditProposal, FlagProposal, Rule } from '../../types'
import {
  isAsciiLetter,
  isCjk,
  isDigit,
  isHSpace,
  isLatinLetter,
  nextNonSpace,
  QuoteRoles,
  spacesAfter,
  spacesBefore,
  wordBefore,
  oneOf,
} from './chars'
import { Occurrences, positionsWhere } from './occurrences'

const CLOSING_NAMES: Readonly<Record<string, string>> = {
  '%': 'a percent sign',
  ',': 'a comma',
  '.': 'a full stop',
  ';': 'a semicolon',
  ':': 'a colon',
  '?': 'a question mark',
  '!': 'an exclamation mark',
  ')': 'a closing bracket',
  ']': 'a closing bracket',
  '”': 'a closing quote',
  '’': 'a closing quote',
  '"': 'a closing quote',
}

/**
 * The marks that hang on the word before them and those that open, which the rule visits to
 * look at the space before or after them. Those up to U+00FF are searched for one by one (a
 * search for one character skips along the text, where an expression looking for a space
 * before a mark stops at every space), the others with one expression.
 */
const HANGING_MARKS = '%,.;:?!)]”’"'
const OPENING_MARKS = '([“"'
const NARROW_MARKS = '%,.;:?!)]"(['
const WIDE_MARKS = /[”’“]/g

const OPENERS = '([{“‘'

/**
 * Machine translation (and tokenised text) leaves spaces before the marks that hang on the word
 * before them, `80 %`, `News ,`, `years ,`, `you " ,`, and after the ones that open,
 * `( Confucius`, `" if`. They go. Kept: indentation (another rule's business), ellipses
 * (`word ...`), `.com` after a space, scores and times (`3 : 2`), empty brackets, Chinese text,
 * and straight quotes on a line where they do not pair up (nobody can tell which one opens).
 */
export const spaceBeforePunctuationRule: Rule = {
  id: 'space-before-punctuation',
  name: 'Spaces around punctuation',
  description:
    'No space before % , . ; : ? ! ) or a closing quote, none after ( or an opening quote.',
  appliesToTitle: true,
  apply(text) {
    const edits: EditProposal[] = []
    const quotes = new QuoteRoles(text)
    for (const q of positionsWhere(text, NARROW_MARKS, WIDE_MARKS, isSpaced)) {
      const mark = text[q]!
      if (HANGING_MARKS.includes(mark) && isHSpace(text.charCodeAt(q - 1))) {
        const edit = spaceBeforeMark(text, q, quotes)
        if (edit) edits.push(edit)
      }
      if (OPENING_MARKS.includes(mark) && isHSpace(text.charCodeAt(q + 1))) {
        const edit = spaceAfterMark(text, q, quotes)
        if (edit) edits.push(edit)
      }
    }
    return { edits }
  },
}

/**
 * A hanging mark after a space, or an opening one before a space: where the rule looks. Tested
 * by character code (OPENING_MARKS; every other mark searched for hangs), as it runs at every
 * full stop and comma of the text.
 */
function isSpaced(text: string, q: number): boolean {
  const mark = text.charCodeAt(q)
  // `"` both hangs and opens.
  const hangs = mark !== 0x28 && mark !== 0x5b && mark !== 0x201c // ( [ “
  const opens = mark === 0x28 || mark === 0x5b || mark === 0x201c || mark === 0x22 // ( [ “ "
  return (hangs && isHSpace(text.charCodeAt(q - 1))) || (opens && isHSpace(text.charCodeAt(q + 1)))
}

/** The edit taking out the spaces before the hanging mark at q, if they should go. */
function spaceBeforeMark(text: string, q: number, quotes: QuoteRoles): EditProposal | undefined {
  const mark = text[q]!
  const s = spacesBefore(text, q)
  if (s === 0 || text.charCodeAt(s - 1) === 0x0a) return undefined // indentation
  if (!hangsOnWordBefore(text, s, q, mark, quotes)) return undefined
  return {
    start: s,
    end: q,
    replacement: '',
    reason: `space before ${CLOSING_NAMES[mark] ?? 'punctuation'}`,
  }
}

/** The edit taking out the spaces after the opening mark at `at`, if they should go. */
function spaceAfterMark(text: string, at: number, quotes: QuoteRoles): EditProposal | undefined {
  const c = text[at]!
  const e = spacesAfter(text, at + 1)
  if (!opensOnWordAfter(text, at, e, c, quotes)) return undefined
  return {
    start: at + 1,
    end: e,
    replacement: '',
    reason:
      c === '(' || c === '[' ? 'space after an opening bracket' : 'space after an opening quote',
  }
}

/** Whether the spaces [s, q) before `mark` at q should go. */
function hangsOnWordBefore(
  text: string,
  s: number,
  q: number,
  mark: string,
  quotes: QuoteRoles,
): boolean {
  const prev = text[s - 1] ?? ''
  const p = text.charCodeAt(s - 1)
  if (isCjk(p) || oneOf(OPENERS, prev)) return false
  if (prev === '"' && quotes.at(s - 1) === 'open') return false
  const next = text.charCodeAt(q + 1)
  switch (mark) {
    case '%':
      return isDigit(p)
    case '.':
      // Only a full stop that ends something: not `.com`, `.5`, or a dot of an ellipsis.
      return (
        prev !== '.' &&
        text[nextNonSpace(text, q + 1)] !== '.' &&
        (Number.isNaN(next) || isHSpace(next) || next === 0x0a || oneOf(`")]”’`, text[q + 1]))
      )
    case ':': {
      // `3 : 2`, `10 : 30`: a score, a ratio or a time; another rule looks at times.
      const n = nextNonSpace(text, q + 1)
      return !(isDigit(p) && n >= 0 && isDigit(text.charCodeAt(n)))
    }
    case ',':
    case ';':
      // `excited. , Got`: a stray mark after another one; joining them would not mend it.
      return !oneOf('.,;:?!', prev)
    case '?':
    case '!':
    case ')':
    case ']':
    case '”':
      return true
    case '’':
      // A closing quote or the apostrophe of `students ’ parents`; `’s` is another rule's.
      return !isLatinLetter(next) && (isLatinLetter(p) || oneOf('.,!?', prev))
    case '"':
      return quotes.at(q) === 'close'
    default:
      return false
  }
}

/** Whether the spaces after the opening mark `c` at `at` (up to e) should go. */
function opensOnWordAfter(
  text: string,
  at: number,
  e: number,
  c: string,
  quotes: QuoteRoles,
): boolean {
  const n = text.charCodeAt(e)
  if (Number.isNaN(n) || n === 0x0a || isCjk(n)) return false // trailing spaces, Chinese
  const next = text[e] ?? ''
  if (oneOf(')]”"%,.;:?!', next)) return false // empty brackets or quotes, stray marks
  if (c === '"') return quotes.at(at) === 'open'
  return true
}

/** Currency signs up to U+00FF, searched for one by one; the others, with one expression. */
const NARROW_CURRENCY_SIGNS = '$¥£'
const WIDE_CURRENCY_SIGNS = /[€₹]/g
/** Codes written before a dollar sign: `US$`, `HK$`, `NT$`, `A$`, `S$`… */
const DOLLAR_CODES = new Set([
  'US',
  'HK',
  'NT',
  'A',
  'AU',
  'C',
  'CA',
  'NZ',
  'S',
  'SG',
  'R',
  'Mex',
  'RD',
])

/**
 * `$ 500` → `$500` and `US $ 60 billion` → `US$60 billion`: the translation engine puts a
 * space after every currency sign. Only before a number, so a `$` standing for itself stays.
 */
export const currencySpacingRule: Rule = {
  id: 'currency-spacing',
  name: 'Currency signs',
  description: 'No space between a currency sign and its amount ($ 500 → $500, US $ 60 → US$60).',
  appliesToTitle: true,
  apply(text) {
    const edits: EditProposal[] = []
    const signs = new Occurrences(text, NARROW_CURRENCY_SIGNS, WIDE_CURRENCY_SIGNS)
    for (let p = signs.next(text.length); p >= 0; p = signs.next(text.length)) {
      const e = spacesAfter(text, p + 1)
      if (!isDigit(text.charCodeAt(e))) continue
      if (text[p] === '$') {
        const s = spacesBefore(text, p)
        const code = wordBefore(text, s)
        const beforeCode = text.charCodeAt(s - code.length - 1)
        if (
          s < p &&
          DOLLAR_CODES.has(code) &&
          !isAsciiLetter(beforeCode) &&
          !isDigit(beforeCode) &&
          text.charCodeAt(s - 1) !== 0x0a
        ) {
          edits.push({
            start: s,
            end: p,
            replacement: '',
            reason: `space between “${code}” and its currency sign`,
          })
        }
      }
      if (e > p + 1) {
        edits.push({ start: p + 1, end: e, replacement: '', reason: 'space after a currency sign' })
      }
    }
    return { edits }
  },
}

/** Words around a time of day that make `0: 00` certainly one. */
const TIME_BEFORE = new Set(
  'at of until till from to before after by since around about between and'.split(' '),
)
const TIME_AFTER = /^ ?(?:on|am|pm|a\.m\.|p\.m\.|o'clock|o’clock|hours|local|GMT|UTC|Beijing)\b/

/**
 * `0: 00 on June 1`, `as of 13 :53`: the engine spaces the colon of a time of day. Closed up
 * where the words around say it is a time, flagged where it might be a score or a reference
 * (`Table 3: 45 cases`).
 */
export const spacedTimeRule: Rule = {
  id: 'spaced-time',
  name: 'Spaced times of day',
  description: 'Closes up times written with a space at the colon (0: 00 → 0:00).',
  appliesToTitle: true,
  apply(text) {
    const edits: EditProposal[] = []
    const flags: FlagProposal[] = []
    for (let c = text.indexOf(':'); c >= 0; c = text.indexOf(':', c + 1)) {
      const time = spacedTimeAt(text, c)
      if (!time) continue
      const { start, end, hours, minutes } = time
      const replacement = `${hours}:${minutes}`
      const before = wordBefore(text, spacesBefore(text, start)).toLowerCase()
      const sure =
        minutes === '00' ||
        (isHSpace(text.charCodeAt(start - 1)) && TIME_BEFORE.has(before)) ||
        TIME_AFTER.test(text.slice(end, end + 12))
      if (sure) {
        edits.push({ start, end, replacement, reason: 'space inside a time of day' })
      } else {
        flags.push({
          start,
          end,
          kind: 'spaced-time',
          message:
            'A number, a spaced colon and two digits: a time of day, or a score or reference?',
          suggestion: replacement,
        })
      }
    }
    return { edits, flags }
  },
}

/** `H: MM`, `HH :MM` or `H : MM` around the colon at c, with at least one space (or tab). */
function spacedTimeAt(
  text: string,
  c: number,
): { start: number; end: number; hours: string; minutes: string } | undefined {
  const l = spacesBefore(text, c)
  let start = l
  while (start > l - 2 && isDigit(text.charCodeAt(start - 1))) start--
  if (start === l) return undefined
  const b = text[start - 1] ?? ''
  if (
    isDigit(text.charCodeAt(start - 1)) ||
    b === ':' ||
    b === '.' ||
    isLatinLetter(text.charCodeAt(start - 1))
  )
    return undefined
  const r = spacesAfter(text, c + 1)
  if (l === c && r === c + 1) return undefined // `10:30` is fine
  if (!isDigit(text.charCodeAt(r)) || !isDigit(text.charCodeAt(r + 1))) return undefined
  const a = text[r + 2] ?? ''
  if (isDigit(text.charCodeAt(r + 2)) || a === ':' || isLatinLetter(text.charCodeAt(r + 2)))
    return undefined
  const hours = text.slice(start, l)
  const minutes = text.slice(r, r + 2)
  if (Number(hours) > 23 || Number(minutes) > 59) return undefined
  return { start, end: r + 2, hours, minutes }
}
