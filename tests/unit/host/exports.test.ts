import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ExportSink } from '../../../src/core/api/handlers'
import { ExportStore, contentDisposition } from '../../../src/host/exports'
import { startHost, type RunningHost } from '../../../src/host/server'
import { fakeService, makeRendererDir, request, type FakeService } from './support'

const MB = 1024 * 1024

function file(size: number, name = 'report.pdf', mimeType = 'application/pdf') {
  return { bytes: new Uint8Array(size).fill(37), fileName: name, mimeType }
}

describe('ExportStore', () => {
  it('hands out a different unguessable token for each report and gives the report back', () => {
    const store = new ExportStore()
    const a = store.put(file(10, 'a.pdf'))
    const b = store.put(file(20, 'b.pdf'))
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(b).not.toBe(a)
    expect(store.get(a)?.fileName).toBe('a.pdf')
    expect(store.get(b)?.bytes.byteLength).toBe(20)
    expect(store.get('not-a-token-at-all')).toBeUndefined()
  })

  it('forgets a report once it has expired', () => {
    let now = 1_000
    const store = new ExportStore({ count: 3, bytes: MB, ttlMs: 600_000 }, () => now)
    const token = store.put(file(10))
    now += 599_999
    expect(store.get(token)).toBeDefined()
    now += 1
    expect(store.get(token)).toBeUndefined()
    expect(store.size).toBe(0)
  })

  it('keeps only the newest reports, by count', () => {
    const store = new ExportStore({ count: 3, bytes: MB, ttlMs: 60_000 })
    const tokens = [1, 2, 3, 4].map((n) => store.put(file(n)))
    expect(store.size).toBe(3)
    expect(store.get(tokens[0]!)).toBeUndefined()
    for (const token of tokens.slice(1)) expect(store.get(token)).toBeDefined()
  })

  it('drops the oldest reports to stay within its bytes, and refuses one larger than all of them', () => {
    const store = new ExportStore({ count: 10, bytes: 100, ttlMs: 60_000 })
    const first = store.put(file(60))
    const second = store.put(file(30))
    const third = store.put(file(50))
    expect(store.get(first)).toBeUndefined()
    expect(store.get(second)).toBeDefined()
    expect(store.get(third)).toBeDefined()
    expect(() => store.put(file(101))).toThrow(/more than the/)
    // A refused report leaves the kept ones alone.
    expect(store.get(second)).toBeDefined()
  })

  it('is the service sink: delivers to a download token, and has nothing to open or reveal', async () => {
    const store = new ExportStore()
    const sink: ExportSink = store.sink()
    const destination = await sink.destination({ fileName: 'r.pdf', format: 'pdf' })
    const delivered = await destination!.deliver(file(5, 'r.pdf'))
    expect(store.get(delivered.download!.token)?.fileName).toBe('r.pdf')
    expect(delivered.saved).toBeUndefined()
    expect(await sink.open(delivered.download!.token)).toBe(false)
    expect(await sink.reveal(delivered.download!.token)).toBe(false)
  })
})

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name in UTF-8', () => {
    expect(contentDisposition('attachment', '决策 "report".pdf')).toBe(
      `attachment; filename="__ _report_.pdf"; filename*=UTF-8''%E5%86%B3%E7%AD%96%20%22report%22.pdf`,
    )
    expect(contentDisposition('inline', "it's (1).html")).toBe(
      `inline; filename="it's (1).html"; filename*=UTF-8''it%27s%20%281%29.html`,
    )
  })
})

describe('the host serves kept reports at /exports/<token>', () => {
  let renderer: Awaited<ReturnType<typeof makeRendererDir>>
  let service: FakeService & { sink?: ExportSink | null }
  let host: RunningHost

  beforeAll(async () => {
    renderer = await makeRendererDir()
  })
  afterAll(async () => {
    await renderer.cleanup()
  })
  beforeEach(async () => {
    const fake = fakeService()
    service = Object.assign(fake, {
      sink: null as ExportSink | null,
      setExportSink(sink: ExportSink | null) {
        service.sink = sink
      },
    })
    host = await startHost({ service, rendererDir: renderer.dir })
  })
  afterEach(async () => {
    await host.close()
  })

  const cookie = () => ({
    Host: `127.0.0.1:${host.port}`,
    Cookie: `pa_token_${host.port}=${host.token}`,
  })

  async function keep(name: string, mimeType: string, text: string): Promise<string> {
    const destination = await service.sink!.destination({ fileName: name, format: 'pdf' })
    const delivered = await destination!.deliver({
      bytes: new TextEncoder().encode(text),
      fileName: name,
      mimeType,
    })
    return delivered.download!.token
  }

  it('gives the service its sink when it starts', () => {
    expect(service.sink).toBeTruthy()
  })

  it('sends a report as an attachment with its type, to the holder of the token', async () => {
    const token = await keep('Report.pdf', 'application/pdf', '%PDF-1.7 fake')
    const res = await request(host.port, { path: `/exports/${token}`, headers: cookie() })
    expect(res.status).toBe(200)
    expect(res.body).toBe('%PDF-1.7 fake')
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Report.pdf"; filename*=UTF-8''Report.pdf`,
    )
  })

  it('shows an HTML report inline under a sandboxing policy of its own', async () => {
    const token = await keep('r.html', 'text/html; charset=utf-8', '<h1>R</h1>')
    const res = await request(host.port, {
      path: `/exports/${token}?inline=1`,
      headers: cookie(),
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/^inline; /)
    expect(res.headers['content-security-policy']).toContain('sandbox')
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
  })

  it('refuses without the token, and answers 404 for a token it does not keep', async () => {
    const token = await keep('r.pdf', 'application/pdf', '%PDF')
    const anonymous = await request(host.port, {
      path: `/exports/${token}`,
      headers: { Host: `127.0.0.1:${host.port}` },
    })
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).not.toContain('%PDF')
    const unknown = await request(host.port, {
      path: '/exports/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      headers: cookie(),
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatch(/export it again/)
    const post = await request(host.port, {
      method: 'POST',
      path: `/exports/${token}`,
      headers: cookie(),
    })
    expect(post.status).toBe(405)
  })
})
