import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replayChanges } from '../../../../src/core/cleaning/engine'
import { builtInProfiles, cleanText } from '../../../../src/core/cleaning/profiles'
import type { Change } from '../../../../src/core/cleaning/types'

/** Words and artifacts of the genre, to build press-like text from. */
const WORDS = [
  'the',
  'Ministry',
  'education',
  'cooperation',
  'development',
  'students',
  'and',
  'of',
  'in',
  'projects',
  'exchanges',
  'Beijing',
  'international',
  'degree',
  'quality',
  'policy',
  'schools',
  'region',
]
const ARTIFACTS = [
  'decision -making',
  'high -quality',
  'Guangdong -Hong Kong -Macao',
  'my country',
  'our country',
  'degree degree',
  'cross -domain, cross -domain, cross -domain',
  'heads of heads of heads of',
  'projects and projects',
  '80 %',
  '$ 500',
  'field.As',
  'yuan?Official',
  'interconnection and interconnection',
  '2020-2021',
  'U.S.',
  '3.5 percent',
  '（APEC）',
  '中国',
  'had had',
  'www.example.com',
  '(non -)',
]

const word = fc.constantFrom(...WORDS)
const piece = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 1, arbitrary: fc.constantFrom(...ARTIFACTS) },
)
const sentence = fc
  .tuple(
    fc.array(piece, { minLength: 3, maxLength: 25 }),
    fc.constantFrom('.', '.', '!', '?', ':', ''),
  )
  .map(([ws, end]) => {
    const s = ws.join(' ')
    return s.charAt(0).toUpperCase() + s.slice(1) + end
  })
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => ss.join(' '))
const header = fc.constantFrom(
  "Author:The official account of Xi'an Time:2022.09.21",
  'Author: Zhang Wei',
  'Release time: 2021-03-04 10:15',
  'Date: 2020-01-02',
  'Source: China News Network',
  '来源：新华社',
  '',
)
const ending = fc.constantFrom(
  '',
  'Source: China News Network',
  'Source: Xinhua\n- END -\nParents have questioned the fee?Official: voluntary\nAccording to the board, some netizens have recen...',
  '-END-\nSpecial class+future module, invites you!',
  'Editor in charge: Wang Kai',
  'Click the blue word to follow us',
)
const noise = fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\n  ', '\n\u3000\u3000', ' \n', '\n\t')

/** A press-like article: title, maybe a header, paragraphs, maybe furniture at the end. */
const article = fc
  .tuple(
    fc.boolean(),
    fc.array(piece, { minLength: 2, maxLength: 14 }),
    header,
    fc.array(fc.tuple(paragraph, noise), { minLength: 1, maxLength: 6 }),
    ending,
  )
  .map(([leadingBlank, title, head, paras, end]) =>
    [
      leadingBlank ? '\n' : '',
      title.join(' '),
      head ? `\n${head}` : '',
      '\n',
      paras.map(([p, n]) => p + n).join(''),
      end,
    ].join(''),
  )

const profiles = builtInProfiles()
const RUNS = { numRuns: 300 }

/** Characters of the original outside every logged edit must all still be there, in order. */
function keptInOrder(original: string, changes: Change[], cleaned: string): boolean {
  const spans = changes
    .map((c) => [c.originalStart, c.originalEnd] as const)
    .sort((a, b) => a[0] - b[0])
  let at = 0
  let pos = 0
  const segments: string[] = []
  for (const [s, e] of spans) {
    if (s > at) segments.push(original.slice(at, s))
    at = Math.max(at, e)
  }
  segments.push(original.slice(at))
  for (const seg of segments) {
    if (seg === '') continue
    const found = cleaned.indexOf(seg, pos)
    if (found < 0) return false
    pos = found + seg.length
  }
  return true
}

describe.each(profiles.map((p) => [p.name, p] as const))(
  'cleaning properties: %s',
  (_name, profile) => {
    it('replaying the change log on the original gives exactly the cleaned text', () => {
      fc.assert(
        fc.property(article, (original) => {
          const r = cleanText(original, profile)
          expect(replayChanges(original, r.changes)).toBe(r.cleaned)
        }),
        RUNS,
      )
    })

    it('is idempotent: cleaning the cleaned text changes nothing', () => {
      fc.assert(
        fc.property(article, (original) => {
          const once = cleanText(original, profile).cleaned
          expect(cleanText(once, profile).cleaned).toBe(once)
        }),
        RUNS,
      )
    })

    it('never drops content silently: what no edit touched is all still there', () => {
      fc.assert(
        fc.property(article, (original) => {
          const r = cleanText(original, profile)
          expect(keptInOrder(original, r.changes, r.cleaned)).toBe(true)
        }),
        RUNS,
      )
    })

    it('leaves its input string alone and flags only spans of the cleaned text', () => {
      fc.assert(
        fc.property(article, (original) => {
          const copy = (' ' + original).slice(1)
          const r = cleanText(original, profile)
          expect(original).toBe(copy)
          for (const f of r.flags) {
            expect(f.start).toBeGreaterThanOrEqual(0)
            expect(f.end).toBeLessThanOrEqual(r.cleaned.length)
            expect(f.start).toBeLessThanOrEqual(f.end)
          }
        }),
        RUNS,
      )
    })
  },
)
