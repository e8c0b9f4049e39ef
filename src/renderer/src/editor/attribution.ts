import type { Change } from '../../../shared/cleaning'

/** A half-open range of document positions; `from === to` is a point (an insertion). */
export interface Span {
  from: number
  to: number
}

/** Who made a difference between the original and the cleaned text. */
export interface Attribution {
  rule: string
  reason: string
}

/** A change-log entry placed in the original's editor coordinates. */
interface PlacedChange extends Span, Attribution {}

/**
 * The change log attached to the original as the editor shows it, ready to answer "which rules
 * made the difference in this span". Built once per (changes, original) pair.
 */
export interface AttributionIndex {
  /** Sorted by `from`. */
  readonly placed: readonly PlacedChange[]
  /** The largest span length in `placed`, so a lookup can stop scanning early. */
  readonly longest: number
}

/**
 * Maps offsets in a string to positions in a CodeMirror document of that string. The change log
 * counts UTF-16 offsets in the original as decoded, but CodeMirror counts a "\r\n" line break as
 * one position, so every CRLF before an offset shifts it by one.
 */
export function docOffsets(text: string): (offset: number) => number {
  const crlf: number[] = []
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) crlf.push(i)
  if (crlf.length === 0) return (offset) => offset
  return (offset) => {
    // Count the CRLFs whose "\r" lies before the offset; an offset between "\r" and "\n" lands
    // on the line break, as does the offset of the "\r" itself.
    let lo = 0
    let hi = crlf.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (crlf[mid]! < offset) lo = mid + 1
      else hi = mid
    }
    return offset - lo
  }
}

/** Whether two spans share text, or touch when either is a point (an insertion). */
export function overlaps(a: Span, b: Span): boolean {
  if (a.from === a.to || b.from === b.to) return a.from <= b.to && b.from <= a.to
  return a.from < b.to && b.from < a.to
}

/** Place a change log on the original as the editor shows it. */
export function indexChanges(changes: readonly Change[], original: string): AttributionIndex {
  const toDoc = docOffsets(original)
  const placed: PlacedChange[] = []
  for (const c of changes) {
    const from = toDoc(c.originalStart)
    const to = toDoc(c.originalEnd)
    // A change that only touched the "\r" of CRLFs has no visible span in the editor, which
    // shows line breaks normalised; left in, it would claim every diff that ends a line.
    if (from === to && c.originalStart < c.originalEnd) continue
    placed.push({ from, to, rule: c.rule, reason: c.reason })
  }
  placed.sort((x, y) => x.from - y.from || x.to - y.to)
  const longest = placed.reduce((max, p) => Math.max(max, p.to - p.from), 0)
  return { placed, longest }
}

/**
 * The rules whose changes overlap a span of the original (in editor coordinates), each
 * rule-and-reason once, in document order. Empty when a person made the difference.
 */
export function attribute(index: AttributionIndex, span: Span): Attribution[] {
  const { placed, longest } = index
  // Binary search for the first change that could reach the span's start.
  let lo = 0
  let hi = placed.length
  const earliest = span.from - longest
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (placed[mid]!.from < earliest) lo = mid + 1
    else hi = mid
  }
  const found: Attribution[] = []
  const seen = new Set<string>()
  for (let i = lo; i < placed.length; i++) {
    const p = placed[i]!
    if (p.from > span.to) break
    if (!overlaps(p, span)) continue
    const id = `${p.rule}\u0000${p.reason}`
    if (seen.has(id)) continue
    seen.add(id)
    found.push({ rule: p.rule, reason: p.reason })
  }
  return found
}

/** The wording shown when no rule's change lies under a difference. */
export const BY_HAND = 'Edited by hand'

/** A rule's display name, or its id when the catalogue does not know it. */
export function ruleLabel(
  rule: string,
  names: Readonly<Record<string, string>> | undefined,
): string {
  return names?.[rule] ?? rule
}

/**
 * A reason as shown under its rule's name: without a lead-in that repeats the name, as in the
 * glossary's "glossary: “my country” → “China”" under the heading "Glossary".
 */
export function reasonUnder(label: string, reason: string): string {
  const lead = `${label.toLowerCase()}:`
  return reason.toLowerCase().startsWith(lead) ? reason.slice(lead.length).trimStart() : reason
}
