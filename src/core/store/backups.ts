import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { parseJsonFile } from './durable-json-file'
import { fileStamp, ARCHIVE_FILE, BACKUPS_DIR, INDEX_DIR } from './layout'
import { ArchiveDocSchema, type ArchiveDoc } from './schemas'

const KEEP_ARCHIVE_COPIES = 10
const KEEP_INDEX_COPIES = 2
const INDEX_BACKUP_EVERY_MS = 24 * 60 * 60 * 1000

/**
 * Keep the last good copies of archive.json (on every writable open: it is small and holds what
 * cannot be rebuilt) and of the index (at most daily: it can be rebuilt, but slowly at 100k).
 */
export async function rotateBackups(root: string, now = new Date()): Promise<void> {
  const dir = join(root, BACKUPS_DIR)
  await fs.mkdir(dir, { recursive: true })
  const stamp = fileStamp(now.toISOString())
  await fs.copyFile(join(root, ARCHIVE_FILE), join(dir, `archive.${stamp}.json`))
  await prune(dir, /^archive\..+\.json$/, KEEP_ARCHIVE_COPIES)

  const indexCopies = (await fs.readdir(dir)).filter((n) => /^index\./.test(n)).sort()
  const newest = indexCopies.at(-1)
  const newestTime = newest
    ? Date.parse(newest.slice('index.'.length).replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3'))
    : 0
  if (now.getTime() - newestTime >= INDEX_BACKUP_EVERY_MS) {
    // Copy under a temp name and rename when whole, so a half copy never counts as a backup.
    const partial = join(dir, `.partial-index.${stamp}`)
    await fs
      .cp(join(root, INDEX_DIR), partial, {
        recursive: true,
        filter: (src) => !src.endsWith('.tmp'),
      })
      .then(() => fs.rename(partial, join(dir, `index.${stamp}`)))
      .catch(async (err: NodeJS.ErrnoException) => {
        await fs.rm(partial, { recursive: true, force: true })
        if (err.code !== 'ENOENT') throw err
      })
    await prune(dir, /^index\./, KEEP_INDEX_COPIES)
  }
}

/** The newest backup of archive.json that parses, for when archive.json itself is damaged. */
export async function newestGoodArchiveDoc(
  root: string,
): Promise<{ doc: ArchiveDoc; from: string } | null> {
  const dir = join(root, BACKUPS_DIR)
  const names = (await fs.readdir(dir).catch(() => [] as string[]))
    .filter((n) => /^archive\..+\.json$/.test(n))
    .sort()
    .reverse()
  for (const name of names) {
    const bytes = await fs.readFile(join(dir, name))
    let doc: ArchiveDoc
    try {
      doc = parseJsonFile(join(dir, name), bytes, ArchiveDocSchema)
    } catch {
      continue
    }
    return { doc, from: name.slice('archive.'.length, -'.json'.length) }
  }
  return null
}

async function prune(dir: string, pattern: RegExp, keep: number): Promise<void> {
  const names = (await fs.readdir(dir)).filter((n) => pattern.test(n)).sort()
  for (const name of names.slice(0, Math.max(0, names.length - keep))) {
    await fs.rm(join(dir, name), { recursive: true, force: true })
  }
}
