import { describe, expect, it } from 'vitest'
import {
  printToPdfOptions,
  saveFilters,
  SavedReports,
  withExtension,
} from '../../../src/main/export-files'

describe("the app's printToPDF options", () => {
  it('are the print job in inches, with the header and footer shown', () => {
    const options = printToPdfOptions({
      html: '<p>x</p>',
      pageSize: 'Letter',
      marginMm: 25.4,
      headerTemplate: '<span>H</span>',
      footerTemplate: '<span class="pageNumber"></span>',
    })
    expect(options.pageSize).toBe('Letter')
    expect(options.margins).toEqual({ top: 1, bottom: 1, left: 1, right: 1 })
    expect(options.displayHeaderFooter).toBe(true)
    expect(options.printBackground).toBe(true)
    expect(options.headerTemplate).toBe('<span>H</span>')
    expect(options.footerTemplate).toBe('<span class="pageNumber"></span>')
    expect(
      printToPdfOptions({
        html: '',
        pageSize: 'A4',
        marginMm: 20,
        headerTemplate: '',
        footerTemplate: '',
      }).margins.top,
    ).toBeCloseTo(0.7874, 4)
  })
})

describe('the save dialog', () => {
  it('filters by the format and adds its extension when the name has none', () => {
    expect(saveFilters('pdf')).toEqual([{ name: 'PDF document', extensions: ['pdf'] }])
    expect(saveFilters('html')[0]!.extensions).toContain('html')
    expect(withExtension('/tmp/Report', 'pdf')).toBe('/tmp/Report.pdf')
    expect(withExtension('/tmp/Report.PDF', 'pdf')).toBe('/tmp/Report.PDF')
    expect(withExtension('/tmp/r.pdf.d/Report', 'html')).toBe('/tmp/r.pdf.d/Report.html')
    expect(withExtension('/tmp/Report.htm', 'html')).toBe('/tmp/Report.htm')
  })
})

describe('SavedReports', () => {
  it('gives the page a token for each saved file and the path only back to main', () => {
    const saved = new SavedReports()
    const a = saved.remember('/home/me/a.pdf')
    const b = saved.remember('/home/me/a.pdf')
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(b).not.toBe(a)
    expect(saved.path(a)).toBe('/home/me/a.pdf')
    expect(saved.path('/home/me/a.pdf')).toBeUndefined()
  })

  it('forgets the oldest beyond its limit', () => {
    const saved = new SavedReports(2)
    const [first, second, third] = ['/a', '/b', '/c'].map((p) => saved.remember(p))
    expect(saved.path(first!)).toBeUndefined()
    expect(saved.path(second!)).toBe('/b')
    expect(saved.path(third!)).toBe('/c')
  })
})
