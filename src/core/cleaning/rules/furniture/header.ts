import type { EditProposal, FlagProposal, FoundMetadata, Rule, RuleContext } from '../../types'
import { removeLines } from './lines'
import type { Line } from './lines'
import { pageOf, type Page } from './page'
import {
  describeParts,
  isBreadcrumb,
  isCredit,
  isSiteTag,
  isTitleLike,
  readHeaderLine,
  scrapedDatePrefix,
  type HeaderInfo,
  type Ranked,
} from './patterns'

/** A title this short could be a word of the story; its copies further down are left alone. */
const MIN_TITLE_FOR_CAPTIONS = 12
/** Lines above the title that can be page furniture (site tag, breadcrumb, page title). */
const MAX_PRE_TITLE = 3
/** How far into the kept text a header line left behind is worth a flag. */
const FLAG_WITHIN_LINES = 3

interface Found {
  author?: Ranked
  date?: Ranked
  source?: string
  editor?: string
}

function take(found: Found, info: HeaderInfo): void {
  if (info.author !== undefined && (!found.author || info.author.tier < found.author.tier)) {
    found.author = info.author
  }
  if (info.date !== undefined && (!found.date || info.date.tier < found.date.tier)) {
    found.date = info.date
  }
  found.source ??= info.source
  found.editor ??= info.editor
}

/** Whether the metadata now holds one of the values this line gave. */
function gaveValue(info: HeaderInfo, md: FoundMetadata): boolean {
  return (
    (info.author !== undefined && md.author === info.author.value) ||
    (info.date !== undefined && md.date === info.date.value) ||
    (info.source !== undefined && md.source === info.source) ||
    (info.editor !== undefined && md.editor === info.editor)
  )
}

function reasonFor(info: HeaderInfo, md: FoundMetadata, where = ''): string {
  const what = describeParts(info.parts) + where
  if (info.parts.every((p) => p === 'reviewer' || p === 'other')) return `${what} removed`
  return gaveValue(info, md)
    ? `${what} moved to metadata`
    : `${what} removed (the metadata already has it)`
}

/**
 * The header rule's reading of one text: the lines it has taken out so far, and what it asks of
 * the others, as a second run would see them. (Methods of a class rather than closures made
 * anew on each call: the rule runs on every text, twice.)
 */
class HeaderReading {
  readonly page: Page
  readonly lines: readonly Line[]
  readonly head: Found = {}
  readonly removals = new Map<number, string>()
  /** Lines whose reason depends on what the metadata ends up holding. */
  readonly credits: { line: number; info: HeaderInfo; where: string }[] = []
  readonly edits: EditProposal[] = []
  title: string | null = null
  prefix: { line: number; length: number } | null = null

  constructor(page: Page) {
    this.page = page
    this.lines = page.lines
  }

  trimmed(i: number): string {
    return this.lines[i]!.trimmed
  }

  isHeader(i: number): boolean {
    return i !== -1 && this.page.header(i) !== null
  }

  // Share buttons and the like between header lines are the portal rule's; they do not
  // separate a title from its byline. Lines already taken out are gone, as on a second run.
  // Nothing from the first end marker or "Related articles" heading on counts: that is other
  // articles' teasers, and taking lines out there would change the verdict on the marker.
  transparent(i: number): boolean {
    return this.page.portal(i)?.cut === false && this.page.header(i) === null
  }

  skip(j: number): boolean {
    return this.trimmed(j) === '' || this.transparent(j) || this.removals.has(j)
  }

  /** The next line that counts, past the copies of line i right below it (captions). */
  next(i: number): number {
    const same = i >= 0 ? this.trimmed(i) : null
    for (let j = i + 1; j < this.page.firstOpener; j++) {
      if (!this.skip(j) && this.trimmed(j) !== same) return j
    }
    return -1
  }

  /** Copies of line i right below it (a headline repeated as an image caption). */
  copiesOf(i: number, t = this.trimmed(i)): number[] {
    const copies: number[] = []
    for (let j = i + 1; j < this.page.firstOpener; j++) {
      if (this.skip(j)) continue
      if (this.trimmed(j) !== t) break
      copies.push(j)
    }
    return copies
  }

  headlineAt(i: number, t?: string): boolean {
    return i !== -1 && this.page.header(i) === null && isTitleLike(t ?? this.trimmed(i))
  }

  /** A headline-like line with a header line right after it, or after one more headline. */
  opensHeader(i: number, t?: string): boolean {
    if (!this.headlineAt(i, t)) return false
    const n1 = this.next(i)
    return this.isHeader(n1) || (this.headlineAt(n1) && this.isHeader(this.next(n1)))
  }

  /** Whether a line other than a header line or a copy of line i follows it: a story. */
  storyAfter(i: number, t: string): boolean {
    for (let j = i + 1; j < this.page.firstOpener; j++) {
      if (!this.skip(j) && this.page.header(j) === null && this.trimmed(j) !== t) return true
    }
    return false
  }

