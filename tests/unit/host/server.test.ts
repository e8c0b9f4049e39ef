import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startHost, type RunningHost } from '../../../src/host/server'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'
import {
  APP_JS,
  INDEX_HTML,
  fakeService,
  makeRendererDir,
  request,
  rawRequest,
  waitFor,
  type FakeService,
  type RawResponse,
} from './support'

let renderer: Awaited<ReturnType<typeof makeRendererDir>>
let service: FakeService
let host: RunningHost

beforeAll(async () => {
  renderer = await makeRendererDir()
})
afterAll(async () => {
  await renderer.cleanup()
})
beforeEach(async () => {
  service = fakeService()
  host = await startHost({ service, rendererDir: renderer.dir })
})
afterEach(async () => {
  await host.close()
})

const hostHeader = () => ({ Host: `127.0.0.1:${host.port}` })
const withHeader = () => ({ ...hostHeader(), 'X-Press-Archive-Token': host.token })
const cookieName = () => `pa_token_${host.port}`
const withCookie = () => ({ ...hostHeader(), Cookie: `${cookieName()}=${host.token}` })

function post(path: string, body: unknown, headers: Record<string, string> = withHeader()) {
  return request(host.port, {
    method: 'POST',
    path,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function errorCode(res: RawResponse): string | undefined {
  const parsed = JSON.parse(res.body) as { ok: boolean; error?: { code: string } }
  expect(parsed.ok).toBe(false)
  return parsed.error?.code
}

describe('startHost', () => {
  it('listens on 127.0.0.1 with a random 32-byte token carried by the URL', () => {
    expect(host.token).toMatch(/^[0-9a-f]{64}$/)
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`)
  })

  it('refuses a guessable token and a missing renderer folder', async () => {
    await expect(startHost({ service, rendererDir: renderer.dir, token: 'short' })).rejects.toThrow(
      /16 to 256/,
    )
    await expect(startHost({ service, rendererDir: renderer.root + '/nope' })).rejects.toThrow(
      /build it first/,
    )
  })

  it('uses a token it is given', async () => {
    const token = 'a-token-of-our-own_1234'
    const other = await startHost({ service, rendererDir: renderer.dir, token })
    try {
      expect(other.url).toContain(`?token=${token}`)
      const res = await fetch(other.url)
      expect(res.status).toBe(200)
    } finally {
      await other.close()
    }
  })

  it('close() is safe to call twice', async () => {
    await host.close()
    await host.close()
    await expect(fetch(host.url)).rejects.toThrow()
  })
})

describe('the token', () => {
  it('is required for the page, an asset, an API call and the event stream', async () => {
    const page = await request(host.port, { path: '/', headers: hostHeader() })
    expect(page.status).toBe(401)
    expect(page.headers['content-type']).toMatch(/^text\/plain/)
    expect(page.body).not.toContain('Press Archive</title>')

    const asset = await request(host.port, { path: '/assets/app.js', headers: hostHeader() })
    expect(asset.status).toBe(401)
    expect(asset.body).not.toContain(APP_JS)

    const api = await post('/api/articles:list', {}, hostHeader())
    expect(api.status).toBe(401)
    expect(errorCode(api)).toBe('not-allowed')

    const events = await request(host.port, { path: '/api/events', headers: hostHeader() })
    expect(events.status).toBe(401)
    expect(errorCode(events)).toBe('not-allowed')

    expect(service.calls).toEqual([])
    expect(service.listenerCount()).toBe(0)
  })

  it('is refused when wrong, wherever it is carried', async () => {
    const wrong = 'f'.repeat(64)
    const cases = [
      { path: `/?token=${wrong}`, headers: hostHeader() },
      { path: '/', headers: { ...hostHeader(), Cookie: `${cookieName()}=${wrong}` } },
      { path: '/assets/app.js', headers: { ...hostHeader(), Cookie: `${cookieName()}=${wrong}` } },
      { path: '/assets/app.js', headers: { ...hostHeader(), 'X-Press-Archive-Token': wrong } },
      { path: '/api/events', headers: { ...hostHeader(), Cookie: `${cookieName()}=${wrong}` } },
      { path: `/?token=${host.token}x`, headers: hostHeader() },
      { path: `/?token=${host.token.slice(0, -1)}`, headers: hostHeader() },
    ]
    for (const c of cases) {
      const res = await request(host.port, c)
      expect(res.status, c.path).toBe(401)
    }
    const api = await post(
      '/api/articles:list',
      {},
      { ...hostHeader(), 'X-Press-Archive-Token': wrong },
    )
    expect(api.status).toBe(401)
    expect(service.calls).toEqual([])
  })

  it('a wrong token in the URL is not rescued by a good cookie', async () => {
    const res = await request(host.port, {
      path: `/?token=${'0'.repeat(64)}`,
      headers: withCookie(),
    })
    expect(res.status).toBe(401)
  })

  it('opening the URL serves the page and sets the cookie that then loads its assets', async () => {
    const page = await fetch(host.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toBe(INDEX_HTML)
    const cookie = page.headers.get('set-cookie')
    expect(cookie).toBe(`${cookieName()}=${host.token}; HttpOnly; SameSite=Strict; Path=/`)

    const pair = cookie!.split(';')[0]!
    const asset = await fetch(`http://127.0.0.1:${host.port}/assets/app.js`, {
      headers: { Cookie: pair },
    })
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await asset.text()).toBe(APP_JS)

    const again = await fetch(`http://127.0.0.1:${host.port}/`, { headers: { Cookie: pair } })
    expect(again.status).toBe(200)
    expect(again.headers.get('set-cookie')).toBeNull()
  })

  it('is taken from the query on the page only', async () => {
    const res = await request(host.port, {
      path: `/assets/app.js?token=${host.token}`,
      headers: hostHeader(),
    })
    expect(res.status).toBe(401)
    const api = await post(`/api/articles:list?token=${host.token}`, {}, hostHeader())
    expect(api.status).toBe(401)
  })

  it('must be in the header for API calls: the cookie alone is refused (CSRF)', async () => {
    const res = await post('/api/articles:list', {}, withCookie())
    expect(res.status).toBe(401)
    expect(errorCode(res)).toBe('not-allowed')
    expect(service.calls).toEqual([])
  })

  it('the cookie also finds ours among other cookies', async () => {
    const res = await request(host.port, {
      path: '/assets/app.js',
      headers: { ...hostHeader(), Cookie: `theme=dark; ${cookieName()}=${host.token}; other=1` },
    })
    expect(res.status).toBe(200)
  })

  it('counts only the cookie named for this port', async () => {
    for (const name of ['pa_token', `pa_token_${host.port + 1}`, `pa_token_${host.port}0`]) {
      const headers = { ...hostHeader(), Cookie: `${name}=${host.token}` }
      const asset = await request(host.port, { path: '/assets/app.js', headers })
      expect(asset.status, name).toBe(401)
      const events = await request(host.port, { path: '/api/events', headers })
      expect(events.status, name).toBe(401)
    }
    expect(service.listenerCount()).toBe(0)
  })

  it('two hosts on different ports each keep working with their own cookie', async () => {
    const other = await startHost({ service, rendererDir: renderer.dir })
    try {
      expect(other.port).not.toBe(host.port)
      // A browser scopes cookies by host name, not port: what either host sets lands in the
      // same jar for 127.0.0.1 (a cookie of the same name replacing the one before), and the
      // whole jar goes with every request to either host.
      const jar = new Map<string, string>()
      for (const h of [host, other]) {
        const page = await fetch(h.url)
        expect(page.status).toBe(200)
        const [name = '', value = ''] = page.headers.get('set-cookie')!.split(';')[0]!.split('=')
        jar.set(name, value)
      }
      expect([...jar.keys()].sort()).toEqual(
        [`pa_token_${host.port}`, `pa_token_${other.port}`].sort(),
      )
      const Cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')

      for (const h of [host, other]) {
        const headers = { Host: `127.0.0.1:${h.port}`, Cookie }
        const page = await request(h.port, { path: '/', headers })
        expect(page.status, `page on ${h.port}`).toBe(200)
        const asset = await request(h.port, { path: '/assets/app.js', headers })
        expect(asset.status, `asset on ${h.port}`).toBe(200)
        expect(asset.body).toBe(APP_JS)

        const controller = new AbortController()
        const events = await fetch(`http://127.0.0.1:${h.port}/api/events`, {
          headers: { Cookie },
          signal: controller.signal,
        })
        expect(events.status, `events on ${h.port}`).toBe(200)
        controller.abort()

        // API calls still want the header, with this host's own token.
        const api = await request(h.port, {
          method: 'POST',
          path: '/api/archive:info',
          headers: {
            ...headers,
            'Content-Type': 'application/json',
            'X-Press-Archive-Token': h.token,
          },
          body: '{}',
        })
        expect(api.status, `API on ${h.port}`).toBe(200)
      }
      await waitFor(() => service.listenerCount() === 0)
    } finally {
      await other.close()
    }
  })
})

