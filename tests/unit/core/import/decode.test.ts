import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, decodeWith } from '../../../../src/core/import/decode'
import { SAMPLE_DIR } from '../../../support/paths'
import { tempDir } from '../../../support/tmp'

const SIMPLIFIED = `教育部举行新闻发布会，介绍十年来教育对外开放的情况。
据介绍，我国已与五十八个国家和地区签署了学历学位互认协议，“一带一路”教育行动深入实施。
下一步，教育部将继续扩大开放，提高人才培养质量，为经济社会发展作出新的贡献。`

const TRADITIONAL = `市政府今天舉行記者會，說明明年度的交通建設計畫。
交通局表示，捷運新路線預計年底前完成測試，屆時市民通勤時間可望大幅縮短。
市長也提醒民眾，工程期間部分道路將實施交通管制，請用路人多加留意。`

const ENGLISH = `Cold wave arrives: temperatures drop by 10 degrees
Source: Weather Service
The meteorological department reminds the public to keep warm.`

const UTF8_BOM = [0xef, 0xbb, 0xbf]
const UTF16LE_BOM = [0xff, 0xfe]
const UTF16BE_BOM = [0xfe, 0xff]

/** Writes bytes to a temp file and reads them back, as the importer will. */
function viaFile(bytes: Uint8Array, name = 'article.txt'): Buffer {
  const path = join(tempDir(), name)
  writeFileSync(path, bytes)
  return readFileSync(path)
}

const withBom = (bom: number[], body: Buffer): Buffer => Buffer.concat([Buffer.from(bom), body])
const crlf = (s: string): string => s.replace(/\n/g, '\r\n')
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16()

/** A small deterministic generator, so "random" bytes are the same on every run. */
function pseudoRandomBytes(n: number, seed: number, lo: number, hi: number): Buffer {
  const out = Buffer.alloc(n)
  let x = seed
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    out[i] = lo + ((x >>> 16) % (hi - lo + 1))
  }
  return out
}

describe('decodeText: Unicode', () => {
  it('reads plain UTF-8 without a BOM', () => {
    const d = decodeText(viaFile(Buffer.from(`${SIMPLIFIED}\n${ENGLISH}`, 'utf8')))
    expect(d).toEqual({ text: `${SIMPLIFIED}\n${ENGLISH}`, encoding: 'utf-8', bom: false })
  })

  it('strips a UTF-8 BOM and records it', () => {
    const d = decodeText(viaFile(withBom(UTF8_BOM, Buffer.from(SIMPLIFIED, 'utf8'))))
    expect(d).toEqual({ text: SIMPLIFIED, encoding: 'utf-8', bom: true })
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff)
  })

  it('normalises CRLF and lone CR to LF', () => {
    const d = decodeText(viaFile(Buffer.from('one\r\ntwo\rthree\n\r\nfour\r', 'utf8')))
    expect(d.text).toBe('one\ntwo\nthree\n\nfour\n')
  })

  it('reads UTF-16 LE and BE with a BOM, CRLF normalised', () => {
    const text = `${ENGLISH}\n${SIMPLIFIED}`
    const le = decodeText(viaFile(withBom(UTF16LE_BOM, Buffer.from(crlf(text), 'utf16le'))))
    expect(le).toEqual({ text, encoding: 'utf-16le', bom: true })
    const be = decodeText(viaFile(withBom(UTF16BE_BOM, utf16be(crlf(text)))))
    expect(be).toEqual({ text, encoding: 'utf-16be', bom: true })
  })

  it('reads UTF-16 LE and BE without a BOM by where the NUL bytes sit', () => {
    const text = `${ENGLISH}\n${SIMPLIFIED}\nThe end.`
    expect(decodeText(viaFile(Buffer.from(text, 'utf16le')))).toEqual({
      text,
      encoding: 'utf-16le',
      bom: false,
    })
    expect(decodeText(viaFile(utf16be(text)))).toEqual({ text, encoding: 'utf-16be', bom: false })
  })

  it('does not take ASCII-only UTF-16 for UTF-8, although its bytes are valid UTF-8', () => {
    const d = decodeText(Buffer.from('Hello, archive', 'utf16le'))
    expect(d.encoding).toBe('utf-16le')
    expect(d.text).toBe('Hello, archive')
  })

  it('refuses UTF-32 with a clear message', () => {
    const utf32le = Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])
    expect(() => decodeText(utf32le)).toThrow(/UTF-32/)
  })

  it('reads an empty file as empty UTF-8', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false })
  })
})

