import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { SNIFF_BYTES, sniffBinary, utf16ByNulPattern } from '../../../../src/core/import/sniff'
import { SAMPLE_DIR } from '../../../support/paths'
import { tempDir } from '../../../support/tmp'

/** Saves bytes under a .txt name and reads them back: a renamed file is what users import. */
function asTxt(bytes: Uint8Array): Buffer {
  const path = join(tempDir(), 'renamed.txt')
  writeFileSync(path, bytes)
  return readFileSync(path)
}

const ascii = (s: string): Buffer => Buffer.from(s, 'latin1')
const tail = Buffer.from('some trailing bytes \x00\x01\x02\xff', 'latin1')
const TEXT =
  'The Ministry of Education held a press conference on the 20th.\n教育部召开新闻发布会。\n'

describe('sniffBinary', () => {
  const cases: [string, Buffer, RegExp][] = [
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /^a PNG image/],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), /^a JPEG image/],
    ['GIF', ascii('GIF89a'), /^a GIF image/],
    ['WebP', ascii('RIFF\x24\x00\x00\x00WEBPVP8 '), /^a WebP image/],
    ['PDF', ascii('%PDF-1.7\n'), /^a PDF document/],
    ['ZIP/docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /^a ZIP archive \(also \.docx/],
    ['OLE .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /Microsoft Office/],
    ['gzip', gzipSync(Buffer.from(TEXT)), /^a gzip-compressed file/],
  ]
  it.each(cases)('names a %s renamed to .txt', (_name, header, reason) => {
    expect(sniffBinary(asTxt(Buffer.concat([header, tail])))).toMatch(reason)
  })

  it('says "not a text file" in every reason', () => {
    for (const [, header] of cases) {
      expect(sniffBinary(Buffer.concat([header, tail]))).toContain('not a text file')
    }
  })

  it('flags NUL bytes that are not UTF-16', () => {
    const bytes = Buffer.from([0x01, 0x00, 0x00, 0x00, 0x7f, 0x10, 0x00, 0x42, 0x00, 0x00, 0x33])
    expect(sniffBinary(asTxt(bytes))).toBe('binary data (contains NUL bytes), not a text file')
    // NULs scattered over both byte positions: not the UTF-16 pattern.
    const mixed = Buffer.from('ab\0cd\0\0ef\0g\0hi\0\0jk', 'latin1')
    expect(sniffBinary(mixed)).toMatch(/contains NUL bytes/)
  })

  it('flags data made mostly of control characters', () => {
    const bytes = Buffer.alloc(200)
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 2 === 0 ? 0x41 : (i % 7) + 1
    expect(sniffBinary(bytes)).toMatch(/^binary data \(mostly control characters\)/)
  })

  it('accepts text in every encoding the decoder reads', () => {
    const texts: [string, Buffer][] = [
      ['UTF-8', Buffer.from(TEXT, 'utf8')],
      ['UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
      ['GBK', iconv.encode(TEXT, 'gbk')],
      ['Big5', iconv.encode('市政府今天舉行記者會。\r\n', 'big5')],
      ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
      [
        'UTF-16BE BOM',
        Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]),
      ],
      ['UTF-16LE no BOM', Buffer.from(TEXT, 'utf16le')],
      ['UTF-16BE no BOM', Buffer.from(TEXT, 'utf16le').swap16()],
      ['empty', Buffer.alloc(0)],
    ]
    for (const [name, bytes] of texts)
      expect([name, sniffBinary(asTxt(bytes))]).toEqual([name, null])
  })

  it('accepts mostly-Chinese UTF-16 with a BOM, whose NULs are few', () => {
    const text = '教育部召开新闻发布会，介绍十年来的情况。'.repeat(50)
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect(sniffBinary(bytes)).toBeNull()
  })

  it('looks only at the first 8 KB', () => {
    const bytes = Buffer.concat([Buffer.alloc(SNIFF_BYTES, 0x61), Buffer.from([0, 0, 0, 1, 2, 3])])
    expect(sniffBinary(bytes)).toBeNull()
    const early = Buffer.concat([Buffer.alloc(100, 0x61), Buffer.from([0, 0, 0, 1, 2, 3])])
    expect(sniffBinary(early)).toMatch(/contains NUL bytes/)
  })

  it('accepts every sample article', () => {
    const names = readdirSync(SAMPLE_DIR).filter((n) => n.endsWith('.txt'))
    expect(names.length).toBeGreaterThanOrEqual(5)
    for (const name of names) {
      expect([name, sniffBinary(readFileSync(join(SAMPLE_DIR, name)))]).toEqual([name, null])
    }
  })
})

describe('utf16ByNulPattern', () => {
  it('tells the byte order from which half of each unit is NUL', () => {
    expect(utf16ByNulPattern(Buffer.from(TEXT, 'utf16le'))).toBe('utf-16le')
    expect(utf16ByNulPattern(Buffer.from(TEXT, 'utf16le').swap16())).toBe('utf-16be')
  })

  it('returns null for text without NULs and for binary data', () => {
    expect(utf16ByNulPattern(Buffer.from(TEXT, 'utf8'))).toBeNull()
    // NULs on one parity, but partner bytes that are control codes, not ASCII text.
    const records = Buffer.alloc(64)
    for (let i = 0; i < 64; i += 2) records[i] = (i % 5) + 1
    expect(utf16ByNulPattern(records)).toBeNull()
    // Runs of NUL code units (00 00) are padding, not text.
    expect(
      utf16ByNulPattern(Buffer.concat([Buffer.from('ab', 'utf16le'), Buffer.alloc(16)])),
    ).toBeNull()
  })
})
