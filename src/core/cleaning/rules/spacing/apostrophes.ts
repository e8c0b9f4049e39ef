import type { EditProposal, Rule } from '../../types'
import {
  isAsciiLetter,
  isDigit,
  isLower,
  isUpper,
  spacesBefore,
  wordAfter,
  wordBefore,
} from './chars'
import { Occurrences } from './occurrences'

/** `ca n’t`, `do n’t`, `wo n’t`: the tokeniser's halves of a negative contraction. */
const BEFORE_NT = new Set(
  'ca do does did is are was were wo would could should has have had must need might ai sha dare ought'.split(
    ' ',
  ),
)
/** `can ’t`, `don ’t`: the other way of splitting them. */
const BEFORE_T = new Set(
  'can don doesn didn isn aren wasn weren won wouldn couldn shouldn hasn haven hadn mustn needn ain shan'.split(
    ' ',
  ),
)
/** `I ’m`, `they ’re`, `we ’ve`, `it ’ll`, `he ’d`. */
const PRONOUNS = new Set('i you we they he she it that there who what where here let'.split(' '))
const CONTRACTION_ENDS = new Set(['m', 're', 've', 'll', 'd'])

/**
 * Pinyin syllables that start with a vowel, which Chinese place names separate with an
 * apostrophe: Xi’an, Yan’an, Tai’an, Huai’an, Pu’er, Chang’an, Dong’e.
 */
const PINYIN_VOWEL_SYLLABLES = new Set(['an', 'ang', 'ao', 'ai', 'en', 'er', 'ou', 'e'])
/** Capitalised English words that look like a first pinyin syllable but are not one. */
const NOT_PINYIN = new Set(
  'He She It We The An And In On As At To Of Is So No Do If Or By My Me Be Go Up Us Oh Hi Ha Yes Mr Ms Dr St'.split(
    ' ',
  ),
)

/** The curly apostrophes; the straight one is searched for on its own. */
const WIDE_APOSTROPHES = /[’‘]/g

/**
 * Tokenised machine translation splits words at the apostrophe: `ca n’t`, `government ’s`,
 * `China ’s`, `I ’m`, and writes Chinese place names with a space and an opening quote,
 * `Xi ‘an`. The pieces are joined where the shape is unambiguous (a known contraction, a
 * possessive `’s` before a space or punctuation, a pinyin syllable after a capitalised one);
 * quotations (`the ‘s’ key`, `said ‘an idea’`) are left alone.
 */
export const splitApostropheRule: Rule = {
  id: 'split-apostrophe',
  name: 'Split apostrophes',
  description:
    'Joins words split at the apostrophe by tokenisation (ca n’t → can’t, government ’s → government’s, Xi ‘an → Xi’an).',
  appliesToTitle: true,
  apply(text) {
    const edits: EditProposal[] = []
    const apostrophes = new Occurrences(text, "'", WIDE_APOSTROPHES)
    for (let a = apostrophes.next(text.length); a >= 0; a = apostrophes.next(text.length)) {
      const mark = text[a]!
      const after = wordAfter(text, a + 1)
      const end = a + 1 + after.length
      if (after === '' || !endsWord(text, end)) continue
      const s = spacesBefore(text, a)
      const spaced = s < a
      const before = wordBefore(text, s)
      if (before === '' || isAsciiLetter(text.charCodeAt(s - before.length - 1))) continue
      const lowerAfter = after.toLowerCase()
      const lowerBefore = before.toLowerCase()

      if (mark !== '‘' && spaced) {
        if (lowerAfter === 's' && !isSingleQuote(text[end] ?? '')) {
          edits.push({ start: s, end: a, replacement: '', reason: 'space before a possessive ’s' })
          continue
        }
        if (lowerAfter === 't' && BEFORE_T.has(lowerBefore)) {
          edits.push({ start: s, end: a, replacement: '', reason: 'contraction split by a space' })
          continue
        }
        if (CONTRACTION_ENDS.has(lowerAfter) && PRONOUNS.has(lowerBefore)) {
          edits.push({ start: s, end: a, replacement: '', reason: 'contraction split by a space' })
          continue
        }
      }

      if (mark !== '‘' && !spaced && lowerAfter === 't' && before.toLowerCase() === 'n') {
        // `ca n’t`: the space sits before the n.
        const sp = spacesBefore(text, a - 1)
        const aux = wordBefore(text, sp)
        if (
          sp < a - 1 &&
          BEFORE_NT.has(aux.toLowerCase()) &&
          !isAsciiLetter(text.charCodeAt(sp - aux.length - 1))
        ) {
          edits.push({
            start: sp,
            end: a - 1,
            replacement: '',
            reason: 'contraction split by a space',
          })
        }
        continue
      }

      if (
        PINYIN_VOWEL_SYLLABLES.has(after) &&
        isPinyinHead(before) &&
        !isSingleQuote(text[end] ?? '') &&
        (spaced || mark === '‘')
      ) {
        // `Xi ‘an` → `Xi’an`; a straight `Xi 'an` keeps its straight apostrophe.
        edits.push({
          start: s,
          end: a + 1,
          replacement: mark === "'" ? "'" : '’',
          reason: 'broken apostrophe in a place name',
        })
      }
    }
    return { edits }
  },
}

/** `‘an’`, `'s'`: a quoted letter or syllable, not a place name nor a possessive. */
function isSingleQuote(c: string): boolean {
  return c === '’' || c === "'" || c === '‘'
}

/** The letters after the apostrophe end a word: a space, punctuation or the end follows. */
function endsWord(text: string, end: number): boolean {
  const c = text.charCodeAt(end)
  return !(isAsciiLetter(c) || isDigit(c) || c === 0x2d /* - */)
}

/** `Xi`, `Huai`, `Chang`: a capitalised syllable of two to five letters, not an English word. */
function isPinyinHead(word: string): boolean {
  if (word.length < 2 || word.length > 5 || NOT_PINYIN.has(word)) return false
  if (!isUpper(word.charCodeAt(0))) return false
  for (let i = 1; i < word.length; i++) if (!isLower(word.charCodeAt(i))) return false
  return true
}
