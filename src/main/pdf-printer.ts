import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, session, type Session } from 'electron'
import type { PdfPrinter } from '../core/export/printer'
import { ArchiveError } from '../core/errors'
import { printToPdfOptions } from './export-files'
import { denyAllPermissions, secureWebPreferences } from './security'

/** In memory only, apart from the UI's session: nothing of a report outlives its print. */
const PARTITION = 'press-archive-print'
/** A hung load or print must not block the exports after it. */
const PRINT_TIMEOUT_MS = 5 * 60_000
/** Fonts are inline in the report, so this only guards against one that never settles. */
const FONTS_TIMEOUT_MS = 20_000

/** The report files being printed: the only URLs the print session may load, besides data:. */
const allowed = new Set<string>()
let printSession: Session | null = null

function sessionForPrinting(): Session {
  if (printSession) return printSession
  const ses = session.fromPartition(PARTITION)
  denyAllPermissions(ses)
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith('data:') || allowed.has(details.url)
    callback({ cancel: !ok })
  })
  printSession = ses
  return ses
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ArchiveError('io', `Printing the report took too long (${what}).`)),
      PRINT_TIMEOUT_MS,
    )
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * The app's printer: Electron's own Chromium prints the same self-contained HTML the system
 * Chromium prints in the CLI and the browser host. The report loads from a temp file (a data:
 * URL has a size limit a long report passes) in a hidden window with the app's secure
 * preferences and no preload; nothing but that file and its inline data: fonts may load. The
 * page keeps JavaScript only so we can await `document.fonts.ready` (text prints blank where a
 * font has not loaded); the report's own CSP lets none of its content run. The window and the
 * file go whatever happens (Joplin's InteropServiceHelper does the same, minus its fixed sleep).
 */
export function electronPrinter(): PdfPrinter {
  return async (job) => {
    const dir = await mkdtemp(join(tmpdir(), 'press-archive-print-'))
    const file = join(dir, 'report.html')
    const url = pathToFileURL(file).href
    let win: BrowserWindow | null = null
    try {
      await writeFile(file, job.html, 'utf8')
      allowed.add(url)
      const { preload: _preload, ...preferences } = secureWebPreferences()
      win = new BrowserWindow({
        show: false,
        width: 1024,
        height: 1400,
        webPreferences: {
          ...preferences,
          session: sessionForPrinting(),
          javascript: true,
          spellcheck: false,
        },
      })
      await withTimeout(win.loadURL(url), 'loading')
      await withTimeout(
        win.webContents.executeJavaScript(
          `Promise.race([document.fonts.ready, new Promise((r) => setTimeout(r, ${FONTS_TIMEOUT_MS}))]).then(() => true)`,
        ),
        'fonts',
      )
      const pdf = await withTimeout(win.webContents.printToPDF(printToPdfOptions(job)), 'printing')
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    } finally {
      allowed.delete(url)
      if (win && !win.isDestroyed()) win.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
