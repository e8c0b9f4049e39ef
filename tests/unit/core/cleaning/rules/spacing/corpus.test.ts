import fc from 'fast-check'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { replayChanges, runRules } from '../../../../../../src/core/cleaning/engine'
import {
  PUNCTUATION_SPACING_RULES,
  SPACE_NORMALISING_RULES,
  SPACED_HYPHEN_RULES,
  SPACING_RULES,
  spacedHyphenRule,
} from '../../../../../../src/core/cleaning/rules/spacing'
import { REAL_DIR, SAMPLE_DIR, SEED_DIR } from '../../../../../support/paths'
import { ARTIFACTS, changes, clean, CLEAN_PIECES, CTX, editCount, linesOf } from './support'

/** The three steps of the pipeline these rules make, in pipeline order. */
const FAMILY = [...SPACING_RULES]

const SEED_NAME = '000_23479a12e8a3a472.txt'
/** The seed ships with the app too, so its test never needs the shared corpus. */
const SEED_PATH = [join(SEED_DIR, SEED_NAME), join(SAMPLE_DIR, SEED_NAME)].find((p) =>
  existsSync(p),
)

function real(prefix: string): string | undefined {
  if (!existsSync(REAL_DIR)) return undefined
  const name = readdirSync(REAL_DIR).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))
  return name === undefined ? undefined : readFileSync(join(REAL_DIR, name), 'utf8')
}

const REAL = Object.fromEntries(['040', '047', '050', '055', '065', '067'].map((p) => [p, real(p)]))
for (const [prefix, text] of Object.entries(REAL)) {
  if (text === undefined) console.log(`skipped: real excerpt ${prefix} — not found in ${REAL_DIR}`)
}
if (SEED_PATH === undefined) console.log(`skipped: the seed article — not in ${SEED_DIR}`)

describe('the seed article', () => {
  const seed = SEED_PATH === undefined ? '' : readFileSync(SEED_PATH, 'utf8')

  it.skipIf(SEED_PATH === undefined)(
    'has no `letter -letter` left after spaced-hyphen alone',
    () => {
      expect(clean(seed, spacedHyphenRule)).not.toMatch(/[A-Za-z] -[A-Za-z]/)
    },
  )

  it.skipIf(SEED_PATH === undefined)('reads right after the spacing rules', () => {
    const out = clean(seed, ...FAMILY)
    for (const s of [
      'the decision-making and deployment',
      'the ability to serve high-quality development is stronger',
      'the international education demonstration zone in the Guangdong-Hong Kong-Macao Greater Bay Area',
      'helps Beijing-Tianjin-Hebei integrated development',
      'Establish the "China-ASEAN Vocational Education Federation"',
      'More than 80% of all kinds of overseas students',
      'more than 80% of the various overseas students',
      'In the 2020-2021 school year',
      'the BRICS, the Asia-Pacific Economic Cooperation Organization (APEC), and',
      'In-depth implementation of the "Belt and Road" education actions',
      'the China-South China (non-) vocational education alliance',
      'promote the "double first-class" construction',
      'cross-domain, cross-domain, cross-domain',
      'more than 14,000 experts and scholars',
      'Parents have questioned the public kindergarten to enter the park for 1580 yuan? Official: Parents can buy voluntarily',
      'Time:2022.09.21',
      'recen...',
      'Qi Tian Ac...',
    ]) {
      expect(out).toContain(s)
    }
    expect(out).not.toContain('80 %')
    expect(out).not.toMatch(/[A-Za-z] -[A-Za-z]/)
    expect(out.split('\n')).toHaveLength(seed.split('\n').length)
  })
})

