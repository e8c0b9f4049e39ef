import { promises as fs } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import type { ImportFailure } from '../../shared/model'
import { describeIoError } from '../errors'

/** Extensions taken from inside folders; a file named on its own is always tried. */
export const TEXT_EXTENSIONS = new Set(['', '.txt', '.text', '.md', '.markdown'])

export interface WalkResult {
  files: string[]
  failed: ImportFailure[]
  skipped: ImportFailure[]
}

/**
 * Expand the paths a person chose into the files to import: folders recursively, in name order,
 * hidden entries left out, each real folder visited once (a symlink loop ends there).
 */
export async function collectFiles(paths: readonly string[]): Promise<WalkResult> {
  const result: WalkResult = { files: [], failed: [], skipped: [] }
  const seenDirs = new Set<string>()
  const seenFiles = new Set<string>()

  async function visit(path: string, named: boolean): Promise<void> {
    let stat
    try {
      stat = await fs.stat(path)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ELOOP' && !named) return
      result.failed.push({ path, reason: describeIoError(err) ?? String(err) })
      return
    }
    if (stat.isDirectory()) {
      const real = await fs.realpath(path)
      if (seenDirs.has(real)) return
      seenDirs.add(real)
      let entries: string[]
      try {
        entries = (await fs.readdir(path)).sort()
      } catch (err) {
        result.failed.push({
          path,
          reason: `the folder could not be read: ${describeIoError(err) ?? String(err)}`,
        })
        return
      }
      for (const name of entries) {
        if (name.startsWith('.')) continue
        await visit(join(path, name), false)
      }
      return
    }
    if (!stat.isFile()) {
      if (named) result.failed.push({ path, reason: 'not a regular file' })
      return
    }
    if (!named && !TEXT_EXTENSIONS.has(extname(path).toLowerCase())) {
      result.skipped.push({ path, reason: `not a text file by its name (${extname(path)})` })
      return
    }
    const real = await fs.realpath(path)
    if (seenFiles.has(real)) return
    seenFiles.add(real)
    result.files.push(path)
  }

  for (const path of paths) await visit(resolve(path), true)
  return result
}
