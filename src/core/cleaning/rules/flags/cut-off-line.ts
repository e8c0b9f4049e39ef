import type { FlagProposal, Rule } from '../../types'
import { excerpt, lines, trimSpan } from './text'

/** `etc...`, `and so on...`: a list's own ellipsis, not a cut. */
const LIST_END = /(?:\betc|\band so on|\band so forth)\s*(?:\.{2,}|…+)$/i
const ELLIPSIS = /(?:\.{3,}|…+)$/

/**
 * Flags a paragraph that ends with `...` or `…`: the snippet of another article a portal printed
 * as a teaser (`some netizens have recen...`), or text lost when the page was copied. An
 * ellipsis that closes a quotation (`…"`) or a bracket is the writer's own and is left alone.
 */
export const cutOffLineRule: Rule = {
  id: 'cut-off-line',
  name: 'Cut-off lines',
  description: 'Flags paragraphs that end with an ellipsis, as snippets cut off by a portal do.',
  apply(text) {
    const flags: FlagProposal[] = []
    for (const line of lines(text)) {
      const { start, end } = trimSpan(text, line)
      if (end - start < 4) continue
      // Most paragraphs end without an ellipsis: no need to look closer.
      if (!endsWithEllipsis(text, end)) continue
      const tail = text.slice(Math.max(start, end - 40), end)
      if (!ELLIPSIS.test(tail) || LIST_END.test(tail)) continue
      // Nothing but dots: a separator, not a sentence.
      if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) continue
      flags.push({
        start,
        end,
        kind: 'cut-off-line',
        message: `This paragraph ends with an ellipsis and may have been cut off (“${excerpt(text.slice(start, end), 50)}”): a teaser of another article, or text lost in copying. Check it against the source, or delete it if it belongs to another article.`,
      })
    }
    return { flags }
  },
}

/** Whether the text just before `end` is `...` or `…`, which ELLIPSIS asks for and more. */
function endsWithEllipsis(text: string, end: number): boolean {
  if (text.charCodeAt(end - 1) === 0x2026) return true
  return (
    text.charCodeAt(end - 1) === 0x2e &&
    text.charCodeAt(end - 2) === 0x2e &&
    text.charCodeAt(end - 3) === 0x2e
  )
}
