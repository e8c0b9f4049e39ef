import { describe, expect, it } from 'vitest'
import {
  printTemplates,
  renderReportHtml,
  type ReportArticle,
  type ReportData,
} from '../../../../src/core/export/template'
import type { FontText } from '../../../../src/core/export/fonts'
import { ReportOptionsSchema, type ReportOptionsInput } from '../../../../src/shared/report'
import { reportFileName } from '../../../../src/core/export/report'

const GREEN = { name: 'Education', color: '#2e9e5b' }
const BLUE = { name: 'Diplomacy', color: '#3b82f6' }

function article(over: Partial<ReportArticle> = {}): ReportArticle {
  return {
    id: '0123456789abcdef',
    title: 'Schools open <b>early</b>',
    author: 'Desk & Co',
    date: '2022-09-21',
    source: 'Daily',
    url: null,
    language: 'en',
    originalName: 'a.txt',
    encoding: 'utf-8',
    edited: false,
    themes: [GREEN],
    originalText: 'ORIGINAL first line\nORIGINAL second line\n',
    cleanedText: 'Cleaned first line.\nCleaned second line.\n',
    passages: [],
    flags: [],
    ...over,
  }
}

function render(options: ReportOptionsInput, articles = [article()], fonts = (_: FontText) => '') {
  const data: ReportData = {
    title: 'Report <title>',
    subtitle: '',
    date: '1 December 2026',
    archiveName: 'Press & Archive',
    articles,
  }
  return renderReportHtml(data, ReportOptionsSchema.parse(options), fonts)
}

