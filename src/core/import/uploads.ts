import { promises as fs } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImportSummary } from '../../shared/model'
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
 * own names. The staging folder is removed whatever happens.
 */
export async function importUploads(
  archive: Archive,
  files: readonly UploadedFile[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const staging = await fs.mkdtemp(join(tmpdir(), 'press-archive-upload-'))
  try {
    const names = new Map<string, string>()
    const paths: string[] = []
    await Promise.all(
      files.map(async (file, i) => {
        const dir = join(staging, String(i))
        await fs.mkdir(dir)
        const path = join(dir, file.name)
        await fs.writeFile(path, Buffer.from(file.data, 'base64'))
        names.set(path, file.name)
        paths[i] = path
      }),
    )
    return await importPaths(archive, paths, {
      ...options,
      describe: (path) => names.get(path) ?? path,
    })
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}
