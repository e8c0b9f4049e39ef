import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitApostropheRule } from '../../../../../../src/core/cleaning/rules/spacing/apostrophes'
import { changes, clean, CLEAN_PIECES, editCount, linesOf } from './support'

const rule = splitApostropheRule
const fix = (text: string): string => clean(text, rule)

describe('split-apostrophe', () => {
  it.each([
    ['If we ca n’t tell our story well', 'If we can’t tell our story well'],
    ['they do n’t know, it wo n’t work, Is n’t it', 'they don’t know, it won’t work, Isn’t it'],
    ["we ca n't go", "we can't go"],
    ['we can ’t go and it isn ’t', 'we can’t go and it isn’t'],
    ['the U.S. government ’s inability', 'the U.S. government’s inability'],
    ['if China ’s 429.8 billion', 'if China’s 429.8 billion'],
    ["the government 's plan", "the government's plan"],
    ['the city ’s education bureau.', 'the city’s education bureau.'],
    [
      'I ’m sure they ’re here and we ’ve seen it ’ll',
      'I’m sure they’re here and we’ve seen it’ll',
    ],
    ['Primary schools in Xi ‘an will start', 'Primary schools in Xi’an will start'],
    ['the Office of Xi ‘an Epidemic', 'the Office of Xi’an Epidemic'],
    ['Xi ’an and Yan ‘an', 'Xi’an and Yan’an'],
    ['Xi‘an', 'Xi’an'],
    ["Xi 'an", "Xi'an"],
    ['Huai ‘an, Tai ‘an and Pu ‘er', 'Huai’an, Tai’an and Pu’er'],
  ])('%s', (input, expected) => {
    expect(fix(input)).toBe(expected)
  })

  it('says why', () => {
    expect(changes('ca n’t, China ’s, Xi ‘an', rule)).toEqual([
      '" " → "": contraction split by a space',
      '" " → "": space before a possessive ’s',
      '" ‘" → "’": broken apostrophe in a place name',
    ])
  })

  it.each([
    'can’t, don’t, China’s, Xi’an',
    "the 's' key and the ‘s’ sound",
    'he said ‘an idea’ today',
    'He ‘an',
    'the ‘English’ corner',
    "rock 'n' roll",
    'the students ’ parents',
    "people's livelihood",
    'the ‘ Chinese ’ quote',
    "so 'd-day' came",
    'a n’t b',
  ])('leaves alone: %s', (text) => {
    expect(fix(text)).toBe(text)
  })

  it('is idempotent', () => {
    const artifacts = ['ca n’t', 'do n’t', 'government ’s', "China 's", 'I ’m', 'Xi ‘an', 'Yan ’an']
    fc.assert(
      fc.property(linesOf(artifacts), (text) => {
        expect(editCount(rule, fix(text))).toBe(0)
      }),
      { numRuns: 300 },
    )
  })

  it('leaves text without the artifact unchanged', () => {
    fc.assert(
      fc.property(linesOf(CLEAN_PIECES), (text) => {
        expect(editCount(rule, text)).toBe(0)
      }),
      { numRuns: 300 },
    )
  })
})
