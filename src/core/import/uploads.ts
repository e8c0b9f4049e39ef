import { promises as fs } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ImportFailure, ImportSummary } from '../../shared/model'
import type { Archive } from '../store/archive'
import { importPaths, type ImportOptions } from './importer'

export interface UploadedFile {
  /** A bare file name (checked at the boundary: no folders). */
  name: string
  /** The file's bytes, base64. */
  data: string
}

/**
 * Import files whose bytes came over the wire (the browser host's page cannot tell us paths).
 * They are staged in a temp folder, each in its own sub-folder so two dropped folders' `a.txt`
 * do not collide, and imported like any files; the summary and the records name them by their
 * own names. A file that cannot be staged is reported failed and the others go on. The staging
 * folder is removed whatever happens.
 */
export async function importUploads(
  archive: Archive,
  files: readonly UploadedFile[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  // Resolved, because the importer resolves what it is given and the names are looked up by that.
  const staging = await fs.mkdtemp(join(resolve(tmpdir()), 'press-archive-upload-'))
  try {
    const names = new Map<string, string>()
    // Each file settles on its own, so nothing is still being written when the folder goes.
    const staged = await Promise.all(
      files.map(async (file, i): Promise<string | ImportFailure> => {
        const dir = join(staging, String(i))
        const path = join(dir, file.name)
        try {
          await fs.mkdir(dir)
          await fs.writeFile(path, Buffer.from(file.data, 'base64'))
        } catch (err) {
          return { path: file.name, reason: stagingFailure(err) }
        }
        names.set(path, file.name)
        return path
      }),
    )
    const summary = await importPaths(
      archive,
      staged.filter((s) => typeof s === 'string'),
      { ...options, describe: (path) => names.get(path) ?? path },
    )
    summary.failed.unshift(...staged.filter((s) => typeof s !== 'string'))
    return summary
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}

/** Why a received file could not be put down for import; never names the temp folder. */
function stagingFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENAMETOOLONG') return 'its name is too long for a file on this computer'
  if (code === 'ENOSPC') return 'the disk is full, so it could not be received'
  return `it could not be received${code ? ` (${code})` : ''}`
}
