import { readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe'
import { deskPerTest, SAMPLES } from './support/desk'

/**
 * The main screens, each checked with axe in the light and the dark colour scheme, and
 * photographed for the README in both.
 */
const SAMPLE_FILES = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => join(SAMPLES, name))
const SEED_TITLE = /^Ministry of Education: China and 58 countries/
const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')
const SCHEMES = ['light', 'dark'] as const

// Each screen is checked twice and photographed twice; that takes longer than one plain test.
test.describe.configure({ timeout: 60_000 })
// The README shows these: a desktop-sized window, so the reader has the room it is made for.
test.use({ viewport: { width: 1600, height: 1000 } })

/** Each test gets its own archive and host, filled through the page as a person would. */
const desk = deskPerTest('City Desk', { samples: false })

/**
 * Axe on the screen as it stands, in both colour schemes; with `screenshot`, also write
 * `<screenshot>-light.png` and `<screenshot>-dark.png`. Leaves the page in the light scheme.
 */
async function checkScreen(page: Page, screenshot?: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme })
    await expectNoSeriousViolations(page, `${colorScheme}: `)
    if (screenshot) {
      await page.screenshot({ path: join(SCREENSHOTS, `${screenshot}-${colorScheme}.png`) })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

function summary(page: Page): Locator {
  return page.getByTestId('import-summary')
}

/** Import the sample articles (and any `extra` files) with the page's file input. */
async function importSamples(page: Page, extra: string[] = []): Promise<void> {
  await page.goto(desk.host.url)
  await page.getByTestId('import-file-input').setInputFiles([...SAMPLE_FILES, ...extra])
  await expect(summary(page).getByTestId('import-summary-imported')).toContainText(
    `${SAMPLE_FILES.length} articles`,
  )
}

async function closeSummary(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click()
  await expect(summary(page)).toBeHidden()
}

async function openSeed(page: Page): Promise<void> {
  await page.getByTestId('article-row').filter({ hasText: SEED_TITLE }).click()
  await expect(page.getByTestId('meta-title')).toHaveValue(SEED_TITLE)
}

test('the import summary, with files that could not be imported', async ({ page }) => {
  const photo = join(desk.base, 'front-page-photo.jpg')
  writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]))
  const empty = join(desk.base, 'notes-for-tuesday.txt')
  writeFileSync(empty, '')

  await importSamples(page, [photo, empty])
  await expect(summary(page).getByTestId('import-summary-failed')).toContainText('2 files')
  await summary(page)
    .getByText(/^Show failures/)
    .click()
  await expect(summary(page).getByText('the file is empty')).toBeVisible()
  await expect(summary(page).getByText(/a JPEG image/)).toBeVisible()
  await checkScreen(page, 'import-summary')
})

test('the reader in Split view with review flags, and History comparing a version', async ({
  page,
}) => {
  await importSamples(page)
  await closeSummary(page)
  await openSeed(page)

  await page.getByTestId('view-split').click()
  await page.getByTestId('toggle-flags').click()
  await expect(page.getByTestId('flag-list').getByRole('listitem').first()).toBeVisible()
  await expect(page.getByTestId('original-text').locator('.cm-content')).toContainText(
    'arrived in that',
  )
  await checkScreen(page, 'reader-split')

  // An edit of a person's own near the top, found with the editor's search and typed over, so
  // History has a version to compare with the text now and the difference is in view.
  const cleaned = page.getByTestId('cleaned-text').locator('.cm-content')
  await cleaned.click()
  await page.keyboard.press('ControlOrMeta+f')
  await page.keyboard.type('on the 20th')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await page.keyboard.type('on 20 September')
  await expect(cleaned).toContainText('press conference on 20 September to introduce')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')

  await page.getByTestId('toggle-history').click()
  const versions = page.getByTestId('history-version')
  await expect(versions).toHaveCount(2)
  await versions.last().click()
  await expect(page.getByTestId('diff-left')).toContainText('on the 20th')
  await expect(page.getByTestId('diff-right')).toContainText('on 20 September')
  await checkScreen(page, 'history')
})

test('the profile editor, the command palette and the keyboard shortcuts', async ({ page }) => {
  await importSamples(page)
  await closeSummary(page)
  await openSeed(page)

  await page.getByRole('button', { name: 'Profiles', exact: true }).click()
  await expect(page.getByTestId('profile-editor')).toBeVisible()
  await expect(page.getByTestId('profile-preview').getByRole('status')).toContainText(/\d changes?/)
  await expect(page.getByTestId('profile-preview-text')).toContainText('Ministry of Education')
  await checkScreen(page, 'profiles')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('profile-editor')).toBeHidden()

  await page.keyboard.press('ControlOrMeta+k')
  await expect(page.getByTestId('palette-input')).toBeFocused()
  await page.keyboard.type('hist')
  const palette = page.getByRole('listbox', { name: 'Commands' })
  await expect(palette.getByRole('option').first()).toContainText('Show history')
  await checkScreen(page, 'palette')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('palette-input')).toBeHidden()

  await page.getByRole('grid', { name: 'Articles' }).focus()
  await page.keyboard.press('?')
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible()
  await checkScreen(page)
})
