import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runRules } from '../../../../../../src/core/cleaning/engine'
import { FLAG_RULES } from '../../../../../../src/core/cleaning/rules/flags'
import {
  duplicateLinesRule,
  repetitionRule,
} from '../../../../../../src/core/cleaning/rules/repetition'
import type { Flag, FoundMetadata, Rule } from '../../../../../../src/core/cleaning/types'
import { REAL_DIR, SEED_DIR } from '../../../../../support/paths'

/**
 * The spaced-hyphen rule runs between duplicate lines and repetition; it is not ours, so a plain
 * replace stands in for it here.
 */
const spacedHyphens: Rule = {
  id: 'spaced-hyphen (test stand-in)',
  name: 'Spaced hyphens',
  description: '',
  apply(text) {
    const edits = [...text.matchAll(/(?<=[A-Za-z]) -(?=[A-Za-z)])/g)].map((m) => ({
      start: m.index,
      end: m.index + 2,
      replacement: '-',
      reason: 'spaced hyphen',
    }))
    return { edits }
  },
}

const PIPELINE = [duplicateLinesRule, spacedHyphens, repetitionRule, ...FLAG_RULES]

function clean(text: string, metadata: FoundMetadata = {}): { text: string; flags: Flag[] } {
  const r = runRules(text, PIPELINE, { glossary: [], metadata })
  return { text: r.text, flags: r.flags }
}

function flagged(result: { text: string; flags: Flag[] }, phrase: string, kind?: string): boolean {
  const at = result.text.indexOf(phrase)
  if (at < 0) return false
  return result.flags.some(
    (f) => f.start <= at + phrase.length && f.end >= at && (kind === undefined || f.kind === kind),
  )
}

/** The file of the corpus whose name starts with `prefix`, or undefined (the test says it skipped). */
function corpusFile(dir: string, prefix: string): string | undefined {
  if (!existsSync(dir)) return undefined
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))
  return name === undefined ? undefined : readFileSync(join(dir, name), 'utf8')
}

function withCorpus(dir: string, prefix: string, test: (text: string) => void): () => void {
  return () => {
    const text = corpusFile(dir, prefix)
    if (text === undefined) {
      console.log(`skipped: ${prefix} — not found in ${dir}`)
      return
    }
    test(text)
  }
}

describe('the seed article through duplicate lines, spaced hyphens, repetition and the flags', () => {
  it(
    'collapses the stutters and flags what stays doubtful',
    withCorpus(SEED_DIR, '000_', (seed) => {
      const r = clean(seed)
      expect(r.text).toContain('the mutual recognition agreement of academic degree\n')
      expect(r.text).toContain('Chinese and foreign cooperative institutions and projects, science')
      expect(r.text).toContain(
        'cross-disciplinary cross-sectation, cross-domain, cross Scientific research',
      )
      expect(r.text).toContain(
        'diversified interaction of heads of headsses, leadership driven by leaders',
      )
      for (const gone of [
        'degree degree',
        'projects and projects',
        'cross -domain, cross -domain',
        'cross-domain, cross-domain',
        'heads of heads of',
      ]) {
        expect(r.text).not.toContain(gone)
      }
      expect(r.text).not.toMatch(/(\b\w+\b)( \1\b){2,}/)
      expect(flagged(r, 'interconnection and interconnection', 'doubtful-repetition')).toBe(true)
      expect(flagged(r, 'heads of', 'doubtful-repetition')).toBe(true)
      expect(flagged(r, 'cross Scientific', 'doubtful-repetition')).toBe(true)
      // Nothing but the stutters went: every other sentence is still there.
      expect(r.text).toContain('The Ministry of Education held a press conference on the 20th')
      expect(r.text).toContain('contribute wisdom and strength to global education governance.')
      // Without the furniture rules, the teasers after `- END -` are still there, and flagged.
      expect(flagged(r, 'some netizens have recen...', 'cut-off-line')).toBe(true)
      // Applying the same rules again changes nothing.
      expect(clean(r.text).text).toBe(r.text)
    }),
  )
})

describe('real excerpts', () => {
  it(
    '015: keeps the rhetorical “rumors, rumors and rumors” and flags it',
    withCorpus(REAL_DIR, '015_', (text) => {
      const r = clean(text)
      expect(r.text).toBe(text)
      expect(flagged(r, 'rumors, rumors and rumors', 'doubtful-repetition')).toBe(true)
    }),
  )

  it(
    '017: a photo caption printed twice is kept once; the other captions stay',
    withCorpus(REAL_DIR, '017_', (text) => {
      const caption =
        'On December 18, 2023, local time, Tehran, Iran, due to hacking, the gas station stopped serving.'
      expect(text.split(caption)).toHaveLength(3)
      const r = clean(text)
      expect(r.text.split(caption)).toHaveLength(2)
      // The second copy goes with the blank line after it; nothing else changes.
      const second = text.indexOf(caption, text.indexOf(caption) + 1)
      expect(r.text).toBe(text.slice(0, second) + text.slice(second + caption.length + 2))
      expect(r.text).toContain(
        'On December 18, 2023, in Tehran, Iran, cars lined up outside the gas station.',
      )
      expect(r.text).toContain('the closed gas station was filmed in Tehran, Iran.')
    }),
  )

  it(
    '025: the speaker tags of a video script repeat by design and are kept',
    withCorpus(REAL_DIR, '025_', (text) => {
      const r = clean(text)
      expect(r.text).toBe(text)
      expect(r.text.split('[Same period] Student parent Tao Lei')).toHaveLength(3)
      expect(
        r.flags.filter((f) => f.kind === 'near-duplicate-line' || f.kind === 'duplicate-line'),
      ).toEqual([])
    }),
  )

  it(
    '055: “tentative tentative” collapses',
    withCorpus(REAL_DIR, '055_', (text) => {
      const r = clean(text)
      expect(r.text).toContain('"upgrading, tentative, re-upgrading, and re-exposure')
      expect(r.text).not.toContain('tentative tentative')
    }),
  )

  it(
    '062: “At this time at this time” collapses to the first copy',
    withCorpus(REAL_DIR, '062_', (text) => {
      const r = clean(text)
      expect(r.text).toContain(
        'which is related to the personal rights of candidates. At this time, some "Li Gui" universities',
      )
      expect(r.text).toContain('asking students to pre-deposited the tuition')
    }),
  )

  it(
    '012: the headline printed again as a caption is taken out of the body',
    withCorpus(REAL_DIR, '012_', (text) => {
      const title =
        'Today, Putin happily participates in the Winter Olympics; Philippine candidates receive text messages from China; the United States is "blocked"'
      expect(text.split(title)).toHaveLength(4)
      // As the furniture rule leaves it: the site name and the title line out of the body.
      const body = text.slice(text.indexOf('author:'))
      const r = clean(body, { title })
      expect(r.text).not.toContain(title)
      expect(r.text).toContain('(President Putin)')
    }),
  )
})
