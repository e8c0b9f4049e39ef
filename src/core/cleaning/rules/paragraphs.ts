import type { EditProposal, Rule } from '../types'

/**
 * Invisible and odd white space that scraped text carries: carriage returns, ideographic
 * spaces, no-break spaces, tabs, zero-width characters and indentation at the start of lines.
 * Runs first, so every later rule sees plain spaces and LF.
 */
export const whitespaceRule: Rule = {
  id: 'whitespace',
  name: 'White space',
  description:
    'Line endings to LF; ideographic, no-break and zero-width spaces, tabs and indentation tidied.',
  appliesToTitle: true,
  apply(text) {
    const edits: EditProposal[] = []
    // Most texts have nothing to tidy; the full expression tries every space for indentation.
    if (!needsTidying(text)) return { edits }
    for (const m of text.matchAll(
      /\r\n?|[\u200b\u200c\u200d\ufeff]+|^[ \t\u3000\u00a0]+|[\t\u3000\u00a0]+/gmu,
    )) {
      const s = m[0]
      const start = m.index
      const end = start + s.length
      if (s.startsWith('\r')) {
        edits.push({ start, end, replacement: '\n', reason: 'Windows or old Mac line ending' })
      } else if (/^[\u200b-\u200d\ufeff]/u.test(s)) {
        edits.push({ start, end, replacement: '', reason: 'invisible zero-width character' })
      } else if (start === 0 || text[start - 1] === '\n') {
        edits.push({ start, end, replacement: '', reason: 'indentation at the start of a line' })
      } else {
        edits.push({ start, end, replacement: ' ', reason: 'tab, ideographic or no-break space' })
      }
    }
    return { edits }
  },
}

/**
 * The characters above U+00FF the white-space rule replaces wherever it is, and the line
 * separators after which the expression's `^` also finds indentation.
 */
const WIDE_WHITE_SPACE = /[\u200b\u200c\u200d\ufeff\u3000\u2028\u2029]/

/**
 * Whether the text holds odd white space or a line indented with plain spaces. Single
 * characters are looked for one at a time: that search skips along the text, where a
 * character class holding one of them has to look at every character.
 */
function needsTidying(text: string): boolean {
  return (
    text.startsWith(' ') ||
    text.includes('\n ') ||
    text.includes('\r') ||
    text.includes('\t') ||
    text.includes('\u00a0') ||
    WIDE_WHITE_SPACE.test(text)
  )
}

/** A line that ends with one of these finishes its paragraph (or is a heading or list item). */
const ENDS_PARAGRAPH = '.!?:;。！？：；…"”’)]】》'

/**
 * One blank line between paragraphs, none at the start, one newline at the end; a line broken
 * in the middle of a sentence (it ends without punctuation and the next starts in lower case)
 * is joined to the next. Runs last among the editing rules, after furniture and blank lines
 * left by removals.
 */
export const paragraphLayoutRule: Rule = {
  id: 'paragraph-layout',
  name: 'Paragraphs',
  description: 'One blank line between paragraphs; hard-wrapped lines rejoined.',
  apply(text) {
    const edits: EditProposal[] = []
    for (const gap of lineGaps(text)) {
      const { start, end, breaks } = gap
      if (start === 0) {
        edits.push({ start, end, replacement: '', reason: 'blank lines at the start' })
        continue
      }
      if (end === text.length) {
        if (end - start !== 1)
          edits.push({ start, end, replacement: '\n', reason: 'blank lines at the end' })
        continue
      }
      if (breaks === 1 && isHardWrap(text, gap)) {
        const cjk = isHan(text.charCodeAt(start - 1))
        edits.push({
          start,
          end,
          replacement: cjk ? '' : ' ',
          reason: 'line broken inside a sentence',
        })
      } else if (!(breaks === 2 && end - start === 2)) {
        edits.push({ start, end, replacement: '\n\n', reason: 'one blank line between paragraphs' })
      }
    }
    if (text.length > 0 && !text.endsWith('\n') && /\S/.test(text)) {
      edits.push({
        start: text.length,
        end: text.length,
        replacement: '\n',
        reason: 'newline at the end',
      })
    }
    return { edits }
  },
}

/** A run of line breaks with the spaces around them, and how many breaks it holds. */
interface LineGap {
  start: number
  end: number
  breaks: number
  /** Where the line before the gap starts: after the last line break before it. */
  lineStart: number
}

/**
 * Every run of line breaks (with the spaces around them) between two pieces of text: what the
 * expression `[ ]*\n[\n ]*` finds, searching on from each match. Found from each line break
 * outwards instead: the expression has to try every space in the text for a line break after it.
 */
function lineGaps(text: string): LineGap[] {
  const gaps: LineGap[] = []
  let from = 0
  let lineStart = 0
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
    let start = nl
    while (start > from && text.charCodeAt(start - 1) === 0x20) start--
    let end = nl + 1
    let breaks = 1
    let lastBreak = nl
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end)
      if (c === 0x0a) {
        breaks++
        lastBreak = end
      } else if (c !== 0x20) break
    }
    gaps.push({ start, end, breaks, lineStart })
    from = end
    lineStart = lastBreak + 1
  }
  return gaps
}

/** Han ideographs: a line broken after one is joined without a space. */
function isHan(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff
}

function isHardWrap(text: string, gap: LineGap): boolean {
  // Short lines without punctuation are headings or captions, not wrapped sentences.
  return (
    gap.start - gap.lineStart >= 40 &&
    !ENDS_PARAGRAPH.includes(text[gap.start - 1]!) &&
    continuesLine(text.charCodeAt(gap.end))
  )
}

/** `a`–`z` or `(`: the start of a line that continues the line above. */
function continuesLine(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0x28
}
