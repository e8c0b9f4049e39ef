import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  fontFaceCss,
  fontPackageDir,
  parseFontsourceCss,
  parseUnicodeRange,
} from '../../../../src/core/export/fonts'

function faces(css: string): { family: string; weight: string; style: string }[] {
  return [...css.matchAll(/font-family:'([^']+)';font-style:(\w+);font-weight:(\d+)/g)].map(
    (m) => ({ family: m[1]!, style: m[2]!, weight: m[3]! }),
  )
}

describe('report fonts', () => {
  it('finds the fontsource packages installed with the app', () => {
    const dir = fontPackageDir('@fontsource/noto-serif-sc')
    expect(readdirSync(join(dir, 'files')).some((f) => f.endsWith('.woff2'))).toBe(true)
  })

  it('parses unicode ranges, single points, spans and wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+4??')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x400, 0x4ff],
    ])
    const subsets = parseFontsourceCss(
      "@font-face {\n font-family: 'X';\n font-style: italic;\n font-weight: 700;\n src: url(./files/x.woff2) format('woff2'), url(./files/x.woff) format('woff');\n unicode-range: U+20-7E;\n}",
    )
    expect(subsets).toEqual([
      {
        family: 'X',
        style: 'italic',
        weight: 700,
        file: './files/x.woff2',
        ranges: [[0x20, 0x7e]],
      },
    ])
  })

  it('inlines only the Latin subset of Literata for English text', () => {
    const css = fontFaceCss({ regular: 'The Ministry of Education held a press conference.' })
    expect(faces(css)).toEqual([{ family: 'Literata', style: 'normal', weight: '400' }])
    expect(css).toContain('src:url(data:font/woff2;base64,')
    expect(css).not.toMatch(/url\(\.\//)
  })

  it('inlines the few Chinese subsets a text needs, in regular and bold as it is set', () => {
    const text = '教育部举行新闻发布会，介绍党的十八大以来教育国际合作与交流情况。'
    const css = fontFaceCss({ regular: text, bold: '教育部' })
    const found = faces(css)
    const regular = found.filter((f) => f.family === 'Noto Serif SC' && f.weight === '400')
    const bold = found.filter((f) => f.family === 'Noto Serif SC' && f.weight === '700')
    expect(regular.length).toBeGreaterThan(0)
    expect(regular.length).toBeLessThan(text.length)
    expect(bold.length).toBeGreaterThan(0)
    expect(bold.length).toBeLessThanOrEqual(3)
    // Far fewer than the whole font's hundred-odd subsets per weight.
    expect(found.length).toBeLessThan(40)
    // Every character the text uses is covered by some inlined range.
    const ranges = [...css.matchAll(/unicode-range:([^}]+)\}/g)].flatMap((m) =>
      parseUnicodeRange(m[1]!),
    )
    for (const ch of text) {
      const cp = ch.codePointAt(0)!
      expect(
        ranges.some(([a, b]) => cp >= a && cp <= b),
        ch,
      ).toBe(true)
    }
  })
})