describe('real excerpts', () => {
  it.skipIf(REAL['047'] === undefined)('047: glued sentences, `10%of`, `high -speed`', () => {
    const text = REAL['047'] ?? ''
    const out = clean(text, ...FAMILY)
    for (const s of [
      'the Chinese Internet public opinion field. As of the morning of August 13',
      'related information on the Internet. Among these information',
      'a criticism of me. From the analysis, at least 10% of the online information',
      'more than 10% of the account is from China. I am just an ordinary',
      'Why is it only my article alone? Stay on the cusp?',
      'or network traffic. It should be the real response',
      'music specialties and potential. The alert article is written on the high-speed rail.',
      // Fused words are not a spacing artifact: left for a person.
      'a higher regret for Daolang and higherI look forward',
      "worrying about society and people's livelihood",
    ]) {
      expect(out).toContain(s)
    }
    expect(changes(text, ...FAMILY)).toHaveLength(10)
  })

  it.skipIf(REAL['050'] === undefined)('050: `government ’s`, `ca n’t`', () => {
    const text = REAL['050'] ?? ''
    expect(changes(text, ...FAMILY)).toEqual([
      '" " → "": space before a possessive ’s',
      '" " → "": contraction split by a space',
    ])
    const out = clean(text, ...FAMILY)
    expect(out).toContain('Recently, the U.S. government’s inability to respond')
    expect(out).toContain('If we can’t tell our story well, any good thing')
    // The stray closing quote is the flag rules' business, not a spacing one.
    expect(out).toContain('in curbing the spread of the virus. scapegoat”.')
  })

  it.skipIf(REAL['055'] === undefined)('055: currency, `China ’s`, spaced hyphens', () => {
    const out = clean(REAL['055'] ?? '', ...FAMILY)
    for (const s of [
      'it will impose tariffs on US$200 billion in imports from China next Monday (24th). China has subsequently',
      'for about $60 billion in US$60 billion. Faced with the upgrade',
      'if China’s 429.8 billion U.S. dollars last year, and US$153.9 billion from imports',
      'it is difficult to win by improving tariffs. However, in addition to the "number" counterattack',
      'the Sino-US trade war is a rational view',
      'gradually become a consensus in China. At present, on the one hand',
      '"upgrading, tentative tentative, re-upgrading, and re-exposure, until the two sides compromise" and do not break. However, from the long-term perspective',
      'a long-term and increasing possibility. If the two parties',
      'with the European Union, Japan, and South Korea. At the sam',
    ]) {
      expect(out).toContain(s)
    }
    expect(out).not.toMatch(/\$ \d|[A-Za-z] -[A-Za-z]/)
  })

  it.skipIf(REAL['067'] === undefined)('067: spaces before punctuation and inside quotes', () => {
    const text = REAL['067'] ?? ''
    const out = clean(text, ...FAMILY)
    expect(out).toContain(
      'According to the Public View News, the students in the class lived in the shadow of verbal intimidation of their teachers for three years, and were threatened with "if they dare to complain, there will be a way to get you", causing the students to cry until they graduated. In the face of the allegations',
    )
    expect(out).toContain(
      'said to the class, "a certain student does not have to pay money, you know?" Their families',
    )
    expect(out).toContain('on the grounds that "self-esteem is not important", and the insults')
    expect(out).not.toMatch(/ [,.]/)
    expect(changes(text, ...FAMILY)).toEqual([
      '" " → "": space before a comma',
      '" " → "": space before a comma',
      '" " → "": space after an opening quote',
      '" " → "": space before a comma',
      '" " → "": space before a closing quote',
      '" " → "": space before a comma',
      '" " → "": space before a full stop',
    ])
  })

  it.skipIf(REAL['040'] === undefined)('040: a spaced date and spaced times', () => {
    const out = clean(REAL['040'] ?? '', ...FAMILY)
    expect(out).toContain('China.com.cn time of China Net: 2007-12-17, comments >>')
    expect(out).toContain(
      'The standard time for this follow-up survey is 0:00 on June 1 day, 2006.',
    )
    expect(out).toContain('(as of 0:00 on June 1 day, 2006)')
    expect(out).toContain('the national 1% population sampling survey')
  })

  it.skipIf(REAL['065'] === undefined)('065: `Xi ‘an` and glued sentences', () => {
    const out = clean(REAL['065'] ?? '', ...FAMILY)
    expect(out).toContain('Primary and secondary schools in Xi’an will start their spring semester')
    expect(out).toContain(
      'the city’s education bureau on Jan 29. Grade 3 of ordinary middle school',
    )
    expect(out).toContain('February 6, 2022 (Sunday); The third grade will register')
    expect(out).toContain(
      '(No. 145, Municipal Epidemic Control Office (2022)), “Relevant personnel',
    )
    expect(out).not.toContain('‘')
  })
})

describe('the spacing rules together', () => {
  const artifactText = linesOf(ARTIFACTS)

  it('are idempotent, and leave no work for one another or for spaced-hyphen', () => {
    fc.assert(
      fc.property(artifactText, (text) => {
        const once = clean(text, ...FAMILY)
        for (const rule of FAMILY) expect(editCount(rule, once), rule.id).toBe(0)
      }),
      { numRuns: 500 },
    )
  })

  it('log every change so that replaying the log gives the text', () => {
    fc.assert(
      fc.property(artifactText, (text) => {
        const run = runRules(text, FAMILY, CTX)
        expect(replayChanges(text, run.changes)).toBe(run.text)
        for (const c of run.changes) expect(c.reason).not.toBe('')
      }),
      { numRuns: 200 },
    )
  })

  it('leave text with none of the artifacts unchanged', () => {
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(clean(text, ...FAMILY)).toBe(text)
      }),
      { numRuns: 500 },
    )
  })

  it('only ever change spaces and punctuation: the letters and digits stay in order', () => {
    fc.assert(
      fc.property(artifactText, (text) => {
        const letters = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '')
        expect(letters(clean(text, ...FAMILY))).toBe(letters(text))
      }),
      { numRuns: 300 },
    )
  })

  it('never make a run of spaces, a trailing space or a spaced hyphen', () => {
    fc.assert(
      fc.property(artifactText, (text) => {
        const normalised = clean(text, ...SPACE_NORMALISING_RULES, ...SPACED_HYPHEN_RULES)
        const out = clean(normalised, ...PUNCTUATION_SPACING_RULES)
        for (const rule of [...SPACE_NORMALISING_RULES, ...SPACED_HYPHEN_RULES]) {
          expect(editCount(rule, out), rule.id).toBe(0)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('apply to titles', () => {
    for (const rule of FAMILY) expect(rule.appliesToTitle, rule.id).toBe(true)
  })
})