  /** A subtitle with header lines below it, or a headline repeated right below itself. */
  continuesBlock(i: number): boolean {
    return this.opensHeader(i) || (this.copiesOf(i).length > 0 && isTitleLike(this.trimmed(i)))
  }

  takeTitle(i: number, t: string, reason: string): void {
    const { removals, lines } = this
    removals.set(
      i,
      this.title === null ? reason : 'headline with header lines below it (a second title)',
    )
    for (const j of this.copiesOf(i, t)) removals.set(j, 'title repeated below itself')
    if (this.title === null && t.length >= MIN_TITLE_FOR_CAPTIONS) {
      // Image captions repeating the title, anywhere: after an end marker too, since a copy
      // left there would weigh as text once the title is gone.
      for (let j = 0; j < lines.length; j++) {
        if (!removals.has(j) && this.trimmed(j) === t) {
          removals.set(j, 'caption repeating the title')
        }
      }
    }
    this.title ??= t
  }

  takeHeader(i: number, info = this.page.header(i)!): void {
    this.removals.set(i, '')
    take(this.head, info)
    this.credits.push({ line: i, info, where: '' })
  }

  /**
   * The head, read as a second run would read what is left of it, until that finds nothing
   * more: page furniture above the title, the title, the header block under it.
   */
  readHead(): void {
    const { page, lines, removals, head, edits } = this
    for (let round = 0; round < lines.length && this.prefix === null; round++) {
      const removed = removals.size
      const maybe: { line: number; reason: string }[] = []
      let found = false
      let c = this.next(-1)
      for (let k = 0; k < MAX_PRE_TITLE && c !== -1; k++) {
        const t = this.trimmed(c)
        const n = this.next(c)
        const nt = n === -1 ? '' : this.trimmed(n)
        const scraped = page.header(c) === null ? scrapedDatePrefix(lines[c]!.text) : null
        const copies = this.copiesOf(c)
        const rest = scraped === null ? null : readHeaderLine(lines[c]!.text.slice(scraped.length))
        if (scraped !== null && rest !== null) {
          // `date 2022-09-21 Source: Xinhua`: a header line behind the scraper's date.
          const info: HeaderInfo = { ...rest, date: rest.date ?? { value: scraped.iso, tier: 0 } }
          if (!info.parts.includes('date')) info.parts = [...info.parts, 'date']
          for (const j of [c, ...copies]) this.takeHeader(j, info)
          found = true
        } else if (isBreadcrumb(t) && isTitleLike(t)) {
          for (const j of [c, ...copies]) removals.set(j, 'breadcrumb navigation line')
        } else if (scraped !== null) {
          head.date ??= { value: scraped.iso, tier: 0 }
          const after = lines[c]!.text.slice(scraped.length).trim()
          if (nt.length < 10 || !after.includes(nt) || !isTitleLike(nt) || !isTitleLike(after)) {
            this.prefix = { line: c, length: scraped.length }
            break
          }
          // `date 2022-11-27 Home News <title>-Hangzhou Net` above the bare title.
          for (const j of [c, ...copies]) {
            removals.set(j, 'page header (date and breadcrumb) moved to metadata')
          }
        } else if (n !== -1 && isSiteTag(t)) {
          for (const j of [c, ...copies])
            maybe.push({ line: j, reason: 'site name above the title' })
        } else if (nt.length >= 15 && t !== nt && isTitleLike(t) && t.includes(nt)) {
          for (const j of [c, ...copies]) {
            maybe.push({ line: j, reason: 'page title with the site name, above the title' })
          }
        } else break
        c = n
      }

      // The title: a headline with a header line below it, or repeated right below itself, and
      // with a story below: a one-sentence article with its source under it has no title.
      if (c !== -1 && page.header(c) === null) {
        const t =
          this.prefix === null ? this.trimmed(c) : lines[c]!.text.slice(this.prefix.length).trim()
        const headline =
          isTitleLike(t) && (this.copiesOf(c, t).length > 0 || this.opensHeader(c, t))
        if (headline && this.storyAfter(c, t)) {
          const withDate = this.prefix !== null
          this.takeTitle(
            c,
            t,
            withDate ? 'date and title moved to metadata' : 'title moved to metadata',
          )
          this.prefix = null
          found = true
        }
      }
      if (this.prefix !== null) {
        const start = lines[this.prefix.line]!.start
        edits.push({
          start,
          end: start + this.prefix.length,
          replacement: '',
          reason: 'scraped date prefix moved to metadata',
        })
      }

      // The header block: header lines, and subtitles that have header lines right after them.
      // Where it stops, the line must not look like a title on a second run: a headline repeated
      // right below itself keeps one copy.
      let at = found ? this.next(c) : this.prefix === null && this.isHeader(c) ? c : -1
      for (; at !== -1; at = this.next(at)) {
        const copies = this.copiesOf(at)
        if (this.isHeader(at)) {
          found = true
          for (const j of [at, ...copies]) this.takeHeader(j)
        } else if (this.continuesBlock(at)) {
          for (const j of copies) removals.set(j, 'line repeated right below itself')
        } else break
      }
      if (found) for (const m of maybe) removals.set(m.line, m.reason)
      if (removals.size === removed) break
    }
  }
}