describe('decodeText: legacy Chinese encodings', () => {
  it('reads GBK as gb18030', () => {
    const d = decodeText(viaFile(iconv.encode(SIMPLIFIED, 'gbk')))
    expect(d).toEqual({ text: SIMPLIFIED, encoding: 'gb18030', bom: false })
  })

  it('reads GB18030 with four-byte characters', () => {
    // 𠮷 (U+20BB7), ™ and ♬ are not in GBK: GB18030 writes them as four-byte sequences.
    const text = `${SIMPLIFIED}\n𠮷野家的新店开业，商标™和音符♬也能正确显示。`
    const bytes = iconv.encode(text, 'gb18030')
    for (const c of ['𠮷', '™', '♬']) expect(iconv.encode(c, 'gb18030')).toHaveLength(4)
    expect(decodeText(viaFile(bytes))).toEqual({ text, encoding: 'gb18030', bom: false })
  })

  it('strips the GB18030 BOM (84 31 95 33)', () => {
    const bytes = iconv.encode(`\ufeff${SIMPLIFIED}`, 'gb18030', { addBOM: false })
    expect([...bytes.subarray(0, 4)]).toEqual([0x84, 0x31, 0x95, 0x33])
    expect(decodeText(bytes)).toEqual({ text: SIMPLIFIED, encoding: 'gb18030', bom: true })
  })

  it('reads Big5 traditional text as big5, not as GBK mojibake', () => {
    const d = decodeText(viaFile(iconv.encode(TRADITIONAL, 'big5')))
    expect(d).toEqual({ text: TRADITIONAL, encoding: 'big5', bom: false })
  })

  it('tells a short Big5 headline from GBK', () => {
    const headline = '市區公車路線調整 新增捷運接駁班次'
    expect(decodeText(iconv.encode(headline, 'big5'))).toMatchObject({
      text: headline,
      encoding: 'big5',
    })
    const simplified = '市区公交线路调整 新增地铁接驳班次'
    expect(decodeText(iconv.encode(simplified, 'gbk'))).toMatchObject({
      text: simplified,
      encoding: 'gb18030',
    })
  })

  it('reads an English article saved as GBK with Chinese quotes and dashes', () => {
    const text = `${ENGLISH}\nThe bureau said “the roads will reopen soon” —— within a week.\n`
    const d = decodeText(iconv.encode(text, 'gbk'))
    expect(d).toEqual({ text, encoding: 'gb18030', bom: false })
  })

  it('normalises CRLF in GBK and Big5', () => {
    expect(decodeText(iconv.encode(crlf(SIMPLIFIED), 'gbk')).text).toBe(SIMPLIFIED)
    expect(decodeText(iconv.encode(crlf(TRADITIONAL), 'big5')).text).toBe(TRADITIONAL)
  })

  it('reads a large GBK file whose scored sample ends inside a character', () => {
    // 64 KB + 1 byte puts the end of the scored sample in the middle of a two-byte character.
    const text = `a${SIMPLIFIED.replace(/\n/g, '')}`.repeat(400)
    const bytes = iconv.encode(text, 'gbk')
    expect(bytes.length).toBeGreaterThan(64 * 1024)
    expect(decodeText(bytes)).toEqual({ text, encoding: 'gb18030', bom: false })
  })
})

describe('decodeText: refusals', () => {
  it('refuses random high bytes with a clear message', () => {
    for (const seed of [1, 2, 3]) {
      const bytes = viaFile(pseudoRandomBytes(4000, seed, 0x80, 0xff))
      expect(() => decodeText(bytes)).toThrow(/could not determine the text encoding/)
    }
  })

  it('refuses Latin-1 text and says what it looks like', () => {
    const text = 'Die Straße führt über die Brücke zum Bahnhof. Größere Änderungen sind geplant. '
    expect(() => decodeText(iconv.encode(text.repeat(5), 'latin1'))).toThrow(
      /could not determine the text encoding.*ISO-8859-1/,
    )
  })

  it('refuses Japanese Shift_JIS rather than showing it as Chinese mojibake', () => {
    const text = '東京都は今日、新しい交通計画を発表しました。市民の皆さんはご注意ください。'
    expect(() => decodeText(iconv.encode(text.repeat(3), 'shift_jis'))).toThrow(
      /could not determine the text encoding/,
    )
  })

  it('refuses a large file that starts as GBK and turns to garbage', () => {
    const start = iconv.encode(SIMPLIFIED.repeat(400), 'gbk')
    expect(start.length).toBeGreaterThan(64 * 1024)
    const garbage = Buffer.alloc(20000, 0xff)
    expect(() => decodeText(Buffer.concat([start, garbage]))).toThrow(/later parts do not decode/)
  })
})

