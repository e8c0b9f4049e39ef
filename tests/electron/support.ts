import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** The project root: Playwright runs from it (the config lives there). */
export const ROOT = resolve(__dirname, '../..')

export type ElectronBinary = { usable: true; path: string } | { usable: false; reason: string }

/**
 * Whether an Electron binary can run here. `require('electron')` returns the binary's path, or
 * (electron ≥ 45 fetches the binary on first use) throws "Electron failed to install correctly"
 * when the fetch fails; ELECTRON_OVERRIDE_DIST_PATH points it at a binary installed elsewhere.
 * Linux also needs a display (run under xvfb-run where there is none).
 */
export function findElectron(): ElectronBinary {
  let path: unknown
  try {
    path = createRequire(join(ROOT, 'package.json'))('electron')
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { usable: false, reason: `require('electron') failed: ${message.split('\n')[0]}` }
  }
  if (typeof path !== 'string') return { usable: false, reason: "require('electron') gave no path" }
  if (!existsSync(path)) return { usable: false, reason: `${path} does not exist` }
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { usable: false, reason: 'no display (DISPLAY is unset); run under xvfb-run' }
  }
  return { usable: true, path }
}

/** A temp folder for one test, removed afterwards. */
export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  try {
    return await use(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
