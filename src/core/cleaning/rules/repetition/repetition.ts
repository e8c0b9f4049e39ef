import { insideQuotation } from '../../quotes'
import type { EditProposal, FlagProposal, Rule, RuleOutput } from '../../types'
import { int32Scratch } from './scratch'
import {
  F_CAPITAL,
  F_NUMBER,
  F_SENTENCE,
  isWord,
  SEP_BLOCK,
  SEP_COMMA,
  SEP_SPACE,
  sameRun,
  sameWord,
  scanWords,
  wordKey,
  type Words,
} from './words'

/** The longest phrase that is collapsed: MT stutters are short, real parallelism is longer. */
const MAX_UNIT = 6
/** The longest list of one word taken for rhetoric (`rumors, rumors and rumors`). */
const MAX_LIST = 50

/**
 * Real English doubles, left alone: grammar (`had had`, `that that`), emphasis (`very very`,
 * `no, no`, `far, far away`), set phrases (`bye bye`, `so-so`, `hear, hear`).
 */
const REAL_DOUBLES = new Set([
  'had',
  'that',
  'bye',
  'so',
  'very',
  'really',
  'many',
  'much',
  'far',
  'long',
  'no',
  'yes',
  'now',
  'well',
  'there',
  'oh',
  'ah',
  'hey',
  'ha',
  'haha',
  'ho',
  'hee',
  'blah',
  'tut',
  'tsk',
  'knock',
  'night',
  'chop',
  'hush',
  'hip',
  'hear',
  'please',
  'never',
  'ever',
  'aye',
  'go',
  'run',
  'wait',
  'help',
  'hurry',
  'quick',
  'mahi',
  'bora',
  'pom',
  'yo',
  'tom',
  'cha',
])

/**
 * Doubles that are usually a slip but can be grammar: a verb's particle meeting a preposition
 * (`moved in in May`, `logged on on Monday`) or emphatic `do do`. Flagged, never rewritten.
 */
const PARTICLES = new Set([
  'in',
  'on',
  'out',
  'off',
  'up',
  'down',
  'over',
  'by',
  'to',
  'through',
  'around',
  'about',
  'back',
  'away',
  'do',
])

/** Capitalised doubles of these are slips (`The The`), not names. */
const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'we',
  'our',
  'their',
  'his',
  'her',
  'he',
  'she',
  'they',
])

/** `X and X` that is good English: `more and more`, `over and over`, `years and years`. */
const AND_DOUBLES = new Set([
  'more',
  'less',
  'again',
  'over',
  'on',
  'round',
  'around',
  'through',
  'by',
  'ever',
  'out',
  'up',
  'down',
  'in',
  'far',
  'back',
  'so',
  'such',
  'time',
  'one',
  'worse',
  'miles',
  'years',
  'hours',
  'days',
  'weeks',
  'months',
  'decades',
  'centuries',
  'ages',
  'tens',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'billions',
  'times',
  'rows',
  'layers',
])

/** One syllable of pinyin: reduplicated names (`Lang Lang`, `Huan Huan`) are common in the genre. */
const PINYIN =
  /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ue|ui|ve|er|a|o|e|i|u|v)$/

/** Characters that glue a word to a URL, an e-mail address, a decimal or an abbreviation. */
const GLUE = new Set(['/', '@', '.', ':', '_', '=', '#', '&', '?', '!', '\\'])

interface Removal {
  start: number
  end: number
  /** The kept copy: first and last word (input indices) and its length in words. */
  first: number
  last: number
  /** Where the kept copy's last word sits on the stack of kept words. */
  at: number
  k: number
  copies: number
}

const KIND = 'doubtful-repetition'

/**
 * The last word (input index) of a list kept as rhetoric. Keeping `rumors, rumors and rumors`
 * looks ahead at words not yet read; none of them may be collapsed afterwards, or the rule would
 * see a different list on its own output.
 */
interface Guard {
  keptUpTo: number
}

/**
 * Collapses a word or a phrase of up to six words written twice or more back to back (`degree
 * degree`, `and projects and projects`, `cross-domain, cross-domain, cross-domain`, `At this time
 * at this time`) to its first copy, whose case it keeps. Machine translation stutters like this
 * when it loses track of a Chinese sentence; the doubled words carry nothing.
 *
 * It leaves real doubles alone (`had had`, `that that`, `very very`, names such as `Lang Lang`,
 * numbers), and flags instead of rewriting what it cannot be sure of: `X and X`
 * (`interconnection and interconnection`), lists of one word (`rumors, rumors and rumors`),
 * doubles that can be grammar (`is is`, `in in`), and the broken leftover a collapse can reveal
 * (`heads of headsses`). Runs on titles too.
 */
