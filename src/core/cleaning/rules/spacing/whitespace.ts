import type { EditProposal, Rule } from '../../types'
import { isCjkLetter, spacesBefore } from './chars'

/** Two or more spaces of any kind, or one space that is not a plain one (tab, no-break…). */
const RUNS = /[ \t\u00a0\u2000-\u200a\u202f\u205f]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f]/g
/** The spaces above U+00FF. */
const WIDE_SPACE = /[\u2000-\u200a\u202f\u205f]/

/**
 * Whether the text holds any space but the plain one. The tab and the no-break space are looked
 * for one at a time: that search skips along the text, where a character class holding one of
 * them has to look at every character.
 */
function hasOddSpace(text: string): boolean {
  return text.includes('\t') || text.includes('\u00a0') || WIDE_SPACE.test(text)
}

/**
 * Inside a line, a run of spaces (machine translation leaves them where it dropped a word or a
 * mark, scrapes where there was a table cell) becomes one plain space. Indentation at the start
 * of a line and spaces at its end are other rules' business; so is Chinese text, where a space
 * may be deliberate.
 */
export const spaceRunRule: Rule = {
  id: 'space-run',
  name: 'Runs of spaces',
  description: 'Runs of spaces inside a line collapsed to one.',
  appliesToTitle: true,
  apply(text) {
    const edits: EditProposal[] = []
    // Most texts have none: quick searches spare the expression, which tries every space.
    if (!hasOddSpace(text) && !text.includes('  ')) return { edits }
    for (const m of text.matchAll(RUNS)) {
      const s = m.index
      const e = s + m[0].length
      if (s === 0 || text.charCodeAt(s - 1) === 0x0a) continue
      if (e === text.length || text.charCodeAt(e) === 0x0a) continue
      // Between Chinese characters a space may be deliberate. Full-width marks do not count:
      // they may yet become ASCII, and the answer must not change when they do.
      if (isCjkLetter(text.charCodeAt(s - 1)) || isCjkLetter(text.charCodeAt(e))) continue
      edits.push({
        start: s,
        end: e,
        replacement: ' ',
        reason: m[0].length > 1 ? 'run of spaces' : 'tab or no-break space inside a line',
      })
    }
    return { edits }
  },
}

/**
 * Spaces at the end of a line are invisible and make two equal lines differ (a repeated
 * caption with a trailing space escapes the duplicate-line rule); they go.
 */
export const trailingSpaceRule: Rule = {
  id: 'trailing-space',
  name: 'Trailing spaces',
  description: 'Spaces at the end of lines removed.',
  appliesToTitle: true,
  apply(text) {
    const edits: EditProposal[] = []
    for (let n = text.indexOf('\n'); ; n = text.indexOf('\n', n + 1)) {
      const end = n < 0 ? text.length : n
      const s = spacesBefore(text, end)
      if (s < end) {
        edits.push({ start: s, end, replacement: '', reason: 'spaces at the end of a line' })
      }
      if (n < 0) break
    }
    return { edits }
  },
}
