import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'

const SEED = resolve(__dirname, '../../resources/sample/000_23479a12e8a3a472.txt')
const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')
const SEED_TITLE = /^Ministry of Education: China and 58 countries/

test('the sample archive lists the seed article and shows its original text exactly', async ({
  page,
}) => {
  await page.goto(process.env['E2E_URL']!)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sample Archive')
  const list = page.getByRole('listbox', { name: 'Articles' })
  const seed = list.getByRole('option', { name: SEED_TITLE })
  await expect(seed).toBeVisible()
  // The token leaves the address bar once the page has it.
  expect(page.url()).not.toContain('token=')

  await seed.click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText(SEED_TITLE)
  await expect(reader.getByTestId('article-author')).toContainText("The official account of Xi'an")
  await expect(reader.getByTestId('article-date')).toContainText('2022-09-21')
  await expect(reader.getByTestId('article-source')).toContainText('China News Network')

  await reader.getByRole('tab', { name: 'Original' }).click()
  const original = reader.getByTestId('original-text')
  await expect(original).toBeVisible()
  const expected = readFileSync(SEED, 'utf8').replace(/\r\n?/g, '\n')
  expect(await original.evaluate((el) => el.textContent)).toBe(expected)

  // The README shows these.
  await page.screenshot({ path: join(SCREENSHOTS, 'library-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: join(SCREENSHOTS, 'library-dark.png') })
})

test('markup inside an article is shown as literal text, never as HTML', async ({
  page,
  request,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'press-archive-e2e-markup-'))
  const file = join(dir, 'markup.txt')
  const body =
    'Markup test <b>bold</b>\n<script>window.__pwned = 1</script>\n<img src=x onerror="window.__pwned = 2">\n'
  writeFileSync(file, body)
  const url = new URL(process.env['E2E_URL']!)
  const imported = await request.post(new URL('/api/import:paths', url).href, {
    headers: { 'X-Press-Archive-Token': url.searchParams.get('token')!, Origin: url.origin },
    data: { paths: [file] },
  })
  expect((await imported.json()).ok).toBe(true)

  await page.goto(url.href)
  const list = page.getByRole('listbox', { name: 'Articles' })
  await list.getByRole('option', { name: /^Markup test <b>bold<\/b>/ }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await reader.getByRole('tab', { name: 'Original' }).click()
  const original = reader.getByTestId('original-text')
  expect(await original.evaluate((el) => el.textContent)).toBe(body)
  expect(await original.evaluate((el) => el.children.length)).toBe(0)
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined()
})

test('keyboard: j/k and arrows move through the list, Enter opens', async ({ page }) => {
  await page.goto(process.env['E2E_URL']!)
  const list = page.getByRole('listbox', { name: 'Articles' })
  const options = list.getByRole('option')
  await expect(options.first()).toBeVisible()
  expect(await options.count()).toBeGreaterThanOrEqual(5)
  const selectedIndex = () =>
    options.evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-selected') === 'true'))
  await list.focus()
  await page.keyboard.press('j')
  const start = await selectedIndex()
  expect(start).toBeGreaterThanOrEqual(0)
  for (const key of ['j', 'j', 'k', 'ArrowDown', 'ArrowUp', 'ArrowDown'])
    await page.keyboard.press(key)
  expect(await selectedIndex()).toBe(start + 2)
  const selected = options.nth(start + 2)
  await page.keyboard.press('Enter')
  const heading = page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 2 })
  await expect(heading).not.toBeEmpty()
  expect(
    (await selected.textContent())!
      .trim()
      .startsWith((await heading.textContent())!.trim().slice(0, 30)),
  ).toBe(true)
})