export const repetitionRule: Rule = {
  id: 'repetition',
  name: 'Repeated words',
  description:
    'Collapses a word or short phrase repeated back to back (“degree degree”) to one copy; flags doubtful repeats.',
  appliesToTitle: true,
  apply(text) {
    return findRepetitions(text)
  },
}

/** The rule's work, exported for tests and benchmarks. */
export function findRepetitions(text: string): RuleOutput {
  const words = scanWords(text)
  if (words.count < 2) return {}
  const flags: FlagProposal[] = []
  const { removals, kept, conjunctions } = collapse(words, flags)
  flagLeftovers(words, kept, removals, flags)
  flagSelfPairs(words, kept, conjunctions, flags)
  const { start, end } = words
  const edits: EditProposal[] = removals.map((r) => ({
    start: r.start,
    end: r.end,
    replacement: '',
    reason: reasonFor(text.slice(start[r.first]!, end[r.last]!), r.k, r.copies),
  }))
  return { edits, flags: mergeFlags(flags) }
}

/**
 * `text` as this rule leaves it, every repeat collapsed to its first copy. For a rule that only
 * needs the result: it skips the flags and the reasons `findRepetitions` builds.
 */
export function withoutRepetitions(text: string): string {
  const words = scanWords(text)
  if (words.count < 2) return text
  const { removals } = collapse(words, [])
  let out = text
  for (let i = removals.length - 1; i >= 0; i--) {
    out = out.slice(0, removals[i]!.start) + out.slice(removals[i]!.end)
  }
  return out
}

const stackScratch = int32Scratch()
const stackHashScratch = int32Scratch()

interface Collapsed {
  removals: Removal[]
  /** The words left (input indices); valid until the next scan. */
  kept: Int32Array
  /** Where `kept` may hold an `and` or an `or` (their hash), in order. */
  conjunctions: number[]
}

/** Find the repeats to collapse; the doubtful ones are flagged into `flags` and kept. */
function collapse(words: Words, flags: FlagProposal[]): Collapsed {
  const removals: Removal[] = []
  // The kept words so far. A repeat is found when the newest word completes one at the top, so
  // the result never holds a repeat the rule would collapse: applying it again changes nothing.
  const stack = stackScratch.get(words.count)
  // The hashes of the kept words, beside them: the inner loop reads nothing else.
  const stackHash = stackHashScratch.get(words.count)
  let top = 0
  const guard: Guard = { keptUpTo: -1 }
  // Each `and` and `or` pushed, as (position, word) pairs, for flagSelfPairs: noting them here
  // spares it a pass over every kept word.
  const pushed: number[] = []
  const { hash, sep, end } = words
  for (let w = 0; w < words.count; w++) {
    const hw = hash[w]!
    if (hw === AND || hw === OR) pushed.push(top, w)
    stack[top] = w
    stackHash[top++] = hw
    // Most words end no repeat. Six comparisons written out sieve them three times faster than
    // the loop below, which would otherwise run for every word of the text.
    if (top > 2 * MAX_UNIT && !matchesBelow(stackHash, top - 1, hw)) continue
    // A repeat of k words needs 2k on the stack.
    const longest = Math.min(MAX_UNIT, top >> 1)
    for (let k = 1; k <= longest; k++) {
      if (stackHash[top - 1 - k] !== hw) continue
      const b = top - k
      const a = b - k
      if (sep[stack[b]!] === SEP_BLOCK) continue
      if (!sameRun(words, stack, a, stack, b, k)) continue
      // Words of a list kept as rhetoric stay, or a second run would judge the list anew.
      if (stack[b]! <= guard.keptUpTo) continue
      if (!shouldCollapse(words, stack, a, b, k, w, flags, guard)) continue
      addRemoval(removals, {
        start: end[stack[b - 1]!]!,
        end: end[w]!,
        first: stack[a]!,
        last: stack[b - 1]!,
        at: b - 1,
        k,
        copies: 2,
      })
      // One collapse at most: it takes the stack back to a state that was already settled.
      top = b
      break
    }
  }
  // A collapse may have taken a pushed conjunction off again: those still in place are in order.
  const conjunctions: number[] = []
  for (let i = 0; i < pushed.length; i += 2) {
    if (pushed[i]! < top && stack[pushed[i]!] === pushed[i + 1]) conjunctions.push(pushed[i]!)
  }
  return { removals, kept: stack.subarray(0, top), conjunctions }
}

