import type { EditProposal, FlagProposal, Rule, RuleContext, RuleOutput } from '../../types'
import { findRepetitions } from './repetition'

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

interface Line {
  /** Where the line starts and ends (without its newline) in the text. */
  start: number
  end: number
  /** Words between spaces (two CJK characters count as one); 0 for a blank line. */
  words: number
  /**
   * What copies are compared on: a 53-bit hash of the line as the later rules of the pipeline
   * will leave it (see `identity`), so that two copies they make identical are recognised now and
   * not on a second run. Two different lines share it with a chance of about one in 10^15.
   */
  id: number
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
  /** The kept position (index into `kept`) of each line's latest copy, by id. */
  const lastSeen = new Map<number, number>()
  const title = ctx?.metadata.title
  const titleLine = title === undefined ? undefined : measure(title, 0, title.length)
  let titleId =
    titleLine !== undefined && titleLine.words >= MIN_TITLE_WORDS ? titleLine.id : undefined
  let firstLine = true
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.words === 0) continue
    // Labels are short; long lines are not even looked at.
    const label = line.words <= SHORT_WORDS && isLabel(keyOf(text, line))
    const seen = lastSeen.get(line.id)
    const distance = seen === undefined ? 0 : kept.length - seen
    let reason: string | undefined
    if (titleId !== undefined && line.id === titleId && !firstLine) {
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
    if (firstLine && titleId === undefined && looksLikeTitle(text, line)) {
      // Without a title in the metadata (no furniture rule ran) a first line that reads like a
      // headline is the title.
      titleId = line.id
    }
    firstLine = false
    if (reason !== undefined) {
      removals.push({ line: i, reason })
      removed[i] = 1
      continue
    }
    lastSeen.set(line.id, kept.length)
    kept.push(i)
  }
  return { edits: toEdits(lines, removed, removals), flags }
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
  const ours = keyOf(text, line).split(' ')
  for (let d = 1; d <= WINDOW && d <= kept.length; d++) {
    const other = lines[kept[kept.length - d]!]!
    if (other.words < MIN_CAPTION_WORDS || other.words > SHORT_WORDS) continue
    if (Math.abs(other.words - line.words) > 1) continue
    const theirs = keyOf(text, other)
    if (isLabel(theirs)) continue
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
      const edits = findRepetitions(key).edits ?? []
      if (edits.length > 0) {
        let collapsed = key
        for (let i = edits.length - 1; i >= 0; i--) {
          const e = edits[i]!
          collapsed = collapsed.slice(0, e.start) + collapsed.slice(e.end)
        }
        line.id = measure(collapsed, 0, collapsed.length).id
      }
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

/**
 * A line's words and its identity: the line as the rules after this one leave it, as far as
 * telling copies apart goes. Spaces are left out (the hyphen and punctuation rules move them:
 * `high -quality`, `80 %`, `field.As`) and full-width punctuation counts as ASCII. Case and
 * words are kept: a copy is still a copy. One pass, two multiplicative hashes.
 */
function measure(text: string, start: number, end: number): Line {
  let h1 = 0x811c9dc5 | 0
  let h2 = 0x27d4eb2f
  let words = 0
  let cjk = 0
  let inWord = false
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i)
    if (SPACE[c]) {
      inWord = false
      continue
    }
    if (!inWord) {
      words++
      inWord = true
    }
    if (c >= 0x2018) {
      if (c >= 0x3400 && c <= 0x9fff) cjk++
      else c = WIDE.get(c) ?? c
    }
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
  }
  // Two CJK characters make about one English word.
  words += cjk >> 1
  return { start, end, words, id: (h1 >>> 0) + (h2 >>> 11) * 0x100000000 }
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
