import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportOutcome, Request } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/result'
import { resetApi } from '../../../src/renderer/src/api'
import { EXPORT_PREFS_KEY } from '../../../src/renderer/src/components/export/export-options'
import { downloadUrl, useExportStore } from '../../../src/renderer/src/stores/export'
import { useLibraryStore } from '../../../src/renderer/src/stores/library'

const ID = 'aaaaaaaaaaaaaaaa'

/** The archive behind the page: answers `export:report` with whatever the test says. */
class FakeApi {
  requests: Request<'export:report'>[] = []
  cancels = 0
  answer: Result<ExportOutcome> = { ok: true, value: { cancelled: true } }
  private release: (() => void) | null = null
  hold = false

  api = {
    exportReport: (input: Request<'export:report'>) => {
      this.requests.push(input)
      return new Promise<Result<ExportOutcome>>((resolve) => {
        const send = () => resolve(this.answer)
        if (this.hold) this.release = send
        else queueMicrotask(send)
      })
    },
    exportCancel: async () => {
      this.cancels += 1
      this.answer = {
        ok: false,
        error: { code: 'invalid-argument', message: 'The export was cancelled.' },
      }
      this.release?.()
      return { ok: true, value: { cancelled: true } }
    },
    themesList: async () => ({ ok: true, value: { themes: [] } }),
    on: () => () => {},
  }
}

let fake: FakeApi
let storage: Map<string, string>
let clicked: { href: string; download: string }[]

beforeEach(() => {
  fake = new FakeApi()
  storage = new Map()
  clicked = []
  const element = () => {
    const link = { href: '', download: '', rel: '', click: () => clicked.push(link), remove() {} }
    return link
  }
  Object.assign(globalThis, {
    window: {
      api: fake.api,
      addEventListener() {},
      removeEventListener() {},
      localStorage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => storage.set(k, v),
      },
    },
    document: {
      documentElement: {
        setAttribute() {},
        removeAttribute() {},
        style: { setProperty() {} },
      },
      body: { append() {} },
      createElement: element,
    },
  })
  resetApi()
  setActivePinia(createPinia())
})

afterEach(() => {
  delete (globalThis as { window?: unknown }).window
  delete (globalThis as { document?: unknown }).document
  resetApi()
})

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
}

describe('the export store', () => {
  it('sends the chosen scope with the options and the typed title', async () => {
    const library = useLibraryStore()
    library.openedId = ID
    const store = useExportStore()
    store.show()
    expect(store.scopeKind).toBe('article')
    store.title = 'Weekly brief'
    store.setOption('marginMm', 12)
    store.setFormat('html')
    await store.run()
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]).toMatchObject({
      scope: { kind: 'ids', ids: [ID] },
      format: 'html',
      options: { title: 'Weekly brief', marginMm: 12, text: 'cleaned' },
    })
  })

  it("downloads the browser host's report at once, and again on request", async () => {
    const token = 'T'.repeat(32)
    fake.answer = {
      ok: true,
      value: { cancelled: false, articles: 3, fileName: 'Desk.pdf', size: 10, download: { token } },
    }
    const store = useExportStore()
    store.show()
    await store.run()
    expect(store.done?.articles).toBe(3)
    expect(clicked).toEqual([
      expect.objectContaining({ href: downloadUrl(token), download: 'Desk.pdf' }),
    ])
    store.download()
    expect(clicked).toHaveLength(2)
    expect(downloadUrl(token, true)).toBe(`/exports/${token}?inline=1`)
  })

  it('shows a refusal in its own words, and a cancelled save dialog as nothing at all', async () => {
    const store = useExportStore()
    store.show()
    await store.run()
    expect(store.done).toBeNull()
    expect(store.error).toBeNull()
    fake.answer = {
      ok: false,
      error: { code: 'not-found', message: 'PDF export needs Chromium or Google Chrome.' },
    }
    await store.run()
    expect(store.error?.message).toMatch(/needs Chromium/)
    expect(store.running).toBe(false)
  })

  it('cancels a running export without calling it an error', async () => {
    fake.hold = true
    const store = useExportStore()
    store.show()
    const running = store.run()
    await settle()
    expect(store.running).toBe(true)
    await store.cancel()
    await running
    expect(fake.cancels).toBe(1)
    expect(store.error).toBeNull()
    expect(store.running).toBe(false)
  })

  it('remembers the options, not the title, for the next time', async () => {
    const store = useExportStore()
    store.title = 'Not kept'
    store.setOption('flags', true)
    store.setFormat('html')
    await settle()
    const stored = JSON.parse(storage.get(EXPORT_PREFS_KEY)!) as {
      options: Record<string, unknown>
      format: string
    }
    expect(stored.format).toBe('html')
    expect(stored.options.flags).toBe(true)
    expect(JSON.stringify(stored)).not.toContain('Not kept')
  })
})
