import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/**
 * Axe on the page as it stands; fails with each serious or critical problem and the elements
 * it is on. Legacy mode runs axe in the page itself rather than finishing in a second, blank
 * page: the app has no frames, so it checks the same, in about half the time.
 */
export async function expectNoSeriousViolations(page: Page, label = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze()
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  expect(
    serious.map((v) => `${label}${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}