describe('Host and Origin', () => {
  it('refuses a foreign Host (DNS rebinding)', async () => {
    for (const Host of [
      `evil.example:${host.port}`,
      'evil.example',
      `127.0.0.1:${host.port + 1}`,
      `127.0.0.1`,
      `[::1]:${host.port}`,
    ]) {
      const res = await request(host.port, { path: '/', headers: { ...withCookie(), Host } })
      expect(res.status, Host).toBe(403)
      expect(res.body).not.toContain('Press Archive</title>')
      const api = await post('/api/articles:list', {}, { ...withHeader(), Host })
      expect(api.status, Host).toBe(403)
      expect(errorCode(api)).toBe('not-allowed')
    }
    expect(service.calls).toEqual([])
  })

  it('refuses a request without a Host header', async () => {
    const raw = await rawRequest(
      host.port,
      `GET /assets/app.js HTTP/1.0\r\nCookie: ${cookieName()}=${host.token}\r\n\r\n`,
    )
    expect(raw).toMatch(/^HTTP\/1\.[01] 403/)
    expect(raw).not.toContain(APP_JS)
  })

  it('accepts localhost as well as 127.0.0.1, in any case', async () => {
    for (const Host of [`localhost:${host.port}`, `LocalHost:${host.port}`]) {
      const res = await request(host.port, { path: '/', headers: { ...withCookie(), Host } })
      expect(res.status, Host).toBe(200)
    }
  })

  it('refuses a foreign Origin, even with the token', async () => {
    for (const Origin of [
      'http://evil.example',
      `http://127.0.0.1:${host.port + 1}`,
      `https://127.0.0.1:${host.port}`,
      `http://evil.example:${host.port}`,
      'null',
    ]) {
      const api = await post('/api/articles:list', {}, { ...withHeader(), Origin })
      expect(api.status, Origin).toBe(403)
      const events = await request(host.port, {
        path: '/api/events',
        headers: { ...withCookie(), Origin },
      })
      expect(events.status, Origin).toBe(403)
      const page = await request(host.port, { path: '/', headers: { ...withCookie(), Origin } })
      expect(page.status, Origin).toBe(403)
    }
    expect(service.calls).toEqual([])
    expect(service.listenerCount()).toBe(0)
  })

  it('accepts our own origins', async () => {
    for (const Origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      const api = await post('/api/archive:info', {}, { ...withHeader(), Origin })
      expect(api.status, Origin).toBe(200)
    }
  })
})

