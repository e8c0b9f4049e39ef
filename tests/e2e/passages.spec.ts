import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe'
import { deskPerTest } from './support/desk'

/**
 * Passage tagging: words of the cleaned text tagged with a theme stay on those words through
 * edits around and inside them, a reload, and a save; words deleted leave the passage detached;
 * the Passages view lists a theme's passages across the archive and opens each one.
 */

const SEED_TITLE = /^Ministry of Education: China and 58 countries/
const PHRASE = 'mutual recognition agreement for academic degrees'
const DOOMED = 'overseas students'

const desk = deskPerTest('Passage Desk')

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

interface StoredPassage {
  id: string
  start: number
  end: number
  quote: string
  detached?: true
}

async function storedArticle(
  page: Page,
  id: string,
): Promise<{ cleanedText: string; passages: StoredPassage[] }> {
  const view = await call<{ cleanedText: string; meta: { passages?: StoredPassage[] } }>(
    page,
    'article:get',
    { id },
  )
  return { cleanedText: view.cleanedText, passages: view.meta.passages ?? [] }
}

function cleanedText(page: Page): Locator {
  return page.getByTestId('cleaned-text').locator('.cm-content')
}

function row(page: Page, title: RegExp): Locator {
  return page.getByTestId('article-row').filter({ hasText: title })
}

async function openSeed(page: Page): Promise<string> {
  const seed = row(page, SEED_TITLE)
  const id = (await seed.getAttribute('data-id'))!
  await seed.click()
  await expect(page.getByTestId('meta-title')).toHaveValue(SEED_TITLE)
  return id
}

