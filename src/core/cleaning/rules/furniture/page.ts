import { splitLines, type Line } from './lines'
import {
  gluedCredit,
  inlineEndMarker,
  isCredit,
  isEndMarker,
  isTitleLike,
  portalLine,
  readHeaderLine,
  scrapedDatePrefix,
  type HeaderInfo,
  type PortalHit,
} from './patterns'

/** What may follow an end marker and still be deleted as teasers: real paragraphs, in chars… */
export const MAX_REAL_AFTER_END = 1500
/** …and as a share of the article; beyond either, a person decides. */
export const MAX_SHARE_AFTER_END = 0.4

export interface EndAt {
  line: number
  /** Where a bracketed marker closing a line of text starts (`…乐趣。（完）`); -1 on its own line. */
  inlineAt: number
}

const SNIPPET_END = /(?:\.\.\.|…)["”’)）]?$/
const SENTENCE_END = /[.。]["”’)）]?$/

/**
 * The layout of an article as the furniture rules see it: where the story ends (an end marker, a
 * "Leave a Reply" or "Related articles" heading) and which lines before that end are closing
 * furniture (credits, share buttons, disclaimers). All three rules build the same Page from their
 * input, so a line one of them takes out never changes what the others find.
 */
export class Page {
  readonly lines: Line[]
  /** The first end marker with only teasers (or an accepted cut heading) after it. */
  readonly end: EndAt | null
  /** End markers alone on their line with too much text after them to delete it. */
  readonly unsureEnds: number[] = []
  /** The first heading after which the rest of the text is comments or related links. */
  readonly cut: number | null
  /** The first line after the story: the end marker or the cut heading, whichever comes first. */
  readonly bodyEnd: number
  /**
   * The first line from the first end marker or comments/related heading on, deletable or not.
   * The header rule works above it only: what it takes out must not change what follows any
   * opener.
   */
  readonly firstOpener: number
  /** The first line of the closing furniture run just before `bodyEnd` (= bodyEnd when none). */
  readonly tailStart: number

  private readonly headers: (HeaderInfo | null | undefined)[]
  private readonly portals: (PortalHit | null | undefined)[]
  /** realAfter[i]: characters of real text (paragraphs and sentences) from line i to the end. */
  private realAfter: number[] = []
  /** paraAfter[i]: characters of paragraphs (not headline-like lines) from line i to the end. */
  private paraAfter: number[] = []
  private copies: Uint8Array | null = null

  constructor(text: string) {
    this.lines = splitLines(text)
    const n = this.lines.length
    this.headers = new Array<HeaderInfo | null | undefined>(n)
    this.portals = new Array<PortalHit | null | undefined>(n)
    // End markers and the headings after which the rest is comments or related links open the
    // tail of the page. They are weighed from the last one back, each against the text up to the
    // opener accepted after it: deleting a later tail must never make an earlier opener deletable
    // on a second run, and the end marker rule, which runs first, must leave the portal rule the
    // same verdicts.
    const openers: (EndAt & { cut: boolean })[] = []
    for (let i = 0; i < n; i++) {
      const line = this.lines[i]!
      if (isEndMarker(line.trimmed)) {
        openers.push({ line: i, inlineAt: -1, cut: false })
        continue
      }
      // `Leave a Reply（完）` opens both: the marker goes first, then the heading.
      const inlineAt = inlineEndMarker(line.text)
      if (inlineAt >= 0) openers.push({ line: i, inlineAt, cut: false })
      if (this.portal(i)?.cut === true) openers.push({ line: i, inlineAt: -1, cut: true })
    }
    const first = openers[0]
    // A marker closing a line of text keeps that line above it.
    this.firstOpener = first === undefined ? n : first.inlineAt >= 0 ? first.line + 1 : first.line
    const accepted = new Set<number>()
    let upTo = n
    for (let k = openers.length - 1; k >= 0; k--) {
      const o = openers[k]!
      if (!this.tooMuchAfter(o.line, upTo)) {
        accepted.add(k)
        // A marker closing a line of text keeps that line in the story.
        upTo = o.inlineAt >= 0 ? o.line + 1 : o.line
      }
    }
    let end: EndAt | null = null
    let cut: number | null = null
    for (let k = 0; k < openers.length; k++) {
      const o = openers[k]!
      if (!accepted.has(k)) continue
      if (o.cut) cut ??= o.line
      else end ??= { line: o.line, inlineAt: o.inlineAt }
    }
    this.end = end
    this.cut = cut
    const storyEnd = end === null ? n : end.inlineAt >= 0 ? end.line + 1 : end.line
    this.bodyEnd = Math.min(cut ?? n, storyEnd)
    for (const o of openers) {
      if (o.line >= this.bodyEnd) break
      if (!o.cut && o.inlineAt < 0) this.unsureEnds.push(o.line)
    }

    let tailStart = this.bodyEnd
    for (let i = this.bodyEnd - 1; i >= 0; i--) {
      if (this.lines[i]!.trimmed === '') continue
      if (this.isClosingFurniture(i)) tailStart = i
      else if (!this.isCopy(i)) break
    }
    this.tailStart = tailStart
  }

  /** The header line reading of line i (cached: the rules ask about the head lines repeatedly). */
  header(i: number): HeaderInfo | null {
    let h = this.headers[i]
    if (h === undefined) {
      h = readHeaderLine(this.lines[i]!.trimmed)
      this.headers[i] = h
    }
    return h
  }

  portal(i: number): PortalHit | null {
    let p = this.portals[i]
    if (p === undefined) {
      // `Share（完）`: read without the marker the end marker rule takes off.
      const line = this.lines[i]!
      const marker = inlineEndMarker(line.text)
      p = portalLine(marker >= 0 ? line.text.slice(0, marker).trim() : line.trimmed)
      this.portals[i] = p
    }
    return p
  }

  /** Credits and portal lines (not a cut heading) that may close an article. */
  isClosingFurniture(i: number): boolean {
    const p = this.portal(i)
    return (p !== null && !p.cut) || isCredit(this.header(i))
  }

  /**
   * Whether lines (from, to) after line `from` hold too much real text to be deleted as teasers:
   * over MAX_REAL_AFTER_END characters of paragraphs, or over MAX_SHARE_AFTER_END of the article's
   * paragraphs.
   * Teaser headlines (short, no full stop), snippets cut with `...` and portal lines do not count.
   */
  tooMuchAfter(from: number, to: number): boolean {
    this.weigh()
    const real = this.realAfter[from + 1]! - this.realAfter[to]!
    // Only paragraphs before: taking a title ending with a full stop, a byline or share buttons
    // out of the head must not change the verdict on a second run.
    const before = this.paraAfter[0]! - this.paraAfter[from + 1]!
    return real > MAX_REAL_AFTER_END || real > MAX_SHARE_AFTER_END * (before + real)
  }

  /** Characters after line `from`, up to line `to`, that count as real paragraphs. */
  realBetween(from: number, to: number): number {
    this.weigh()
    return this.realAfter[from + 1]! - this.realAfter[to]!
  }

  /**
   * Whether line i repeats an earlier line. The repeated-lines rule, later in
   * the pipeline, may take such a line out; the furniture rules look past it, so that a second run
   * does not find more than the first.
   */
  isCopy(i: number): boolean {
    if (this.copies === null) {
      const seen = new Set<string>()
      this.copies = new Uint8Array(this.lines.length)
      for (let j = 0; j < this.lines.length; j++) {
        if (this.lines[j]!.trimmed === '') continue
        const key = this.core(j)
        if (seen.has(key)) this.copies[j] = 1
        else seen.add(key)
      }
    }
    return this.copies[i] === 1
  }

  /**
   * A line without what the rules take off its ends (a scraper's date prefix, a glued credit, a
   * closing end marker), trimmed: taking those off must change nothing in what the rules weigh.
   */
  private core(i: number): string {
    const line = this.lines[i]!
    const marker = inlineEndMarker(line.text)
    const glued = gluedCredit(line.text)
    const end = glued?.at ?? (marker >= 0 ? marker : -1)
    const scraped = scrapedDatePrefix(line.text)?.length ?? 0
    if (end < 0 && scraped === 0) return line.trimmed
    return line.text.slice(scraped, end >= 0 ? Math.max(end, scraped) : undefined).trim()
  }

  /** Weighs every line, once, and only for a text with an opener: most have none. */
  private weigh(): void {
    if (this.realAfter.length > 0) return
    const n = this.lines.length
    // A copy of an earlier line weighs nothing: the repeated-lines rule, later in the pipeline,
    // may take it out, and that must not change the verdict on a second run.
    this.realAfter = new Array<number>(n + 1).fill(0)
    this.paraAfter = new Array<number>(n + 1).fill(0)
    for (let i = n - 1; i >= 0; i--) {
      const [real, para] = this.isCopy(i) ? [0, 0] : this.realLength(i)
      this.realAfter[i] = this.realAfter[i + 1]! + real
      this.paraAfter[i] = this.paraAfter[i + 1]! + para
    }
  }

  /**
   * What a line weighs as real text: [as text after an opener, as paragraphs before one]. After an
   * opener, sentences count, even short ones (a teaser headline has no full stop); before one, only
   * paragraphs. Snippets cut off with `...`, portal furniture, credits and end markers weigh nothing.
   */
  private realLength(i: number): [number, number] {
    const line = this.lines[i]!
    if (line.trimmed === '' || isEndMarker(line.trimmed)) return [0, 0]
    const t = this.core(i)
    if (SNIPPET_END.test(t)) return [0, 0]
    if (t.length <= 400 && (this.portal(i) !== null || this.header(i) !== null)) return [0, 0]
    if (!isTitleLike(t)) return [t.length, t.length]
    return SENTENCE_END.test(t) ? [t.length, 0] : [0, 0]
  }
}
