import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { CLI, cli, startHost, type RunningHost } from './support/host'

/**
 * The reader under an editor's day: leaving an article whose save failed or is slow, flags that
 * follow the text, Ctrl+S in a metadata field, a read-only archive, and room for the split view.
 * Each test gets its own archive of the six sample articles.
 */

const SAMPLE = resolve(__dirname, '../../resources/sample')
const SEED_TITLE = /^Ministry of Education: China and 58 countries/

let base: string
let archive: string
let host: RunningHost | null = null

test.beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'press-archive-e2e-reader-saving-'))
  archive = join(base, 'Desk')
  cli('import', archive, SAMPLE)
})

test.afterEach(async () => {
  await host?.stop()
  host = null
  rmSync(base, { recursive: true, force: true })
})

function cleanedText(page: Page): Locator {
  return page.getByTestId('cleaned-text').locator('.cm-content')
}

function row(page: Page, title: RegExp): Locator {
  return page.getByTestId('article-row').filter({ hasText: title })
}

/** One article as the archive holds it, asked through the host's API. */
async function stored(
  page: Page,
  id: string,
): Promise<{ cleanedText: string; meta: { author: string | null } }> {
  const url = new URL(host!.url)
  const response = await page.request.post(new URL('/api/article:get', url).href, {
    headers: { 'X-Press-Archive-Token': url.searchParams.get('token')!, Origin: url.origin },
    data: { id },
  })
  const body = (await response.json()) as {
    ok: boolean
    value: { cleanedText: string; meta: { author: string | null } }
  }
  expect(body.ok).toBe(true)
  return body.value
}

async function typeAtStart(page: Page, words: string): Promise<void> {
  await cleanedText(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type(words)
}

test('text whose save failed survives leaving the article, and is saved on coming back', async ({
  page,
}) => {
  host = await startHost(archive)
  await page.goto(host.url)
  const seed = row(page, SEED_TITLE)
  const id = (await seed.getAttribute('data-id'))!
  await seed.click()
  await page.getByTestId('view-cleaned').click()

  let refuse = true
  await page.route('**/api/article:save', (route) =>
    refuse
      ? route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: { code: 'io', message: 'The disk is full.' } }),
        })
      : route.continue(),
  )
  await typeAtStart(page, 'Typed while the disk was full. ')
  const status = page.getByTestId('save-status')
  await expect(status).toHaveAttribute('data-state', 'failed')
  await expect(status).toContainText('The disk is full.')

  // Off to another article (its save fails again on the way out), then back once it can save.
  await page.getByTestId('article-row').first().click()
  await expect(page.getByTestId('meta-title')).not.toHaveValue(SEED_TITLE)
  refuse = false
  await seed.click()
  await expect(cleanedText(page)).toContainText('Typed while the disk was full.')
  await expect(status).toHaveAttribute('data-state', 'saved')
  expect((await stored(page, id)).cleanedText).toMatch(/^Typed while the disk was full\. /)
})

test('leaving during a slow save takes the editor away at once; the text lands in its article', async ({
  page,
}) => {
  host = await startHost(archive)
  await page.goto(host.url)
  const seed = row(page, SEED_TITLE)
  const id = (await seed.getAttribute('data-id'))!
  const other = page.getByTestId('article-row').first()
  const otherId = (await other.getAttribute('data-id'))!
  const otherText = (await stored(page, otherId)).cleanedText
  await seed.click()
  await page.getByTestId('view-cleaned').click()

  // Saves wait until the test lets them through.
  let release: () => void = () => {}
  const held = new Promise<void>((r) => (release = r))
  await page.route('**/api/article:save', async (route) => {
    await held
    await route.continue()
  })
  await typeAtStart(page, 'Before leaving. ')
  await other.click()
  // While the save is held, nothing of the seed can be typed into any more.
  await expect(page.getByTestId('cleaned-text')).toBeHidden()
  await page.keyboard.type('Nowhere to go. ')
  release()
  await expect(page.getByTestId('meta-title')).not.toHaveValue(SEED_TITLE)
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')

  expect((await stored(page, id)).cleanedText).toMatch(/^Before leaving\. [^N]/)
  expect((await stored(page, otherId)).cleanedText).toBe(otherText)
})

test('the review list quotes each flag’s words after the text above it was edited', async ({
  page,
}) => {
  host = await startHost(archive)
  await page.goto(host.url)
  await row(page, SEED_TITLE).click()
  await page.getByTestId('view-cleaned').click()
  await typeAtStart(page, 'A few words put in at the top. ')
  await page.getByTestId('toggle-flags').click()
  const doubled = page
    .getByTestId('flag-list')
    .getByRole('listitem')
    .filter({ hasText: 'joins the same words' })
  await expect(doubled).toContainText('“interconnection and interconnection”')
  // Choosing it selects those words in the text.
  await doubled.locator('.flag-main').click()
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
    'interconnection and interconnection',
  )
})

test('Ctrl+S in a metadata field saves that field', async ({ page }) => {
  host = await startHost(archive)
  await page.goto(host.url)
  const seed = row(page, SEED_TITLE)
  const id = (await seed.getAttribute('data-id'))!
  await seed.click()
  const author = page.getByTestId('meta-author')
  await author.fill('Education Desk')
  await author.press('ControlOrMeta+s')
  await expect(author).toBeFocused()
  await expect.poll(async () => (await stored(page, id)).meta.author).toBe('Education Desk')
})

test('a read-only archive sends no changes, even when a flag’s button is pressed', async ({
  page,
}) => {
  const server = spawn(process.execPath, [CLI, 'serve', archive, '--port', '0', '--read-only'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  host = {
    url: await new Promise<string>((ok) => {
      let out = ''
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(out)
        if (m) ok(m[0])
      })
    }),
    stop: async () => {
      if (server.exitCode !== null) return
      server.kill('SIGTERM')
      await new Promise((r) => server.once('exit', r))
    },
  }
  const writes: string[] = []
  page.on('request', (request) => {
    if (/\/api\/article:(save|updateMeta|restore|reviewFlag)/.test(request.url())) {
      writes.push(request.url())
    }
  })
  await page.goto(host.url)
  await row(page, SEED_TITLE).click()
  await typeAtStart(page, 'Cannot be typed. ')
  await expect(cleanedText(page)).not.toContainText('Cannot be typed.')
  await page.keyboard.press('ControlOrMeta+s')
  await page.getByTestId('toggle-flags').click()
  const resolve = page.getByTestId('flag-list').getByRole('button', { name: 'Resolve' })
  if ((await resolve.count()) > 0) await resolve.first().click()
  await page.getByTestId('meta-title').click()
  await page.keyboard.type('Not a new title')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('meta-title')).toHaveValue(SEED_TITLE)
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(writes).toEqual([])
})

test('at 1280×800 the split view keeps room for both texts beside the review list', async ({
  page,
}) => {
  host = await startHost(archive)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(host.url)
  await row(page, SEED_TITLE).click()
  await page.getByTestId('view-split').click()
  await page.getByTestId('toggle-flags').click()
  await expect(page.getByTestId('flag-list')).toBeVisible()
  const width = await page.getByTestId('cleaned-text').evaluate((e) => e.clientWidth)
  // Room for a few words a line; squeezed narrower, the columns break words apart.
  expect(width).toBeGreaterThanOrEqual(160)
  // The list's columns all fit: the last (Status) ends inside the list.
  const list = (await page.locator('.list-pane').boundingBox())!
  const status = (await page.getByRole('columnheader', { name: 'Status' }).boundingBox())!
  expect(status.x + status.width).toBeLessThanOrEqual(list.x + list.width)
})
