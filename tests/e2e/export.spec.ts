import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test, type Download, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe'
import { cli } from './support/host'
import { deskPerTest } from './support/desk'

const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')
const SEED_TITLE = /^Ministry of Education: China and 58 countries/
/** An article whose title is markup, to see that the report prints it as words. */
const MARKUP_ARTICLE =
  'Tariffs <b>rise</b> & "fall"\nAuthor:Trade Desk Time:2022.08.07\nCustoms said the total rose.\nSource: Xinhua\n'

// Printing a PDF with the system Chromium takes a few seconds on a busy machine.
test.setTimeout(90_000)
test.use({ viewport: { width: 1600, height: 1000 } })

const desk = deskPerTest('Export Desk', {
  prepare(archive, base) {
    const extra = join(base, 'extra')
    mkdirSync(extra)
    writeFileSync(join(extra, 'markup.txt'), MARKUP_ARTICLE)
    cli('import', archive, extra)
  },
})

function dialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Export' })
}

/** Click Export and take the file the page downloads. */
async function exportAndDownload(page: Page): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog(page).getByTestId('export-run').click(),
  ])
  const path = await download.path()
  return { download, bytes: readFileSync(path) }
}

test('export: this article as PDF and the list as HTML, from Ctrl+P', async ({ page }) => {
  await page.goto(desk.host.url)
  await expect(page.getByTestId('article-row')).toHaveCount(7)
  await page.getByTestId('article-row').filter({ hasText: SEED_TITLE }).click()
  await expect(page.getByTestId('meta-title')).toHaveValue(SEED_TITLE)

  await page.keyboard.press('Control+p')
  await expect(dialog(page)).toBeVisible()
  const thisArticle = dialog(page).getByRole('radio', { name: 'This article' })
  await expect(thisArticle).toBeChecked()
  await expect(
    dialog(page).getByRole('radio', { name: 'The current list (7 articles)' }),
  ).toBeVisible()
  await expect(dialog(page).getByLabel('Title', { exact: true })).toHaveAttribute(
    'placeholder',
    SEED_TITLE,
  )

  // The dialog as it opens: no serious accessibility problem in either scheme, and its picture.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await expectNoSeriousViolations(page, `${colorScheme}: `)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.screenshot({ path: join(SCREENSHOTS, 'export-dialog.png') })

  // This article, as PDF: the download is a real PDF with the article's cleaned text.
  await thisArticle.check()
  await dialog(page).getByRole('radio', { name: 'PDF' }).check()
  const pdf = await exportAndDownload(page)
  expect(pdf.download.suggestedFilename()).toMatch(/^Ministry of Education.*\.pdf$/)
  expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')
  const pdfPath = join(desk.base, 'report.pdf')
  writeFileSync(pdfPath, pdf.bytes)
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })
  expect(text).toContain('decision-making')
  await expect(dialog(page).getByTestId('export-done')).toContainText('Exported 1 article')
  await expect(dialog(page).getByRole('button', { name: 'Download again' })).toBeVisible()

  // The current list, as HTML: every title is in it, as text, never as markup.
  await dialog(page).getByRole('radio', { name: 'The current list (7 articles)' }).check()
  await dialog(page).getByRole('radio', { name: 'HTML page' }).check()
  const html = await exportAndDownload(page)
  expect(html.download.suggestedFilename()).toBe('Export Desk.html')
  const report = html.bytes.toString('utf8')
  expect(report).toContain('Tariffs &lt;b&gt;rise&lt;/b&gt; &amp; &quot;fall&quot;')
  expect(report).not.toContain('<b>rise</b>')
  expect(report).toContain('Ministry of Education: China and 58 countries')
  await expect(dialog(page).getByTestId('export-done')).toContainText('Exported 7 articles')

  // Its options are remembered for the next report.
  await dialog(page).getByRole('button', { name: 'Close' }).click()
  await expect(dialog(page)).toBeHidden()
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog(page).getByRole('radio', { name: 'HTML page' })).toBeChecked()
})
