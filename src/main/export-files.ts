import { randomBytes } from 'node:crypto'
import { basename } from 'node:path'
import type { PrintJob } from '../core/export/printer'
import type { ReportFormat } from '../shared/report'

const MM_PER_INCH = 25.4

/**
 * Electron's printToPDF options for a print job: the same page, margins and header/footer the
 * system Chromium gets in the CLI and the browser host (src/core/export/chromium.ts), with the
 * margins in inches, as printToPDF takes them.
 */
export function printToPdfOptions(job: PrintJob) {
  const inches = job.marginMm / MM_PER_INCH
  return {
    pageSize: job.pageSize,
    margins: { top: inches, bottom: inches, left: inches, right: inches },
    displayHeaderFooter: true,
    headerTemplate: job.headerTemplate,
    footerTemplate: job.footerTemplate,
    printBackground: true,
    preferCSSPageSize: false,
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  }
}

/** The save dialog's file types for a report of this format. */
export function saveFilters(format: ReportFormat): { name: string; extensions: string[] }[] {
  return format === 'pdf'
    ? [{ name: 'PDF document', extensions: ['pdf'] }]
    : [{ name: 'Web page', extensions: ['html', 'htm'] }]
}

/** The chosen path, with the format's extension when the person typed a name without one. */
export function withExtension(path: string, format: ReportFormat): string {
  const name = basename(path)
  const wanted = format === 'pdf' ? ['.pdf'] : ['.html', '.htm']
  return wanted.some((ext) => name.toLowerCase().endsWith(ext)) ? path : `${path}${wanted[0]}`
}

/**
 * Reports this process saved, by token. The page can ask to open or reveal a report only by a
 * token it was handed, so `shell.openPath` is only ever given a path main chose with the person,
 * never one the page wrote. The newest few are remembered; older tokens simply stop working.
 */
export class SavedReports {
  private readonly paths = new Map<string, string>()

  constructor(private readonly limit = 50) {}

  remember(path: string): string {
    const token = randomBytes(24).toString('base64url')
    this.paths.set(token, path)
    while (this.paths.size > this.limit) {
      const oldest = this.paths.keys().next().value
      if (oldest === undefined) break
      this.paths.delete(oldest)
    }
    return token
  }

  path(token: string): string | undefined {
    return this.paths.get(token)
  }
}
