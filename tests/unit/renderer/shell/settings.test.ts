import { describe, expect, it } from 'vitest'
import {
  clampReadingSize,
  DEFAULT_SETTINGS,
  parseSettings,
  parseStoredSettings,
  READING_SIZE,
} from '../../../../src/renderer/src/stores/settings'

describe('settings from storage', () => {
  it('keeps valid settings as they are', () => {
    const stored = { theme: 'dark', readingSize: 20, viewMode: 'cleaned' }
    expect(parseSettings(stored)).toEqual(stored)
  })

  it('falls back field by field, keeping the fields that are fine', () => {
    expect(parseSettings({ theme: 'purple', readingSize: 20, viewMode: 'split' })).toEqual({
      theme: 'system',
      readingSize: 20,
      viewMode: 'split',
    })
    expect(parseSettings({ theme: 'light' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' })
    expect(parseSettings({ viewMode: 42, readingSize: 'big' })).toEqual(DEFAULT_SETTINGS)
  })

  it('takes anything that is not an object, or not JSON, as the defaults', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS)
    expect(parseSettings('dark')).toEqual(DEFAULT_SETTINGS)
    expect(parseStoredSettings('{not json')).toEqual(DEFAULT_SETTINGS)
    expect(parseStoredSettings(null)).toEqual(DEFAULT_SETTINGS)
    expect(parseStoredSettings('{"theme":"dark"}').theme).toBe('dark')
  })

  it('keeps the reading size to whole pixels within its bounds', () => {
    expect(clampReadingSize(3)).toBe(READING_SIZE.min)
    expect(clampReadingSize(99)).toBe(READING_SIZE.max)
    expect(clampReadingSize(17.6)).toBe(18)
    expect(clampReadingSize(Number.NaN)).toBe(READING_SIZE.default)
    expect(clampReadingSize(Infinity)).toBe(READING_SIZE.default)
    expect(parseSettings({ readingSize: 400 }).readingSize).toBe(READING_SIZE.max)
  })
})
