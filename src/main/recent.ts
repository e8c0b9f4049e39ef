import { resolve } from 'node:path'

/** How many archives File › Open Recent lists. */
export const RECENT_LIMIT = 10

function samePath(a: string, b: string): boolean {
  // Windows and (usually) macOS file systems ignore case; treating Linux the same way could
  // merge two distinct archives, so there the comparison stays exact.
  if (process.platform === 'win32' || process.platform === 'darwin') {
    return resolve(a).toLowerCase() === resolve(b).toLowerCase()
  }
  return resolve(a) === resolve(b)
}

/** The list with `path` moved (or added) to the front, without duplicates, at most RECENT_LIMIT. */
export function withRecent(list: readonly string[], path: string): string[] {
  return [resolve(path), ...list.filter((p) => !samePath(p, path))].slice(0, RECENT_LIMIT)
}

/** The list without `path`, e.g. after it failed to open because the folder is gone. */
export function withoutRecent(list: readonly string[], path: string): string[] {
  return list.filter((p) => !samePath(p, path))
}
