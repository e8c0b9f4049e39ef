import type { PageSize } from '../../shared/report'

/**
 * One document to print. The report's HTML is complete and self-contained (fonts inline, no
 * scripts, no network); the header and footer templates use Chromium's print placeholders
 * (`<span class="pageNumber">`, `<span class="totalPages">`). Both printers — the system Chromium
 * for the CLI and the browser host, Electron's printToPDF in the app — get exactly this, so the
 * same report comes out of either.
 */
export interface PrintJob {
  html: string
  pageSize: PageSize
  marginMm: number
  headerTemplate: string
  footerTemplate: string
}

/** Turns a print job into PDF bytes; waits for `document.fonts.ready` before printing. */
export type PdfPrinter = (job: PrintJob) => Promise<Uint8Array>
