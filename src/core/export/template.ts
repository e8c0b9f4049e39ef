import type { PageSize, ReportOptions } from '../../shared/report'
import type { FontText } from './fonts'
import { REPORT_FONT_STACK } from './fonts'
import { escapeHtml, safeColor } from './html'

/**
 * The report as HTML: pure, data in and a string out, so the CLI's Chromium and the app's
 * printToPDF print the very same document. Every string from the archive is escaped; the page
 * carries a CSP that allows no script, no network and only inline styles and data: fonts.
 */

export interface ReportTheme {
  name: string
  color: string
}

/** A tagged span of the cleaned text (detached passages have no place and are not shown). */
export interface ReportPassage {
  start: number
  end: number
  theme: ReportTheme
}

/** An open review flag; `quote` is its words in the cleaned text, null when they were edited away. */
export interface ReportFlag {
  kind: string
  message: string
  quote: string | null
}

export interface ReportArticle {
  id: string
  title: string
  author: string | null
  date: string | null
  source: string | null
  url: string | null
  language: string | null
  originalName: string
  encoding: string
  edited: boolean
  themes: ReportTheme[]
  originalText: string
  cleanedText: string
  passages: ReportPassage[]
  flags: ReportFlag[]
}

export interface ReportData {
  /** The title as printed (already chosen: never empty). */
  title: string
  subtitle: string
  /** The date printed on the title page, already formatted. */
  date: string
  archiveName: string
  articles: ReportArticle[]
}

/** Makes the @font-face rules for the text a document sets (see fonts.ts). */
export type FontFaces = (text: FontText) => string

export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"

const PAGE_MM: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
}

/** Records which text is set in which style while the HTML is written, for the fonts. */
class Writer {
  readonly text: Required<FontText> = { regular: '', bold: '', italic: '' }
  readonly parts: string[] = []

  /** Escaped text; `style` is the face it is set in. */
  t(value: string, style: keyof FontText = 'regular'): string {
    this.text[style] += value
    return escapeHtml(value)
  }
}

/** The complete, self-contained report document. */
export function renderReportHtml(
  data: ReportData,
  options: ReportOptions,
  fonts: FontFaces,
): string {
  const w = new Writer()
  w.t(options.header)
  const body = [
    titlePage(w, data),
    contents(w, data),
    ...data.articles.map((a, i) => articleSection(w, a, i, options)),
    options.flags ? flagsAppendix(w, data) : '',
  ].join('\n')
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    `<title>${escapeHtml(data.title)}</title>`,
    `<style>\n${fonts(w.text)}\n${stylesheet(options)}\n</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/**
 * Chromium's header and footer templates: "footer · page N of M" at the foot of every page. The
 * running header is not a template but a CSS page-margin box of the document itself (see
 * stylesheet): only there can the title page be left without it.
 */
export function printTemplates(
  options: ReportOptions,
  fonts: FontFaces,
): { headerTemplate: string; footerTemplate: string } {
  const box = (content: string, text: string, align: 'left' | 'right' | 'center') =>
    `<div style="width:100%;box-sizing:border-box;padding:0 ${options.marginMm}mm;` +
    `font-family:${REPORT_FONT_STACK};font-size:8pt;color:#666;text-align:${align};` +
    `-webkit-print-color-adjust:exact"><style>${fonts({ regular: text })}</style>${content}</div>`
  // An empty template would make Chromium print its own (the date and the page's title).
  const headerTemplate = '<span></span>'
  const lead = options.footer ? `${escapeHtml(options.footer)} · page` : 'Page'
  const footerTemplate = box(
    `<span>${lead} <span class="pageNumber"></span> of <span class="totalPages"></span></span>`,
    `${options.footer} · Page of`,
    'center',
  )
  return { headerTemplate, footerTemplate }
}

