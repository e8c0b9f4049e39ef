// What a person feels in the library at scale: the browser host serving an existing archive,
// Chromium driving the built UI. Every time is taken inside the page (performance.now), from the
// moment the page or the person asks to the first frame that shows the answer, so the figures
// leave out Playwright's own round trips.
import { resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { ArchiveService } from '../src/core/api/service'
import { chromiumArgs } from '../src/core/export/chromium'
import { startHost } from '../src/host/server'
import { summarise, type Summary } from './stats'

export interface UiOptions {
  /** The built renderer to serve; default `out/renderer` (run `npm run build` first). */
  rendererDir?: string
  /** Default `/usr/bin/chromium`, or CHROMIUM_PATH. */
  executablePath?: string
  /** Page loads and article openings measured; default 3. */
  runs?: number
  /** Rows scrolled through; default 2,000. */
  scrollRows?: number
}

export interface ScrollFigures {
  rows: number
  /** Screenfuls scrolled, each waited on until every row in view is filled. */
  steps: number
  /** From the first scroll to the last screenful filled. */
  totalMs: number
  /** The slowest screenful, scroll to filled. */
  slowestStepMs: number
  /** The longest gap between two frames while scrolling: a visible stall if above ~50 ms. */
  longestFrameMs: number
  /** Scrolling straight to the middle of the list (a drag of the scrollbar) until rows show. */
  jumpToMiddleMs: number
}

export interface UiFigures {
  /** Navigation to the first frame with article rows (median of the runs; the first is cold). */
  firstListRenderMs: number
  firstListRender: Summary
  /** A click on a row to the first frame with its cleaned text and title in the reader. */
  openArticleMs: number
  openArticle: Summary
  scrollFrames: ScrollFigures
  articles: number
}

/**
 * The little of the DOM the page-side functions below use. This file is type-checked without the
 * DOM library (it runs on Node); those functions run in the page, where these are the real thing.
 */
interface PageElement {
  textContent: string | null
  value?: string
  scrollTop: number
  readonly clientHeight: number
  readonly scrollHeight: number
  readonly offsetHeight: number
  click(): void
  querySelector(selector: string): PageElement | null
  getBoundingClientRect(): { top: number; bottom: number }
}
interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null
    querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>
  }
  requestAnimationFrame(callback: (now: number) => void): number
}

/** Measure the library UI on an archive that already exists (it is opened read-only). */
export async function measureUi(archivePath: string, options: UiOptions = {}): Promise<UiFigures> {
  const runs = options.runs ?? 3
  const service = new ArchiveService({ holder: 'bench (ui)', allowSwitchArchive: false })
  await service.open(archivePath, { readOnly: true })
  const host = await startHost({
    service,
    rendererDir: options.rendererDir ?? resolve(__dirname, '../out/renderer'),
  })
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: chromiumArgs(),
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    // Run under tsx, esbuild wraps named functions in a `__name` helper that the page lacks
    // (privatenumber/tsx#113); the page-side functions below need it defined there.
    await page.addInitScript('globalThis.__name = (fn) => fn')
    // The first load leaves the token in the tab's storage and cookie; reloads then need no token.
    const loads: number[] = []
    for (let i = 0; i < runs; i++) loads.push(await firstListRender(page, host.url))
    const articles = Number(
      await page.locator('[role="grid"][aria-label="Articles"]').getAttribute('aria-rowcount'),
    )

    const opens: number[] = []
    for (let i = 0; i < runs; i++) opens.push(await openArticle(page, 2 + i * 2))

    const scrollFrames = await scrollThrough(page, options.scrollRows ?? 2000)
    const load = summarise(loads)
    const open = summarise(opens)
    return {
      firstListRenderMs: load.median,
      firstListRender: load,
      openArticleMs: open.median,
      openArticle: open,
      scrollFrames,
      articles: articles - 1,
    }
  } finally {
    await browser.close()
    await host.close()
    await service.close()
  }
}

async function firstListRender(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' })
  // performance.now() counts from the navigation's start.
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const { document, requestAnimationFrame } = globalThis as unknown as PageGlobals
        const check = (): void => {
          if (document.querySelector('[data-testid="article-row"]')) done(performance.now())
          else requestAnimationFrame(check)
        }
        check()
      }),
  )
}

/** Click the row at `index` and wait for the reader to show that article's title and text. */
async function openArticle(page: Page, index: number): Promise<number> {
  return page.evaluate(
    (at) =>
      new Promise<number>((done, fail) => {
        const { document, requestAnimationFrame } = globalThis as unknown as PageGlobals
        const rows = document.querySelectorAll('[data-testid="article-row"]')
        const row = rows[at]
        if (!row) return fail(new Error(`no row ${at} to open`))
        const title = row.querySelector('[role="gridcell"]')!.textContent!.trim()
        const shown = (): boolean => {
          const reader = document.querySelector('[aria-label="Reader"]')
          if (!reader) return false
          const field = reader.querySelector('[data-testid="meta-title"]')
          const heading = field ? field.value : reader.querySelector('h2')?.textContent
          const text = reader.querySelector('[data-testid="cleaned-text"]')?.textContent ?? ''
          return heading?.trim() === title && text.trim() !== ''
        }
        const start = performance.now()
        row.click()
        const check = (): void => {
          if (shown()) done(performance.now() - start)
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
    index,
  )
}

async function scrollThrough(page: Page, rows: number): Promise<ScrollFigures> {
  await page.locator('[data-testid="article-scroller"]').evaluate((el) => el.scrollTo(0, 0))
  return page.evaluate(async (wanted) => {
    const { document, requestAnimationFrame } = globalThis as unknown as PageGlobals
    const scroller = document.querySelector('[data-testid="article-scroller"]')!
    const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r))
    const rowHeight = document.querySelector('[data-testid="article-row"]')?.offsetHeight ?? 34
    /** No placeholder row in view: every row on screen shows its article. */
    const filled = (): boolean => {
      const box = scroller.getBoundingClientRect()
      for (const el of document.querySelectorAll('[data-testid="article-row-loading"]')) {
        const r = el.getBoundingClientRect()
        if (r.bottom > box.top && r.top < box.bottom) return false
      }
      return document.querySelector('[data-testid="article-row"]') !== null
    }
    const untilFilled = async (): Promise<void> => {
      while (!filled()) await frame()
      await frame()
    }

    let longestFrameMs = 0
    let last = performance.now()
    let watching = true
    const watch = (now: number): void => {
      longestFrameMs = Math.max(longestFrameMs, now - last)
      last = now
      if (watching) requestAnimationFrame(watch)
    }
    await frame()
    last = performance.now()
    requestAnimationFrame(watch)

    const target = Math.min(wanted * rowHeight, scroller.scrollHeight - scroller.clientHeight)
    const start = performance.now()
    let steps = 0
    let slowestStepMs = 0
    while (scroller.scrollTop < target - 1) {
      const stepStart = performance.now()
      scroller.scrollTop = Math.min(target, scroller.scrollTop + scroller.clientHeight)
      await untilFilled()
      slowestStepMs = Math.max(slowestStepMs, performance.now() - stepStart)
      steps++
    }
    const totalMs = performance.now() - start
    watching = false

    const jumpStart = performance.now()
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2
    await untilFilled()
    const jumpToMiddleMs = performance.now() - jumpStart

    return {
      rows: Math.round(target / rowHeight),
      steps,
      totalMs,
      slowestStepMs,
      longestFrameMs,
      jumpToMiddleMs,
    }
  }, rows)
}
