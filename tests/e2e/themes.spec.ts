import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe'
import { deskPerTest } from './support/desk'

const SEED_TITLE = /^Ministry of Education: China and 58 countries/

/** Each test gets its own archive of the samples and its own host. */
const desk = deskPerTest('Theme Desk')

function sidebar(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Library' })
}

function rows(page: Page): Locator {
  return page.getByTestId('article-row')
}

function chips(page: Page): Locator {
  return page.getByTestId('theme-chip')
}

/** A call to the archive behind the page, as the page itself makes it. */
async function call<T>(page: Page, channel: string, input: object): Promise<T> {
  const url = new URL(desk.host.url)
  const response = await page.request.post(new URL(`/api/${channel}`, url).href, {
    headers: { 'X-Press-Archive-Token': url.searchParams.get('token')!, Origin: url.origin },
    data: input,
  })
  const body = (await response.json()) as { ok: boolean; value: T }
  expect(body.ok).toBe(true)
  return body.value
}

test('themes: create from the chips, filter by one, tag in bulk, toggle a pinned one', async ({
  page,
}) => {
  await page.goto(desk.host.url)
  await expect(rows(page)).toHaveCount(6)

  // A new theme, made from the article's header by keyboard alone.
  await rows(page).filter({ hasText: SEED_TITLE }).click()
  await expect(page.getByTestId('meta-title')).toHaveValue(SEED_TITLE)
  const add = page.getByRole('combobox', { name: 'Add theme' })
  await add.fill('Education')
  await expect(page.getByRole('option', { name: 'Create “Education”' })).toBeVisible()
  await add.press('Enter')
  await expect(chips(page)).toHaveCount(1)
  await expect(chips(page)).toContainText('Education')
  await expect(page.getByRole('button', { name: 'Remove theme Education' })).toBeVisible()

  // The sidebar lists it; choosing it leaves the one article.
  const education = sidebar(page).getByRole('button', { name: /^Education/ })
  await expect(education).toContainText('1')
  await expect(sidebar(page).getByRole('button', { name: /^Untagged/ })).toContainText('5')
  await education.click()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page)).toContainText(SEED_TITLE)

  // Three articles at once, through the palette.
  await sidebar(page)
    .getByRole('button', { name: /^All articles/ })
    .click()
  await expect(rows(page)).toHaveCount(6)
  await rows(page).nth(1).click()
  await rows(page)
    .nth(2)
    .click({ modifiers: ['ControlOrMeta'] })
  await rows(page)
    .nth(3)
    .click({ modifiers: ['ControlOrMeta'] })
  await page.keyboard.press('ControlOrMeta+k')
  await page.getByRole('combobox', { name: 'Search commands' }).fill('tag selected')
  await page.getByRole('option', { name: /^Tag selected articles/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Tag selected articles' })
  await expect(dialog).toContainText('3 articles')
  await dialog.getByRole('combobox', { name: 'Theme' }).fill('Infrastructure')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('theme-status')).toHaveText('Tagged 3 articles')
  const infrastructure = sidebar(page).getByRole('button', { name: /^Infrastructure/ })
  await expect(infrastructure).toContainText('3')

  await expectNoSeriousViolations(page, 'themes: ')

  // Pinned, the theme is key 1: it comes off the open article and goes back on.
  const themes = await call<{ themes: { id: string; name: string }[] }>(page, 'themes:list', {})
  const id = themes.themes.find((t) => t.name === 'Education')!.id
  await call(page, 'themes:update', { id, patch: { pinned: true } })
  await rows(page).filter({ hasText: SEED_TITLE }).click()
  await expect(chips(page)).toHaveCount(1)
  await page.getByRole('grid', { name: 'Articles' }).focus()
  await page.keyboard.press('1')
  await expect(chips(page)).toHaveCount(0)
  await expect(page.getByTestId('theme-status')).toHaveText('Untagged 1 article')
  await page.keyboard.press('1')
  await expect(chips(page)).toHaveCount(1)
  await expect(chips(page)).toContainText('Education')
})