function titlePage(w: Writer, data: ReportData): string {
  const n = data.articles.length
  return `<section class="title-page">
<div class="title-block">
<h1>${w.t(data.title, 'bold')}</h1>
${data.subtitle ? `<p class="subtitle">${w.t(data.subtitle, 'italic')}</p>` : ''}
</div>
<dl class="title-facts">
<dt>${w.t('Date')}</dt><dd>${w.t(data.date)}</dd>
<dt>${w.t('Archive')}</dt><dd>${w.t(data.archiveName)}</dd>
<dt>${w.t('Articles')}</dt><dd>${w.t(String(n))}</dd>
</dl>
</section>`
}

function contents(w: Writer, data: ReportData): string {
  const items = data.articles.map((a) => {
    const facts = [a.date, a.source].filter((x): x is string => !!x)
    return `<li><a href="#a-${escapeHtml(a.id)}">${w.t(a.title)}</a>${
      facts.length ? ` <span class="toc-facts">${w.t(facts.join(' · '))}</span>` : ''
    }</li>`
  })
  return `<nav class="contents" aria-label="Contents">
<h2>${w.t('Contents', 'bold')}</h2>
<ol>
${items.join('\n')}
</ol>
</nav>`
}

function articleSection(w: Writer, a: ReportArticle, index: number, o: ReportOptions): string {
  const parts = [
    `<article class="article" id="a-${escapeHtml(a.id)}">`,
    `<p class="article-number">${w.t(`Article ${index + 1}`)}</p>`,
    `<h2 lang="${langOf(a.title, a.language)}">${w.t(a.title, 'bold')}</h2>`,
  ]
  if (o.metadata) parts.push(metadataList(w, a))
  if (o.themes && a.themes.length > 0) {
    parts.push(
      `<ul class="chips" aria-label="Themes">${a.themes
        .map((t) => `<li class="chip" style="--c:${safeColor(t.color)}">${w.t(t.name)}</li>`)
        .join('')}</ul>`,
    )
  }
  const passages = o.passages && o.text !== 'original' ? a.passages : []
  if (passages.length > 0) parts.push(legend(w, passages))
  if (o.text === 'both') {
    parts.push(`<div class="columns">
<div class="column"><h3 class="column-head">${w.t('Original')}</h3>${textBlock(w, a.originalText, [], a.language)}</div>
<div class="column"><h3 class="column-head">${w.t('Cleaned')}</h3>${textBlock(w, a.cleanedText, passages, a.language)}</div>
</div>`)
  } else {
    const text = o.text === 'original' ? a.originalText : a.cleanedText
    parts.push(textBlock(w, text, passages, a.language))
  }
  parts.push('</article>')
  return parts.join('\n')
}

function metadataList(w: Writer, a: ReportArticle): string {
  const rows: [string, string | null][] = [
    ['Author', a.author],
    ['Date', a.date],
    ['Source', a.source],
    ['Address', a.url],
    ['Language', a.language],
    ['Original', `${a.originalName} (${a.encoding})`],
    ['Article id', a.id],
    ['Edited', a.edited ? 'by a person' : null],
  ]
  return `<dl class="meta">${rows
    .filter((r): r is [string, string] => !!r[1])
    .map(([k, v]) => `<dt>${w.t(k)}</dt><dd>${w.t(v)}</dd>`)
    .join('')}</dl>`
}

function legend(w: Writer, passages: readonly ReportPassage[]): string {
  const themes = new Map<string, ReportTheme>()
  for (const p of passages) themes.set(`${p.theme.name}\u0000${p.theme.color}`, p.theme)
  return `<p class="legend"><span class="legend-label">${w.t('Highlighted passages:', 'italic')}</span> ${[
    ...themes.values(),
  ]
    .map(
      (t) =>
        `<span class="legend-item"><mark style="--c:${safeColor(t.color)}">${w.t(t.name)}</mark></span>`,
    )
    .join(' ')}</p>`
}

