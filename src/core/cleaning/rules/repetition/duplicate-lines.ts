import type { EditProposal, FlagProposal, Rule, RuleContext, RuleOutput } from '../../types'
import { withoutRepetitions } from './repetition'

/**
 * How far back (in kept lines) a repeated caption is still taken for a scraping artifact. Photo
 * stories repeat their captions a few paragraphs apart; further away, a person decides.
 */
const WINDOW = 10
/** Captions and headlines are short; longer lines are paragraphs. */
const SHORT_WORDS = 40
/** Shorter lines (`Thank you.`, `To`) repeat for real, or are someone else's junk. */
const MIN_CAPTION_WORDS = 5
/** A title copy needs this many words to be recognised anywhere in the body. */
const MIN_TITLE_WORDS = 3

/**
 * Labels repeat by design: speaker tags of a video script (`[Same period] Student parent Tao
 * Lei`), `【Commentary】`, interview prompts ending in a colon (`Liu Aihua:`). They are never
 * removed unless repeated back to back with nothing between.
 */
const TAG = /^[[【〔(（][^\]】〕)）]{1,24}[\]】〕)）]\s*\S/

function isLabel(key: string): boolean {
  return key.endsWith(':') || key.endsWith('：') || TAG.test(key)
}

/** A stretch of a string. */
interface Span {
  text: string
  start: number
  end: number
}

interface Line {
  /** Where the line starts and ends (without its newline) in the text. */
  start: number
  end: number
  /**
   * Words between spaces (two CJK characters count as one); 0 for a blank line. Counted up to
   * SHORT_WORDS + 1 only: longer lines are all paragraphs, and counting their words to the end
   * was a good part of the rule's time.
   */
  words: number
  /**
   * What copies are compared on: the line as the later rules of the pipeline will leave it (see
   * `sameText`), so that two copies they make identical are recognised now and not on a second
   * run. Usually the line itself; a caption with a stutter is compared without it.
   */
  identity: Span
  /** A signature of `identity` (see `signature`): lines with different ones are not copies. */
  sig: number
  /** A 53-bit hash of `identity` (see `fullHash`), for the lines that need it. */
  hash?: number
  /** Trimmed, inner whitespace collapsed; computed for the lines that need it. */
  key?: string
}

interface Removal {
  line: number
  reason: string
}

/**
 * Keeps one copy of a line repeated by the page the article was scraped from: a headline or a
 * photo caption printed again a few lines further (captions often repeat the title, and photo
 * stories repeat captions), or any line or paragraph doubled back to back. Copies of the title
 * are taken out anywhere in the body, since the title is kept in the metadata.
 *
 * It flags rather than removes what may be deliberate: a paragraph repeated further away, a
 * caption far from its first copy, and captions that differ by one word (`near-duplicate-line`).
 * Speaker labels of interviews and video scripts, which repeat by design, are left alone.
 */
export const duplicateLinesRule: Rule = {
  id: 'duplicate-lines',
  name: 'Repeated lines',
  description:
    'Keeps one copy of a headline, caption or paragraph the page repeated; flags near-identical captions.',
  apply(text, ctx) {
    return findDuplicateLines(text, ctx)
  },
}

