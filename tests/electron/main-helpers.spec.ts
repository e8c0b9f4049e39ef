import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate, type MenuActions, type MenuState } from '../../src/main/menu-template'
import { RECENT_LIMIT, withRecent, withoutRecent } from '../../src/main/recent'
import {
  isAppUrl,
  isExternalWebLink,
  type RendererLocation,
} from '../../src/main/renderer-location'
import { callService } from '../../src/main/service-call'
import { SettingsStore } from '../../src/main/settings'
import { MENU_COMMANDS, type MenuCommand } from '../../src/shared/channels'
import { withTempDir } from './support'

// Main's helpers that do not need Electron, checked here because they run without a binary.

const built: RendererLocation = {
  url: 'file:///opt/press-archive/out/renderer/index.html',
  file: '/opt/press-archive/out/renderer/index.html',
}
const dev: RendererLocation = { url: 'http://localhost:5173/', file: null }

test.describe('renderer location', () => {
  test('only our own index.html counts as the app, whatever its hash or query', () => {
    expect(isAppUrl('file:///opt/press-archive/out/renderer/index.html', built)).toBe(true)
    expect(
      isAppUrl('file:///opt/press-archive/out/renderer/index.html#/article/1?x=1', built),
    ).toBe(true)
    expect(isAppUrl('file:///opt/press-archive/out/renderer/other.html', built)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false)
    expect(isAppUrl('https://example.com/', built)).toBe(false)
    expect(isAppUrl('not a url', built)).toBe(false)
  })

  test('in development the dev server origin counts, nothing else', () => {
    expect(isAppUrl('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('file:///opt/press-archive/out/renderer/index.html', dev)).toBe(false)
  })

  test('only http and https links go to the system browser', () => {
    expect(isExternalWebLink('https://example.com/a')).toBe(true)
    expect(isExternalWebLink('http://example.com')).toBe(true)
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'x']) {
      expect(isExternalWebLink(url)).toBe(false)
    }
  })
})

test.describe('recent archives', () => {
  test('newest first, no duplicates, at most the limit', () => {
    let list: string[] = []
    for (let i = 0; i < RECENT_LIMIT + 3; i++) list = withRecent(list, `/archives/${i}`)
    expect(list).toHaveLength(RECENT_LIMIT)
    expect(list[0]).toBe(`/archives/${RECENT_LIMIT + 2}`)
    list = withRecent(list, '/archives/5')
    expect(list[0]).toBe('/archives/5')
    expect(list.filter((p) => p === '/archives/5')).toHaveLength(1)
    expect(withoutRecent(list, '/archives/5')).not.toContain('/archives/5')
  })
})

test.describe('settings', () => {
  test('a missing file gives the defaults; a saved one is read back', async () => {
    await withTempDir('press-archive-settings-', async (dir) => {
      const file = join(dir, 'nested', 'settings.json')
      const store = await SettingsStore.load(file)
      expect(store.get()).toEqual({ version: 1, lastArchive: null, recent: [], window: null })
      await store.update((s) => ({ lastArchive: '/a', recent: withRecent(s.recent, '/a') }))
      const again = await SettingsStore.load(file)
      expect(again.get()).toMatchObject({ lastArchive: '/a', recent: ['/a'] })
      // Atomic writes leave no temp files behind.
      expect(await readdir(join(dir, 'nested'))).toEqual(['settings.json'])
    })
  })

  test('fields missing from an older file take their defaults', async () => {
    await withTempDir('press-archive-settings-', async (dir) => {
      const file = join(dir, 'settings.json')
      await writeFile(file, '{"version":1,"lastArchive":"/a"}')
      const store = await SettingsStore.load(file)
      expect(store.get()).toEqual({ version: 1, lastArchive: '/a', recent: [], window: null })
    })
  })

  test('a corrupt or invalid file is ignored, not fatal', async () => {
    await withTempDir('press-archive-settings-', async (dir) => {
      const file = join(dir, 'settings.json')
      for (const text of [
        '{"version":1,"lastArch',
        '{"version":2}',
        '[]',
        '{"version":1,"lastArchive":5,"recent":[],"window":null}',
      ]) {
        await writeFile(file, text)
        const store = await SettingsStore.load(file)
        expect(store.get().lastArchive).toBeNull()
      }
    })
  })

  test('writes land in the order they were asked for', async () => {
    await withTempDir('press-archive-settings-', async (dir) => {
      const file = join(dir, 'settings.json')
      const store = await SettingsStore.load(file)
      for (let i = 0; i < 20; i++) void store.update(() => ({ lastArchive: `/a${i}` }))
      await store.flush()
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ lastArchive: '/a19' })
    })
  })
})

