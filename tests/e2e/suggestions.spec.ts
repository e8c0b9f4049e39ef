import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe'
import { cli, startHost, type RunningHost } from './support/host'

const SAMPLES = resolve(__dirname, '../../resources/sample')
const SEED_TITLE = /^Ministry of Education: China and 58 countries/

/** Each test gets its own archive of the samples, a small vocabulary, and its own host. */
let base: string
let archive: string
let hosts: RunningHost[] = []

// Each test makes its archives with the real command line, which takes a while on its own.
test.describe.configure({ timeout: 120_000 })

test.beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'press-archive-e2e-suggest-'))
  archive = join(base, 'Suggest Desk')
  cli('create', archive, '--name', 'Suggest Desk')
  cli('import', archive, SAMPLES)
  const codebook = join(base, 'start.csv')
  writeFileSync(
    codebook,
    [
      'name,parent,color,description,keywords,pinned',
      'Education,,#3b82f6,Schools and study,Ministry of Education; overseas students,false',
      'Exchanges,Education,,,international cooperation,false',
      'Roads,,#2e9e5b,,rural roads,false',
      'Parks,,,,pocket parks,false',
      '',
    ].join('\r\n'),
  )
  cli('themes', archive, '--import', codebook)
})

test.afterEach(async () => {
  for (const host of hosts) await host.stop()
  hosts = []
  rmSync(base, { recursive: true, force: true })
})

async function serve(path: string): Promise<string> {
  const host = await startHost(path)
  hosts.push(host)
  return host.url
}

function sidebar(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Library' })
}

function rows(page: Page): Locator {
  return page.getByTestId('article-row')
}

function suggestions(page: Page): Locator {
  return page.getByTestId('theme-suggestion')
}

test('suggestions: accept and dismiss on an article, then tag the untagged after a preview', async ({
  page,
}) => {
  await page.goto(await serve(archive))
  await expect(rows(page)).toHaveCount(6)
  await rows(page).filter({ hasText: SEED_TITLE }).click()
  await expect(page.getByTestId('meta-title')).toHaveValue(SEED_TITLE)

  // The seed article names the Ministry of Education and international cooperation.
  const education = suggestions(page).filter({ hasText: 'Education' })
  await expect(education).toContainText('(matched: Ministry of Education, overseas students)')
  const exchanges = suggestions(page).filter({ hasText: 'Exchanges' })
  await expect(exchanges).toContainText('(matched: international cooperation)')

  await page.getByRole('button', { name: 'Accept suggested theme Education' }).click()
  await expect(page.getByTestId('theme-chip')).toHaveCount(1)
  await expect(page.getByTestId('theme-chip')).toContainText('Education')
  await expect(education).toHaveCount(0)

  await page.getByRole('button', { name: 'Dismiss suggested theme Exchanges' }).click()
  await expect(suggestions(page)).toHaveCount(0)
  // Remembered: not suggested again after a reload.
  await page.reload()
  await rows(page).filter({ hasText: SEED_TITLE }).click()
  await expect(page.getByTestId('theme-chip')).toHaveCount(1)
  await expect(page.getByTestId('theme-suggestions')).toHaveCount(0)

  // The untagged articles: a preview, one theme left out, then applied.
  await expect(sidebar(page).getByRole('button', { name: /^Untagged/ })).toContainText('5')
  await sidebar(page).getByRole('button', { name: 'Suggest themes for untagged…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Suggest themes for untagged articles' })
  await expect(dialog.getByTestId('suggest-summary')).toHaveText(
    '2 of the 5 untagged articles have suggestions.',
  )
  const table = dialog.getByTestId('suggest-table')
  await expect(table.getByTestId('suggest-row')).toHaveCount(2)
  await expect(table).toContainText('Roads (rural roads)')
  await expect(table).toContainText('Parks (pocket parks)')
  await expectNoSeriousViolations(page, 'suggest dialog: ')

  await dialog
    .getByRole('group', { name: 'Themes' })
    .getByRole('checkbox', { name: /^Parks/ })
    .uncheck()
  await dialog.getByRole('button', { name: 'Tag 1 article' }).click()
  await expect(dialog.getByTestId('suggest-summary')).toHaveText('Tagged 1 article.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(sidebar(page).getByRole('button', { name: /^Roads/ })).toContainText('1')
  await expect(sidebar(page).getByRole('button', { name: /^Untagged/ })).toContainText('4')
})

test('codebook: export from one archive, import into another after a dry run', async ({ page }) => {
  await page.goto(await serve(archive))
  await sidebar(page).getByRole('button', { name: 'Manage themes' }).click()
  const manager = page.getByRole('dialog', { name: 'Manage themes' })
  await manager.getByRole('button', { name: 'Export codebook…' }).click()
  const exporting = page.getByRole('dialog', { name: 'Export codebook' })
  await exporting.getByRole('radio', { name: 'JSON' }).check()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exporting.getByRole('button', { name: 'Export' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('Suggest Desk codebook.json')
  const file = join(base, download.suggestedFilename())
  await download.saveAs(file)
  const doc = JSON.parse(readFileSync(file, 'utf8'))
  expect(doc).toMatchObject({ format: 'press-archive-codebook', version: 1 })
  expect(doc.themes[1]).toMatchObject({ name: 'Exchanges', parent: 'Education' })

  const other = join(base, 'Other Desk')
  cli('create', other, '--name', 'Other Desk')
  await page.goto(await serve(other))
  await sidebar(page).getByRole('button', { name: 'Manage themes' }).click()
  await page
    .getByRole('dialog', { name: 'Manage themes' })
    .getByRole('button', { name: 'Import codebook…' })
    .click()
  const importing = page.getByRole('dialog', { name: 'Import codebook' })
  await importing.getByLabel('Codebook file (CSV or JSON)').setInputFiles(file)
  const summary = importing.getByTestId('codebook-summary')
  await expect(summary).toContainText('Importing it will make these changes:')
  await expect(summary).toContainText('4: “Education”, “Exchanges”, “Roads”, “Parks”')
  // A dry run: nothing yet.
  await expect(sidebar(page).getByText('No themes yet')).toBeVisible()
  await expectNoSeriousViolations(page, 'import codebook: ')
  await importing.getByRole('button', { name: 'Apply' }).click()
  await expect(importing).toContainText('Imported: 4 created, 0 updated, 0 unchanged.')
  await importing.getByRole('button', { name: 'Close' }).click()
  await expect(sidebar(page).getByRole('button', { name: /^Exchanges/ })).toBeVisible()

  const listed = JSON.parse(cli('themes', other, '--json')) as { name: string; color: string }[]
  const original = JSON.parse(cli('themes', archive, '--json')) as { name: string; color: string }[]
  expect(listed.map((t) => [t.name, t.color])).toEqual(original.map((t) => [t.name, t.color]))
})
