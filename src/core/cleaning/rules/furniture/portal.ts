import type { FlagProposal, Rule, RuleContext } from '../../types'
import { removeLines } from './lines'
import { pageOf, type Page } from './page'
import {
  isBreadcrumb,
  isEditorCredit,
  isSiteTag,
  isTitleLike,
  PORTAL_REASONS,
  scrapedDatePrefix,
  type PortalHit,
} from './patterns'

/** Portal lines, not header lines that happen to match (those are the header rule's). */
function portalOnly(page: Page, i: number): PortalHit | null {
  return page.header(i) === null ? page.portal(i) : null
}

/**
 * Removes the furniture web portals and WeChat put around a story, as whole lines: "Click the blue
 * word to follow us", "Long press to identify the QR code", Share / Like / Looking, "Read the
 * original text", "Leave a Reply" and the comment form after it, "Related articles" lists,
 * "This article is reprinted from:", "Statement:" and copyright footers, "Image source: Internet",
 * "Original article: www…", editor credits. Only at the head (before the first paragraph) and at
 * the tail (the run of such lines closing the story): in the middle of a story the same words may
 * be the story's own, so a line there is flagged at most.
 */
export const portalRule: Rule = {
  id: 'portal-furniture',
  name: 'Portal and WeChat furniture',
  description:
    'Removes follow prompts, QR code prompts, share/like buttons, "Read the original text", ' +
    'comment forms, related-article lists, reprint and copyright statements at the head or tail.',
  apply(text: string, ctx: RuleContext) {
    const page = pageOf(text)
    const { lines } = page
    const removals = new Map<number, string>()

    // The head: everything before the first paragraph (a line that is no headline or furniture).
    let headEnd = 0
    for (; headEnd < page.bodyEnd; headEnd++) {
      const t = lines[headEnd]!.trimmed
      if (t === '') continue
      const p = portalOnly(page, headEnd)
      // A "Leave a Reply" or "Related articles" heading up here is no head furniture; the header
      // rule stops at it too.
      if (p?.cut === true) break
      if (p !== null) removals.set(headEnd, PORTAL_REASONS[p.kind])
      else if (
        page.header(headEnd) === null &&
        !isTitleLike(t) &&
        !isBreadcrumb(t) &&
        !isSiteTag(t) &&
        scrapedDatePrefix(t) === null
      ) {
        break
      }
    }

    // A comments or related-articles heading, and everything after it.
    if (page.cut !== null) {
      const kind = page.portal(page.cut)!.kind
      for (let i = page.cut; i < lines.length; i++) {
        if (lines[i]!.trimmed === '') continue
        const p = portalOnly(page, i)
        removals.set(i, PORTAL_REASONS[p?.kind ?? kind])
      }
    }

    // The run of closing furniture before it; credits with a source or byline are left to the
    // header rule, which moves them into the metadata.
    for (let i = page.tailStart; i < page.bodyEnd; i++) {
      if (lines[i]!.trimmed === '' || removals.has(i)) continue
      const p = portalOnly(page, i)
      if (p !== null) removals.set(i, PORTAL_REASONS[p.kind])
      else if (isEditorCredit(page.header(i))) removals.set(i, 'editor credit of the page')
    }

    // The original page's address, from the first line taken out that gives one.
    for (const i of removals.keys()) {
      const url = page.portal(i)?.url
      if (url !== undefined) {
        ctx.metadata.url ??= url
        break
      }
    }

    // Unmistakable furniture in the middle of the story: a person decides.
    const flags: FlagProposal[] = []
    for (let i = headEnd; i < page.tailStart; i++) {
      // portalOnly(page, i), with the header line reading asked last: most lines are no furniture.
      const p = page.portal(i)
      if (p === null || !p.strong || removals.has(i) || page.header(i) !== null) continue
      flags.push({
        start: lines[i]!.start,
        end: lines[i]!.end,
        kind: 'furniture-in-body',
        message: `This line looks like page furniture (${PORTAL_REASONS[p.kind]}) in the middle of the text; it was kept.`,
        // Deleting the line is what the rule would have done at the head or the tail.
        suggestion: '',
      })
    }

    return { edits: removeLines(text, lines, removals), flags }
  },
}