/** Whether `h` is one of the MAX_UNIT (six) hashes below position `at`. */
function matchesBelow(hashes: Int32Array, at: number, h: number): boolean {
  return (
    hashes[at - 1] === h ||
    hashes[at - 2] === h ||
    hashes[at - 3] === h ||
    hashes[at - 4] === h ||
    hashes[at - 5] === h ||
    hashes[at - 6] === h
  )
}

/** Nested removals (found earlier, inside the new one) are absorbed into it. */
function addRemoval(removals: Removal[], r: Removal): void {
  for (let last = removals.at(-1); last && last.start >= r.start; last = removals.at(-1)) {
    removals.pop()
    if (last.last === r.last && last.k === r.k) r.copies += last.copies - 1
  }
  removals.push(r)
}

function reasonFor(unit: string, k: number, copies: number): string {
  const times = copies === 2 ? 'twice' : `${copies} times`
  return `${k === 1 ? 'word' : 'phrase'} “${unit}” written ${times} in a row; kept once`
}

/**
 * Decide whether the repeat `stack[a..a+k)` = `stack[b..b+k)` (the newest word is `w`) is a
 * stutter to collapse. Doubtful cases are flagged here and kept.
 */
function shouldCollapse(
  words: Words,
  stack: Int32Array,
  a: number,
  b: number,
  k: number,
  w: number,
  flags: FlagProposal[],
  guard: Guard,
): boolean {
  const { text, start, end, flags: bits } = words
  for (let i = a; i < b; i++) if (bits[stack[i]!]! & F_NUMBER) return false
  // Inside a URL, an e-mail address, a decimal or an abbreviation: not prose.
  if (gluedBefore(text, start[stack[a]!]!) || gluedAfter(text, end[w]!)) return false
  const key = k === 1 ? wordKey(words, w) : ''
  if (REAL_DOUBLES.has(key)) return false
  if (words.sep[stack[b]!] === SEP_COMMA) {
    const last = rhetoricalListEnd(words, stack, a, k, w, flags)
    if (last >= 0) {
      guard.keptUpTo = Math.max(guard.keptUpTo, last)
      return false
    }
  }
  const both = text.slice(start[stack[a]!]!, end[w]!)
  const single = text.slice(start[stack[a]!]!, end[stack[b - 1]!]!)
  const flagHere = (message: string): false => {
    flags.push({
      start: start[stack[a]!]!,
      end: end[w]!,
      kind: KIND,
      message,
      suggestion: single,
    })
    return false
  }
  // “Come on, come on!”: in a quotation a repeat set off by a comma may be what was said.
  if (words.sep[stack[b]!] === SEP_COMMA && insideQuotation(text, start[stack[a]!]!)) {
    return flagHere(`“${both}” is inside a quotation: the repeat may be what was said. Check it.`)
  }
  if (k === 1) {
    // `Plan A a few`, `grade A a`: one letter changing case is a label beside an article.
    if (key.length === 1 && (bits[stack[a]!]! ^ bits[w]!) & F_CAPITAL) return false
    if (key === 'is' || key === 'was') {
      if (!followsWhat(words, stack, a)) return true
      return flagHere(
        `“${both}”: usually a slip, but it can be right (“what it is is…”). Check the sentence.`,
      )
    }
    if (PARTICLES.has(key)) {
      return flagHere(
        `“${both}”: usually a slip, but a verb’s particle can meet a preposition (“moved in in May”). Check the sentence.`,
      )
    }
    if (bits[stack[a]!]! & bits[w]! & F_CAPITAL) {
      if (FUNCTION_WORDS.has(key)) return true
      if (isNameLike(key)) return false
      return flagHere(
        `“${both}”: the same capitalised word twice — a name (Walla Walla) or a slip? Check it.`,
      )
    }
    return true
  }
  if (k === 2) {
    // `more and more and more`: an intensifier, not a stutter.
    const x = wordKey(words, stack[a]!)
    const y = wordKey(words, stack[a + 1]!)
    if ((isConjunction(x) && isAndDouble(y)) || (isConjunction(y) && isAndDouble(x))) return false
  }
  return true
}

const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u
const WORD = /[\p{L}\p{N}]/u

/**
 * The word starting at `s` is glued to what precedes it (`example.com/news`, `user@mail`), unless
 * the glue is a sentence stop with the next sentence stuck to it (`field.As`), which the
 * punctuation rule will open later.
 */
