import type { EditProposal, FlagProposal, Rule } from '../../types'
import {
  isAsciiLetter,
  isDigit,
  isHSpace,
  isUpper,
  spacesAfter,
  spacesBefore,
  wordAfter,
  wordBefore,
} from './chars'

/**
 * Words that do not start the second half of a compound. After ` -` one of them means a dash
 * with a space missing (`the plan -the first…`), not a split compound, unless a chain of
 * hyphens follows (`state -of -the -art`, `up -to -date`).
 */
const NOT_A_COMPOUND_PART = new Set(
  (
    'the a an and or but nor of to for with from as is are was were be been being it its this ' +
    'that these those which who whom whose he she they we i you his her their our not if so ' +
    'than then there when where while'
  ).split(' '),
)

/** After `word-` these words mean a suspended hyphen (`first- and second-class`): correct. */
const SUSPENDED = new Set(['and', 'or', 'nor', 'to', 'as', 'than', 'through', 'versus', 'vs'])

/** First halves that make `X- Y` clearly a compound (`non- governmental`, `Sino- US`). */
const PREFIXES = new Set(
  (
    'non pre post re co anti multi inter intra cross sub self semi ex mid over under ultra ' +
    'counter socio sino euro afro extra bi tri quasi pseudo neo mini micro macro eco e de all ' +
    'well high low long short large small full half top world first second third one two ' +
    'three four five ten'
  ).split(' '),
)

/** Second halves that make `X- Y` clearly a compound (`decision- making`, `high- quality`). */
const HEADS = new Set(
  (
    'making maker quality level term scale based oriented related speed class owned run ' +
    'funded led driven style type free friendly wide round time year old income tech end ' +
    'building sharing saving intensive efficient standard ranking tier grade depth'
  ).split(' '),
)

/** A date written with spaces around its hyphens: `2007- 12- 17`, `2022 -07 -24`. */
const SPACED_DATE = /(?<![\d-])((?:1[89]|20)\d\d)( ?)-( ?)(\d{1,2})( ?)-( ?)(\d{1,2})(?![\d-])/y

/**
 * Machine translation of Chinese press (one engine in particular) writes every hyphen of a
 * compound with a space before it: `decision -making`, `Guangdong -Hong Kong -Macao`,
 * `(non -)`. The space goes; a hyphen with spaces on both sides is a dash and stays, and so do
 * ranges (`2020-2021`, `2020 - 2021`). The rarer `word- word` is joined only where it is
 * clearly a compound (the same compound is written whole elsewhere in the text, or one half is
 * a known prefix or head) and flagged otherwise. Dates spaced the same way (`2007- 12- 17`)
 * are closed up.
 */
export const spacedHyphenRule: Rule = {
  id: 'spaced-hyphen',
  name: 'Spaced hyphens',
  description:
    'Joins compounds split around the hyphen by machine translation (decision -making → decision-making); leaves dashes and ranges.',
  appliesToTitle: true,
  apply(text) {
    const edits: EditProposal[] = []
    const flags: FlagProposal[] = []
    let compounds: Set<string> | undefined
    let skipUntil = -1
    for (let h = text.indexOf('-'); h >= 0; h = text.indexOf('-', h + 1)) {
      if (h < skipUntil) continue
      const before = text.charCodeAt(h - 1)
      const after = text.charCodeAt(h + 1)
      const spaceBefore = isHSpace(before)
      const spaceAfter = isHSpace(after)
      if (!spaceBefore && !spaceAfter) continue // `a-b` is fine

      const prefix = bracketedPrefix(text, h)
      if (prefix) {
        edits.push(...prefix)
        continue
      }
      if (spaceBefore && spaceAfter) continue // ` - ` is a dash

      const date = spacedDate(text, h)
      if (date) {
        edits.push(date.edit)
        skipUntil = date.edit.end
        continue
      }

      if (spaceBefore) {
        const s = spacesBefore(text, h)
        if (s === 0 || text.charCodeAt(s - 1) === 0x0a) continue // a list marker or a dash
        const left = text.charCodeAt(s - 1)
        if (isDigit(after)) {
          // `COVID -19`: probably a name, but `at -5` is a minus sign. A person decides.
          const w = wordBefore(text, s)
          if (w.length >= 2 && isUpper(w.charCodeAt(0)) && isUpper(left)) {
            const number = digitsAt(text, h + 1)
            flags.push({
              start: s - w.length,
              end: h + 1 + number.length,
              kind: 'spaced-hyphen',
              message:
                'A space before a hyphen and a number: a name such as COVID-19, or a minus sign?',
              suggestion: `${w}-${number}`,
            })
          }
          continue
        }
        if (!isAsciiLetter(after)) continue
        if (!(isAsciiLetter(left) || isDigit(left) || isAbbreviationEnd(text, s))) continue
        const right = wordAfter(text, h + 1)
        if (
          NOT_A_COMPOUND_PART.has(right.toLowerCase()) &&
          !chainFollows(text, h + 1 + right.length)
        ) {
          flags.push({
            start: s - wordBefore(text, s).length,
            end: h + 1 + right.length,
            kind: 'spaced-hyphen',
            message: `A hyphen before “${right}”: a dash missing a space, or a compound?`,
          })
          continue
        }
        edits.push({ start: s, end: h, replacement: '', reason: 'spaced hyphen in a compound' })
        continue
      }

      // `word- word`
      if (!isAsciiLetter(before)) continue
      const e = spacesAfter(text, h + 1)
      if (!isAsciiLetter(text.charCodeAt(e))) continue // a line break or punctuation
      const left = wordBefore(text, h)
      const right = wordAfter(text, e)
      const l = left.toLowerCase()
      const r = right.toLowerCase()
      if (SUSPENDED.has(r) || NOT_A_COMPOUND_PART.has(r)) continue
      compounds ??= hyphenatedPairs(text)
      if (compounds.has(`${l}-${r}`) || PREFIXES.has(l) || HEADS.has(r)) {
        edits.push({
          start: h + 1,
          end: e,
          replacement: '',
          reason: 'space after a hyphen in a compound',
        })
      } else {
        flags.push({
          start: h - left.length,
          end: e + right.length,
          kind: 'spaced-hyphen',
          message: `A hyphen followed by a space: “${left}-${right}” split in two, or a dash?`,
          suggestion: `${left}-${right}`,
        })
      }
    }
    return { edits, flags }
  },
}