/** Select `words` in the cleaned text as a person would, with the DOM selection. */
async function select(page: Page, words: string): Promise<void> {
  const line = cleanedText(page).locator('.cm-line', { hasText: words })
  await line.scrollIntoViewIfNeeded()
  await line.click()
  await line.evaluate((element, wanted) => {
    // Change marks split the words over several text nodes: search their joined text.
    const nodes: Text[] = []
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
    const joined = nodes.map((n) => n.data).join('')
    const at = joined.indexOf(wanted)
    if (at < 0) throw new Error(`"${wanted}" is not on the line`)
    const place = (offset: number): [Text, number] => {
      let left = offset
      for (const n of nodes) {
        if (left <= n.data.length) return [n, left]
        left -= n.data.length
      }
      throw new Error('offset past the line')
    }
    const range = document.createRange()
    range.setStart(...place(at))
    range.setEnd(...place(at + wanted.length))
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, words)
}

/** The words of every highlighted piece of a passage, joined (change marks may split it). */
async function highlighted(page: Page, id: string): Promise<string> {
  const pieces = cleanedText(page).locator(`.cm-passage[data-passage="${id}"]`)
  await expect(pieces.first()).toBeVisible()
  return (await pieces.allTextContents()).join('')
}

/** Tag `words` with a theme, from the button by the selection or (`byKey`) by the shortcut. */
async function tag(page: Page, words: string, theme: string, byKey = false): Promise<void> {
  await select(page, words)
  if (byKey) await page.keyboard.press('ControlOrMeta+Shift+T')
  else await page.getByTestId('tag-passage').click()
  const dialog = page.getByRole('dialog', { name: 'Tag passage' })
  await expect(dialog).toContainText(words)
  await dialog.getByRole('combobox', { name: 'Theme for the passage' }).fill(theme)
  await expect(dialog.getByRole('option', { name: theme, exact: true })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
}

test('a tagged passage stays on its words through typing, a save and a reload', async ({
  page,
}) => {
  await call(page, 'themes:create', { name: 'Education' })
  await page.goto(desk.host.url)
  const id = await openSeed(page)
  await page.getByTestId('view-cleaned').click()

  await tag(page, PHRASE, 'Education')
  const [passage] = (await storedArticle(page, id)).passages
  expect(passage?.quote).toBe(PHRASE)
  expect(await highlighted(page, passage!.id)).toBe(PHRASE)

  // Typed before the passage: the words move, and the highlight moves with them.
  await cleanedText(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('Update: ')
  expect(await highlighted(page, passage!.id)).toBe(PHRASE)
  await expect
    .poll(async () => (await storedArticle(page, id)).cleanedText.startsWith('Update: '))
    .toBe(true)
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  const saved = (await storedArticle(page, id)).passages[0]!
  expect(saved.start).toBe(passage!.start + 'Update: '.length)
  expect(saved.quote).toBe(PHRASE)

  // After a reload the highlight is read back from the archive: on the same words.
  await page.reload()
  await openSeed(page)
  await page.getByTestId('view-cleaned').click()
  expect(await highlighted(page, passage!.id)).toBe(PHRASE)

  // The same in the split view, with the changes marked around it.
  await page.getByTestId('view-split').click()
  expect(await highlighted(page, passage!.id)).toBe(PHRASE)
})

test('an edit inside a passage keeps it; its tooltip and the context menu remove and tag', async ({
  page,
}) => {
  await call(page, 'themes:create', { name: 'Education' })
  await page.goto(desk.host.url)
  const id = await openSeed(page)
  await page.getByTestId('view-cleaned').click()
  await tag(page, PHRASE, 'Education')
  const [passage] = (await storedArticle(page, id)).passages

  // Typed inside the passage: the words are the passage's, and the save keeps them so (the
  // editor tells the archive where the passage went; its old words alone are gone).
  await select(page, 'recognition')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('full ')
  const edited = PHRASE.replace('recognition', 'full recognition')
  expect(await highlighted(page, passage!.id)).toBe(edited)
  await expect.poll(async () => (await storedArticle(page, id)).passages[0]?.quote).toBe(edited)
  expect((await storedArticle(page, id)).passages[0]?.detached).toBeUndefined()

  // Its tooltip names the theme and removes it.
  await cleanedText(page).locator('.cm-passage').first().hover()
  const tip = page.locator('.cm-tooltip-hover')
  await expect(tip).toContainText('Education')
  await tip.getByRole('button', { name: 'Remove passage' }).click()
  await expect(cleanedText(page).locator('.cm-passage')).toHaveCount(0)
  await expect.poll(async () => (await storedArticle(page, id)).passages.length).toBe(0)

  // The text's context menu tags selected words too.
  await select(page, 'academic degrees')
  const box = await page.evaluate(() => {
    const rect = window.getSelection()!.getRangeAt(0).getClientRects()[0]!
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height }
  })
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' })
  const menu = page.getByRole('menu', { name: 'Passage' })
  await expect(menu.getByRole('menuitem', { name: 'Tag passage…' })).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Tag passage' })
  await expect(dialog.getByRole('combobox', { name: 'Theme for the passage' })).toBeFocused()
  await expectNoSeriousViolations(page, 'tag dialog: ')
  await dialog.getByRole('combobox', { name: 'Theme for the passage' }).fill('Education')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  const [again] = (await storedArticle(page, id)).passages
  expect(again?.quote).toBe('academic degrees')
  expect(await highlighted(page, again!.id)).toBe('academic degrees')
})

test('deleted words leave a passage detached; the Passages view lists and opens passages', async ({
  page,
}) => {
  // A long story (two tags, an edit and its save, two articles, the view): room for a busy machine.
  test.slow()
  await call(page, 'themes:create', { name: 'Education' })
  await call(page, 'themes:create', { name: 'Students' })
  await page.goto(desk.host.url)
  const id = await openSeed(page)
  await page.getByTestId('view-cleaned').click()

  await tag(page, PHRASE, 'Education')
  await tag(page, DOOMED, 'Students', true)
  const list = page.getByTestId('passage-list')
  await page.getByTestId('toggle-passages').click()
  await expect(list.getByTestId('passage-item')).toHaveCount(2)

  // Delete the second passage's words: it is kept, detached, with the words it had.
  await select(page, DOOMED)
  await page.keyboard.press('Delete')
  await expect
    .poll(async () => (await storedArticle(page, id)).passages.find((p) => p.detached)?.quote)
    .toBe(DOOMED)
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  await expect(page.getByTestId('detached-passages')).toContainText(DOOMED)
  await expect(list.getByText('Detached — words edited away')).toBeVisible()
  const kept = (await storedArticle(page, id)).passages.find((p) => !p.detached)!
  expect(await highlighted(page, kept.id)).toBe(PHRASE)
  await expect(cleanedText(page).locator('.cm-passage')).toHaveCount(1)

  // Another article is open; the Passages view takes us back to the passage's words.
  await row(page, /^Green Valley County completed/).click()
  await expect(page.getByTestId('meta-title')).not.toHaveValue(SEED_TITLE)
  await page.getByTestId('open-passages').click()
  const view = page.getByRole('dialog', { name: 'Passages' })
  const scopes = view.getByRole('navigation', { name: 'Passages of' })
  await scopes.getByRole('button', { name: 'Education' }).click()
  const item = view.getByTestId('archive-passage')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText(SEED_TITLE)
  await expect(item).toContainText(PHRASE)

  // The palette reaches the same view.
  await view.getByRole('button', { name: 'Close' }).click()
  await expect(view).toBeHidden()
  await page.keyboard.press('ControlOrMeta+k')
  await page.getByRole('combobox', { name: 'Search commands' }).fill('passages by theme')
  await page.getByRole('option', { name: /^Show passages by theme/ }).click()
  await expect(view).toBeVisible()
  await view.getByTestId('passages-detached').click()
  await expect(item).toHaveCount(1)
  await expect(item).toContainText(DOOMED)
  await expect(item).toContainText('Students')
  await expectNoSeriousViolations(page, 'passages view: ')

  await scopes.getByRole('button', { name: 'Education' }).click()
  await expect(item).toContainText(PHRASE)
  await item.click()
  await expect(view).toBeHidden()
  await expect(page.getByTestId('meta-title')).toHaveValue(SEED_TITLE)
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(PHRASE)

  // Removing from the list takes the highlight away too.
  await list.getByRole('button', { name: new RegExp(`^Remove passage “${PHRASE}”`) }).click()
  await expect(cleanedText(page).locator('.cm-passage')).toHaveCount(0)
  await expect.poll(async () => (await storedArticle(page, id)).passages.length).toBe(1)
})
