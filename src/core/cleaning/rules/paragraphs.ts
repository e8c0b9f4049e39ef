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

/** A line that ends like this finishes its paragraph (or is a heading or list item). */
const ENDS_PARAGRAPH = /[.!?:;。！？：；…"”’)\]】》]$/u
/** A line that starts like this continues the line above (a hard wrap). */
const CONTINUES = /^[a-z(]/

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
    // Every run of line breaks (with the spaces around them) between two pieces of text.
    for (const m of text.matchAll(/[ ]*\n[\n ]*/g)) {
      const start = m.index
      const end = start + m[0].length
      if (start === 0) {
        edits.push({ start, end, replacement: '', reason: 'blank lines at the start' })
        continue
      }
      if (end === text.length) {
        if (m[0] !== '\n')
          edits.push({ start, end, replacement: '\n', reason: 'blank lines at the end' })
        continue
      }
      const breaks = m[0].split('\n').length - 1
      if (breaks === 1 && isHardWrap(text, start, end)) {
        const cjk = /[\u3400-\u9fff]/u.test(text[start - 1] ?? '')
        edits.push({
          start,
          end,
          replacement: cjk ? '' : ' ',
          reason: 'line broken inside a sentence',
        })
      } else if (m[0] !== '\n\n') {
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

function isHardWrap(text: string, breakStart: number, breakEnd: number): boolean {
  const lineStart = text.lastIndexOf('\n', breakStart - 1) + 1
  const line = text.slice(lineStart, breakStart)
  const next = text.slice(breakEnd, breakEnd + 2)
  // Short lines without punctuation are headings or captions, not wrapped sentences.
  return line.length >= 40 && !ENDS_PARAGRAPH.test(line) && CONTINUES.test(next)
}
