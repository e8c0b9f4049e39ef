import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Result } from '../shared/result'
import type { ArchiveService } from '../core/api/service'
import { callService } from './service-call'

/** The sample archive's name; also its folder under userData. */
export const SAMPLE_ARCHIVE_NAME = 'Sample Archive'

/**
 * The bundled sample articles: `resources/sample` beside the app in development, in the
 * resources folder of a packaged app.
 */
export function sampleSourceFolder(
  isPackaged: boolean,
  appPath: string,
  resourcesPath: string,
): string {
  return join(isPackaged ? resourcesPath : appPath, 'resources', 'sample')
}

/** An archive folder is recognised by its archive.json (see ARCHITECTURE.md, "The archive on disk"). */
export function isArchiveFolder(path: string): boolean {
  return existsSync(join(path, 'archive.json'))
}

/**
 * A first start shows something to read: create `Sample Archive` in userData and import the
 * bundled articles into it. If it is already there (a later first start, e.g. after the last
 * archive was deleted) it is reused as it is. Resolves to the archive's folder; it is left open.
 */
export async function ensureSampleArchive(
  service: ArchiveService,
  userData: string,
  sourceFolder: string,
): Promise<Result<string>> {
  const target = join(userData, SAMPLE_ARCHIVE_NAME)
  if (isArchiveFolder(target)) return { ok: true, value: target }

  const created = await callService(service, 'archive:create', {
    path: target,
    name: SAMPLE_ARCHIVE_NAME,
  })
  if (!created.ok) return created

  const paths = await sampleFiles(sourceFolder)
  if (paths.length === 0) {
    console.warn(`[sample] no sample articles in ${sourceFolder}; the sample archive stays empty`)
    return { ok: true, value: target }
  }
  const imported = await callService(service, 'import:paths', { paths })
  if (!imported.ok) return imported
  const { failed } = imported.value
  for (const failure of failed) console.warn(`[sample] ${failure.path}: ${failure.reason}`)
  return { ok: true, value: target }
}

/** The sample folder's entries, dot-files left out; sorted so imports are reproducible. */
async function sampleFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true })
    return entries
      .filter((entry) => !entry.name.startsWith('.') && (entry.isFile() || entry.isDirectory()))
      .map((entry) => join(folder, entry.name))
      .sort()
  } catch (error) {
    console.warn(`[sample] cannot read ${folder}: ${(error as Error).message}`)
    return []
  }
}
