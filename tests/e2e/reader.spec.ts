import { resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { deskPerTest } from './support/desk'

const SEED = resolve(__dirname, '../../resources/sample/000_23479a12e8a3a472.txt')
const SEED_TITLE = /^Ministry of Education: China and 58 countries/

/** Each test gets its own empty archive and host, so what one saves cannot help another pass. */
const desk = deskPerTest('Editing Desk', { samples: false })

function cleanedText(page: Page): Locator {
  return page.getByTestId('cleaned-text').locator('.cm-content')
}

function originalText(page: Page): Locator {
  return page.getByTestId('original-text').locator('.cm-content')
}

async function importSeedThroughTheUi(page: Page): Promise<void> {
  await page.goto(desk.host.url)
  await page.getByTestId('import-file-input').setInputFiles(SEED)
  const summary = page.getByTestId('import-summary')
  await expect(summary.getByTestId('import-summary-imported')).toContainText('1 article')
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click()
  await expect(summary).toBeHidden()
}

async function openSeed(page: Page): Promise<void> {
  await page.getByTestId('article-row').filter({ hasText: SEED_TITLE }).click()
  await expect(page.getByTestId('meta-title')).toHaveValue(SEED_TITLE)
}

async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
}

/** Put the caret just before `char` inside `words` in the cleaned text, by clicking there. */
async function clickBefore(page: Page, words: string, char: string): Promise<void> {
  const line = cleanedText(page).locator('.cm-line', { hasText: words })
  await line.scrollIntoViewIfNeeded()
  const position = await line.evaluate(
    (element, [wanted, mark]) => {
      // Change marks split the words over several text nodes: search their joined text.
      const nodes: Text[] = []
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
      let offset =
        nodes
          .map((n) => n.data)
          .join('')
          .indexOf(wanted) + wanted.indexOf(mark)
      const origin = element.getBoundingClientRect()
      for (const node of nodes) {
        if (offset < node.data.length) {
          const range = document.createRange()
          range.setStart(node, offset)
          range.setEnd(node, offset + 1)
          const box = range.getBoundingClientRect()
          return { x: box.left - origin.left + 1, y: box.top - origin.top + box.height / 2 }
        }
        offset -= node.data.length
      }
      throw new Error(`"${wanted}" is not in this line`)
    },
    [words, char] as const,
  )
  await line.click({ position })
}