test.describe('menu template', () => {
  const actions: MenuActions = {
    newArchive: () => {},
    openArchive: () => {},
    openRecent: () => {},
    clearRecent: () => {},
    importFiles: () => {},
    importFolder: () => {},
    sendToUi: () => {},
    about: () => {},
  }
  const state: MenuState = { recent: [], canImport: true, dev: false, platform: 'linux' }

  function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    return template.flatMap((item) => [
      item,
      ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
    ])
  }
  const roles = (template: MenuItemConstructorOptions[]) => items(template).map((i) => i.role)
  const labels = (template: MenuItemConstructorOptions[]) => items(template).map((i) => i.label)

  test('reload and developer tools only in development', () => {
    expect(roles(menuTemplate(state, actions))).not.toContain('toggleDevTools')
    expect(roles(menuTemplate(state, actions))).not.toContain('reload')
    expect(roles(menuTemplate({ ...state, dev: true }, actions))).toContain('toggleDevTools')
  })

  test('import needs a writable archive', () => {
    const importItems = (s: MenuState) =>
      items(menuTemplate(s, actions)).filter((i) => i.label?.startsWith('Import'))
    expect(importItems(state).every((i) => i.enabled)).toBe(true)
    expect(importItems({ ...state, canImport: false }).every((i) => i.enabled === false)).toBe(true)
  })

  test('recent archives are listed, with & kept literal', () => {
    const template = menuTemplate({ ...state, recent: ['/x/Tom & Jerry', '/y/B'] }, actions)
    const all = labels(template)
    expect(all).toContain('Tom && Jerry — /x/Tom && Jerry')
    expect(all).toContain('B — /y/B')
    expect(labels(menuTemplate(state, actions))).toContain('No Recent Archives')
  })

  test('every menu command the UI knows is on the menu, and its item sends it', () => {
    const sent: MenuCommand[] = []
    const template = menuTemplate(state, { ...actions, sendToUi: (c) => sent.push(c) })
    const shortcuts = items(template).find((i) => i.label === 'Keyboard Shortcuts')
    expect(shortcuts?.accelerator).toBe('CmdOrCtrl+/')
    for (const item of items(template)) {
      ;(item.click as (() => void) | undefined)?.()
    }
    expect([...new Set(sent)].sort()).toEqual([...MENU_COMMANDS].sort())
  })

  test('macOS gets the app menu and keeps Quit there', () => {
    const mac = menuTemplate({ ...state, platform: 'darwin' }, actions)
    expect(mac[0]?.role).toBe('appMenu')
    expect(roles(mac.slice(1, 2))).not.toContain('quit')
    expect(roles(menuTemplate(state, actions))).toContain('quit')
  })
})

test.describe('calls main makes itself', () => {
  test('a service that throws gives a Result in plain words, never its raw message', async () => {
    const errors: unknown[][] = []
    const error = console.error
    console.error = (...args: unknown[]) => void errors.push(args)
    try {
      const kaboom = { call: () => Promise.reject(new Error('kaboom in /home/someone/src/x.ts')) }
      const result = await callService(kaboom, 'archive:info', {})
      expect(result).toEqual({
        ok: false,
        error: { code: 'internal', message: expect.stringMatching(/^Something went wrong/) },
      })
      expect(JSON.stringify(result)).not.toContain('kaboom')

      const denied = Object.assign(new Error('EACCES: permission denied, open /a/b'), {
        code: 'EACCES',
        path: '/a/b',
      })
      const io = await callService({ call: () => Promise.reject(denied) }, 'archive:info', {})
      expect(io).toEqual({ ok: false, error: { code: 'io', message: 'Permission denied (/a/b).' } })
    } finally {
      console.error = error
    }
    // The whole error still goes to the log.
    expect(String(errors[0]?.[1])).toContain('kaboom')
  })
})
