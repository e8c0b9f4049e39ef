import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { META_CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { findElectron, ROOT, withTempDir } from './support'

/** The seed article in resources/sample (its full title is longer). */
const SEED_TITLE = /Ministry of Education: China and 58 countries/

const binary = findElectron()
if (!binary.usable) {
  // Said plainly in the output, not only as a skip annotation in the report.
  console.log(
    `[electron launch test] skipped: Electron binary not available on this machine: ${binary.reason}`,
  )
}

test.describe('the desktop app', () => {
  test.skip(
    !binary.usable,
    `Electron binary not available on this machine: ${binary.usable ? '' : binary.reason}`,
  )

  test('first start opens the sample archive in a locked-down window, and quitting releases the lock', async () => {
    if (!binary.usable) return
    const mainFile = join(ROOT, 'out/main/index.js')
    expect(
      existsSync(mainFile),
      `${mainFile} is missing: run \`npx electron-vite build\` first`,
    ).toBe(true)

    await withTempDir('press-archive-electron-', async (userData) => {
      const env: Record<string, string> = {}
      for (const [key, value] of Object.entries(process.env))
        if (value !== undefined) env[key] = value
      // The built UI, not a dev server; no browser opened by the window.open check.
      delete env['ELECTRON_RENDERER_URL']
      delete env['ELECTRON_RUN_AS_NODE']
      env['PRESS_ARCHIVE_USER_DATA'] = userData
      env['PRESS_ARCHIVE_NO_EXTERNAL_LINKS'] = '1'

      const app = await electron.launch({
        executablePath: binary.path,
        // Chromium's own sandbox cannot start as root (containers, CI); the renderer stays
        // sandboxed by webPreferences either way.
        args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        cwd: ROOT,
        env,
        timeout: 60_000,
      })
      try {
        const window = await app.firstWindow()

        // First start: the sample archive was created, imported and opened.
        await expect(window.getByText(SEED_TITLE).first()).toBeVisible({ timeout: 30_000 })
        const info = await window.evaluate(async () => {
          const api = (
            globalThis as unknown as { api: { archiveInfo(input: object): Promise<unknown> } }
          ).api
          return api.archiveInfo({})
        })
        expect(info).toMatchObject({ ok: true, value: { name: 'Sample Archive', readOnly: false } })

        // The page gets the contract and nothing of Node or Electron.
        const globals = await window.evaluate(() => {
          const g = globalThis as unknown as Record<string, unknown>
          return {
            api: typeof g['api'],
            articlesList: typeof (g['api'] as Record<string, unknown> | undefined)?.[
              'articlesList'
            ],
            require: typeof g['require'],
            process: typeof g['process'],
            ipcRenderer: typeof g['ipcRenderer'],
          }
        })
        expect(globals).toEqual({
          api: 'object',
          articlesList: 'function',
          require: 'undefined',
          process: 'undefined',
          ipcRenderer: 'undefined',
        })

        // The page runs under the one policy of src/shared/csp.ts, written in by the build.
        const csp = await window.evaluate(() => {
          type Meta = { getAttribute(name: string): string | null }
          const doc = (
            globalThis as unknown as { document: { querySelector(s: string): Meta | null } }
          ).document
          return doc
            .querySelector('meta[http-equiv="Content-Security-Policy"]')
            ?.getAttribute('content')
        })
        expect(csp).toBe(META_CONTENT_SECURITY_POLICY)

        // Help › Keyboard Shortcuts reaches the page as the contract's `menu:command` event.
        await window.evaluate(() => {
          const g = globalThis as unknown as {
            api: { on(event: string, listener: (payload: unknown) => void): () => void }
            menuCommands: unknown[]
          }
          g.menuCommands = []
          g.api.on('menu:command', (payload) => g.menuCommands.push(payload))
        })
        const clicked = await app.evaluate(({ Menu }) => {
          type Item = { label: string; submenu?: { items: Item[] } | null; click(): void }
          const find = (items: Item[]): Item | undefined => {
            for (const item of items) {
              if (item.label === 'Keyboard Shortcuts') return item
              const inner = item.submenu ? find(item.submenu.items) : undefined
              if (inner) return inner
            }
            return undefined
          }
          const item = find((Menu.getApplicationMenu()?.items ?? []) as unknown as Item[])
          item?.click()
          return item !== undefined
        })
        expect(clicked).toBe(true)
        await expect
          .poll(() =>
            window.evaluate(
              () => (globalThis as unknown as { menuCommands: unknown[] }).menuCommands,
            ),
          )
          .toEqual([{ command: 'keyboard-shortcuts' }])

        // No new windows: window.open is denied (web links go to the system browser instead).
        const opened = await window.evaluate(() => {
          const open = (globalThis as unknown as { open(url: string): unknown }).open
          return open('https://example.com') === null
        })
        expect(opened).toBe(true)
        expect(app.windows()).toHaveLength(1)
      } finally {
        await app.close()
      }

      // Quitting closed the archive: its lock is gone and settings remember it.
      const sample = join(userData, 'Sample Archive')
      expect(existsSync(join(sample, 'archive.json'))).toBe(true)
      expect(existsSync(join(sample, '.lock'))).toBe(false)
      expect(existsSync(join(userData, 'settings.json'))).toBe(true)
    })
  })
})