/** The rule's work, exported for tests and benchmarks. */
export function findDuplicateLines(text: string, ctx?: RuleContext): RuleOutput {
  const lines = splitLines(text)
  const flags: FlagProposal[] = []
  const removals: Removal[] = []
  const kept: number[] = []
  /** Removed or not, per line. */
  const removed = new Uint8Array(lines.length)
  const copies = new CopyIndex()
  const title = ctx?.metadata.title
  const titleLine = title === undefined ? undefined : measure(title, 0, title.length)
  let titleCopy =
    titleLine !== undefined && titleLine.words >= MIN_TITLE_WORDS ? titleLine : undefined
  let firstLine = true
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.words === 0) continue
    // Labels are short; long lines are not even looked at.
    const label = line.words <= SHORT_WORDS && isLabel(keyOf(text, line))
    const seen = copies.latest(line, lines, kept)
    const distance = seen === undefined ? 0 : kept.length - seen
    let reason: string | undefined
    if (titleCopy !== undefined && sameLine(line, titleCopy) && !firstLine) {
      reason =
        'the article’s title printed again (a caption or a page header); the title is kept in the metadata'
    } else if (distance === 1 && line.words >= 2 && hasLetters(text, line)) {
      reason =
        line.words > SHORT_WORDS
          ? 'paragraph repeated back to back; kept the first copy'
          : 'line repeated back to back; kept the first copy'
    } else if (distance > 1 && line.words >= MIN_CAPTION_WORDS && !label) {
      if (line.words <= SHORT_WORDS && distance <= WINDOW) {
        reason = `caption or headline already printed ${distance} lines above; kept the first copy`
      } else {
        flags.push({
          start: line.start + leading(text, line),
          end: line.end,
          kind: 'duplicate-line',
          message: `This ${line.words > SHORT_WORDS ? 'paragraph' : 'line'} already appears ${distance} lines above. If the page printed it twice, delete this copy.`,
        })
      }
    } else if (seen === undefined && line.words >= MIN_CAPTION_WORDS && !label) {
      const near = nearCopy(text, lines, kept, line)
      if (near) {
        flags.push({
          start: line.start + leading(text, line),
          end: line.end,
          kind: 'near-duplicate-line',
          message: `This line repeats the one ${near.distance} lines above except for one word (“${near.theirs}” there, “${near.ours}” here): a caption printed twice? Delete one copy if so.`,
        })
      }
    }
    if (firstLine && titleCopy === undefined && looksLikeTitle(text, line)) {
      // Without a title in the metadata (no furniture rule ran) a first line that reads like a
      // headline is the title.
      titleCopy = line
    }
    firstLine = false
    if (reason !== undefined) {
      removals.push({ line: i, reason })
      removed[i] = 1
      continue
    }
    copies.add(line, kept.length, lines, kept)
    kept.push(i)
  }
  return { edits: toEdits(lines, removed, removals), flags }
}

/**
 * The kept lines, to find a line's latest earlier copy. A line is looked up by its signature, and
 * by its full hash once two kept lines share a signature: hashing every line in full was a good
 * part of the rule's time, and a chain of lines sharing a signature (rows of a table that begin
 * and end alike) would make the lookups quadratic.
 */
class CopyIndex {
  /** The kept position (index into `kept`) of the latest line with each signature. */
  private readonly bySig = new Map<number, number>()
  /** Signatures two kept lines or more have: all their lines are in `byHash`. */
  private readonly shared = new Set<number>()
  /** The kept position of the latest line with each full hash, for the shared signatures. */
  private readonly byHash = new Map<number, number>()

  /** The kept position of the latest kept copy of `line`. */
  latest(line: Line, lines: readonly Line[], kept: readonly number[]): number | undefined {
    const p = this.bySig.get(line.sig)
    if (p === undefined) return undefined
    if (this.shared.has(line.sig)) return this.byHash.get(fullHash(line))
    return sameText(lines[kept[p]!]!.identity, line.identity) ? p : undefined
  }

  add(line: Line, position: number, lines: readonly Line[], kept: readonly number[]): void {
    const p = this.bySig.get(line.sig)
    if (p !== undefined) {
      if (!this.shared.has(line.sig)) {
        this.shared.add(line.sig)
        this.byHash.set(fullHash(lines[kept[p]!]!), p)
      }
      this.byHash.set(fullHash(line), position)
    }
    this.bySig.set(line.sig, position)
  }
}

/**
 * A removed line takes the blank lines after it, so the paragraphs around it keep their spacing;
 * at the end of the text it takes the line break before it instead.
 */
function toEdits(lines: Line[], removed: Uint8Array, removals: Removal[]): EditProposal[] {
  const edits: EditProposal[] = []
  let keptAfter = false
  // Whether a kept non-blank line follows each line (scanning backwards).
  const followed = new Uint8Array(lines.length)
  for (let i = lines.length - 1; i >= 0; i--) {
    followed[i] = keptAfter ? 1 : 0
    if (lines[i]!.words > 0 && !removed[i]) keptAfter = true
  }
  let previousEnd = 0
  for (let i = 0, r = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.words === 0) continue
    if (removed[i]) {
      const { reason } = removals[r++]!
      if (followed[i]) {
        edits.push({ start: line.start, end: nextNonBlankStart(lines, i), replacement: '', reason })
      } else {
        edits.push({ start: previousEnd, end: line.end, replacement: '', reason })
      }
    }
    previousEnd = line.end
  }
  return edits
}

function nextNonBlankStart(lines: Line[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.words > 0) return lines[j]!.start
  return lines[i]!.end
}

