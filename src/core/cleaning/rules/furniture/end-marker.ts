import type { EditProposal, FlagProposal, Rule } from '../../types'
import { removeLines } from './lines'
import { pageOf, type Page } from './page'
import { isCredit } from './patterns'

const SNIPPET_END = /(?:\.\.\.|…)["”’)）]?$/
const SENTENCE_END = /[.。]["”’)）]?$/

/** Why a line after the marker goes, in the words of the change log. */
function reasonAfter(page: Page, i: number): string {
  const t = page.lines[i]!.trimmed
  if (SNIPPET_END.test(t))
    return "snippet of another article cut off with '...', after the end marker"
  if (page.portal(i) !== null) return 'page furniture after the end marker'
  if (isCredit(page.header(i))) return 'credit line after the end marker'
  if (t.length <= 150 && !SENTENCE_END.test(t))
    return 'teaser headline of another article, after the end marker'
  return 'text after the end marker (not part of the article)'
}

/**
 * Deletes an end marker (`- END -`, `-END-`, `— END —`, `END`, `(End)`, `(完)`, `（完）`, `【完】`,
 * `[End]`…) and everything after it: portals put teaser headlines of other stories and snippets cut
 * off with `...` there. The marker must be alone on its line, or a bracketed marker closing the last
 * line of the story; a marker with real paragraphs after it (more than 1,500 characters, or 40% of
 * the article) is only flagged, since the text after it may be the article's own.
 */
export const endMarkerRule: Rule = {
  id: 'end-marker',
  name: 'End marker and teasers',
  description:
    'Removes an end marker (- END -, (完), 【完】…) and the teasers of other articles after it; ' +
    'flags a marker followed by long text instead of deleting it.',
  apply(text: string) {
    const page = pageOf(text)
    const { lines } = page
    const flags: FlagProposal[] = page.unsureEnds.map((i) => ({
      start: lines[i]!.start,
      end: lines[i]!.end,
      kind: 'content-after-end',
      message:
        `An end marker with about ${page.realBetween(i, lines.length)} characters of ` +
        'paragraphs after it; they were kept. Check whether they belong to the article.',
    }))
    const end = page.end
    if (end === null) return { flags }

    const edits: EditProposal[] = []
    const removals = new Map<number, string>()
    const line = lines[end.line]!
    if (end.inlineAt >= 0) {
      edits.push({
        start: line.start + end.inlineAt,
        end: line.end,
        replacement: '',
        reason: 'end marker closing the last paragraph',
      })
    } else removals.set(end.line, 'end marker')
    for (let i = end.line + 1; i < lines.length; i++) {
      if (lines[i]!.trimmed !== '') removals.set(i, reasonAfter(page, i))
    }
    return { edits: [...edits, ...removeLines(text, lines, removals, false)], flags }
  },
}
