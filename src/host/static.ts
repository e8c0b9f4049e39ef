import { constants } from 'node:fs'
import { open, realpath } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'

/** The types the built renderer uses; anything else is sent as opaque bytes (and nosniff). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Why a path was not served: 400 when it cannot be a file name at all, 404 otherwise. */
export type Resolved = { status: 200; file: string } | { status: 400 | 404 }

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

/**
 * Map a raw request path (still percent-encoded, without the query) to a file under `rootReal`,
 * which must already be a real path. Decodes once, then refuses every segment that could step
 * outside or name something not meant to be served (`..`, dotfiles, backslashes, drive letters,
 * NUL), and finally checks the real path so a symlink cannot lead out either.
 */
export async function resolveStatic(rootReal: string, rawPath: string): Promise<Resolved> {
  if (!rawPath.startsWith('/')) return { status: 400 }
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return { status: 400 }
  }
  if (decoded === '/') decoded = '/index.html'
  if (/[\0\\:]/.test(decoded)) return { status: 400 }
  const segments = decoded.slice(1).split('/')
  for (const segment of segments) {
    if (segment === '..' || segment === '.') return { status: 400 }
    // Empty segments (`//x`, `x/`) and dotfiles (`.env`, `.git`) are never part of the build.
    if (segment === '' || segment.startsWith('.')) return { status: 404 }
  }
  const candidate = join(rootReal, ...segments)
  if (!isInside(rootReal, candidate)) return { status: 400 }
  let real: string
  try {
    real = await realpath(candidate)
  } catch {
    return { status: 404 }
  }
  if (!isInside(rootReal, real)) return { status: 404 }
  return { status: 200, file: real }
}

/**
 * Send one resolved file. Opened without following a final symlink (one swapped in after
 * `resolveStatic` looked) and checked to be a regular file, so directories are never listed.
 * Returns false when there was nothing to send, for the caller to answer 404.
 */
export async function sendFile(res: ServerResponse, file: string, head: boolean): Promise<boolean> {
  let handle
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
  } catch {
    return false
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) {
      await handle.close()
      return false
    }
    res.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Content-Length': stats.size })
    if (head) {
      await handle.close()
      res.end()
      return true
    }
  } catch (error) {
    await handle.close().catch(() => undefined)
    throw error
  }
  // The stream owns the handle from here and closes it at its end or on error.
  await pipeline(handle.createReadStream(), res).catch(() => res.destroy())
  return true
}
