import { splitLines, type Line } from './lines'
import {
  gluedCredit,
  inlineEndMarker,
  isCredit,
  isEndMarker,
  isTitleLike,
  mayBeCutHeading,
  portalLine,
  readHeaderLine,
  scrapedDatePrefix,
  type GluedCredit,
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

/** The weight of a line that counts for nothing (see Page.realLength). */
const NOTHING: readonly [number, number] = [0, 0]

const SNIPPET_END = /(?:\.\.\.|…)["”’)）]?$/
const SENTENCE_END = /[.。]["”’)）]?$/

/**
 * The layout of an article as the furniture rules see it: where the story ends (an end marker, a
 * "Leave a Reply" or "Related articles" heading) and which lines before that end are closing
 * furniture (credits, share buttons, disclaimers). All three rules build the same Page from their
 * input, so a line one of them takes out never changes what the others find.
 */
export class Page {
  readonly text: string
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
  private readonly glues: (GluedCredit | null | undefined)[]
  /** markers[i]: inlineEndMarker of line i (asked for by the constructor, portal and core). */
  private readonly markers: Int32Array
  /** weights[i]: what line i weighs (see weight), once asked. */
  private readonly weights: (readonly [number, number] | undefined)[]
  private copies: Uint8Array | null = null
  /** cores[i]: core(i), filled with `copies`. */
  private cores: string[] = []

  constructor(text: string) {
    this.text = text
    this.lines = splitLines(text)
    const n = this.lines.length
    this.headers = new Array<HeaderInfo | null | undefined>(n)
    this.portals = new Array<PortalHit | null | undefined>(n)
    this.glues = new Array<GluedCredit | null | undefined>(n)
    this.markers = new Int32Array(n)
    this.weights = new Array<readonly [number, number] | undefined>(n)
    // End markers and the headings after which the rest is comments or related links open the
    // tail of the page. They are weighed from the last one back, each against the text up to the
    // opener accepted after it: deleting a later tail must never make an earlier opener deletable
    // on a second run, and the end marker rule, which runs first, must leave the portal rule the
    // same verdicts.
    const openers: (EndAt & { cut: boolean })[] = []
    for (let i = 0; i < n; i++) {
      const line = this.lines[i]!
      if (isEndMarker(line.trimmed)) {
        this.markers[i] = inlineEndMarker(line.text)
        openers.push({ line: i, inlineAt: -1, cut: false })
        continue
      }
      // `Leave a Reply（完）` opens both: the marker goes first, then the heading.
      const inlineAt = inlineEndMarker(line.text)
      this.markers[i] = inlineAt
      if (inlineAt >= 0) openers.push({ line: i, inlineAt, cut: false })
      if (mayBeCutHeading(this.portalText(i)) && this.portal(i)?.cut === true) {
        openers.push({ line: i, inlineAt: -1, cut: true })
      }
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
      p = portalLine(this.portalText(i))
      this.portals[i] = p
    }
    return p
  }

  /** The credits glued to the end of line i (cached: the page weighs every line without them). */
  glued(i: number): GluedCredit | null {
    let g = this.glues[i]
    if (g === undefined) {
      g = gluedCredit(this.lines[i]!.text)
      this.glues[i] = g
    }
    return g
  }

  /**
   * `Share（完）`: a line as the portal patterns read it, without the marker the end marker rule
   * takes off.
   */
  private portalText(i: number): string {
    const line = this.lines[i]!
    const marker = this.markers[i]!
    return marker >= 0 ? line.text.slice(0, marker).trim() : line.trimmed
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
    const real = this.realBetween(from, to)
    if (real > MAX_REAL_AFTER_END) return true
    // Only paragraphs before (lines 0 to `from`): taking a title ending with a full stop, a
    // byline or share buttons out of the head must not change the verdict on a second run.
    // The share test is `real > MAX_SHARE_AFTER_END * (before + real)`; summed from the opener
    // up, `before` only grows, so the verdict is settled as soon as the test fails, mostly after
    // a few paragraphs: the lines above them need not be weighed at all.
    let before = 0
    for (let i = from; i >= 0; i--) {
      if (!(real > MAX_SHARE_AFTER_END * (before + real))) return false
      before += this.weight(i)[1]
    }
    return real > MAX_SHARE_AFTER_END * (before + real)
  }

  /** Characters after line `from`, up to line `to`, that count as real paragraphs. */
  realBetween(from: number, to: number): number {
    let real = 0
    for (let i = from + 1; i < to; i++) real += this.weight(i)[0]
    return real
  }

  /**
   * Whether line i repeats an earlier line. The repeated-lines rule, later in
   * the pipeline, may take such a line out; the furniture rules look past it, so that a second run
   * does not find more than the first.
   */
  isCopy(i: number): boolean {
    if (this.copies === null) {
      // Earlier lines grouped by length and compared directly, not kept in a Set: a Set hashes
      // every paragraph in full, while two lines of one length mostly differ in the first
      // characters compared.
      const byLength = new Map<number, string[]>()
      const n = this.lines.length
      this.copies = new Uint8Array(n)
      this.cores = new Array<string>(n)
      for (let j = 0; j < n; j++) {
        if (this.lines[j]!.trimmed === '') continue
        const key = this.core(j)
        this.cores[j] = key
        const same = byLength.get(key.length)
        if (same === undefined) byLength.set(key.length, [key])
        else if (same.includes(key)) this.copies[j] = 1
        else same.push(key)
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
    const marker = this.markers[i]!
    const glued = this.glued(i)
    const end = glued?.at ?? (marker >= 0 ? marker : -1)
    const scraped = scrapedDatePrefix(line.text)?.length ?? 0
    if (end < 0 && scraped === 0) return line.trimmed
    return line.text.slice(scraped, end >= 0 ? Math.max(end, scraped) : undefined).trim()
  }

  /**
   * What line i weighs (see realLength), once asked: only lines near an opener are weighed, and
   * only in a text with one.
   */
  private weight(i: number): readonly [number, number] {
    let w = this.weights[i]
    if (w === undefined) {
      // A copy of an earlier line weighs nothing: the repeated-lines rule, later in the
      // pipeline, may take it out, and that must not change the verdict on a second run.
      w = this.isCopy(i) ? NOTHING : this.realLength(i)
      this.weights[i] = w
    }
    return w
  }

  /**
   * What a line weighs as real text: [as text after an opener, as paragraphs before one]. After an
   * opener, sentences count, even short ones (a teaser headline has no full stop); before one, only
   * paragraphs. Snippets cut off with `...`, portal furniture, credits and end markers weigh nothing.
   */
  private realLength(i: number): readonly [number, number] {
    const line = this.lines[i]!
    if (line.trimmed === '' || isEndMarker(line.trimmed)) return NOTHING
    const t = this.cores[i]!
    if (SNIPPET_END.test(t)) return NOTHING
    // A headline without a full stop weighs nothing whatever it is: asked first, it spares
    // reading the line as furniture.
    const titleLike = isTitleLike(t)
    if (titleLike && !SENTENCE_END.test(t)) return NOTHING
    if (t.length <= 400 && (this.portal(i) !== null || this.header(i) !== null)) return NOTHING
    return titleLike ? [t.length, 0] : [t.length, t.length]
  }
}

/**
 * The page of a text, shared by the rules asking one after the other: each furniture rule reads
 * the page of its input, and when the rule before it changed nothing that is the same text. Only
 * the last page is kept; a page is never changed by the rules that read it.
 */
export function pageOf(text: string): Page {
  if (lastPage?.text !== text) lastPage = new Page(text)
  return lastPage
}

let lastPage: Page | null = null
