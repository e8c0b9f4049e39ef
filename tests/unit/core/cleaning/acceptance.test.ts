import { describe, expect, it } from 'vitest'
import {
  builtInProfiles,
  cleanText,
  DEFAULT_PROFILE_ID,
} from '../../../../src/core/cleaning/profiles'

/** Cases an editor would catch: the story must not change who said what, nor lose words. */
const profile = builtInProfiles().find((p) => p.id === DEFAULT_PROFILE_ID)!

describe('cleaning keeps the story', () => {
  it('leaves “my country” in a foreign speaker’s quotation and flags it instead', () => {
    const text =
      'Kenya and China sign deal\n\n“Our country welcomes Chinese investment,” President Ruto said. He added that my country has benefited.\n'
    const r = cleanText(text, profile)
    expect(r.cleaned).toContain('“Our country welcomes Chinese investment,”')
    expect(r.cleaned).toContain('He added that China has benefited.')
    const flag = r.flags.find((f) => f.kind === 'glossary-in-quote')
    expect(flag && r.cleaned.slice(flag.start, flag.end)).toBe('Our country')
    expect(flag?.suggestion).toBe('China')
  })

  it('keeps a repeated cheer in a quotation, flagged, while collapsing a stutter outside one', () => {
    const r = cleanText(
      'Fans in the hall\n\nThe crowd shouted "Come on, come on!" and the degree degree rose.\n',
      profile,
    )
    expect(r.cleaned).toContain('"Come on, come on!"')
    expect(r.cleaned).toContain('the degree rose')
    expect(r.flags.some((f) => r.cleaned.slice(f.start, f.end).includes('Come on, come on'))).toBe(
      true,
    )
  })

  it('names a title in the metadata even when it stays in the body', () => {
    const text =
      'National Health Commission: continue to guide vaccination\n\nThe commission said on Monday that work continues.\n'
    const r = cleanText(text, profile)
    expect(r.metadata.title).toBe('National Health Commission: continue to guide vaccination')
  })

  it('keeps an event’s time in the story: a span of hours is not a publication date', () => {
    const text =
      'City to hold job fair for graduates\n\nTime: August 10, 2022 9:00-16:00\nLocation: City Convention Center, Hall 2\nMore than 200 employers will attend.\n'
    const r = cleanText(text, profile)
    expect(r.cleaned).toContain('Time: August 10, 2022 9:00-16:00')
    expect(r.metadata.date).toBeUndefined()
  })
})