/** One paragraph per line of the text; passages marked where they fall. */
function textBlock(
  w: Writer,
  text: string,
  passages: readonly ReportPassage[],
  language: string | null,
): string {
  const paragraphs: string[] = []
  let offset = 0
  for (const line of text.split('\n')) {
    const start = offset
    const end = offset + line.length
    offset = end + 1
    if (line.trim() === '') continue
    paragraphs.push(`<p>${markedLine(w, text, start, end, passages)}</p>`)
  }
  if (paragraphs.length === 0) {
    return `<div class="text"><p class="empty">${w.t('This text is empty.', 'italic')}</p></div>`
  }
  return `<div class="text" lang="${langOf(text, language)}">\n${paragraphs.join('\n')}\n</div>`
}

function markedLine(
  w: Writer,
  text: string,
  start: number,
  end: number,
  passages: readonly ReportPassage[],
): string {
  const inLine = passages.filter((p) => p.end > p.start && p.start < end && p.end > start)
  if (inLine.length === 0) return w.t(text.slice(start, end))
  const cuts = new Set([start, end])
  for (const p of inLine) {
    cuts.add(Math.max(start, p.start))
    cuts.add(Math.min(end, p.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  let html = ''
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    const segment = w.t(text.slice(a, b))
    // The narrowest passage gives the colour; a wider one under it shows as an underline.
    const covering = inLine
      .filter((p) => p.start <= a && p.end >= b)
      .sort((x, y) => x.end - x.start - (y.end - y.start))
    const [first, second] = covering
    if (!first) html += segment
    else {
      const under = second ? `;--u:${safeColor(second.theme.color)}` : ''
      html += `<mark class="passage${second ? ' nested' : ''}" style="--c:${safeColor(first.theme.color)}${under}">${segment}</mark>`
    }
  }
  return html
}

const HAN = /\p{Script=Han}/gu
const LETTER = /[\p{L}\p{N}]/gu

/** Chinese where Han characters make up a third of the letters; else the article's language. */
function langOf(text: string, language: string | null): string {
  const sample = text.slice(0, 4000)
  const letters = sample.match(LETTER)?.length ?? 0
  const han = sample.match(HAN)?.length ?? 0
  if (letters > 0 && han / letters > 0.33) return 'zh'
  const lang = language?.trim() ?? ''
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'en'
}

function flagsAppendix(w: Writer, data: ReportData): string {
  const withFlags = data.articles.filter((a) => a.flags.length > 0)
  const body =
    withFlags.length === 0
      ? `<p>${w.t('No article in this report has open review flags.')}</p>`
      : withFlags
          .map(
            (a) => `<section class="flag-group">
<h3>${w.t(a.title, 'bold')}</h3>
<ul class="flags">
${a.flags
  .map(
    (f) =>
      `<li><span class="flag-kind">${w.t(f.kind.replaceAll('-', ' '))}</span> ${w.t(f.message)}${
        f.quote ? ` <q>${w.t(f.quote)}</q>` : ''
      }</li>`,
  )
  .join('\n')}
</ul>
</section>`,
          )
          .join('\n')
  return `<section class="appendix">
<h2>${w.t('Open review flags', 'bold')}</h2>
${body}
</section>`
}

function stylesheet(o: ReportOptions): string {
  const page = PAGE_MM[o.pageSize]
  const m = o.marginMm
  const header = o.header
    ? `@page { @top-right { content: "${cssString(o.header)}"; font-family: ${REPORT_FONT_STACK};
  font-size: 8pt; color: #666; vertical-align: middle; } }
@page :first { @top-right { content: none; } }
`
    : ''
  return `@page { size: ${o.pageSize}; margin: ${m}mm; }
${header}html { font-family: ${REPORT_FONT_STACK}; font-size: ${o.fontSizePt}pt; line-height: 1.5;
  color: #1b1b1b; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact;
  font-kerning: normal; font-variant-ligatures: common-ligatures; text-rendering: optimizeLegibility; }
body { margin: 0; }
h1, h2, h3 { font-weight: 700; line-height: 1.2; break-after: avoid; page-break-after: avoid; }
a { color: inherit; text-decoration: none; }
.title-page { box-sizing: border-box; height: ${(page.height - 2 * m - 2).toFixed(1)}mm;
  display: flex; flex-direction: column; justify-content: space-between; padding: 18% 0 0;
  break-after: page; page-break-after: always; }
.title-page h1 { font-size: 2.4em; margin: 0 0 0.4em; letter-spacing: -0.01em; }
.title-page .subtitle { font-style: italic; font-size: 1.3em; color: #444; margin: 0; }
.title-block { border-top: 2pt solid #1b1b1b; padding-top: 1.2em; }
.title-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25em 1.5em;
  margin: 0; padding-top: 0.8em; border-top: 0.5pt solid #999; font-size: 0.95em; }
.title-facts dt { color: #666; }
.title-facts dd { margin: 0; }
.contents { break-after: page; page-break-after: always; }
.contents h2 { font-size: 1.5em; margin: 0 0 0.8em; }
.contents ol { margin: 0; padding-left: 2.2em; }
.contents li { margin: 0 0 0.35em; break-inside: avoid; }
.contents li::marker { color: #777; font-variant-numeric: tabular-nums; }
.toc-facts { color: #777; font-size: 0.85em; white-space: nowrap; }
.article { break-before: page; page-break-before: always; }
.article-number { margin: 0; color: #777; font-size: 0.8em; letter-spacing: 0.08em; text-transform: uppercase; }
.article h2 { font-size: 1.55em; margin: 0.2em 0 0.6em; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1.2em; margin: 0 0 0.9em;
  font-size: 0.8em; color: #333; border-top: 0.5pt solid #bbb; border-bottom: 0.5pt solid #bbb;
  padding: 0.5em 0; }
.meta dt { color: #777; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.chips { list-style: none; margin: 0 0 0.9em; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35em; }
.chip { font-size: 0.78em; padding: 0.05em 0.6em; border-radius: 1em; border: 0.75pt solid var(--c);
  background: color-mix(in srgb, var(--c) 14%, white); }
.legend { font-size: 0.78em; color: #555; margin: 0 0 0.9em; }
.legend-label { font-style: italic; margin-right: 0.3em; }
.legend mark { padding: 0 0.3em; }
mark { color: inherit; background: color-mix(in srgb, var(--c) 28%, white);
  box-shadow: inset 0 -1pt 0 var(--c); border-radius: 1.5pt; }
mark.nested { text-decoration: underline 1.5pt var(--u); text-underline-offset: 2pt; }
.text p { margin: 0 0 0.7em; text-align: justify; orphans: 3; widows: 3; hyphens: auto; }
.text:lang(zh) p { hyphens: manual; line-break: strict; text-align: justify; }
.text p.empty { font-style: italic; color: #777; }
.columns { display: grid; grid-template-columns: 1fr 1fr; column-gap: 7mm; font-size: 0.9em; }
.column-head { font-size: 0.8em; color: #777; letter-spacing: 0.08em; text-transform: uppercase;
  margin: 0 0 0.6em; border-bottom: 0.5pt solid #bbb; padding-bottom: 0.2em; }
.columns .text p { text-align: left; }
.appendix { break-before: page; page-break-before: always; }
.appendix h2 { font-size: 1.5em; margin: 0 0 0.8em; }
.flag-group h3 { font-size: 1.05em; margin: 1em 0 0.4em; }
.flags { margin: 0; padding-left: 1.2em; font-size: 0.9em; }
.flags li { margin: 0 0 0.3em; break-inside: avoid; }
.flag-kind { font-size: 0.85em; color: #8a3b12; letter-spacing: 0.04em; text-transform: uppercase; }
q { color: #444; }`
}

/** Text as the inside of a CSS string: every character that could end it (or the style) escaped. */
function cssString(text: string): string {
  return text.replace(
    /[^\p{L}\p{N} .,;:!?()\-–—·]/gu,
    (c) => `\\${c.codePointAt(0)!.toString(16)} `,
  )
}
