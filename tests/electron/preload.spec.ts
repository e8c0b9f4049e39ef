import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { expect, test } from '@playwright/test'
import { CHANNELS, EVENTS, methodName } from '../../src/shared/channels'
import type { ArchiveApi } from '../../src/shared/contract'
import { META_CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { ROOT } from './support'

// The built preload and index.html, checked without an Electron binary: the preload runs in a
// bare VM context whose only module is a fake `electron`, as in a sandboxed renderer.

const PRELOAD = join(ROOT, 'out/preload/index.js')
const INDEX_HTML = join(ROOT, 'out/renderer/index.html')

type Listener = (event: unknown, payload: unknown) => void

/** Run the built preload against a fake ipcRenderer; returns what it exposed and the fake. */
function loadPreload() {
  const listeners = new Map<string, Set<Listener>>()
  const invoked: { channel: string; input: unknown }[] = []
  const exposed: Record<string, unknown> = {}
  const electron = {
    webUtils: {
      getPathForFile: (file: { name: string }) => `/dropped/${file.name}`,
    },
    contextBridge: {
      exposeInMainWorld: (name: string, value: unknown) => (exposed[name] = value),
    },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        invoked.push({ channel, input })
        return Promise.resolve({ ok: true, value: channel })
      },
      on: (channel: string, listener: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel)!.add(listener)
      },
      removeListener: (channel: string, listener: Listener) => {
        listeners.get(channel)?.delete(listener)
      },
    },
  }
  const required: string[] = []
  const module = { exports: {} }
  runInNewContext(readFileSync(PRELOAD, 'utf8'), {
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name)
      if (name === 'electron') return electron
      throw new Error(`a sandboxed preload cannot require ${name}`)
    },
  })
  /** What main's sendToWindows does: send `payload` on the channel named after the event. */
  const send = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc' }, payload)
  }
  const count = (channel: string) => listeners.get(channel)?.size ?? 0
  return { api: exposed['api'] as ArchiveApi, exposed, invoked, required, send, count }
}

test.describe('the built preload', () => {
  test.skip(!existsSync(PRELOAD), `${PRELOAD} is missing: run \`npx electron-vite build\` first`)

  test('requires only electron and exposes the contract, nothing else', async () => {
    const { api, exposed, invoked, required } = loadPreload()
    expect(required).toEqual(['electron'])
    expect(Object.keys(exposed)).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(
      [...CHANNELS.map((c) => methodName(c)), 'on', 'pathForFile'].sort(),
    )
    expect(await api.articlesList({ limit: 3 })).toEqual({ ok: true, value: 'articles:list' })
    expect(invoked).toEqual([{ channel: 'articles:list', input: { limit: 3 } }])
    // A dropped file's path comes from Electron's webUtils, the only way a page learns one.
    expect(api.pathForFile?.({ name: 'a.txt' } as File)).toBe('/dropped/a.txt')
  })

  test('on() listens to every event of the contract and to nothing else', () => {
    const { api, send, count } = loadPreload()
    for (const event of EVENTS) {
      const seen: unknown[] = []
      const off = api.on(event, (payload) => seen.push(payload))
      send(event, { n: 1 })
      off()
      send(event, { n: 2 })
      expect(seen, event).toEqual([{ n: 1 }])
      expect(count(event)).toBe(0)
    }
    const on = api.on as (event: string, listener: unknown) => () => void
    for (const name of [
      'menu:keyboard-shortcuts',
      'import:paths',
      'ELECTRON_BROWSER_REQUIRE',
      '',
    ]) {
      expect(() => on(name, () => {}), name).toThrow(/Unknown event/)
    }
    expect(() => on('menu:command', 'not a function')).toThrow(/must be a function/)
  })

  test('a menu command reaches the UI through the renderer’s guarded api', () => {
    const { api, send } = loadPreload()
    // Required by path: the renderer belongs to tsconfig.web.json, which this project cannot list.
    const { guardApi } = createRequire(__filename)(join(ROOT, 'src/renderer/src/api/guard.ts')) as {
      guardApi(api: ArchiveApi): ArchiveApi
    }
    const guarded = guardApi(api)
    const commands: unknown[] = []
    const off = guarded.on('menu:command', ({ command }) => commands.push(command))
    send('menu:command', { command: 'keyboard-shortcuts' })
    off()
    send('menu:command', { command: 'keyboard-shortcuts' })
    expect(commands).toEqual(['keyboard-shortcuts'])
  })
})

test('the built index.html carries the CSP of src/shared/csp.ts', () => {
  test.skip(!existsSync(INDEX_HTML), `${INDEX_HTML} is missing: run \`npx electron-vite build\``)
  const html = readFileSync(INDEX_HTML, 'utf8')
  const metas = [
    ...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g),
  ]
  expect(metas.map((m) => m[1])).toEqual([META_CONTENT_SECURITY_POLICY])
  expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors')
})
