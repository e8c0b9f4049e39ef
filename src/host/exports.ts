import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { ExportFile, ExportSink } from '../core/api/handlers'
import { ArchiveError } from '../core/errors'
import { sendFailure } from './respond'

/** What the browser host keeps of finished reports until the page has downloaded them. */
export interface ExportLimits {
  /** Reports kept at once; the oldest goes first. */
  count: number
  /** Bytes kept at once, all reports together. */
  bytes: number
  /** How long a report stays downloadable. */
  ttlMs: number
}

export const DEFAULT_EXPORT_LIMITS: Readonly<ExportLimits> = Object.freeze({
  count: 3,
  bytes: 200 * 1024 * 1024,
  ttlMs: 10 * 60 * 1000,
})

interface Kept extends ExportFile {
  expires: number
}

/**
 * Finished reports of the browser host, in memory under random tokens: the page downloads one
 * through `/exports/<token>`, so it never names a path on this machine and nothing is left on
 * disk. Bounded in number, bytes and time, since a page can export as often as it likes.
 */
export class ExportStore {
  // A Map keeps insertion order: the first entry is the oldest.
  private readonly kept = new Map<string, Kept>()

  constructor(
    private readonly limits: ExportLimits = DEFAULT_EXPORT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keep a report; returns its token. Older reports make room for it. */
  put(file: ExportFile): string {
    const size = file.bytes.byteLength
    if (size > this.limits.bytes) {
      throw new ArchiveError(
        'not-allowed',
        `The report is ${megabytes(size)}, more than the ${megabytes(this.limits.bytes)} this host can hand to the browser. Export fewer articles at a time.`,
      )
    }
    this.prune()
    while (this.kept.size >= this.limits.count || this.total() + size > this.limits.bytes) {
      const oldest = this.kept.keys().next().value
      if (oldest === undefined) break
      this.kept.delete(oldest)
    }
    const token = randomBytes(24).toString('base64url')
    this.kept.set(token, { ...file, expires: this.now() + this.limits.ttlMs })
    return token
  }

  /** The report under a token, while it is still kept. */
  get(token: string): ExportFile | undefined {
    this.prune()
    return this.kept.get(token)
  }

  get size(): number {
    this.prune()
    return this.kept.size
  }

  /** The service's side: keep each finished report for download; nothing to open or reveal. */
  sink(): ExportSink {
    return {
      destination: async () => ({
        deliver: async (file) => ({ download: { token: this.put(file) } }),
      }),
      open: async () => false,
      reveal: async () => false,
    }
  }

  private total(): number {
    let sum = 0
    for (const file of this.kept.values()) sum += file.bytes.byteLength
    return sum
  }

  private prune(): void {
    const now = this.now()
    for (const [token, file] of this.kept) if (file.expires <= now) this.kept.delete(token)
  }
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`
}

/**
 * The report's own policy when the browser shows it (Open): no scripts, nothing fetched, and a
 * sandbox, so even a report that somehow carried markup could not act as our page.
 */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; sandbox"

/**
 * Send a kept report: as an attachment by default (the page's Download), or `inline` for the
 * browser to show it in a tab (the page's Open). Answers 404 once it has expired.
 */
export function sendExport(
  res: ServerResponse,
  store: ExportStore,
  token: string,
  inline: boolean,
  head: boolean,
): void {
  const file = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? store.get(token) : undefined
  if (!file) {
    return sendFailure(
      res,
      false,
      404,
      'not-found',
      'This report is no longer kept here; export it again.',
    )
  }
  const html = file.mimeType.startsWith('text/html')
  // Chromium's PDF viewer does not run under a sandboxing policy; a PDF runs no page script.
  if (html) res.setHeader('Content-Security-Policy', REPORT_CSP)
  else res.removeHeader('Content-Security-Policy')
  res.writeHead(200, {
    'Content-Type': file.mimeType,
    'Content-Length': file.bytes.byteLength,
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.fileName),
  })
  res.end(head ? undefined : file.bytes)
}

/**
 * RFC 6266: an ASCII fallback name for old clients and the exact name UTF-8 encoded (a title in
 * Chinese stays a title in Chinese).
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