/**
 * Takes the title and the header lines out of the body into the metadata: the title, bylines,
 * dates, sources and editors at the top (with a scraper's site tag, breadcrumb or date above
 * them), the credits closing the story (`Source:`, `Editor in charge:`, `Reviewer:`, a byline
 * glued to the last sentence), and the title's copies used as image captions.
 *
 * Cleaning must be idempotent, and a cleaned body starts with a paragraph, so the first line is a
 * title only when it looks like one and a header line follows it (directly, or after one more
 * headline-like line: a subtitle, which stays), or when it is repeated right below itself. The
 * same test decides how far the header block goes, and the head is read again as a second run
 * would read it until nothing more is found. Everything taken out is headline-like or a credit,
 * and nothing is taken from the first end marker on: the end marker's verdict does not move.
 */
export const headerRule: Rule = {
  id: 'header',
  name: 'Title and header lines',
  description:
    'Moves the title and the byline, date, source and editor lines (Author:… Time:…, Source:, ' +
    'Editor in charge:, 来源：, 作者：…) into the metadata, and takes credits closing the story ' +
    'out of the body.',
  apply(text: string, ctx: RuleContext) {
    const page = pageOf(text)
    const reading = new HeaderReading(page)
    reading.readHead()
    const { lines, removals, credits, edits, title, prefix } = reading
    const flags: FlagProposal[] = []

    // Credits closing the story, and those right after an end marker (which that rule deletes).
    // The closing run is found past the lines taken out above, as a second run would find it.
    let tailStart = page.bodyEnd
    for (let i = page.bodyEnd - 1; i >= 0; i--) {
      if (lines[i]!.trimmed === '' || removals.has(i)) continue
      if (page.isClosingFurniture(i)) tailStart = i
      else if (!page.isCopy(i)) break
    }
    const tail: Found = {}
    for (let i = tailStart; i < page.bodyEnd; i++) {
      const info = page.header(i)
      if (removals.has(i) || i === prefix?.line || !isCredit(info)) continue
      take(tail, info)
      removals.set(i, '')
      credits.push({ line: i, info, where: ' at the end' })
    }
    if (page.end !== null && page.end.inlineAt < 0) {
      for (let j = page.end.line + 1; j < lines.length; j++) {
        const info = page.header(j)
        if (lines[j]!.trimmed === '') continue
        if (!isCredit(info)) break
        take(tail, info)
      }
    }
    // Credits glued to the end of a paragraph (`…school.Article/reporter X editor/Y`): the last
    // one closes the story, but a later rule may join the lines after it to it, so all of them.
    const glued: { line: number; at: number; end: number; info: HeaderInfo }[] = []
    for (let i = page.bodyEnd - 1; i >= 0; i--) {
      if (lines[i]!.trimmed === '' || removals.has(i)) continue
      const g = page.glued(i)
      // Never into the date prefix taken off the same line.
      if (g === null || (i === prefix?.line && g.at < prefix.length)) continue
      glued.push({ line: i, ...g })
      take(tail, g.info)
    }

    const md = ctx.metadata
    if (title !== null) md.title ??= title
    for (const found of [reading.head, tail]) {
      if (found.author !== undefined) md.author ??= found.author.value
      if (found.date !== undefined) md.date ??= found.date.value
      if (found.source !== undefined) md.source ??= found.source
      if (found.editor !== undefined) md.editor ??= found.editor
    }
    for (const { line, info, where } of credits) removals.set(line, reasonFor(info, md, where))
    glued.forEach((g, k) => {
      const start = lines[g.line]!.start
      edits.push({
        start: start + g.at,
        end: start + g.end,
        replacement: '',
        reason: reasonFor(
          g.info,
          md,
          k === 0 ? ' closing the last paragraph' : ' closing a paragraph',
        ),
      })
    })

    // A labelled header line left at the top: its line above did not look like a title.
    let seen = 0
    for (let i = 0; i < lines.length && seen < FLAG_WITHIN_LINES; i++) {
      if (lines[i]!.trimmed === '' || removals.has(i)) continue
      seen++
      if (page.header(i)?.labelled === true) {
        flags.push({
          start: lines[i]!.start,
          end: lines[i]!.end,
          kind: 'header-in-body',
          message:
            'This looks like a header line (byline, date or source), but the line above it does ' +
            'not look like a title, so it was left in the text.',
        })
      }
    }

    return { edits: [...edits, ...removeLines(text, lines, removals)], flags }
  },
}
