import { realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from '../../../src/host/server'
import { resolveStatic } from '../../../src/host/static'
import {
  APP_JS,
  INDEX_HTML,
  SECRET,
  fakeService,
  makeRendererDir,
  rawRequest,
  request,
} from './support'

let renderer: Awaited<ReturnType<typeof makeRendererDir>>
let host: RunningHost
let rootReal: string

beforeAll(async () => {
  renderer = await makeRendererDir()
  rootReal = await realpath(renderer.dir)
  host = await startHost({ service: fakeService(), rendererDir: renderer.dir })
})
afterAll(async () => {
  await host.close()
  await renderer.cleanup()
})

const authed = () => ({
  Host: `127.0.0.1:${host.port}`,
  Cookie: `pa_token_${host.port}=${host.token}`,
})
const get = (path: string, method = 'GET') =>
  request(host.port, { method, path, headers: authed() })

describe('serving the renderer', () => {
  it('serves index.html at / and by name', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.body).toBe(INDEX_HTML)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.headers['cache-control']).toBe('no-store')
    }
  })

  it('serves assets with their content types', async () => {
    const expected: Record<string, string> = {
      '/assets/app.js': 'text/javascript; charset=utf-8',
      '/assets/style.css': 'text/css; charset=utf-8',
      '/assets/logo.svg': 'image/svg+xml',
      '/assets/font.woff2': 'font/woff2',
      '/assets/app.js.map': 'application/json; charset=utf-8',
    }
    for (const [path, type] of Object.entries(expected)) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers['content-type'], path).toBe(type)
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body, 'utf8'))
    }
    expect((await get('/assets/app.js')).body).toBe(APP_JS)
  })

  it('decodes percent-encoded names once', async () => {
    expect((await get('/assets/%61pp.js')).body).toBe(APP_JS)
  })

  it('answers HEAD with the headers and no body', async () => {
    const res = await get('/assets/app.js', 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers['content-length']).toBe(String(APP_JS.length))
    expect(res.body).toBe('')
  })

  it('refuses other methods with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await get('/assets/app.js', method)
      expect(res.status, method).toBe(405)
      expect(res.headers.allow).toBe('GET, HEAD')
    }
  })

  it('answers 404 for missing files and never lists a folder', async () => {
    for (const path of ['/missing.html', '/assets', '/assets/', '/assets/nope.js', '/outside']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('app.js')
    }
  })

  it('follows a symlink that stays inside the renderer', async () => {
    const res = await get('/assets/alias.js')
    expect(res.status).toBe(200)
    expect(res.body).toBe(APP_JS)
  })
})

describe('nothing outside the renderer can be fetched', () => {
  const attempts = [
    '/../secret.txt',
    '/../../../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/assets/../../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/assets/..%2F..%2Fsecret.txt',
    '/%252e%252e/secret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/%00',
    '/index.html%00',
    '/assets/app.js%00.png',
    '/../renderer-evil/secret.txt',
    '/%2e%2e/renderer-evil/secret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/%2F%2Fetc/passwd',
    '/etc/passwd',
    '/C:/Windows/win.ini',
    '/C%3A%5CWindows%5Cwin.ini',
    '/.env',
    '/%2eenv',
    '/assets/.hidden.js',
    '/assets/leak.js',
    '/outside/secret.txt',
    '/outside/renderer-evil/secret.txt',
    '/%',
    '/%zz',
    '/%c0%ae%c0%ae/secret.txt',
  ]

  it.each(attempts)('%s', async (path) => {
    const res = await get(path)
    expect([400, 403, 404]).toContain(res.status)
    expect(res.body).not.toContain(SECRET)
    expect(res.body).not.toMatch(/root:/)
  })

  it('refuses absolute paths to the secret', async () => {
    for (const path of [
      join(renderer.root, 'secret.txt'),
      '/' + join(renderer.root, 'secret.txt'),
      '/' + encodeURIComponent(join(renderer.root, 'secret.txt')),
    ]) {
      const res = await get(path)
      expect([400, 403, 404], path).toContain(res.status)
      expect(res.body).not.toContain(SECRET)
    }
  })

  it('refuses request targets that are not a plain path', async () => {
    const head = `Host: 127.0.0.1:${host.port}\r\nCookie: pa_token_${host.port}=${host.token}\r\nConnection: close\r\n\r\n`
    for (const target of [
      `http://127.0.0.1:${host.port}/../secret.txt`,
      `http://127.0.0.1:${host.port}/%2e%2e/secret.txt`,
      '*',
      '../secret.txt',
      'secret.txt',
    ]) {
      const raw = await rawRequest(host.port, `GET ${target} HTTP/1.1\r\n${head}`)
      expect(raw, target).toMatch(/^HTTP\/1\.1 (400|403|404)/)
      expect(raw).not.toContain(SECRET)
    }
  })
})

describe('resolveStatic', () => {
  it('maps / to index.html and keeps files inside the root', async () => {
    expect(await resolveStatic(rootReal, '/')).toEqual({
      status: 200,
      file: join(rootReal, 'index.html'),
    })
    expect(await resolveStatic(rootReal, '/assets/alias.js')).toEqual({
      status: 200,
      file: join(rootReal, 'assets', 'app.js'),
    })
  })

  it('tells malformed paths (400) from ones that are not there (404)', async () => {
    const cases: [string, number][] = [
      ['', 400],
      ['assets/app.js', 400],
      ['/%', 400],
      ['/..', 400],
      ['/a/./b', 400],
      ['/%00', 400],
      ['/a\\b', 400],
      ['/C:/x', 400],
      ['/.env', 404],
      ['/assets//app.js', 404],
      ['/assets/', 404],
      ['/assets/leak.js', 404],
      ['/outside/secret.txt', 404],
      ['/nope', 404],
    ]
    for (const [path, status] of cases) {
      expect((await resolveStatic(rootReal, path)).status, path).toBe(status)
    }
  })
})
