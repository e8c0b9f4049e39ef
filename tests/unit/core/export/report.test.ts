import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumPrinter } from '../../../../src/core/export/chromium'
import { exportReport, pdfPageCount } from '../../../../src/core/export/report'
import { importPaths } from '../../../../src/core/import/importer'
import { Archive } from '../../../../src/core/store/archive'
import type { ReportOptionsInput, ReportScope } from '../../../../src/shared/report'
import { SAMPLE_DIR } from '../../../support/paths'
import { pdfFonts, pdfInfo, pdfText, whyNoPdfTests } from './pdf-tools'

const SEED = '000_23479a12e8a3a472.txt'
const CHINESE_TITLE = '教育部：我国与58个国家和地区签署学历学位互认协议'
const CHINESE_BODY = '教育部20日举行新闻发布会，介绍党的十八大以来教育国际合作与交流情况。'
const EVIL_TITLE = 'Evil <script>alert(1)</script> title'
const EVIL_BODY = 'Text with <img src=x onerror=alert(2)> inside & more.'

const why = whyNoPdfTests()
if (why) console.log(`skipped: PDF export through Chromium — ${why}`)

// Chromium prints in seconds, but on a busy machine a report can take longer than the default.
describe.skipIf(why !== null)('exportReport through Chromium', { timeout: 90_000 }, () => {
  let root: string
  let archive: Archive
  const printer = chromiumPrinter()
  const ids: Record<'seed' | 'chinese' | 'evil', string> = { seed: '', chinese: '', evil: '' }
  const many: string[] = []

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'press-archive-export-'))
    const src = join(root, 'in')
    mkdirSync(join(src, 'many'), { recursive: true })
    copyFileSync(join(SAMPLE_DIR, SEED), join(src, 'seed.txt'))
    writeFileSync(join(src, 'chinese.txt'), `${CHINESE_TITLE}\n作者：西安发布\n${CHINESE_BODY}\n`)
    writeFileSync(join(src, 'evil.txt'), `${EVIL_TITLE}\n${EVIL_BODY}\n`)
    for (let i = 1; i <= 50; i++) {
      const n = String(i).padStart(2, '0')
      writeFileSync(
        join(src, 'many', `m${n}.txt`),
        `Grain report number ${n}\n${`The harvest in district ${n} rose again this year. `.repeat(30)}\n`,
      )
    }
    archive = await Archive.create(join(root, 'A'), { name: 'Test archive' })
    const summary = await importPaths(archive, [src])
    expect(summary.failed).toEqual([])
    for (const a of summary.imported) {
      if (a.path.endsWith('seed.txt')) ids.seed = a.id
      else if (a.path.endsWith('chinese.txt')) ids.chinese = a.id
      else if (a.path.endsWith('evil.txt')) ids.evil = a.id
    }
    many.push(
      ...summary.imported
        .filter((a) => a.path.includes(`${join('in', 'many')}`))
        .sort((x, y) => x.path.localeCompare(y.path))
        .map((a) => a.id),
    )
    expect(many).toHaveLength(50)
  }, 60_000)

  afterAll(async () => {
    await printer.close()
    await archive?.close()
    if (root) rmSync(root, { recursive: true, force: true })
  })

  async function pdf(scope: ReportScope, options: ReportOptionsInput = {}): Promise<string> {
    const report = await exportReport(archive, { scope, options, format: 'pdf' }, { printer })
    expect(report.mimeType).toBe('application/pdf')
    const file = join(root, `r${Math.random().toString(36).slice(2)}.pdf`)
    writeFileSync(file, report.bytes)
    return file
  }

  it('prints the seed with its title, metadata and cleaned text, every font embedded, on A4', async () => {
    const phases = new Set<string>()
    const report = await exportReport(
      archive,
      { scope: { kind: 'ids', ids: [ids.seed] }, options: {}, format: 'pdf' },
      { printer, onProgress: (p) => phases.add(p.phase) },
    )
    expect(phases).toEqual(new Set(['reading', 'printing']))
    expect(report.articles).toBe(1)
    expect(report.fileName).toMatch(/^Ministry of Education China and 58 countries.*\.pdf$/)
    const file = join(root, 'seed.pdf')
    writeFileSync(file, report.bytes)

    const text = pdfText(file).replace(/\s+/g, ' ')
    expect(text).toContain('Ministry of Education: China and 58 countries')
    expect(text).toContain("The official account of Xi'an")
    expect(text).toContain('2022-09-21')
    expect(text).toContain('China News Network')
    expect(text).toContain('decision-making')
    expect(text).not.toContain('- END -')

    const fonts = pdfFonts(file)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter((f) => !f.embedded)).toEqual([])
    expect(fonts.some((f) => f.name.includes('Literata'))).toBe(true)

    const info = pdfInfo(file)
    expect([info.width, info.height]).toEqual([596, 843])
    expect(pdfPageCount(report.bytes)).toBe(info.pages)
  })

  it('prints on Letter when asked, the running header on every page but the title page', async () => {
    const file = await pdf(
      { kind: 'ids', ids: [ids.seed] },
      { pageSize: 'Letter', header: 'Running head' },
    )
    const info = pdfInfo(file)
    expect([info.width, info.height]).toEqual([612, 792])
    expect(pdfText(file, 1)).not.toContain('Running head')
    for (let page = 2; page <= info.pages; page++)
      expect(pdfText(file, page)).toContain('Running head')
  })

  it('numbers every page of a 50-article report and lists every title in its contents', async () => {
    const file = await pdf({ kind: 'ids', ids: many }, { footer: 'Grain desk' })
    const { pages } = pdfInfo(file)
    // A title page, the contents, and at least a page per article.
    expect(pages).toBeGreaterThanOrEqual(52)
    for (let page = 1; page <= pages; page++) {
      expect(pdfText(file, page)).toContain(`Grain desk · page ${page} of ${pages}`)
    }
    const contents = pdfText(file, 2) + pdfText(file, 3)
    expect(contents).toContain('Contents')
    for (let i = 1; i <= 50; i++) {
      expect(contents).toContain(`Grain report number ${String(i).padStart(2, '0')}`)
    }
  })

  it('keeps Chinese characters intact, in fonts from the report', async () => {
    const file = await pdf({ kind: 'ids', ids: [ids.chinese] }, { text: 'both' })
    const text = pdfText(file).replace(/\s+/g, '')
    expect(text).toContain(CHINESE_TITLE)
    expect(text).toContain(CHINESE_BODY)
    const fonts = pdfFonts(file)
    expect(fonts.some((f) => f.name.includes('NotoSerifSC'))).toBe(true)
    expect(fonts.filter((f) => !f.embedded)).toEqual([])
  })

  it('prints markup in a title and a text as the literal characters', async () => {
    const text = pdfText(await pdf({ kind: 'ids', ids: [ids.evil] })).replace(/\s+/g, ' ')
    expect(text).toContain('Evil <script>alert(1)</script> title')
    expect(text).toContain('Text with <img src=x onerror=alert(2)> inside & more.')

    const html = await exportReport(
      archive,
      { scope: { kind: 'ids', ids: [ids.evil] }, options: {}, format: 'html' },
      { printer },
    )
    const source = new TextDecoder().decode(html.bytes)
    expect(html.mimeType).toBe('text/html')
    expect(source).not.toMatch(/<script|<img/i)
    expect(source).toContain('&lt;img src=x onerror=alert(2)&gt;')
  })

  it('makes a report of a theme, of the filtered list, and refuses an empty one', async () => {
    const theme = await archive.createTheme({ name: 'Harvest' })
    await archive.tagArticles(many.slice(0, 3), theme.id, false)
    const byTheme = await exportReport(archive, {
      scope: { kind: 'theme', themeId: theme.id },
      options: { title: 'Harvest <3' },
      format: 'html',
    })
    expect(byTheme.articles).toBe(3)
    expect(byTheme.fileName).toBe('Harvest 3.html')
    expect(new TextDecoder().decode(byTheme.bytes)).toContain('Harvest &lt;3')

    const filtered = await exportReport(archive, {
      scope: {
        kind: 'filter',
        filter: { sort: 'title', order: 'asc', themeMatch: 'any', text: 'evil' },
      },
      options: {},
      format: 'html',
    })
    expect(filtered.articles).toBe(1)
    expect(filtered.fileName).toBe('Evil script alert(1) script title.html')

    await expect(
      exportReport(archive, {
        scope: {
          kind: 'filter',
          filter: { sort: 'title', order: 'asc', themeMatch: 'any', text: 'no such words' },
        },
        options: {},
        format: 'pdf',
      }),
    ).rejects.toMatchObject({ name: 'ArchiveError', message: /No articles match/ })
  })
})
