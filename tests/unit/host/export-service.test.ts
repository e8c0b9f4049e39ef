import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportFile, ExportSink } from '../../../src/core/api/handlers'
import { ArchiveService } from '../../../src/core/api/service'
import type { EventPayloads, ExportOutcome } from '../../../src/shared/contract'
import { startHost, type RunningHost } from '../../../src/host/server'
import { tempDir } from '../../support/tmp'
import { makeRendererDir } from './support'

const ARTICLE =
  'Customs: <Trade> & "tariffs"\nAuthor:Trade Desk Time:2022.08.07\nThe total rose 10.4 %.\nSource: Xinhua\n'

/** `export:report` over the real service and a real archive, HTML only (no Chromium needed). */
describe('export:report', () => {
  let service: ArchiveService
  let id: string

  beforeEach(async () => {
    const base = tempDir()
    const src = join(base, 'in.txt')
    writeFileSync(src, ARTICLE)
    service = new ArchiveService({ holder: 'test', allowSwitchArchive: false })
    await service.create(join(base, 'archive'))
    const imported = await service.call('import:paths', { paths: [src] })
    if (!imported.ok) throw new Error(imported.error.message)
    id = (imported.value as { imported: { id: string }[] }).imported[0]!.id
  })
  afterEach(async () => {
    await service.close()
  })

  it('is refused where no sink is given: nothing is exported there', async () => {
    const result = await service.call('export:report', { scope: { kind: 'ids', ids: [id] } })
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } })
  })

  it('asks the sink first with the report name, and exports nothing when it declines', async () => {
    const asked: { fileName: string; format: string }[] = []
    const delivered: ExportFile[] = []
    const sink: ExportSink = {
      destination: async (suggested) => {
        asked.push(suggested)
        return asked.length === 1
          ? null
          : {
              deliver: async (file) => (delivered.push(file), { saved: { token: 'x', name: 'n' } }),
            }
      },
      open: async () => false,
      reveal: async () => false,
    }
    service.setExportSink(sink)
    const request = { scope: { kind: 'ids', ids: [id] }, format: 'html' }
    const declined = await service.call('export:report', request)
    expect(declined).toEqual({ ok: true, value: { cancelled: true } })
    expect(delivered).toHaveLength(0)
    expect(asked[0]).toEqual({ fileName: 'Customs Trade & tariffs.html', format: 'html' })

    const done = await service.call('export:report', request)
    expect(done.ok && (done.value as ExportOutcome)).toMatchObject({
      cancelled: false,
      articles: 1,
      saved: { token: 'x', name: 'n' },
    })
    expect(delivered).toHaveLength(1)
  })

  it('refuses a report of nothing before asking where to save it', async () => {
    let asked = false
    service.setExportSink({
      destination: async () => ((asked = true), null),
      open: async () => false,
      reveal: async () => false,
    })
    const result = await service.call('export:report', {
      scope: { kind: 'filter', filter: { year: 1900 } },
      format: 'html',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'empty' } })
    expect(asked).toBe(false)
  })

  it('runs one export at a time and reports its progress', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    service.setExportSink({
      destination: async () => {
        await gate
        return { deliver: async () => ({ download: { token: 'y'.repeat(32) } }) }
      },
      open: async () => false,
      reveal: async () => false,
    })
    const progress: EventPayloads['export:progress'][] = []
    service.subscribe((event, payload) => {
      if (event === 'export:progress') progress.push(payload as EventPayloads['export:progress'])
    })
    const request = { scope: { kind: 'ids', ids: [id] }, format: 'html' }
    const first = service.call('export:report', request)
    const second = await service.call('export:report', request)
    expect(second).toMatchObject({ ok: false, error: { code: 'busy' } })
    release()
    expect(await first).toMatchObject({ ok: true, value: { cancelled: false, articles: 1 } })
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1 })
    // Free again once it is done.
    expect(await service.call('export:cancel', {})).toEqual({
      ok: true,
      value: { cancelled: false },
    })
  })

  describe('through the browser host', () => {
    let host: RunningHost
    let cleanupRenderer: () => Promise<void>

    beforeEach(async () => {
      const renderer = await makeRendererDir()
      cleanupRenderer = renderer.cleanup
      host = await startHost({ service, rendererDir: renderer.dir })
    })
    afterEach(async () => {
      await host.close()
      await cleanupRenderer()
    })

    it('keeps the report for download and serves it, escaped, to the page', async () => {
      const reply = (await fetch(`http://127.0.0.1:${host.port}/api/export:report`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Press-Archive-Token': host.token },
        body: JSON.stringify({ scope: { kind: 'ids', ids: [id] }, format: 'html' }),
      }).then((r) => r.json())) as { ok: boolean; value: ExportOutcome }
      expect(reply.ok).toBe(true)
      const value = reply.value as Extract<ExportOutcome, { cancelled: false }>
      expect(value.download?.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
      expect(value.fileName).toBe('Customs Trade & tariffs.html')
      const file = await fetch(`http://127.0.0.1:${host.port}/exports/${value.download!.token}`, {
        headers: { Cookie: `pa_token_${host.port}=${host.token}` },
      })
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toMatch(/^text\/html/)
      const bytes = new Uint8Array(await file.arrayBuffer())
      expect(bytes.byteLength).toBe(value.size)
      const html = new TextDecoder().decode(bytes)
      expect(html).toContain('Customs: &lt;Trade&gt; &amp; &quot;tariffs&quot;')
      expect(html).not.toContain('<Trade>')
    })
  })
})
