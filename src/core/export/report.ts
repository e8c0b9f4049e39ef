import {
  ReportOptionsSchema,
  type ReportFormat,
  type ReportOptions,
  type ReportOptionsInput,
  type ReportScope,
} from '../../shared/report'
import type { Theme } from '../../shared/themes'
import { themesOf } from '../../shared/themes'
import { ArchiveError } from '../errors'
import type { Archive } from '../store/archive'
import { findTheme } from '../themes/vocabulary'
import { mapLimited } from '../util/concurrency'
import { chromiumPrinter } from './chromium'
import { fontFaceCss } from './fonts'
import type { PdfPrinter } from './printer'
import {
  printTemplates,
  renderReportHtml,
  type ReportArticle,
  type ReportData,
  type ReportTheme,
} from './template'

export interface ReportRequest {
  scope: ReportScope
  options: ReportOptionsInput
  format: ReportFormat
}

export interface ReportProgress {
  done: number
  total: number
  phase: 'reading' | 'printing'
}

export interface ReportRun {
  /** Prints the PDF; the system Chromium when not given (the app passes printToPDF). */
  printer?: PdfPrinter
  onProgress?: (p: ReportProgress) => void
  signal?: AbortSignal
}

export interface ReportResult {
  bytes: Uint8Array
  articles: number
  /** A safe file name to suggest, from the report's title. */
  fileName: string
  mimeType: string
}

/** Articles read at once: enough to hide disk latency, few enough to keep memory flat. */
const READ_CONCURRENCY = 8

/**
 * Make a report of the articles in `scope`: read them through the archive, render the one HTML
 * template, and for a PDF print it. Nothing is written anywhere: the caller saves the bytes.
 */
export async function exportReport(
  archive: Archive,
  request: ReportRequest,
  run: ReportRun = {},
): Promise<ReportResult> {
  const options = ReportOptionsSchema.parse(request.options)
  const ids = resolveScope(archive, request.scope)
  const data = await readReport(archive, ids, options, run)
  const html = renderReportHtml(data, options, fontFaceCss)
  const fileName = reportFileName(data.title, request.format)
  if (request.format === 'html') {
    return {
      bytes: new TextEncoder().encode(html),
      articles: ids.length,
      fileName,
      mimeType: 'text/html',
    }
  }
  checkAborted(run.signal)
  run.onProgress?.({ done: 0, total: 1, phase: 'printing' })
  const own = run.printer ? null : chromiumPrinter()
  // Cancelling stops our own Chromium mid-print; a printer passed in is the caller's to stop.
  const stop = () => void own?.close()
  run.signal?.addEventListener('abort', stop, { once: true })
  try {
    const print = run.printer ?? own!
    const bytes = await print({
      html,
      pageSize: options.pageSize,
      marginMm: options.marginMm,
      ...printTemplates(options, fontFaceCss),
    }).catch((err: unknown) => {
      checkAborted(run.signal)
      throw err
    })
    checkAborted(run.signal)
    run.onProgress?.({ done: 1, total: 1, phase: 'printing' })
    return { bytes, articles: ids.length, fileName, mimeType: 'application/pdf' }
  } finally {
    run.signal?.removeEventListener('abort', stop)
    await own?.close()
  }
}

/** The report's article ids, in order, each once; a scope of no articles is refused. */
export function resolveScope(archive: Archive, scope: ReportScope): string[] {
  const ids = scopeIds(archive, scope)
  if (ids.length === 0) {
    throw new ArchiveError(
      'empty',
      'No articles match this report; choose articles, or loosen the filter.',
    )
  }
  return ids
}

/** The title a report gets when none is asked for: the article's own, or the archive's name. */
export function reportTitle(
  archive: Archive,
  ids: readonly string[],
  options: ReportOptions,
): string {
  const only = ids.length === 1 ? archive.summary(ids[0]!) : undefined
  return options.title.trim() || only?.title || archive.name
}

function scopeIds(archive: Archive, scope: ReportScope): string[] {
  switch (scope.kind) {
    case 'ids': {
      const ids = [...new Set(scope.ids)]
      const missing = ids.filter((id) => !archive.has(id))
      if (missing.length > 0) {
        throw new ArchiveError(
          'not-found',
          `There is no article ${missing[0]} in this archive${missing.length > 1 ? ` (nor ${missing.length - 1} more)` : ''}.`,
        )
      }
      return ids
    }
    case 'filter':
      return archive.ids(scope.filter)
    case 'theme':
      findTheme(archive.themes(), scope.themeId)
      return archive.ids({ sort: 'date', order: 'asc', themes: [scope.themeId] })
  }
}

async function readReport(
  archive: Archive,
  ids: readonly string[],
  options: ReportOptions,
  run: ReportRun,
): Promise<ReportData> {
  const themes = new Map<string, Theme>(archive.themes().map((t) => [t.id, t]))
  const asReportTheme = (id: string): ReportTheme | null => {
    const t = themes.get(id)
    return t ? { name: t.name, color: t.color } : null
  }
  let done = 0
  run.onProgress?.({ done, total: ids.length, phase: 'reading' })
  const articles = await mapLimited(ids, READ_CONCURRENCY, async (id): Promise<ReportArticle> => {
    checkAborted(run.signal)
    const view = await archive.getArticle(id)
    const m = view.meta
    const cleaned = view.cleanedText
    const article: ReportArticle = {
      id: m.id,
      title: m.title,
      author: m.author,
      date: m.date,
      source: m.source,
      url: m.url,
      language: m.language,
      originalName: m.original.name,
      encoding: m.original.encoding,
      edited: m.edited,
      themes: themesOf(m)
        .map(asReportTheme)
        .filter((t): t is ReportTheme => t !== null),
      originalText: options.text === 'cleaned' ? '' : view.originalText,
      cleanedText: options.text === 'original' ? '' : cleaned,
      passages: (m.passages ?? []).flatMap((p) => {
        const theme = asReportTheme(p.themeId)
        if (!theme || p.detached || p.end > cleaned.length || p.start >= p.end) return []
        return [{ start: p.start, end: p.end, theme }]
      }),
      flags: view.flags
        .filter((f) => f.status === 'open')
        .map((f) => ({
          kind: f.kind,
          message: f.message,
          quote: f.start !== null && f.end !== null ? cleaned.slice(f.start, f.end) : null,
        })),
    }
    run.onProgress?.({ done: ++done, total: ids.length, phase: 'reading' })
    return article
  })
  return {
    title: reportTitle(archive, ids, options),
    subtitle: options.subtitle.trim(),
    date: new Date().toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    archiveName: archive.name,
    articles,
  }
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new ArchiveError('cancelled', 'The export was cancelled; nothing was saved.')
  }
}

/** A file name that is safe on every system: the title without path or reserved characters. */
export function reportFileName(title: string, format: ReportFormat): string {
  const base =
    title
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 80)
      .trim() || 'Report'
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)
  return `${reserved ? `${base} report` : base}.${format}`
}

/** The number of pages of a PDF Chromium printed (its page objects are never compressed). */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}
