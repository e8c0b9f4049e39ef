import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import type { Facets } from '../../src/shared/model'

const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')
const SEED_FILE = '000_23479a12e8a3a472.txt'
const SEED_TITLE = /^Ministry of Education: China and 58 countries/

/** A call to the archive behind the page, as the page itself makes it (token in the header). */
async function call<T>(request: APIRequestContext, channel: string, input: object): Promise<T> {
  const url = new URL(process.env['E2E_URL']!)
  const reply = await request.post(new URL(`/api/${channel}`, url).href, {
    headers: { 'X-Press-Archive-Token': url.searchParams.get('token')!, Origin: url.origin },
    data: input,
  })
  const body = (await reply.json()) as { ok: boolean; value: T }
  expect(body.ok).toBe(true)
  return body.value
}

function grid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Articles' })
}

function rows(page: Page): Locator {
  return page.getByTestId('article-row')
}

function status(page: Page): Locator {
  return page.getByTestId('list-status')
}

/** The article id of the row the keyboard cursor is on (the grid's active descendant). */
async function cursorId(page: Page): Promise<string | null> {
  const id = await grid(page).getAttribute('aria-activedescendant')
  return id === null ? null : page.locator(`[id="${id}"]`).getAttribute('data-id')
}

async function selectedIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((els) =>
    els
      .filter((el) => el.getAttribute('aria-selected') === 'true')
      .map((el) => el.getAttribute('data-id')!),
  )
}

async function listedIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-id')!))
}

async function titles(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((els) =>
    els.map((el) => el.querySelector('[role="gridcell"]')!.textContent!.trim()),
  )
}

async function openLibrary(page: Page): Promise<void> {
  await page.goto(process.env['E2E_URL']!)
  await expect(rows(page).first()).toBeVisible()
}

