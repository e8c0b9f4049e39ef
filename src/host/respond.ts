import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import type { ErrorCode, Result } from '../shared/result'

/**
 * Sent on every response, errors included, so no path through the host serves a page without
 * them. The CSP is the app's one policy (src/shared/csp.ts). CORP keeps other local sites
 * (same-site, other port) from embedding our responses.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
}

/** Set before any routing, so early refusals carry the headers too. */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
}

/** JSON with its length; `res.end` sends no body for HEAD requests. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

/**
 * Refuse a request in the form its caller reads: the API client branches on a Result, a person
 * looking at the page reads a sentence.
 */
export function sendFailure(
  res: ServerResponse,
  api: boolean,
  status: number,
  code: ErrorCode,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  if (res.headersSent || res.destroyed) return
  if (api) {
    const result: Result<never> = { ok: false, error: { code, message } }
    sendJson(res, status, result, headers)
  } else {
    sendText(res, status, message, headers)
  }
}
