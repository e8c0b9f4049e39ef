import { DEFAULT_GROUP, type Command } from '../../composables/useCommands'

export interface FuzzyMatch {
  /** Higher is better; only comparable between matches of the same query. */
  score: number
  /** Where each query character was found in the text, ascending. */
  indices: number[]
}

const START_BONUS = 10
const WORD_BONUS = 8
const CAMEL_BONUS = 6
/** A letter right after the previous one: runs of the query read as the words it names. */
const RUN_BONUS = 8
/** Skipping ahead costs this, and a little more for every character skipped. */
const GAP_PENALTY = 3
const GAP_PER_CHAR = 1
/** A little less for every character before the first match: "save" beats "autosave". */
const LEAD_PENALTY = 0.1

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}]/u.test(c)
}

/** How good a place `chars[j]` is for a match to land: word starts and camelCase humps win. */
function placeBonus(chars: readonly string[], j: number): number {
  if (j === 0) return START_BONUS
  const prev = chars[j - 1]!
  const here = chars[j]!
  if (!isWordChar(prev) && isWordChar(here)) return WORD_BONUS
  if (prev === prev.toLowerCase() && here !== here.toLowerCase()) return CAMEL_BONUS
  return 0
}

/**
 * Whether every character of the query appears in the text in order (case-insensitive; the
 * query's spaces are ignored), and how well: the best alignment favours word starts and runs of
 * adjacent characters, so "nf" finds "New File" before "Reconfigure". Null when it does not.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = [...query.toLowerCase().replace(/\s+/g, '')]
  const t = [...text]
  const lower = t.map((c) => c.toLowerCase())
  const m = q.length
  const n = t.length
  if (m === 0) return { score: 0, indices: [] }
  if (m > n) return null

  const bonus = t.map((_, j) => placeBonus(t, j))
  // score[i][j]: the best alignment of q[0..i] whose last character lands on t[j].
  const score: number[][] = []
  const from: number[][] = []
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n).fill(-Infinity)
    const back = new Array<number>(n).fill(-1)
    // For gapped moves: the best of the previous row strictly before j-1, counting what the
    // skipped characters cost (score + k·GAP_PER_CHAR, so the cost of a gap to j is linear).
    let bestBefore = -Infinity
    let bestBeforeAt = -1
    for (let j = i; j < n; j++) {
      if (i > 0 && j >= 2) {
        const candidate = score[i - 1]![j - 2]! + (j - 2) * GAP_PER_CHAR
        if (candidate > bestBefore) {
          bestBefore = candidate
          bestBeforeAt = j - 2
        }
      }
      if (lower[j] !== q[i]) continue
      const here = 1 + bonus[j]!
      if (i === 0) {
        row[j] = here - j * LEAD_PENALTY
        continue
      }
      const run = score[i - 1]![j - 1]! + RUN_BONUS
      const gap = bestBefore - (j - 1) * GAP_PER_CHAR - GAP_PENALTY
      if (run === -Infinity && gap === -Infinity) continue
      if (run >= gap) {
        row[j] = here + run
        back[j] = j - 1
      } else {
        row[j] = here + gap
        back[j] = bestBeforeAt
      }
    }
    score.push(row)
    from.push(back)
  }

  const last = score[m - 1]!
  let end = -1
  for (let j = 0; j < n; j++) if (last[j]! > (end < 0 ? -Infinity : last[end]!)) end = j
  if (end < 0 || last[end] === -Infinity) return null

  const indices = new Array<number>(m)
  for (let i = m - 1, j = end; i >= 0; i--) {
    indices[i] = j
    j = from[i]![j]!
  }
  return { score: last[end]!, indices: toCodeUnits(t, indices) }
}

/** Indices into the array of code points, as indices into the string (for slicing it). */
function toCodeUnits(points: string[], indices: number[]): number[] {
  const offsets: number[] = []
  let at = 0
  for (const p of points) {
    offsets.push(at)
    at += p.length
  }
  return indices.map((i) => offsets[i]!)
}

/** A text cut into the parts a match hit and the parts between, for highlighting. */
export function highlightParts(
  text: string,
  indices: readonly number[],
): { text: string; hit: boolean }[] {
  const hits = new Set(indices)
  const parts: { text: string; hit: boolean }[] = []
  let at = 0
  for (const char of text) {
    const hit = hits.has(at)
    at += char.length
    const last = parts[parts.length - 1]
    if (last && last.hit === hit) last.text += char
    else parts.push({ text: char, hit })
  }
  return parts
}

export interface RankedCommand {
  command: Command
  /** Where the query hit the title; empty when it matched by its group, or there is no query. */
  indices: number[]
}

/**
 * The palette's list for a query: every command whose title (or "group title", a little lower)
 * matches, best first; ties keep the shorter title, then the order commands were registered in.
 * An empty query lists them all, grouped as registered.
 */
export function rankCommands(query: string, commands: readonly Command[]): RankedCommand[] {
  if (query.trim() === '') return commands.map((command) => ({ command, indices: [] }))
  const ranked: { command: Command; indices: number[]; score: number; order: number }[] = []
  commands.forEach((command, order) => {
    const byTitle = fuzzyMatch(query, command.title)
    if (byTitle) {
      ranked.push({ command, indices: byTitle.indices, score: byTitle.score, order })
      return
    }
    const byGroup = fuzzyMatch(query, `${command.group ?? DEFAULT_GROUP} ${command.title}`)
    if (byGroup) ranked.push({ command, indices: [], score: byGroup.score - WORD_BONUS, order })
  })
  ranked.sort(
    (a, b) =>
      b.score - a.score || a.command.title.length - b.command.title.length || a.order - b.order,
  )
  return ranked.map(({ command, indices }) => ({ command, indices }))
}
