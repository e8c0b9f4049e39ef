import { insideQuotation } from '../quotes'
import type { EditProposal, FlagProposal, GlossaryEntry, Rule } from '../types'

const LATIN = /[A-Za-z0-9]/

/**
 * Whole-word substitutions from the profile's glossary (`my country` → `China`). Matching is
 * case-insensitive unless an entry says otherwise; the replacement is capitalised where the
 * matched text was (`My country` → `China`, and a lower-case start of a sentence too).
 */
export const glossaryRule: Rule = {
  id: 'glossary',
  name: 'Glossary',
  description: 'Replaces the terms of the profile’s glossary, whole words only.',
  appliesToTitle: true,
  apply(text, ctx) {
    const compiled = compile(ctx.glossary)
    if (compiled.length === 0) return {}
    const edits: EditProposal[] = []
    const flags: FlagProposal[] = []
    for (const { pattern, byKey } of compiled) {
      for (const m of text.matchAll(pattern)) {
        const start = m.index
        const end = start + m[0].length
        if (!isWholeWord(text, start, end)) continue
        const entry = byKey.get(keyOf(m[0], false)) ?? byKey.get(keyOf(m[0], true))
        if (!entry) continue
        const replacement = capitaliseLike(entry.to, m[0], atSentenceStart(text, start))
        // In a quotation the speaker may not be Chinese (“my country welcomes Chinese
        // investment,” the Kenyan president said): a person decides.
        if (insideQuotation(text, start)) {
          flags.push({
            start,
            end,
            kind: 'glossary-in-quote',
            message: `“${m[0]}” is inside a quotation: replace it only if the speaker means ${entry.to}.`,
            suggestion: replacement,
          })
          continue
        }
        edits.push({ start, end, replacement, reason: `glossary: “${entry.from}” → “${entry.to}”` })
      }
    }
    return { edits: withoutOverlaps(edits), flags }
  },
}

interface Compiled {
  pattern: RegExp
  byKey: Map<string, GlossaryEntry>
}

const cache = new WeakMap<readonly GlossaryEntry[], Compiled[]>()

/**
 * One alternation per case mode, longest terms first so `our country` wins over `country`.
 * Cached per glossary array: the same profile cleans thousands of articles in an import.
 */
function compile(glossary: readonly GlossaryEntry[]): Compiled[] {
  const hit = cache.get(glossary)
  if (hit) return hit
  const entries = glossary.filter((e) => e.from.trim() !== '')
  const out: Compiled[] = []
  for (const caseSensitive of [false, true]) {
    const group = entries.filter((e) => Boolean(e.caseSensitive) === caseSensitive)
    if (group.length === 0) continue
    const byKey = new Map<string, GlossaryEntry>()
    for (const e of group) byKey.set(keyOf(e.from, caseSensitive), e)
    const alternatives = [...byKey.keys()]
      .sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[ \\t]+'))
    out.push({ pattern: new RegExp(alternatives.join('|'), caseSensitive ? 'gu' : 'giu'), byKey })
  }
  cache.set(glossary, out)
  return out
}

/** Entries are found whatever the spacing inside a term (`my  country`). */
function keyOf(term: string, caseSensitive: boolean): string {
  const spaced = term.trim().replace(/\s+/g, ' ')
  return caseSensitive ? spaced : spaced.toLowerCase()
}

/** Latin terms must not be part of a longer word; CJK terms have no word boundaries. */
function isWholeWord(text: string, start: number, end: number): boolean {
  const first = text[start] ?? ''
  const last = text[end - 1] ?? ''
  if (LATIN.test(first) && LATIN.test(text[start - 1] ?? '')) return false
  if (LATIN.test(last) && LATIN.test(text[end] ?? '')) return false
  return true
}

function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1
  while (i >= 0 && (text[i] === ' ' || text[i] === '"' || text[i] === '“' || text[i] === '(')) i--
  return i < 0 || text[i] === '\n' || /[.!?。！？]/.test(text[i] ?? '')
}

function capitaliseLike(to: string, matched: string, sentenceStart: boolean): string {
  const upper = matched[0] !== undefined && matched[0] !== matched[0].toLowerCase()
  return upper || sentenceStart ? to.charAt(0).toUpperCase() + to.slice(1) : to
}

function withoutOverlaps(edits: EditProposal[]): EditProposal[] {
  edits.sort(byStartLongestFirst)
  const out: EditProposal[] = []
  for (const e of edits) if (!out.length || out[out.length - 1]!.end <= e.start) out.push(e)
  return out
}

function byStartLongestFirst(a: EditProposal, b: EditProposal): number {
  return a.start - b.start || b.end - a.end
}
