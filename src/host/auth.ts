import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * The token cookie's name, one per port: browsers scope cookies by host, not port, so two hosts
 * on 127.0.0.1 sharing one name would overwrite each other's token and lock each other's tab out.
 * HttpOnly, so page scripts cannot read it; it only authorises assets and the event stream.
 */
export function tokenCookieName(port: number): string {
  return `pa_token_${port}`
}
/** API calls must carry the token here: a cookie rides along on forged requests, a header cannot. */
export const TOKEN_HEADER = 'x-press-archive-token'

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,256}$/

/** 32 random bytes: anyone who can reach the port but was not handed the URL cannot guess it. */
export function newToken(): string {
  return randomBytes(32).toString('hex')
}

/**
 * A caller-chosen token goes into a URL and a cookie unescaped, and a short one could be guessed
 * by any local process or web page probing the port, so both are refused up front.
 */
export function assertUsableToken(token: string): void {
  if (!TOKEN_PATTERN.test(token)) {
    throw new Error(
      'The host token must be 16 to 256 characters of letters, digits, "-" or "_" (leave it out to get a random one).',
    )
  }
}

/**
 * Compares digests so neither the content nor the length of the expected token leaks through
 * timing.
 */
export function tokenMatches(expected: string, candidate: string | undefined): boolean {
  if (candidate === undefined) return false
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(candidate).digest()
  return timingSafeEqual(a, b)
}

/**
 * Every value of a cookie: one of the same name from an earlier host on this port (or set with
 * another path) may sit beside ours.
 */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return []
  const values: string[] = []
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    values.push(part.slice(eq + 1).trim())
  }
  return values
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** Where a request may prove it holds the token. */
export type Credentials = 'page' | 'read' | 'api'

/**
 * `page` (GET /): the `?token=` of the URL the user was given, else cookie or header.
 * `read` (assets, event stream): the cookie or the header.
 * `api` (POST /api/*): the header only, so a forged cross-site request carrying the cookie fails.
 * A credential that is present decides: a wrong query token is not rescued by a cookie.
 */
export function isAuthorised(
  req: IncomingMessage,
  host: { token: string; port: number },
  credentials: Credentials,
  queryToken: string | null,
): boolean {
  const { token } = host
  if (credentials === 'page' && queryToken !== null) return tokenMatches(token, queryToken)
  const header = single(req.headers[TOKEN_HEADER])
  if (credentials === 'api' || header !== undefined) return tokenMatches(token, header)
  const cookies = cookieValues(req.headers.cookie, tokenCookieName(host.port))
  // Check every value (no early exit) so timing does not say which one matched.
  return cookies.map((value) => tokenMatches(token, value)).some(Boolean)
}

/** The cookie set when the user opens the URL with its token, named for the host's port. */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
}

/**
 * DNS rebinding: a page on evil.example can point its name at 127.0.0.1, but the browser still
 * sends `Host: evil.example`, so only our own names are served.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false
  const value = host.toLowerCase()
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`
}

/**
 * A browser names the page a request comes from; anything but our own origin (another site,
 * another local port, a sandboxed `null`) is refused.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  const value = origin.toLowerCase()
  return value === `http://127.0.0.1:${port}` || value === `http://localhost:${port}`
}
