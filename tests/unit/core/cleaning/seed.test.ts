import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  builtInProfiles,
  cleanText,
  DEFAULT_PROFILE_ID,
} from '../../../../src/core/cleaning/profiles'
import { decodeText } from '../../../../src/core/import/decode'
import { HAS_SHARED, SEED_DIR, skipNoteWithoutShared } from '../../../support/paths'

interface Expectation {
  file: string
  metadata: Record<string, string>
  bodyParagraphs: number
  mustContain: string[]
  mustNotContain: string[]
  mustNotMatch: string[]
  mustFlagForReview: string[]
}

const profile = builtInProfiles().find((p) => p.id === DEFAULT_PROFILE_ID)!

describe('the seed articles clean as their .expect.json says', () => {
  skipNoteWithoutShared('the seed expectations')
  const files = HAS_SHARED ? readdirSync(SEED_DIR).filter((f) => f.endsWith('.expect.json')) : []
  for (const name of files) {
    const expected = JSON.parse(readFileSync(join(SEED_DIR, name), 'utf8')) as Expectation
    const original = decodeText(readFileSync(join(SEED_DIR, expected.file))).text
    const result = cleanText(original, profile)

    it(`${expected.file}: metadata`, () => {
      for (const [field, value] of Object.entries(expected.metadata)) {
        expect(result.metadata[field as keyof typeof result.metadata], field).toBe(value)
      }
    })

    it(`${expected.file}: body paragraphs`, () => {
      const paragraphs = result.cleaned.split(/\n\s*\n/).filter((p) => p.trim() !== '')
      expect(paragraphs).toHaveLength(expected.bodyParagraphs)
    })

    it(`${expected.file}: what must and must not be there`, () => {
      for (const s of expected.mustContain) expect(result.cleaned, s).toContain(s)
      for (const s of expected.mustNotContain) expect(result.cleaned, s).not.toContain(s)
      for (const re of expected.mustNotMatch) expect(result.cleaned, re).not.toMatch(new RegExp(re))
    })

    it(`${expected.file}: flags for review`, () => {
      for (const phrase of expected.mustFlagForReview) {
        const at = result.cleaned.indexOf(phrase)
        expect(at, `"${phrase}" is in the cleaned text`).toBeGreaterThanOrEqual(0)
        const covering = result.flags.filter((f) => f.start <= at + phrase.length && f.end >= at)
        expect(covering.length, `a flag covers "${phrase}"`).toBeGreaterThan(0)
      }
    })

    it(`${expected.file}: cleaning again changes nothing`, () => {
      expect(cleanText(result.cleaned, profile).cleaned).toBe(result.cleaned)
    })
  }
})