describe('decodeWith', () => {
  it('decodes each recorded encoding, stripping its BOM and normalising line endings', () => {
    const text = `${SIMPLIFIED}\n${ENGLISH}`
    const cases: [Parameters<typeof decodeWith>[1], Buffer][] = [
      ['utf-8', withBom(UTF8_BOM, Buffer.from(crlf(text), 'utf8'))],
      ['utf-8', Buffer.from(text, 'utf8')],
      ['utf-16le', withBom(UTF16LE_BOM, Buffer.from(crlf(text), 'utf16le'))],
      ['utf-16le', Buffer.from(text, 'utf16le')],
      ['utf-16be', withBom(UTF16BE_BOM, utf16be(crlf(text)))],
      ['gb18030', iconv.encode(crlf(text), 'gb18030')],
    ]
    for (const [enc, bytes] of cases) expect(decodeWith(bytes, enc)).toBe(text)
    expect(decodeWith(iconv.encode(crlf(TRADITIONAL), 'big5'), 'big5')).toBe(TRADITIONAL)
  })

  it('shows malformed bytes as U+FFFD instead of failing', () => {
    const bytes = Buffer.concat([iconv.encode('你好', 'gbk'), Buffer.from([0xff, 0x41])])
    expect(decodeWith(bytes, 'gb18030')).toBe('你好\ufffdA')
    expect(decodeWith(Buffer.from([0x41, 0xc3]), 'utf-8')).toBe('A\ufffd')
  })

  it('agrees with decodeText on what decodeText detected', () => {
    const bytes = iconv.encode(TRADITIONAL, 'big5')
    const d = decodeText(bytes)
    expect(decodeWith(bytes, d.encoding)).toBe(d.text)
  })
})

describe('the sample articles', () => {
  const expected: Record<string, [string, boolean]> = {
    '000_23479a12e8a3a472.txt': ['utf-8', false],
    '001_rural-roads-upgrade.txt': ['utf-8', false],
    '002_riverside-pocket-parks.txt': ['utf-8', true],
    '003_library-night-reading-gbk.txt': ['gb18030', false],
    '004_cold-wave-utf16le.txt': ['utf-16le', true],
    '005_bus-routes-big5.txt': ['big5', false],
  }
  it.each(Object.entries(expected))('%s decodes as %j', (name, [encoding, bom]) => {
    const d = decodeText(readFileSync(join(SAMPLE_DIR, name)))
    expect(d.encoding).toBe(encoding)
    expect(d.bom).toBe(bom)
    expect(d.text).not.toMatch(/[\r\ufffd\ufeff]/)
    expect(d.text.length).toBeGreaterThan(200)
  })
})

// Frequent characters of news text: legacy detection scores by frequency, so random rare
// characters would (rightly) read as noise. Four-byte GB18030 characters are mixed in.
const CJK = Array.from(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车',
)
const ASCII = Array.from('abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,:;!?()-\n\r')
const RARE = ['𠮷', '™', '♬', '€', '，', '。', '“', '”', '、', '：']

const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CJK) },
  { weight: 3, arbitrary: fc.constantFrom(...ASCII) },
  { weight: 1, arbitrary: fc.constantFrom(...RARE) },
)
const normalise = (s: string): string => s.replace(/\r\n?/g, '\n')

describe('decodeText round trip (generated text)', () => {
  it('returns what was encoded as GB18030', () => {
    fc.assert(
      fc.property(fc.string({ unit: textUnit, minLength: 12, maxLength: 400 }), (s) => {
        // Enough Chinese to be recognised; a few characters alone are ambiguous by nature.
        fc.pre(Array.from(s).filter((c) => c.charCodeAt(0) >= 0x80).length >= 8)
        const d = decodeText(iconv.encode(s, 'gb18030'))
        expect(d.text).toBe(normalise(s))
        expect(d.encoding).toBe('gb18030')
      }),
      { numRuns: 300 },
    )
  })

  it('returns what was encoded as UTF-16 LE with a BOM', () => {
    const anyCjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c))
    const unit = fc.oneof(textUnit, anyCjk)
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 400 }), (s) => {
        const d = decodeText(withBom(UTF16LE_BOM, Buffer.from(s, 'utf16le')))
        expect(d).toEqual({ text: normalise(s), encoding: 'utf-16le', bom: true })
      }),
      { numRuns: 300 },
    )
  })
})
