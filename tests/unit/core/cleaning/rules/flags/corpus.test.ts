import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runRules } from '../../../../../../src/core/cleaning/engine'
import { FLAG_RULES } from '../../../../../../src/core/cleaning/rules/flags'
import { decodeText } from '../../../../../../src/core/import/decode'
import { REAL_DIR, SAMPLE_DIR, SEED_DIR } from '../../../../../support/paths'

function flagsOf(text: string): { kind: string; text: string }[] {
  const r = runRules(text, FLAG_RULES, { glossary: [], metadata: {} })
  expect(r.text).toBe(text)
  return r.flags.map((f) => ({ kind: f.kind, text: r.text.slice(f.start, f.end) }))
}

function withFile(dir: string, prefix: string, test: (text: string) => void): () => void {
  return () => {
    const name = existsSync(dir)
      ? readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))
      : undefined
    if (name === undefined) {
      console.log(`skipped: ${prefix} — not found in ${dir}`)
      return
    }
    test(decodeText(readFileSync(join(dir, name))).text)
  }
}

describe('flag-only rules on real text', () => {
  it(
    'seed: the teasers cut off with ... are flagged, and nothing is Chinese',
    withFile(SEED_DIR, '000_', (text) => {
      const flags = flagsOf(text)
      expect(flags.filter((f) => f.kind === 'cut-off-line').map((f) => f.text)).toEqual([
        "According to the people's network leader's message board, some netizens have recen...",
        'Not long agoHarbin Institute of Technology Future Technical College and Qi Tian Ac...',
      ])
      expect(flags.filter((f) => f.kind === 'cjk-in-english')).toEqual([])
    }),
  )

  it(
    '050: the stray closing quote after “scapegoat” is flagged',
    withFile(REAL_DIR, '050_', (text) => {
      expect(flagsOf(text).filter((f) => f.kind === 'unbalanced-quotes')).toEqual([
        { kind: 'unbalanced-quotes', text: '”' },
      ])
      expect(text.slice(text.indexOf('scapegoat”'), text.indexOf('scapegoat”') + 10)).toBe(
        'scapegoat”',
      )
    }),
  )

  it(
    '065: the broken apostrophe of `Xi ‘an` and an unclosed quotation are flagged',
    withFile(REAL_DIR, '065_', (text) => {
      const quotes = flagsOf(text).filter((f) => f.kind === 'unbalanced-quotes')
      expect(quotes.map((f) => f.text)).toEqual(['‘', '‘', '“'])
    }),
  )

  it(
    '052: a 110-word sentence is flagged',
    withFile(REAL_DIR, '052_', (text) => {
      const long = flagsOf(text).filter((f) => f.kind === 'long-sentence')
      expect(long).toHaveLength(1)
      expect(long[0]!.text).toMatch(/^From treating the new crown virus as a "large flu"/)
    }),
  )

  it(
    '025: the 【】 and [] speaker tags of a video script are balanced',
    withFile(REAL_DIR, '025_', (text) => {
      expect(flagsOf(text).filter((f) => f.kind === 'unbalanced-brackets')).toEqual([])
    }),
  )

  it(
    'Chinese originals (GBK and Big5 samples) raise no flag at all',
    withFile(SAMPLE_DIR, '003_', (gbk) => {
      expect(flagsOf(gbk)).toEqual([])
      withFile(SAMPLE_DIR, '005_', (big5) => expect(flagsOf(big5)).toEqual([]))()
    }),
  )
})