function gluedBefore(text: string, s: number): boolean {
  const c = text[s - 1] ?? ''
  if (!GLUE.has(c)) return false
  return !(STOPS.has(c) && LOWER.test(text[s - 2] ?? '') && sentenceStart(text, s))
}

/** The word ending at `e` is glued to what follows (`U.S.`, `No.1`, `3.5`, `example.com`). */
function gluedAfter(text: string, e: number): boolean {
  const c = text[e] ?? ''
  if (!GLUE.has(c) || !WORD.test(text[e + 1] ?? '')) return false
  return !(STOPS.has(c) && LOWER.test(text[e - 1] ?? '') && sentenceStart(text, e + 1))
}

const STOPS = new Set(['.', '?', '!'])

/** `As`, `Official`: a capital and a small letter, as a glued sentence starts. */
function sentenceStart(text: string, i: number): boolean {
  return UPPER.test(text[i] ?? '') && LOWER.test(text[i + 1] ?? '')
}

/** `what it is is`, `all it was was`: the first verb closes a clause that began with what/all. */
function followsWhat(words: Words, stack: Int32Array, a: number): boolean {
  for (let i = a - 1, n = 0; i >= 0 && n < 12; i--, n++) {
    const key = wordKey(words, stack[i]!)
    if (key === 'what' || key === 'all' || key === 'whatever') return true
    if (words.flags[stack[i]!]! & F_SENTENCE) break
  }
  return false
}

function isNameLike(key: string): boolean {
  if (/^[a-z]{1,4}$/.test(key)) return true
  if (PINYIN.test(key)) return true
  // Pinyin with tone marks (`Lǎng`): letters only, some beyond ASCII.
  return /^\p{L}+$/u.test(key) && /[^a-z]/.test(key) && key.length <= 7
}

function isConjunction(key: string): boolean {
  return key === 'and' || key === 'or'
}

/** `and` or `or`, compared in place: building the key of every one cost more. */
function isConjunctionAt(words: Words, w: number): boolean {
  return isWord(words, w, 'and') || isWord(words, w, 'or')
}

function isAndDouble(key: string): boolean {
  return AND_DOUBLES.has(key) || (key.length >= 5 && key.endsWith('er'))
}

/**
 * `rumors, rumors and rumors` (a list closed by `and`/`or` with the same word) and `Location,
 * location, location.` (a sentence of nothing else) are rhetoric at least as often as stutter:
 * keep them. Returns the input index of the list's last word, or -1 when it is no such list. The
 * `X and X` pass flags the first kind; the second is flagged here.
 */
function rhetoricalListEnd(
  words: Words,
  stack: Int32Array,
  a: number,
  k: number,
  w: number,
  flags: FlagProposal[],
): number {
  const { sep, count } = words
  // Further comma-separated copies ahead, in the input.
  let j = w + 1
  let copies = 2
  while (j + k <= count && sep[j] === SEP_COMMA && sameRun(words, stack, a, null, j, k)) {
    // Nobody lists a word with itself fifty times; stopping here keeps the rule linear.
    if (++copies > MAX_LIST) return -1
    j += k
  }
  if (
    j + k < count &&
    sep[j] !== SEP_BLOCK &&
    isConjunction(wordKey(words, j)) &&
    sep[j + 1] === SEP_SPACE &&
    sameRun(words, stack, a, null, j + 1, k)
  ) {
    return j + k
  }
  // Back to the first copy of the list.
  let first = a
  while (first - k >= 0 && sep[stack[first]!] === SEP_COMMA) {
    if (!sameRun(words, stack, first - k, stack, first, k)) break
    if (++copies > MAX_LIST) return -1
    first -= k
  }
  if (!(words.flags[stack[first]!]! & F_SENTENCE)) return -1
  const lastEnd = words.end[j - 1]!
  const rest = words.text.slice(lastEnd, lastEnd + 3)
  if (!/^(?:[.!?。！？]|\s*\n|\s*$)/.test(rest)) return -1
  const from = words.start[stack[first]!]!
  flags.push({
    start: from,
    end: lastEnd,
    kind: KIND,
    message: `“${words.text.slice(from, lastEnd)}” repeats the same words as a sentence of its own: rhetoric, or a translation stutter? Check it.`,
  })
  return j - 1
}

/**
 * After a collapse, what follows the kept copy may be a broken piece of it: `of heads`
 * (× 7) then `of headsses`, or `cross-domain` (× 6) then `cross`. Flag the whole stretch.
 */