describe('the API', () => {
  it('hands the call to the service and returns its Result', async () => {
    const res = await post('/api/articles:list', { limit: 5 })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-store')
    const body = JSON.parse(res.body) as { ok: boolean; value: { input: { limit: number } } }
    expect(body.ok).toBe(true)
    expect(body.value.input.limit).toBe(5)
    expect(service.calls).toEqual([{ channel: 'articles:list', input: { limit: 5 } }])
  })

  it('accepts the colon percent-encoded, and a UTF-8 charset', async () => {
    const res = await post(
      '/api/articles%3Alist',
      {},
      {
        ...withHeader(),
        'Content-Type': 'application/json; charset=UTF-8',
      },
    )
    expect(res.status).toBe(200)
    expect(service.calls.map((c) => c.channel)).toEqual(['articles:list'])
  })

  it('works through fetch, as the renderer calls it', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/article:get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Press-Archive-Token': host.token },
      body: JSON.stringify({ id: '0123456789abcdef' }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, value: { channel: 'article:get' } })
  })

  it('passes the service’s validation errors through as Results', async () => {
    const res = await post('/api/articles:list', { limit: -1 })
    expect(res.status).toBe(200)
    expect(errorCode(res)).toBe('invalid-argument')
    expect(service.calls).toHaveLength(1)
  })

  it('answers an unknown channel with a 404 Result', async () => {
    for (const path of [
      '/api/articles:nuke',
      '/api/',
      '/api',
      '/api/%zz',
      '/api/..%2Farticles:list',
    ]) {
      const res = await post(path, {})
      expect(res.status, path).toBe(404)
      expect(errorCode(res)).toBe('not-found')
    }
    expect(service.calls).toEqual([])
  })

  it('answers other methods with 405', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await request(host.port, {
        method,
        path: '/api/articles:list',
        headers: withHeader(),
      })
      expect(res.status, method).toBe(405)
      expect(res.headers.allow).toBe('POST')
      expect(errorCode(res)).toBe('not-allowed')
    }
    const events = await post('/api/events', {})
    expect(events.status).toBe(405)
    expect(events.headers.allow).toBe('GET')
    expect(service.calls).toEqual([])
  })

  it('wants application/json (415 otherwise)', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/jsonx',
    ]) {
      const res = await post('/api/articles:list', '{}', { ...withHeader(), 'Content-Type': type })
      expect(res.status, type).toBe(415)
      expect(errorCode(res)).toBe('invalid-argument')
    }
    const none = await request(host.port, {
      method: 'POST',
      path: '/api/articles:list',
      headers: withHeader(),
      body: '{}',
    })
    expect(none.status).toBe(415)
    expect(service.calls).toEqual([])
  })

  it('answers a body that is not JSON with 400 invalid-argument', async () => {
    for (const body of ['{', '', 'undefined', Buffer.from([0x7b, 0xff, 0x7d])]) {
      const res = await request(host.port, {
        method: 'POST',
        path: '/api/articles:list',
        headers: { ...withHeader(), 'Content-Type': 'application/json' },
        body,
      })
      expect(res.status).toBe(400)
      expect(errorCode(res)).toBe('invalid-argument')
    }
    expect(service.calls).toEqual([])
  })

  /** POST a body of `mb` MiB plus one byte, in 1 MiB chunks, and report the status. */
  function postLarge(mb: number, declareLength: boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      const size = mb * 1024 * 1024 + 1
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/article:save',
          headers: {
            ...withHeader(),
            'Content-Type': 'application/json',
            ...(declareLength ? { 'Content-Length': size } : {}),
          },
          agent: false,
        },
        (r) => {
          r.resume()
          resolve(r.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      const chunk = Buffer.alloc(1024 * 1024, 0x20)
      let sent = 0
      const pump = () => {
        while (sent < mb) {
          sent++
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        req.end('x')
      }
      pump()
    })
  }

  it('refuses a body over 25 MB with 413, by its declared length', async () => {
    expect(await postLarge(25, true)).toBe(413)
    expect(service.calls).toEqual([])
  })

  it('refuses a chunked body once it passes 25 MB', async () => {
    expect(await postLarge(30, false)).toBe(413)
    expect(service.calls).toEqual([])
    // The connection was drained, not broken: the host still answers.
    expect((await post('/api/archive:info', {})).status).toBe(200)
  })

  it('accepts a body just under the limit', async () => {
    const text = 'x'.repeat(20 * 1024 * 1024)
    const res = await post('/api/article:save', { id: '0123456789abcdef', text })
    expect(res.status).toBe(200)
    expect(service.calls[0]?.channel).toBe('article:save')
  })

  it('turns an exception into a 500 internal Result without the stack', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const res = await post('/api/import:cancel', {})
      expect(res.status).toBe(500)
      expect(errorCode(res)).toBe('internal')
      expect(res.body).not.toContain('kaboom')
      expect(res.body).not.toContain('secret/place')
      expect(res.body).not.toMatch(/\bat\s+\S+\s*\(/)
      expect(logged).toHaveBeenCalled()
      expect(String(logged.mock.calls[0]?.[1])).toContain('kaboom')
    } finally {
      logged.mockRestore()
    }
    // The host is still fine afterwards.
    const next = await post('/api/archive:info', {})
    expect(next.status).toBe(200)
  })
})