test('the library lists the archive with its views, sources and years, and opens an article', async ({
  page,
  request,
}) => {
  const facets = await call<Facets>(request, 'articles:facets', {})
  await openLibrary(page)
  // The token leaves the address bar once the page has it.
  expect(page.url()).not.toContain('token=')

  const sidebar = page.getByRole('navigation', { name: 'Library' })
  await expect(sidebar.getByRole('heading', { level: 2 })).toHaveText('Sample Archive')
  const all = sidebar.getByRole('button', { name: /^All articles/ })
  await expect(all).toHaveAttribute('aria-current', 'true')
  await expect(all).toContainText(String(facets.total))
  await expect(sidebar.getByRole('button', { name: /^Needs review/ })).toContainText(
    String(facets.review),
  )
  for (const source of facets.sources) {
    await expect(sidebar.getByRole('button', { name: source.name })).toContainText(
      String(source.count),
    )
  }
  for (const year of facets.years) {
    await expect(sidebar.getByRole('button', { name: String(year.year) })).toContainText(
      String(year.count),
    )
  }

  // Screen readers are told the whole list's size, not only the rows rendered.
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(facets.total + 1))
  await expect(grid(page)).toHaveAttribute('aria-multiselectable', 'true')
  await expect(rows(page)).toHaveCount(facets.total)
  await expect(status(page)).toHaveText(`${facets.total} articles`)

  const seed = rows(page).filter({ hasText: SEED_TITLE })
  await expect(seed.getByText('Review', { exact: true })).toBeVisible()
  await seed.click()
  await expect(seed).toHaveAttribute('aria-current', 'true')
  await expect(seed).toHaveAttribute('aria-selected', 'true')
  await expect(status(page)).toHaveText(`${facets.total} articles · 1 selected`)
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader.getByTestId('original-file')).toContainText(SEED_FILE)

  // The README shows these.
  await page.screenshot({ path: join(SCREENSHOTS, 'library-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: join(SCREENSHOTS, 'library-dark.png') })
})

test('mouse: a click selects and opens one article; Ctrl-click and Shift-click select without opening', async ({
  page,
}) => {
  await openLibrary(page)
  const ids = await listedIds(page)
  expect(ids.length).toBeGreaterThanOrEqual(6)

  await rows(page).nth(1).click()
  await expect(rows(page).nth(1)).toHaveAttribute('aria-current', 'true')
  expect(await selectedIds(page)).toEqual([ids[1]])

  await rows(page)
    .nth(3)
    .click({ modifiers: ['ControlOrMeta'] })
  expect(await selectedIds(page)).toEqual([ids[1], ids[3]])
  // The opened article stays the one plainly clicked.
  await expect(rows(page).nth(1)).toHaveAttribute('aria-current', 'true')
  await expect(rows(page).nth(3)).not.toHaveAttribute('aria-current', 'true')

  // Ctrl-click again takes it back out.
  await rows(page)
    .nth(3)
    .click({ modifiers: ['ControlOrMeta'] })
  expect(await selectedIds(page)).toEqual([ids[1]])

  // Shift-click: everything from the row plainly clicked to this one.
  await rows(page).nth(1).click()
  await rows(page)
    .nth(4)
    .click({ modifiers: ['Shift'] })
  expect(await selectedIds(page)).toEqual(ids.slice(1, 5))
  await expect(status(page)).toContainText('4 selected')
  await expect(rows(page).nth(1)).toHaveAttribute('aria-current', 'true')

  // Shift-click from a Ctrl-clicked row adds its range to what was already selected.
  await rows(page)
    .nth(5)
    .click({ modifiers: ['ControlOrMeta'] })
  await rows(page)
    .nth(4)
    .click({ modifiers: ['ControlOrMeta'] })
  expect(await selectedIds(page)).toEqual([...ids.slice(1, 4), ids[5]])
  await rows(page)
    .nth(3)
    .click({ modifiers: ['Shift'] })
  expect(await selectedIds(page)).toEqual(ids.slice(1, 6))
})

test('keyboard: j/k and arrows move the cursor, Space and Shift select, Enter opens, Ctrl+A selects all', async ({
  page,
}) => {
  await openLibrary(page)
  const ids = await listedIds(page)
  await grid(page).focus()

  await page.keyboard.press('j')
  expect(await cursorId(page)).toBe(ids[0])
  for (const key of ['j', 'j', 'k', 'ArrowDown', 'ArrowUp', 'ArrowDown']) {
    await page.keyboard.press(key)
  }
  expect(await cursorId(page)).toBe(ids[2])
  // Moving the cursor selects and opens nothing.
  expect(await selectedIds(page)).toEqual([])
  await expect(rows(page).and(page.locator('[aria-current="true"]'))).toHaveCount(0)

  await page.keyboard.press('Enter')
  await expect(rows(page).nth(2)).toHaveAttribute('aria-current', 'true')
  await expect(
    page.getByRole('region', { name: 'Reader' }).getByTestId('original-file'),
  ).toBeVisible()

  await page.keyboard.press('Space')
  expect(await selectedIds(page)).toEqual([ids[2]])
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+j')
  expect(await cursorId(page)).toBe(ids[4])
  expect(await selectedIds(page)).toEqual(ids.slice(2, 5))
  await page.keyboard.press('Space')
  expect(await selectedIds(page)).toEqual(ids.slice(2, 4))

  await page.keyboard.press('End')
  expect(await cursorId(page)).toBe(ids[ids.length - 1])
  await page.keyboard.press('Home')
  expect(await cursorId(page)).toBe(ids[0])

  await page.keyboard.press('ControlOrMeta+a')
  await expect(status(page)).toContainText(`${ids.length} selected`)
  expect(await selectedIds(page)).toEqual(ids)
  await page.keyboard.press('Escape')
  await expect(status(page)).toHaveText(`${ids.length} articles`)
})

test('column headers sort the list, say how (aria-sort), and reverse on a second click', async ({
  page,
}) => {
  await openLibrary(page)
  const header = (name: string) => grid(page).getByRole('columnheader', { name })

  await header('Title').getByRole('button').click()
  await expect(header('Title')).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('title')
  const ascending = await titles(page)
  const lower = ascending.map((t) => t.toLowerCase())
  expect(lower).toEqual([...lower].sort())

  await header('Title').getByRole('button').click()
  await expect(header('Title')).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => titles(page)).toEqual([...ascending].reverse())

  // A date sorts newest first, and only the sorted column says it is.
  await header('Date').getByRole('button').click()
  await expect(header('Date')).toHaveAttribute('aria-sort', 'descending')
  await expect(header('Title')).not.toHaveAttribute('aria-sort')
  const dates = await rows(page).evaluateAll((els) =>
    els.map((el) => el.querySelectorAll('[role="gridcell"]')[1]!.textContent!.trim()),
  )
  expect(dates.filter((d) => /^\d/.test(d))).toEqual(
    dates
      .filter((d) => /^\d/.test(d))
      .sort()
      .reverse(),
  )
})

