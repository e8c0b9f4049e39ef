import type { EditProposal } from '../../types'
import { inlineEndMarker } from './patterns'

/** One line of a text, without its line break; `end` is where the break (or the text) begins. */
export interface Line {
  start: number
  end: number
  text: string
  /** The text without surrounding white space (ideographic spaces and BOMs included). */
  trimmed: string
}

/**
 * Splits a text at LF into lines with their offsets. The furniture rules reason about whole lines
 * (a byline, a teaser headline), so they all start here; one pass, no regex.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (;;) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl
    const raw = text.slice(start, end)
    lines.push({ start, end, text: raw, trimmed: raw.trim() })
    if (nl === -1) return lines
    start = nl + 1
  }
}

/**
 * Edits that take whole lines out without leaving blank-line debris: a line in the body goes with
 * its line break and the blank lines after it; lines at the tail go with the blank lines before
 * them, and the text keeps its final line break if it had one. One edit per line, so the change
 * log shows each line with its own reason and any one can be reverted. A bracketed end marker
 * closing a removed line stays unless `keepEndMarkers` is false (the end marker rule's own call).
 */
export function removeLines(
  text: string,
  lines: readonly Line[],
  toRemove: ReadonlyMap<number, string>,
  keepEndMarkers = true,
): EditProposal[] {
  const removals = new Map(toRemove)
  const edits: EditProposal[] = []
  // A line closed by an end marker (`Source: Xinhua（完）`) keeps the marker, on a line of its own,
  // for the end marker rule, which takes what follows it too.
  for (const [i, reason] of keepEndMarkers ? toRemove : []) {
    const line = lines[i]!
    const marker = inlineEndMarker(line.text)
    if (marker < 0) continue
    removals.delete(i)
    const markerStart = marker + (/^[\s\u3000]*/.exec(line.text.slice(marker))?.[0].length ?? 0)
    edits.push({ start: line.start, end: line.start + markerStart, replacement: '', reason })
  }
  if (removals.size === 0) return edits
  let lastKept = -1
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!removals.has(i) && lines[i]!.trimmed !== '') {
      lastKept = i
      break
    }
  }
  const order = [...removals.keys()].sort((a, b) => a - b)
  const last = order[order.length - 1]!
  let tailAt = lastKept >= 0 ? lines[lastKept]!.end : 0
  for (const i of order) {
    const reason = removals.get(i)!
    const line = lines[i]!
    if (i < lastKept) {
      let j = i + 1
      while (lines[j]!.trimmed === '') j++
      edits.push({ start: line.start, end: lines[j]!.start, replacement: '', reason })
    } else {
      const end =
        i === last
          ? lastKept >= 0 && text.endsWith('\n')
            ? text.length - 1
            : text.length
          : line.end
      edits.push({ start: tailAt, end, replacement: '', reason })
      tailAt = end
    }
  }
  return edits
}

/** The index of the next line after `i` that is not blank, or -1. */
export function nextNonBlank(lines: readonly Line[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trimmed !== '') return j
  return -1
}