describe('the event stream', () => {
  /** Open a stream with node:http and collect what arrives until told to stop. */
  function openStream(headers: Record<string, string>) {
    let text = ''
    let status = 0
    let contentType: string | undefined
    const req = httpRequest({
      host: '127.0.0.1',
      port: host.port,
      path: '/api/events',
      headers,
      agent: false,
    })
    const ready = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        status = res.statusCode ?? 0
        contentType = res.headers['content-type']
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('error', () => undefined)
        resolve()
      })
      req.on('error', reject)
    })
    req.end()
    return {
      ready,
      req,
      text: () => text,
      status: () => status,
      contentType: () => contentType,
    }
  }

  it('delivers the service’s events and unsubscribes when the client goes', async () => {
    const stream = openStream(withCookie())
    await stream.ready
    expect(stream.status()).toBe(200)
    expect(stream.contentType()).toBe('text/event-stream; charset=utf-8')
    await waitFor(() => service.listenerCount() === 1)

    service.emit('archive:changed', { reason: 'import' })
    service.emit('import:progress', {
      done: 1,
      total: 2,
      current: 'two\nlines.txt',
      imported: 1,
      duplicates: 0,
      failed: 0,
    })
    await waitFor(() => stream.text().includes('event: import:progress'))
    expect(stream.text()).toContain('event: archive:changed\ndata: {"reason":"import"}\n\n')
    expect(stream.text()).toContain(
      'data: {"done":1,"total":2,"current":"two\\nlines.txt","imported":1,"duplicates":0,"failed":0}\n\n',
    )

    stream.req.destroy()
    await waitFor(() => service.listenerCount() === 0)
  })

  it('works through fetch with the header as well as the cookie', async () => {
    const controller = new AbortController()
    const res = await fetch(`http://127.0.0.1:${host.port}/api/events`, {
      headers: { 'X-Press-Archive-Token': host.token },
      signal: controller.signal,
    })
    expect(res.status).toBe(200)
    await waitFor(() => service.listenerCount() === 1)
    const reader = res.body!.getReader()
    service.emit('archive:changed', { reason: 'save' })
    let text = ''
    while (!text.includes('"save"')) {
      const { value } = await reader.read()
      text += new TextDecoder().decode(value)
    }
    expect(text).toContain('event: archive:changed\n')
    controller.abort()
    await waitFor(() => service.listenerCount() === 0)
  })

  it('sends a heartbeat comment while idle', async () => {
    const quick = await startHost({ service, rendererDir: renderer.dir, heartbeatMs: 20 })
    try {
      let text = ''
      const req = httpRequest({
        host: '127.0.0.1',
        port: quick.port,
        path: '/api/events',
        headers: {
          Host: `127.0.0.1:${quick.port}`,
          Cookie: `pa_token_${quick.port}=${quick.token}`,
        },
        agent: false,
      })
      req.on('response', (res) => res.on('data', (chunk: Buffer) => (text += chunk.toString())))
      req.on('error', () => undefined)
      req.end()
      await waitFor(() => text.includes(': heartbeat\n\n'))
      req.destroy()
    } finally {
      await quick.close()
    }
  })

  it('drops a client that stops reading instead of buffering for it', async () => {
    const socket = connect(host.port, '127.0.0.1')
    socket.write(
      `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ${cookieName()}=${host.token}\r\n\r\n`,
    )
    socket.pause()
    try {
      await waitFor(() => service.listenerCount() === 1)
      const big = 'x'.repeat(1024 * 1024)
      for (let i = 0; i < 64 && service.listenerCount() > 0; i++) {
        service.emit('import:progress', {
          done: i,
          total: 64,
          current: big,
          imported: i,
          duplicates: 0,
          failed: 0,
        })
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      await waitFor(() => service.listenerCount() === 0)
    } finally {
      socket.destroy()
    }
  })

  it('is ended by close(), which also unsubscribes it', async () => {
    const stream = openStream(withCookie())
    await stream.ready
    await waitFor(() => service.listenerCount() === 1)
    const ended = new Promise<void>((resolve) => stream.req.on('close', () => resolve()))
    await host.close()
    await ended
    expect(service.listenerCount()).toBe(0)
  })
})

describe('security headers', () => {
  it('are on every response, errors included', async () => {
    const responses = [
      await request(host.port, { path: `/?token=${host.token}`, headers: hostHeader() }),
      await request(host.port, { path: '/assets/app.js', headers: withCookie() }),
      await request(host.port, { path: '/assets/missing.js', headers: withCookie() }),
      await request(host.port, { path: '/', headers: hostHeader() }),
      await request(host.port, { path: '/', headers: { Host: 'evil.example' } }),
      await post('/api/archive:info', {}),
      await post('/api/nope', {}),
    ]
    for (const res of responses) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('no-referrer')
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin')
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    // The meta tag the build writes into index.html: the same, minus what only a header can say.
    expect(META_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''),
    )
    expect(responses[0]!.headers['cache-control']).toBe('no-store')
    expect(responses[5]!.headers['cache-control']).toBe('no-store')
  })

  it('are on the event stream too', async () => {
    const controller = new AbortController()
    const res = await fetch(`http://127.0.0.1:${host.port}/api/events`, {
      headers: { 'X-Press-Archive-Token': host.token },
      signal: controller.signal,
    })
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cache-control')).toBe('no-store')
    controller.abort()
  })
})