/** A kept line within the window that differs from `line` by exactly one word. */
function nearCopy(
  text: string,
  lines: Line[],
  kept: number[],
  line: Line,
): { distance: number; ours: string; theirs: string } | undefined {
  if (line.words > SHORT_WORDS) return undefined
  // Split only once a neighbour of about the same length turns up: most captions have none.
  let ours: string[] | undefined
  for (let d = 1; d <= WINDOW && d <= kept.length; d++) {
    const other = lines[kept[kept.length - d]!]!
    if (other.words < MIN_CAPTION_WORDS || other.words > SHORT_WORDS) continue
    if (Math.abs(other.words - line.words) > 1) continue
    const theirs = keyOf(text, other)
    if (isLabel(theirs)) continue
    ours ??= keyOf(text, line).split(' ')
    const diff = oneWordApart(theirs.split(' '), ours)
    if (diff) return { distance: d, ...diff }
  }
  return undefined
}

/** Two word lists one substitution, insertion or deletion apart: the differing words. */
function oneWordApart(a: string[], b: string[]): { ours: string; theirs: string } | undefined {
  let p = 0
  while (p < a.length && p < b.length && a[p] === b[p]) p++
  let sa = a.length
  let sb = b.length
  while (sa > p && sb > p && a[sa - 1] === b[sb - 1]) {
    sa--
    sb--
  }
  const theirs = a.slice(p, sa)
  const ours = b.slice(p, sb)
  if (theirs.length + ours.length === 0 || theirs.length > 1 || ours.length > 1) return undefined
  // A number changed (`Photo 1`, `Photo 2`; `May 11`, `May 12`): different captions.
  if (/\d/.test(theirs[0] ?? '') || /\d/.test(ours[0] ?? '')) return undefined
  return { theirs: theirs[0] ?? '—', ours: ours[0] ?? '—' }
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (;;) {
    let end = text.indexOf('\n', start)
    const last = end < 0
    if (last) end = text.length
    const line = measure(text, start, end)
    if (line.words >= MIN_CAPTION_WORDS && line.words <= SHORT_WORDS) {
      // A caption with a stutter is the same caption once the repetition rule has run.
      const key = keyOf(text, line)
      const collapsed = withoutRepetitions(key)
      if (collapsed !== key) identify(line, { text: collapsed, start: 0, end: collapsed.length })
    }
    lines.push(line)
    if (last) break
    start = end + 1
  }
  return lines
}

/** Whitespace, as `\s` has it; spaces do not tell copies apart (see `measure`). */
const SPACE = new Uint8Array(0x10000)
for (const ch of ' \t\n\v\f\r\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') {
  SPACE[ch.charCodeAt(0)] = 1
}
for (let c = 0x2000; c <= 0x200a; c++) SPACE[c] = 1

/** Full-width punctuation the punctuation rule turns into ASCII, and curly quotes. */
const WIDE = new Map<number, number>(
  [
    ['，', ','],
    ['。', '.'],
    ['：', ':'],
    ['；', ';'],
    ['（', '('],
    ['）', ')'],
    ['“', '"'],
    ['”', '"'],
    ['‘', "'"],
    ['’', "'"],
  ].map(([a, b]) => [a!.charCodeAt(0), b!.charCodeAt(0)]),
)

/** A line's words and its identity. */
function measure(text: string, start: number, end: number): Line {
  const line: Line = {
    start,
    end,
    words: countWords(text, start, end),
    identity: null!,
    sig: 0,
    hash: undefined,
  }
  identify(line, { text, start, end })
  return line
}

function identify(line: Line, identity: Span): void {
  line.identity = identity
  line.sig = signature(identity)
  line.hash = undefined
}

/**
 * More than SHORT_WORDS words between spaces from where it starts (`lastIndex`), without crossing a
 * line break. The regular expression engine finds that faster than a loop over the characters.
 */
const PARAGRAPH = new RegExp(String.raw`[^\S\n]*\S+(?:[^\S\n]+\S+){${SHORT_WORDS}}`, 'y')

