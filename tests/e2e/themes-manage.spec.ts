import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe'
import { cli } from './support/host'
import { deskPerTest } from './support/desk'

/** Each test gets its own archive of the samples, three themes on one article each, and a host. */
const desk = deskPerTest('Theme Desk', {
  prepare(archive) {
    for (const [name, query] of [
      ['Roads', 'road'],
      ['Parks', 'park'],
      ['Education', 'Ministry'],
    ] as const) {
      cli('themes', archive, '--add', name)
      cli('tag', archive, '--query', query, '--theme', name)
    }
  },
})

function sidebarCount(page: Page, name: string): Locator {
  return page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .locator('.count')
}

function manager(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Manage themes' })
}

async function openManager(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Manage themes' }).click()
  await expect(manager(page)).toBeVisible()
  return manager(page)
}

async function closeManager(page: Page): Promise<void> {
  await manager(page).getByRole('button', { name: 'Close', exact: true }).click()
  await expect(manager(page)).toBeHidden()
}

function row(dialog: Locator, name: string): Locator {
  return dialog
    .getByRole('region', { name: 'Themes' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
}

test('rename and recolour a theme; a taken name is refused in plain words', async ({ page }) => {
  await page.goto(desk.host.url)
  await expect(sidebarCount(page, 'Parks')).toHaveText('1')

  // From the palette, as any command.
  await page.keyboard.press('ControlOrMeta+k')
  await page.getByRole('combobox', { name: 'Search commands' }).fill('manage themes')
  await page.getByRole('option', { name: /^Manage themes/ }).click()
  const dialog = manager(page)
  await expect(dialog).toBeVisible()
  await expectNoSeriousViolations(page, 'theme manager: ')

  // The tree is a list the arrow keys move through; the first theme has focus on opening.
  await expect(row(dialog, 'Education')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(row(dialog, 'Parks')).toBeFocused()
  await expect(row(dialog, 'Parks')).toHaveAttribute('aria-current', 'true')
  const name = dialog.getByRole('textbox', { name: 'Name' })
  await expect(name).toHaveValue('Parks')
  await name.fill('Roads')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('There is already a theme named "Roads".')

  await name.fill('Green spaces')
  await dialog.getByRole('button', { name: 'Colour #2e9e5b' }).click()
  await dialog.getByRole('textbox', { name: 'Keywords' }).fill('park, garden')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
    'Saved “Green spaces”.',
  )
  await expect(row(dialog, 'Green spaces')).toBeVisible()
  await closeManager(page)

  await expect(sidebarCount(page, 'Green spaces')).toHaveText('1')
  await expect(
    page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Parks/ }),
  ).toHaveCount(0)
  const dot = page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^Green spaces/ })
    .locator('.dot')
  await expect(dot).toHaveCSS('background-color', 'rgb(46, 158, 91)')
})

test('merge two themes into a third and undo it', async ({ page }) => {
  await page.goto(desk.host.url)
  await expect(sidebarCount(page, 'Roads')).toHaveText('1')

  const dialog = await openManager(page)
  await row(dialog, 'Roads').click()
  await dialog.getByText('Merge other themes into “Roads”').click()
  await dialog.getByRole('checkbox', { name: /Parks/ }).check()
  await dialog.getByRole('checkbox', { name: /Education/ }).check()
  await dialog.getByRole('button', { name: 'Merge…' }).click()
  const ask = page.getByRole('dialog', { name: 'Merge themes' })
  await expect(ask).toContainText(
    'Merge “Parks”, “Education” into “Roads”? Their 2 articles will have “Roads” instead.',
  )
  await expectNoSeriousViolations(page, 'merge question: ')
  await ask.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(dialog.getByTestId('theme-undo')).toContainText('Merged 2 themes into “Roads”.')
  await closeManager(page)

  await expect(sidebarCount(page, 'Roads')).toHaveText('3')
  await expect(
    page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Parks/ }),
  ).toHaveCount(0)

  // Closed, the manager still offers the undo.
  const toast = page.getByTestId('theme-undo-toast')
  await expect(toast).toContainText('Merged 2 themes into “Roads”.')
  await expectNoSeriousViolations(page, 'undo toast: ')
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(toast).toHaveCount(0)
  await expect(sidebarCount(page, 'Roads')).toHaveText('1')
  await expect(sidebarCount(page, 'Parks')).toHaveText('1')
  await expect(sidebarCount(page, 'Education')).toHaveText('1')
})

test('delete a theme, asked first, and undo it', async ({ page }) => {
  await page.goto(desk.host.url)
  await expect(sidebarCount(page, 'Education')).toHaveText('1')

  const dialog = await openManager(page)
  await row(dialog, 'Education').click()
  await dialog.getByRole('button', { name: 'Delete…' }).click()
  const ask = page.getByRole('dialog', { name: 'Delete theme' })
  await expect(ask).toContainText('Delete “Education”? It is used by 1 article. You can undo this.')
  // Cancelling leaves it be.
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(row(dialog, 'Education')).toBeVisible()

  await dialog.getByRole('button', { name: 'Delete…' }).click()
  await ask.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(dialog.getByTestId('theme-undo')).toContainText('Deleted “Education”.')
  await expect(row(dialog, 'Education')).toHaveCount(0)
  await expect(
    page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Education/ }),
  ).toHaveCount(0)

  await dialog.getByTestId('theme-undo').getByRole('button', { name: 'Undo' }).click()
  await expect(row(dialog, 'Education')).toBeVisible()
  await closeManager(page)
  await expect(sidebarCount(page, 'Education')).toHaveText('1')
})