test('the cursor keeps its article when the order changes', async ({ page }) => {
  await openLibrary(page)
  await rows(page).filter({ hasText: SEED_TITLE }).click()
  const seedId = await cursorId(page)
  expect(seedId).not.toBeNull()
  for (const name of ['Title', 'Source', 'Date']) {
    await grid(page).getByRole('columnheader', { name }).getByRole('button').click()
    await expect(grid(page).getByRole('columnheader', { name })).toHaveAttribute(
      'aria-sort',
      /ending$/,
    )
    await expect.poll(() => cursorId(page)).toBe(seedId)
  }
})

test('views, sources, years and the search box filter the list; no match offers to clear', async ({
  page,
  request,
}) => {
  const facets = await call<Facets>(request, 'articles:facets', {})
  await openLibrary(page)
  const sidebar = page.getByRole('navigation', { name: 'Library' })

  await sidebar.getByRole('button', { name: /^Needs review/ }).click()
  await expect(sidebar.getByRole('button', { name: /^Needs review/ })).toHaveAttribute(
    'aria-current',
    'true',
  )
  await expect(rows(page)).toHaveCount(facets.review)
  for (const row of await rows(page).all()) await expect(row).toContainText('Review')

  const source = facets.sources[0]!
  await sidebar.getByRole('button', { name: source.name }).click()
  await expect(rows(page)).toHaveCount(source.count)
  for (const row of await rows(page).all()) await expect(row).toContainText(source.name)

  const year = facets.years[0]!
  await sidebar.getByRole('button', { name: String(year.year) }).click()
  await expect(rows(page)).toHaveCount(year.count)
  for (const row of await rows(page).all()) await expect(row).toContainText(`${year.year}-`)

  await sidebar.getByRole('button', { name: /^All articles/ }).click()
  await expect(rows(page)).toHaveCount(facets.total)

  // `/` jumps to the search box from anywhere but a text field.
  await grid(page).focus()
  await page.keyboard.press('/')
  const search = page.getByRole('searchbox', { name: 'Filter titles, authors, sources' })
  await expect(search).toBeFocused()
  await page.keyboard.type('ministry education')
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText(SEED_TITLE)
  await expect(status(page)).toHaveText('1 article')
  await page.keyboard.press('Escape')
  await expect(search).toHaveValue('')
  await expect(rows(page)).toHaveCount(facets.total)

  await search.fill('no article is called this')
  await expect(page.getByText('No articles match this filter.')).toBeVisible()
  await expect(rows(page)).toHaveCount(0)
  await page.getByRole('button', { name: 'Clear the filter' }).click()
  await expect(search).toHaveValue('')
  await expect(rows(page)).toHaveCount(facets.total)
})

test('the list follows changes to the archive and keeps the cursor on its article', async ({
  page,
  request,
}) => {
  await openLibrary(page)
  const before = await listedIds(page)
  await rows(page).nth(2).click()
  const opened = before[2]!
  expect(await cursorId(page)).toBe(opened)

  // A title with markup in it, imported behind the page's back: newest first, so it lands on top.
  const dir = mkdtempSync(join(tmpdir(), 'press-archive-e2e-library-'))
  const file = join(dir, 'markup.txt')
  const title = 'Markup test <b>bold</b> <img src=x onerror="window.__pwned = 1">'
  // New bytes every run, so a retry imports it again rather than finding a duplicate.
  writeFileSync(file, `${title}\n\nBody text ${Date.now()}.\n`)
  await call(request, 'import:paths', { paths: [file] })

  await expect(rows(page)).toHaveCount(before.length + 1)
  await expect.poll(() => cursorId(page)).toBe(opened)
  await expect(rows(page).nth(3)).toHaveAttribute('data-id', opened)
  await expect(rows(page).nth(3)).toHaveAttribute('aria-current', 'true')

  // Listed as the literal words, never as HTML.
  const cell = rows(page).first().getByRole('gridcell').first()
  await expect(cell).toHaveText(title)
  expect(await cell.evaluate((el) => el.children.length)).toBe(0)
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined()
})

test('the library has no serious or critical accessibility problems, light or dark', async ({
  page,
}) => {
  await openLibrary(page)
  await rows(page).nth(1).click()
  await page.keyboard.press('j')
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const results = await new AxeBuilder({ page })
      .include('nav[aria-label="Library"]')
      .include('section[aria-label="Article list"]')
      .analyze()
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    )
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
  }
})
