import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvError, formatCsv, parseCsv } from '../../../../src/core/themes/csv'

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'name,description\r\n"Trade, ports","He said ""no""\r\nthen left"\r\nPlain,\n'
    expect(parseCsv(text)).toEqual([
      ['name', 'description'],
      ['Trade, ports', 'He said "no"\r\nthen left'],
      ['Plain', ''],
    ])
  })

  it('ignores a byte order mark, blank lines and a missing last line break', () => {
    expect(parseCsv('\ufeffa,b\n\n\r\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })

  it('reads CR alone as a line break, as old spreadsheet programs write', () => {
    expect(parseCsv('a\rb\r')).toEqual([['a'], ['b']])
  })

  it('keeps Chinese text and spaces inside fields', () => {
    expect(parseCsv('教育, 留学 ;出国\n')).toEqual([['教育', ' 留学 ;出国']])
  })

  it('refuses a quote that is never closed, naming the row', () => {
    expect(() => parseCsv('a\n"b,c\n')).toThrow(CsvError)
    expect(() => parseCsv('a\n"b,c\n')).toThrow(/row 2/)
  })

  it('refuses text after a closing quote', () => {
    expect(() => parseCsv('"a"b,c\n')).toThrow(/must end at a comma/)
  })
})

describe('formatCsv', () => {
  it('quotes only what needs it, and ends records in CRLF', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', ' padded', 'line\nbreak']])).toBe(
      'a,"b,c","say ""hi"""," padded","line\nbreak"\r\n',
    )
  })

  it('reads back any records of any strings exactly', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', ';', '中', '\ufeff', 'é'),
    })
    const anyField = fc.oneof(field, fc.string(), fc.string({ unit: 'grapheme' }))
    const record = fc.array(anyField, { minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (rows) => {
        expect(parseCsv(formatCsv(rows))).toEqual(rows)
      }),
      { numRuns: 500 },
    )
  })
})
