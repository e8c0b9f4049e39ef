import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import {
  blend,
  contrast,
  MIN_CONTRAST,
  parseHex,
  passageLook,
  SCHEMES,
  tintAlpha,
} from '../../../src/renderer/src/editor/passage-colors'

const hex = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
  .map((rgb) => '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join(''))

describe('passage highlight colours', () => {
  test('reads #rrggbb and nothing else', () => {
    expect(parseHex('#3b82F6')).toEqual([59, 130, 246])
    expect(parseHex('3b82f6')).toBeNull()
    expect(parseHex('#fff')).toBeNull()
  })

  test('contrast is the WCAG ratio', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5)
    expect(contrast([255, 255, 255], [255, 255, 255])).toBe(1)
  })

  test('the text stays readable on the tint of any colour, light and dark', () => {
    fc.assert(
      fc.property(hex, (color) => {
        const rgb = parseHex(color)!
        for (const scheme of ['light', 'dark'] as const) {
          const page = parseHex(SCHEMES[scheme].page)!
          const text = parseHex(SCHEMES[scheme].text)!
          const alpha = tintAlpha(rgb, scheme)
          expect(contrast(text, blend(rgb, page, alpha))).toBeGreaterThanOrEqual(MIN_CONTRAST)
        }
      }),
    )
  })

  test('a mid-tone theme colour gets a clearly visible tint, stronger in the dark', () => {
    const blue = parseHex('#3b82f6')!
    expect(tintAlpha(blue, 'light')).toBeGreaterThanOrEqual(0.2)
    expect(tintAlpha(blue, 'dark')).toBeGreaterThan(tintAlpha(blue, 'light'))
  })

  test('a colour that would darken the text’s ground too much is toned down', () => {
    // Near-black over white, and near-white over the dark page, cost the most contrast.
    expect(tintAlpha([10, 10, 10], 'light')).toBeLessThanOrEqual(tintAlpha([250, 200, 0], 'light'))
    expect(tintAlpha([255, 255, 255], 'dark')).toBeLessThan(tintAlpha([40, 40, 120], 'dark'))
  })

  test('the look is CSS for both schemes and the solid colour for the edge', () => {
    const look = passageLook('#2e9e5b')
    expect(look.background).toMatch(
      /^light-dark\(rgb\(46 158 91 \/ 0\.\d+\), rgb\(46 158 91 \/ 0\.\d+\)\)$/,
    )
    expect(look.edge).toBe('rgb(46 158 91)')
    // An unreadable colour falls back to a neutral grey rather than breaking the style.
    expect(passageLook('red').edge).toBe('rgb(138 143 152)')
  })
})