/** Words between spaces, two CJK characters counting as one; up to SHORT_WORDS + 1. */
function countWords(text: string, start: number, end: number): number {
  // A paragraph's words are not counted: its first SHORT_WORDS + 1 are enough to know it.
  if (end - start > 2 * SHORT_WORDS) {
    PARAGRAPH.lastIndex = start
    if (PARAGRAPH.test(text)) return SHORT_WORDS + 1
  }
  let words = 0
  let cjk = 0
  let inWord = false
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (SPACE[c]) {
      inWord = false
      continue
    }
    if (!inWord) {
      if (++words > SHORT_WORDS) return words
      inWord = true
    }
    if (c >= 0x3400 && c <= 0x9fff) cjk++
  }
  // Two CJK characters make about one English word.
  return words + (cjk >> 1)
}

/**
 * The identity of a line, as far as telling copies apart goes, is its text as the rules after
 * this one leave it: spaces are left out (the hyphen and punctuation rules move them: `high
 * -quality`, `80 %`, `field.As`) and full-width punctuation counts as ASCII. Case and words are
 * kept: a copy is still a copy.
 */
function sameText(a: Span, b: Span): boolean {
  let i = a.start
  let j = b.start
  for (;;) {
    while (i < a.end && SPACE[a.text.charCodeAt(i)]) i++
    while (j < b.end && SPACE[b.text.charCodeAt(j)]) j++
    if (i >= a.end || j >= b.end) return i >= a.end && j >= b.end
    if (asCompared(a.text.charCodeAt(i++)) !== asCompared(b.text.charCodeAt(j++))) return false
  }
}

function asCompared(c: number): number {
  return c >= 0x2018 ? (WIDE.get(c) ?? c) : c
}

/** Characters read from each end of a line for its signature. */
const EDGE = 8

/**
 * A hash of the first and the last EDGE characters `sameText` compares: equal identities have
 * equal signatures. Reading the ends only keeps it cheap, and lines that share both ends (a
 * handful in an article) are told apart by `sameText`.
 */
function signature({ text, start, end }: Span): number {
  let h = 0x811c9dc5 | 0
  for (let i = start, n = 0; i < end && n < EDGE; i++) {
    const c = text.charCodeAt(i)
    if (SPACE[c]) continue
    h = Math.imul(h ^ asCompared(c), 0x01000193)
    n++
  }
  for (let i = end - 1, n = 0; i >= start && n < EDGE; i--) {
    const c = text.charCodeAt(i)
    if (SPACE[c]) continue
    h = Math.imul(h ^ asCompared(c), 0x5bd1e995)
    n++
  }
  return h
}

/**
 * A hash of the whole of what `sameText` compares, kept once computed: two different lines share
 * it with a chance of about one in 10^15.
 */
function fullHash(line: Line): number {
  if (line.hash !== undefined) return line.hash
  const { text, start, end } = line.identity
  let h1 = 0x811c9dc5 | 0
  let h2 = 0x27d4eb2f
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (SPACE[c]) continue
    h1 = Math.imul(h1 ^ asCompared(c), 0x01000193)
    h2 = Math.imul(h2 ^ asCompared(c), 0x5bd1e995)
  }
  return (line.hash = (h1 >>> 0) + (h2 >>> 11) * 0x100000000)
}

function sameLine(a: Line, b: Line): boolean {
  return a.sig === b.sig && sameText(a.identity, b.identity)
}

/** The line trimmed, its inner whitespace collapsed; kept once computed. */
function keyOf(text: string, line: Line): string {
  return (line.key ??= normalise(text.slice(line.start, line.end)))
}

const SPACES = /[\s\u3000\u00a0]+/g
/** Most lines need no normalising; finding out is cheaper than doing it. */
const UNNORMAL =
  /[\t\r\v\f\u3000\u00a0\u2000-\u200b\u202f\u205f\u1680\ufeff\u2028\u2029\u0085]| {2}|^ | $/

function normalise(s: string): string {
  return UNNORMAL.test(s) ? s.replace(SPACES, ' ').trim() : s
}

/** Short, not a label, and no full stop at the end: headlines have none, captions often do. */
function looksLikeTitle(text: string, line: Line): boolean {
  if (line.words < MIN_TITLE_WORDS || line.words > SHORT_WORDS) return false
  const key = keyOf(text, line)
  return !isLabel(key) && !/[.。]$/.test(key)
}

function hasLetters(text: string, line: Line): boolean {
  return /\p{L}/u.test(text.slice(line.start, line.end))
}

/** Flags start at the text, not at an indent. */
function leading(text: string, line: Line): number {
  let i = line.start
  while (i < line.end && SPACE[text.charCodeAt(i)]) i++
  return i - line.start
}
