import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Where the windows load the UI from, decided once at start-up. */
export interface RendererLocation {
  /** The URL a window is pointed at (the dev server, or the built index.html as a file URL). */
  url: string
  /** The built index.html on disk; null when the Vite dev server serves the UI. */
  file: string | null
}

/**
 * The dev server when electron-vite dev says so, else the built files. A packaged app ignores
 * ELECTRON_RENDERER_URL so nobody can point it at a remote page through the environment.
 */
export function rendererLocation(isPackaged: boolean, mainDir: string): RendererLocation {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  if (!isPackaged && devUrl) return { url: new URL(devUrl).href, file: null }
  const file = join(mainDir, '../renderer/index.html')
  return { url: pathToFileURL(file).href, file }
}

/**
 * Whether `url` is a page of our own UI. Query and hash are ignored (a router may use them);
 * from the dev server any path of its origin counts, from disk only our index.html does.
 */
export function isAppUrl(url: string, location: RendererLocation): boolean {
  let candidate: URL
  let own: URL
  try {
    candidate = new URL(url)
    own = new URL(location.url)
  } catch {
    return false
  }
  if (location.file === null) return candidate.origin === own.origin
  return (
    candidate.protocol === 'file:' &&
    candidate.host === own.host &&
    candidate.pathname === own.pathname
  )
}

/** Links we hand to the system browser: http and https only, never file:, javascript: or others. */
export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