function flagLeftovers(
  words: Words,
  kept: Int32Array,
  removals: readonly Removal[],
  flags: FlagProposal[],
): void {
  const { sep, text, start, end } = words
  for (const r of removals) {
    // The kept copy may itself have been collapsed into a longer repeat later.
    const p = r.at
    if (kept[p] !== r.last) continue
    const first = p - r.k + 1
    let q = p + 1
    let m = 0
    while (m < r.k && q < kept.length && sep[kept[q]!] !== SEP_BLOCK) {
      if (!sameWord(words, kept[q]!, kept[first + m]!)) break
      m++
      q++
    }
    if (m === r.k || q >= kept.length || sep[kept[q]!] === SEP_BLOCK) continue
    const piece = wordKey(words, kept[q]!)
    const model = wordKey(words, kept[first + m]!)
    const fused = model.length >= 3 && piece.length > model.length && piece.startsWith(model)
    const cut = piece.length >= 3 && piece.length < model.length && model.startsWith(piece)
    if (!fused && !cut) continue
    const from = start[kept[first]!]!
    const to = end[kept[q]!]!
    const unit = text.slice(from, end[r.last]!)
    const word = text.slice(start[kept[q]!]!, to)
    flags.push({
      start: from,
      end: to,
      kind: KIND,
      message: fused
        ? `After the repeated “${unit}” (kept once), “${word}” looks like a broken leftover of the same words. Reword the passage from the original.`
        : `After the repeated “${unit}” (kept once), “${word}” looks like a cut-off copy of it. Check what the sentence should say.`,
    })
  }
}

const AND = scanWords('and').hash[0]!
const OR = scanWords('or').hash[0]!

/**
 * `interconnection and interconnection`: the same word (or phrase of up to three) on both sides of
 * `and`/`or`, usually a Chinese paired term (互联互通) translated word by word. Not rewritten: the
 * right wording needs a person.
 */
function flagSelfPairs(
  words: Words,
  kept: Int32Array,
  conjunctions: readonly number[],
  flags: FlagProposal[],
): void {
  const { sep, text, start, end, flags: bits } = words
  let flaggedTo = -1
  for (const i of conjunctions) {
    if (i < 1 || i + 1 >= kept.length) continue
    const c = kept[i]!
    if (sep[c] === SEP_BLOCK || !isConjunctionAt(words, c)) continue
    if (sep[kept[i + 1]!] !== SEP_SPACE) continue
    for (let k = 1; k <= 3 && i - k >= 0 && i + k < kept.length; k++) {
      if (!sameRun(words, kept, i - k, kept, i + 1, k)) continue
      let skip = false
      for (let j = i - k; j < i; j++) if (bits[kept[j]!]! & F_NUMBER) skip = true
      if (k === 1) {
        const key = wordKey(words, kept[i - 1]!)
        if (isAndDouble(key) || REAL_DOUBLES.has(key)) skip = true
        // `Li and Li`: two people of the same surname.
        if (bits[kept[i - 1]!]! & bits[kept[i + 1]!]! & F_CAPITAL) skip = true
      }
      if (skip) break
      let first = i - k
      for (let n = 0; n < MAX_LIST && first - k >= 0 && sep[kept[first]!] === SEP_COMMA; n++) {
        if (!sameRun(words, kept, first - k, kept, first, k)) break
        first -= k
      }
      const from = start[kept[first]!]!
      const to = end[kept[i + k]!]!
      if (from < flaggedTo) break
      const unit = text.slice(from, end[kept[first + k - 1]!]!)
      const list = first < i - k
      flags.push({
        start: from,
        end: to,
        kind: KIND,
        message: list
          ? `“${text.slice(from, to)}” lists the same word with itself: rhetoric, or a translation stutter? Keep it or reduce it to one.`
          : `“${text.slice(from, to)}” joins the same words with “${text.slice(start[c]!, end[c]!)}”: the translation has probably doubled a Chinese paired term. Reword it.`,
        suggestion: unit,
      })
      flaggedTo = to
      break
    }
  }
}

/** Flags found twice over (a list seen from two of its repeats) become one. */
function mergeFlags(flags: FlagProposal[]): FlagProposal[] {
  flags.sort((x, y) => x.start - y.start || y.end - x.end)
  const out: FlagProposal[] = []
  for (const f of flags) {
    const last = out.at(-1)
    if (last && f.start < last.end) {
      if (f.end > last.end) {
        last.end = f.end
        delete last.suggestion
      }
      continue
    }
    out.push({ ...f })
  }
  return out
}
