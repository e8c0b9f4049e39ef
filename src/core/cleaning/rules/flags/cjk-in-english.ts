import type { FlagProposal, Rule } from '../../types'
import { CJK, excerpt, isCjk, isCjkPunctuation, lines, scriptCounts, trimSpan } from './text'

/** Below this share of Latin letters per CJK character, the article is a Chinese one. */
const ENGLISH_RATIO = 3

/**
 * Flags Chinese characters left inside an English article: a term the machine translation
 * skipped, a Chinese caption, a site's name. Only a person can translate or drop them. A Chinese
 * article is left alone, and so is a gloss in brackets right after an English term
 * (`Luban workshops (鲁班工坊)`), which a translator put there on purpose.
 */
export const cjkInEnglishRule: Rule = {
  id: 'cjk-in-english',
  name: 'Chinese left in English text',
  description: 'Flags Chinese characters left inside an English article.',
  apply(text) {
    if (!CJK.test(text)) return {}
    const { latin, cjk } = scriptCounts(text)
    if (cjk === 0 || latin < ENGLISH_RATIO * cjk) return {}
    const flags: FlagProposal[] = []
    for (const line of lines(text)) {
      if (!CJK.test(text.slice(line.start, line.end))) continue
      const runs = cjkRuns(text, line.start, line.end)
      if (runs.length === 0) continue
      const inner = trimSpan(text, line)
      if (scriptCounts(text, inner.start, inner.end).latin === 0) {
        flags.push({
          ...inner,
          kind: 'cjk-in-english',
          message: `A line in Chinese inside an English article: “${excerpt(text.slice(inner.start, inner.end))}”. Translate it, or delete it if it is page furniture.`,
        })
        continue
      }
      for (const run of runs) {
        if (isGloss(text, run.start, run.end)) continue
        flags.push({
          ...run,
          kind: 'cjk-in-english',
          message: `Chinese characters left in the English text: “${excerpt(text.slice(run.start, run.end))}”. Translate them, or delete them if they are page furniture.`,
        })
      }
    }
    return { flags }
  },
}

/** Stretches that start and end with a CJK character (punctuation and spaces may sit inside). */
function cjkRuns(text: string, from: number, to: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = []
  let i = from
  while (i < to) {
    if (!isCjk(text.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    let end = i + 1
    let j = end
    while (j < to) {
      const c = text.charCodeAt(j)
      if (isCjk(c)) end = j + 1
      else if (!(isCjkPunctuation(c) || c === 32)) break
      j++
    }
    runs.push({ start, end })
    i = j
  }
  return runs
}

/** `(鲁班工坊)` right after a Latin word: a deliberate gloss. */
function isGloss(text: string, start: number, end: number): boolean {
  const open = text[start - 1]
  const close = text[end]
  if (!((open === '(' || open === '（') && (close === ')' || close === '）'))) return false
  let k = start - 2
  while (k >= 0 && text[k] === ' ') k--
  return /[A-Za-z]/.test(text[k] ?? '')
}
