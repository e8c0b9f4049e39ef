import { realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { ArchiveService } from '../core/api/service'
import { handleApiCall } from './api'
import {
  assertUsableToken,
  isAllowedHost,
  isAllowedOrigin,
  isAuthorised,
  newToken,
  tokenCookie,
} from './auth'
import { HttpFailure } from './body'
import { ConnectionTracker } from './connections'
import { EventStreams, HEARTBEAT_MS } from './events'
import { ExportStore, sendExport } from './exports'
import { applySecurityHeaders, sendFailure } from './respond'
import { resolveStatic, sendFile } from './static'

/** All the host needs of the service, so tests can hand it a small fake. */
export type HostService = Pick<ArchiveService, 'call' | 'subscribe'> &
  Partial<Pick<ArchiveService, 'setExportSink'>>

export interface HostOptions {
  service: HostService
  /** The built renderer (`out/renderer`); nothing outside it is ever served. */
  rendererDir: string
  /** 0 (the default) lets the system pick a free port. */
  port?: number
  /** Default: 32 random bytes, hex. Given one, it must be 16+ URL-safe characters. */
  token?: string
  /** How often an idle event stream gets a comment; tests shorten it. */
  heartbeatMs?: number
}

export interface RunningHost {
  /** The one URL to open: it carries the token, which the page keeps for its API calls. */
  url: string
  port: number
  token: string
  /** End open event streams and stop listening. Safe to call twice. */
  close(): Promise<void>
}

/** In-flight calls get this long to answer once `close` is called, then their sockets are cut. */
const CLOSE_GRACE_MS = 1000

const GENERIC_FAILURE = 'The host hit an unexpected error; the details are in its log.'
const NEED_TOKEN =
  'This address needs the token the host was started with: open the URL it printed.'

interface Context {
  service: HostService
  token: string
  rootReal: string
  events: EventStreams
  /** Finished reports, kept for the page to download from `/exports/<token>`. */
  exports: ExportStore
  port: number
}

/**
 * Serve the built renderer and the archive contract on 127.0.0.1, for browsers that cannot run
 * Electron and for the end-to-end tests. Any local process or web page can reach the port, so
 * every request must carry the token, name our own host (DNS rebinding) and, when a browser says
 * where it comes from, come from our own origin; API calls must carry the token in a header,
 * which a forged cross-site request cannot add.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newToken()
  assertUsableToken(token)
  const requestedPort = options.port ?? 0
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new Error(`The host port must be a whole number from 0 to 65535, not ${requestedPort}.`)
  }
  const ctx: Context = {
    service: options.service,
    token,
    rootReal: await rendererRoot(options.rendererDir),
    events: new EventStreams(options.service, options.heartbeatMs ?? HEARTBEAT_MS),
    exports: new ExportStore(),
    port: 0,
  }
  options.service.setExportSink?.(ctx.exports.sink())

  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((error: unknown) => fail(res, isApiPath(req.url), error))
  })
  const connections = new ConnectionTracker(server)
  server.on('error', (error) => console.error('[host] server error', error))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(requestedPort, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The host has no port.')
  ctx.port = address.port

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      ctx.events.closeAll()
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS)
      force.unref()
      server.close(() => {
        clearTimeout(force)
        resolve()
      })
      connections.endIdle()
    }))

  return {
    url: `http://127.0.0.1:${ctx.port}/?token=${encodeURIComponent(token)}`,
    port: ctx.port,
    token,
    close,
  }
}

async function rendererRoot(dir: string): Promise<string> {
  try {
    const real = await realpath(dir)
    if ((await stat(real)).isDirectory()) return real
  } catch {
    // Reported below in words.
  }
  throw new Error(`The built renderer was not found at ${dir}: build it first (npm run build).`)
}

function isApiPath(url: string | undefined): boolean {
  return url !== undefined && (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?'))
}

/** The raw (still encoded) path and the query of an origin-form request target. */
function splitTarget(url: string | undefined): { path: string; query: URLSearchParams } | null {
  if (url === undefined || !url.startsWith('/')) return null
  const q = url.indexOf('?')
  return {
    path: q < 0 ? url : url.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
  }
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  applySecurityHeaders(res)
  const api = isApiPath(req.url)
  const target = splitTarget(req.url)
  if (target === null) return sendFailure(res, api, 400, 'invalid-argument', 'Bad request.')
  if (
    !isAllowedHost(req.headers.host, ctx.port) ||
    !isAllowedOrigin(req.headers.origin, ctx.port)
  ) {
    return sendFailure(res, api, 403, 'not-allowed', 'Requests from this address are not allowed.')
  }
  if (api) return routeApi(ctx, req, res, target.path)
  if (target.path.startsWith(EXPORTS_PREFIX)) return routeExport(ctx, req, res, target)
  return routeStatic(ctx, req, res, target.path, target.query)
}

async function routeApi(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const name = path.slice('/api/'.length)
  if (name === 'events') {
    if (!isAuthorised(req, ctx, 'read', null)) {
      return sendFailure(res, true, 401, 'not-allowed', NEED_TOKEN)
    }
    if (req.method !== 'GET') {
      return sendFailure(res, true, 405, 'not-allowed', 'The event stream is read with GET.', {
        Allow: 'GET',
      })
    }
    return ctx.events.attach(req, res)
  }
  if (req.method !== 'POST') {
    if (!isAuthorised(req, ctx, 'read', null)) {
      return sendFailure(res, true, 401, 'not-allowed', NEED_TOKEN)
    }
    return sendFailure(res, true, 405, 'not-allowed', 'API calls are made with POST.', {
      Allow: 'POST',
    })
  }
  if (!isAuthorised(req, ctx, 'api', null)) {
    return sendFailure(res, true, 401, 'not-allowed', NEED_TOKEN)
  }
  await handleApiCall(ctx.service, name, req, res)
}

const EXPORTS_PREFIX = '/exports/'

/** A finished report, for the page's download link (authorised by the cookie, like assets). */
function routeExport(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  target: { path: string; query: URLSearchParams },
): void {
  if (!isAuthorised(req, ctx, 'read', null)) {
    return sendFailure(res, false, 401, 'not-allowed', NEED_TOKEN)
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendFailure(res, false, 405, 'not-allowed', 'Reports are fetched with GET.', {
      Allow: 'GET, HEAD',
    })
  }
  const token = target.path.slice(EXPORTS_PREFIX.length)
  sendExport(res, ctx.exports, token, target.query.get('inline') === '1', req.method === 'HEAD')
}

async function routeStatic(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const isRoot = path === '/'
  const queryToken = isRoot ? query.get('token') : null
  if (!isAuthorised(req, ctx, isRoot ? 'page' : 'read', queryToken)) {
    return sendFailure(res, false, 401, 'not-allowed', NEED_TOKEN)
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendFailure(res, false, 405, 'not-allowed', 'Only GET and HEAD are served here.', {
      Allow: 'GET, HEAD',
    })
  }
  const resolved = await resolveStatic(ctx.rootReal, path)
  if (resolved.status !== 200) {
    const message = resolved.status === 400 ? 'Bad request.' : 'Not found.'
    return sendFailure(res, false, resolved.status, 'not-found', message)
  }
  // The page reads the token from its own URL for API calls; the cookie covers its assets.
  if (queryToken !== null) res.setHeader('Set-Cookie', tokenCookie(ctx.token, ctx.port))
  if (!(await sendFile(res, resolved.file, req.method === 'HEAD'))) {
    res.removeHeader('Set-Cookie')
    sendFailure(res, false, 404, 'not-found', 'Not found.')
  }
}

/** Refusals go back as they were meant; anything else is logged whole and answered generically. */
function fail(res: ServerResponse, api: boolean, error: unknown): void {
  if (error instanceof HttpFailure) {
    return sendFailure(res, api, error.status, error.code, error.message)
  }
  console.error('[host] request failed', error)
  if (res.headersSent) res.destroy()
  else sendFailure(res, api, 500, 'internal', GENERIC_FAILURE)
}