describe('renderReportHtml', () => {
  it('escapes every string from the archive and carries a CSP that allows no script', () => {
    const html = render({}, [
      article({
        title: '<script>alert(1)</script>',
        cleanedText: 'Text <img src=x onerror="alert(2)"> & more\n',
        author: '"quoted" \'single\'',
      }),
    ])
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; more')
    expect(html).toContain('&quot;quoted&quot; &#39;single&#39;')
    expect(html).toContain('<title>Report &lt;title&gt;</title>')
    expect(html).toContain(
      `content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; font-src data:; img-src data:"`,
    )
  })

  it('has a title page, a contents list linking to each article, and one section per article', () => {
    const a = article()
    const b = article({ id: 'fedcba9876543210', title: 'Second piece' })
    const html = render({ subtitle: 'A subtitle' }, [a, b])
    expect(html).toContain('class="title-page"')
    expect(html).toMatch(/<dt>Articles<\/dt><dd>2<\/dd>/)
    expect(html).toContain('<dd>Press &amp; Archive</dd>')
    expect(html).toContain('<dd>1 December 2026</dd>')
    expect(html).toContain('href="#a-0123456789abcdef"')
    expect(html).toContain('href="#a-fedcba9876543210"')
    expect(html.match(/<article class="article"/g)).toHaveLength(2)
    expect(html).toContain('id="a-fedcba9876543210"')
  })

  it('prints the cleaned text by default, the original or both in two columns on request', () => {
    const cleaned = render({})
    expect(cleaned).toContain('<p>Cleaned first line.</p>')
    expect(cleaned).not.toContain('ORIGINAL first line')
    expect(cleaned).not.toContain('class="columns"')

    const original = render({ text: 'original' })
    expect(original).toContain('<p>ORIGINAL first line</p>')
    expect(original).not.toContain('Cleaned first line.')

    const both = render({ text: 'both' })
    const columns = both.slice(both.indexOf('<div class="columns">'))
    expect(columns).toMatch(
      /Original<\/h3>.*ORIGINAL first line.*Cleaned<\/h3>.*Cleaned first line/s,
    )
  })

  it('leaves metadata, themes and passages out when asked to', () => {
    const a = article({ passages: [{ start: 0, end: 7, theme: BLUE }] })
    const all = render({}, [a])
    expect(all).toContain('<dl class="meta">')
    expect(all).toContain('<dt>Author</dt><dd>Desk &amp; Co</dd>')
    expect(all).toContain('class="chip" style="--c:#2e9e5b">Education</li>')
    expect(all).toContain('<mark class="passage" style="--c:#3b82f6">Cleaned</mark> first line.')
    expect(all).toMatch(/class="legend".*Diplomacy/)

    const none = render({ metadata: false, themes: false, passages: false }, [a])
    expect(none).not.toContain('<dl class="meta">')
    expect(none).not.toContain('class="chip"')
    expect(none).not.toContain('<mark')
    expect(none).toContain('<p>Cleaned first line.</p>')
  })

  it('marks passages across lines and nested passages, and only in the cleaned text', () => {
    const a = article({
      passages: [
        { start: 8, end: 30, theme: GREEN },
        { start: 14, end: 18, theme: BLUE },
      ],
    })
    const html = render({ text: 'both' }, [a])
    // "Cleaned first line.\nCleaned second line." — 8..30 runs from "first" into the next line.
    expect(html).toContain(
      'Cleaned <mark class="passage" style="--c:#2e9e5b">first </mark><mark class="passage nested" style="--c:#3b82f6;--u:#2e9e5b">line</mark><mark class="passage" style="--c:#2e9e5b">.</mark>',
    )
    expect(html).toContain(
      '<p><mark class="passage" style="--c:#2e9e5b">Cleaned se</mark>cond line.</p>',
    )
    expect(html).toContain('<p>ORIGINAL first line</p>')
    expect(render({ text: 'original' }, [a])).not.toContain('<mark')
  })

  it('adds the appendix of open review flags only when asked', () => {
    const a = article({
      flags: [{ kind: 'doubtful-repetition', message: 'Repeated <word>', quote: 'degree degree' }],
    })
    expect(render({}, [a])).not.toContain('Open review flags')
    const html = render({ flags: true }, [a])
    expect(html).toContain('Open review flags')
    expect(html).toContain('Repeated &lt;word&gt;')
    expect(html).toContain('<q>degree degree</q>')
  })

  it('sets page size, margins and font size, and marks Chinese text for its own line breaking', () => {
    const html = render({ pageSize: 'Letter', marginMm: 12, fontSizePt: 9 }, [
      article({ cleanedText: '教育部举行新闻发布会，介绍国际合作与交流情况。\n', language: null }),
    ])
    expect(html).toContain('@page { size: Letter; margin: 12mm; }')
    expect(html).toContain('font-size: 9pt')
    expect(html).toContain('<div class="text" lang="zh">')
  })

  it('asks for fonts for exactly the text it sets, headings in bold', () => {
    let asked: FontText | null = null
    render({ subtitle: 'Sub' }, [article({ title: 'Heading 標' })], (t) => {
      asked = t
      return '/*fonts*/'
    })
    expect(asked!.bold).toContain('Heading 標')
    expect(asked!.regular).toContain('Cleaned first line.')
    expect(asked!.regular).not.toContain('ORIGINAL')
  })

  it('puts the header text in a page-margin box that the title page leaves out', () => {
    const html = render({ header: 'Confidential "draft" </style>' })
    expect(html).toContain(
      '@top-right { content: "Confidential \\22 draft\\22  \\3c \\2f style\\3e "',
    )
    expect(html).toContain('@page :first { @top-right { content: none; } }')
    expect(html.match(/<\/style>/g)).toHaveLength(1)
    expect(render({})).not.toContain('@top-right')
  })
})

describe('printTemplates', () => {
  it('numbers every page with the footer text, and never lets Chromium print its own header', () => {
    const { headerTemplate, footerTemplate } = printTemplates(
      ReportOptionsSchema.parse({ footer: 'Internal <use>' }),
      () => '',
    )
    expect(headerTemplate).toBe('<span></span>')
    expect(footerTemplate).toContain(
      'Internal &lt;use&gt; · page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    )
    const plain = printTemplates(ReportOptionsSchema.parse({}), () => '').footerTemplate
    expect(plain).toContain('Page <span class="pageNumber"></span>')
  })
})

describe('reportFileName', () => {
  it('suggests a name without path or reserved characters', () => {
    expect(reportFileName('Grain: 2022 / 2023 <draft>', 'pdf')).toBe('Grain 2022 2023 draft.pdf')
    expect(reportFileName('../..', 'html')).toBe('Report.html')
    expect(reportFileName('教育部：报告', 'pdf')).toBe('教育部：报告.pdf')
    expect(reportFileName('CON', 'pdf')).toBe('CON report.pdf')
  })
})