/**
 * `(non -)`, `(non - )`, `（non -）`: a prefix standing alone in brackets, its hyphen spaced. The
 * spaces go (all of them, so that taking the one before the bracket later leaves nothing).
 */
function bracketedPrefix(text: string, h: number): EditProposal[] | undefined {
  const s = spacesBefore(text, h)
  if (s === h) return undefined
  const e = spacesAfter(text, h + 1)
  const close = text[e]
  if (close !== ')' && close !== '）') return undefined
  const w = wordBefore(text, s)
  // `( non -)`: the space after the bracket is the punctuation rules' to take.
  const open = text[spacesBefore(text, s - w.length) - 1]
  if (w.length === 0 || (open !== '(' && open !== '（')) return undefined
  const reason = 'spaced hyphen before a closing bracket'
  const edits = [{ start: s, end: h, replacement: '', reason }]
  if (e > h + 1) edits.push({ start: h + 1, end: e, replacement: '', reason })
  return edits
}

/**
 * `U.S. -China`: the hyphen may follow the full stop of an initialism. A full-width `。` counts
 * as the full stop it will become once the punctuation rules have run.
 */
function isAbbreviationEnd(text: string, end: number): boolean {
  return (
    isFullStop(text.charCodeAt(end - 1)) &&
    isUpper(text.charCodeAt(end - 2)) &&
    isFullStop(text.charCodeAt(end - 3)) &&
    isUpper(text.charCodeAt(end - 4))
  )
}

function isFullStop(c: number): boolean {
  return c === 0x2e || c === 0x3002
}

/** After a word, another hyphen joins the next one: `up -to -date`, `face-to -face`. */
function chainFollows(text: string, pos: number): boolean {
  const e = spacesAfter(text, pos)
  return text.charCodeAt(e) === 0x2d && isAsciiLetter(text.charCodeAt(e + 1))
}

/** Every `left-right` (or `left -right`) pair of words in the text, lower-cased. */
function hyphenatedPairs(text: string): Set<string> {
  const pairs = new Set<string>()
  for (let h = text.indexOf('-'); h >= 0; h = text.indexOf('-', h + 1)) {
    if (isHSpace(text.charCodeAt(h + 1))) continue
    const left = wordBefore(text, spacesBefore(text, h))
    const right = wordAfter(text, h + 1)
    if (left && right) pairs.add(`${left.toLowerCase()}-${right.toLowerCase()}`)
  }
  return pairs
}

/** A spaced date whose hyphens include the one at `h`, as one edit closing it up. */
function spacedDate(text: string, h: number): { edit: EditProposal } | undefined {
  // The year starts at most five characters before the first hyphen (`2007 -`), ten before the
  // second (`2007 - 12 -`).
  for (let start = Math.max(0, h - 10); start <= h - 4; start++) {
    if (!isDigit(text.charCodeAt(start))) continue
    SPACED_DATE.lastIndex = start
    const m = SPACED_DATE.exec(text)
    if (!m || start + m[0].length <= h) continue
    const [whole, year = '', s1, s2, month = '', s3, s4, day = ''] = m
    if (!(s1 || s2 || s3 || s4)) return undefined
    const mm = Number(month)
    const dd = Number(day)
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return undefined
    return {
      edit: {
        start,
        end: start + whole.length,
        replacement: `${year}-${month}-${day}`,
        reason: 'spaces inside a date',
      },
    }
  }
  return undefined
}

/** The digits that start at `start`. */
function digitsAt(text: string, start: number): string {
  let i = start
  while (isDigit(text.charCodeAt(i))) i++
  return text.slice(start, i)
}