test('import the seed through the UI, revert one change, edit, and restore from History', async ({
  page,
}) => {
  await importSeedThroughTheUi(page)
  await openSeed(page)

  await page.getByTestId('view-split').click()
  await expect(originalText(page)).toContainText('decision -making')
  await expect(cleanedText(page)).toContainText('decision-making')
  await expect(cleanedText(page)).not.toContainText('decision -making')

  // Put the original's words back for that one change (the change under the caret); it
  // survives a reload.
  await clickBefore(page, 'decision-making', '-')
  await page.keyboard.press('ControlOrMeta+Alt+z')
  await expect(cleanedText(page)).toContainText('decision -making')
  await waitUntilSaved(page)
  await page.reload()
  await openSeed(page)
  expect(await storedCleanedText(page)).toContain('decision -making')
  await clickBefore(page, 'decision -making', '-')

  // A person's edit, autosaved without pressing anything. (At the top: the editor draws only
  // the lines in view, so that is where a reload shows it.)
  await cleanedText(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('Checked against the original by the desk. ')
  await waitUntilSaved(page)
  await page.reload()
  await openSeed(page)
  await expect(cleanedText(page)).toContainText('Checked against the original by the desk.')

  // History: the import and the edits, newest first; restoring is itself a version.
  await page.getByTestId('toggle-history').click()
  const versions = page.getByTestId('history-version')
  await expect(versions).toHaveCount(3)
  await expect(versions.first()).toHaveAttribute('data-by', 'person')
  await expect(versions.last()).toHaveAttribute('data-by', 'import')
  await versions.last().click()
  await expect(page.getByTestId('diff-left')).toContainText('The Ministry of Education held')
  await expect(page.getByTestId('diff-left')).not.toContainText('Checked against the original')
  await expect(page.getByTestId('diff-right')).toContainText('Checked against the original')
  await page.getByTestId('restore-version').click()
  await expect(versions).toHaveCount(4)
  await expect(versions.first()).toHaveAttribute('data-by', 'restore')
  await expect(cleanedText(page)).not.toContainText('Checked against the original by the desk.')

  await page.reload()
  await openSeed(page)
  await expect(cleanedText(page)).toContainText('The Ministry of Education held')
  await expect(cleanedText(page)).not.toContainText('Checked against the original')
  // The words below the fold, as the archive now holds them: the import's text again.
  const stored = await storedCleanedText(page)
  expect(stored).toContain('decision-making')
  expect(stored).not.toContain('decision -making')
})

/** The open article's cleaned text as the archive holds it, asked through the host's API. */
async function storedCleanedText(page: Page): Promise<string> {
  const id = await page
    .getByTestId('article-row')
    .filter({ hasText: SEED_TITLE })
    .getAttribute('data-id')
  const url = new URL(desk.host.url)
  const response = await page.request.post(new URL('/api/article:get', url).href, {
    headers: { 'X-Press-Archive-Token': url.searchParams.get('token')!, Origin: url.origin },
    data: { id },
  })
  const body = (await response.json()) as { ok: boolean; value: { cleanedText: string } }
  expect(body.ok).toBe(true)
  return body.value.cleanedText
}

test('Ctrl+S saves at once, and a failed save keeps the text and says why', async ({ page }) => {
  await importSeedThroughTheUi(page)
  await openSeed(page)
  await page.getByTestId('view-cleaned').click()

  await cleanedText(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('Saved by hand. ')
  await page.keyboard.press('ControlOrMeta+s')
  await waitUntilSaved(page)

  // The host goes away: the next save fails, the text stays, and the person is told.
  await desk.host.stop()
  await page.keyboard.type('Not yet stored. ')
  const status = page.getByTestId('save-status')
  await expect(status).toHaveAttribute('data-state', 'failed')
  await expect(status).toContainText('Not saved')
  await expect(cleanedText(page)).toContainText('Saved by hand. Not yet stored.')
})

test('metadata edits are validated, saved, and kept', async ({ page }) => {
  await importSeedThroughTheUi(page)
  await openSeed(page)

  const date = page.getByTestId('meta-date')
  await expect(date).toHaveValue('2022-09-21')
  await date.fill('2022-02-30')
  await date.press('Enter')
  await expect(page.getByRole('alert')).toContainText('date does not exist')
  await date.fill('2022-09-22')
  await date.press('Enter')
  const author = page.getByTestId('meta-author')
  await author.fill('Education Desk')
  await author.press('Enter')
  await expect(page.getByRole('alert')).toHaveCount(0)

  await page.reload()
  await openSeed(page)
  await expect(page.getByTestId('meta-date')).toHaveValue('2022-09-22')
  await expect(page.getByTestId('meta-author')).toHaveValue('Education Desk')
})

test('review flags can be resolved, and the decision is remembered', async ({ page }) => {
  await importSeedThroughTheUi(page)
  await openSeed(page)

  await page.getByTestId('toggle-flags').click()
  const list = page.getByTestId('flag-list')
  const first = list.getByRole('listitem').first()
  await expect(first).toContainText(/repeated|doubled|quote/i)
  const before = await list.getByRole('button', { name: 'Resolve' }).count()
  await first.getByRole('button', { name: 'Resolve' }).click()
  await expect(list.getByRole('button', { name: 'Resolve' })).toHaveCount(before - 1)

  await page.reload()
  await openSeed(page)
  await page.getByTestId('toggle-flags').click()
  await expect(page.getByTestId('flag-list').getByRole('button', { name: 'Resolve' })).toHaveCount(
    before - 1,
  )
})
