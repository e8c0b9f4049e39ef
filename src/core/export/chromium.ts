import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { ArchiveError } from '../errors'
import type { PdfPrinter, PrintJob } from './printer'

/** The variables a person can point at their browser with, first one set wins. */
export const CHROMIUM_ENV = ['CHROMIUM_PATH', 'PRESS_ARCHIVE_CHROMIUM'] as const

/** How long one print may take before it is given up: a hung print must not block later ones. */
const PRINT_TIMEOUT_MS = 5 * 60_000
/** How long fonts may take to load; they are inline, so this is only a guard. */
const FONTS_TIMEOUT_MS = 20_000

function installedPaths(env: NodeJS.ProcessEnv): string[] {
  const paths = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ]
  for (const base of [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']]) {
    if (base) paths.push(join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'))
  }
  return paths
}

/**
 * The Chromium (or Chrome) that prints PDFs for the command line and the browser host: the one
 * named by CHROMIUM_PATH or PRESS_ARCHIVE_CHROMIUM, else the first of the usual install places.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of CHROMIUM_ENV) {
    const path = env[name]?.trim()
    if (!path) continue
    if (existsSync(path)) return path
    throw new ArchiveError(
      'missing-program',
      `${name} names ${path}, which does not exist; point it at a Chromium or Chrome program.`,
    )
  }
  const found = installedPaths(env).find((p) => existsSync(p))
  if (found) return found
  throw new ArchiveError(
    'missing-program',
    'PDF export needs Chromium or Google Chrome, and neither was found. Install one (on Debian or Ubuntu: `sudo apt install chromium`), or set CHROMIUM_PATH to its program. HTML export works without it.',
  )
}

/**
 * How the system Chromium is started to print: quietly (no network chatter, no first-run
 * screens) and sandboxed, except as root, where Chromium refuses to start with its sandbox on
 * (containers and CI machines run as root). The report it prints allows no script anyway.
 */
export function chromiumArgs(): string[] {
  const root = process.getuid?.() === 0
  return [
    ...(root ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ]
}

/**
 * A printer on the system Chromium, launched on the first print and kept for the next ones;
 * call close() when done. Each print gets its own page with JavaScript off and every request
 * refused: the report is self-contained, and nothing in it may reach the network.
 */
export function chromiumPrinter(
  options: { executablePath?: string } = {},
): PdfPrinter & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null

  const launch = async (): Promise<Browser> => {
    const executablePath = options.executablePath ?? findChromium()
    // Loaded on the first print only: every other command, and the app, never need it.
    const { chromium } = await import('playwright-core')
    try {
      return await chromium.launch({
        executablePath,
        args: chromiumArgs(),
      })
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err)
      throw new ArchiveError('io', `Chromium (${executablePath}) could not be started: ${why}`)
    }
  }

  const print = async (job: PrintJob): Promise<Uint8Array> => {
    browser ??= launch()
    let b: Browser
    try {
      b = await browser
    } catch (err) {
      browser = null
      throw err
    }
    // JavaScript stays on only so the printer can await document.fonts.ready: the report's CSP
    // (default-src 'none') lets no script of the document run, and its text is escaped anyway.
    const context = await b.newContext({ javaScriptEnabled: true, offline: true })
    try {
      const page = await context.newPage()
      await page.route('**', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      )
      page.setDefaultTimeout(PRINT_TIMEOUT_MS)
      await page.setContent(job.html, { waitUntil: 'load' })
      // Text prints blank where a font has not loaded yet; the guard keeps a stuck font from
      // holding the print forever. (A string: this file is type-checked without the DOM.)
      await page.evaluate(
        `Promise.race([document.fonts.ready, new Promise((r) => setTimeout(r, ${FONTS_TIMEOUT_MS}))]).then(() => true)`,
      )
      const margin = `${job.marginMm}mm`
      const pdf = await page.pdf({
        format: job.pageSize,
        margin: { top: margin, right: margin, bottom: margin, left: margin },
        displayHeaderFooter: true,
        headerTemplate: job.headerTemplate,
        footerTemplate: job.footerTemplate,
        printBackground: true,
        preferCSSPageSize: false,
        outline: true,
        tagged: true,
      })
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    } finally {
      await context.close().catch(() => {})
    }
  }

  return Object.assign(print, {
    async close(): Promise<void> {
      const pending = browser
      browser = null
      if (pending) await (await pending.catch(() => null))?.close()
    },
  })
}
