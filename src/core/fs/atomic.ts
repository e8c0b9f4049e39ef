import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Write a file so that a crash at any moment leaves either the old or the new content, never a
 * torn file: write a temp file beside it, fsync it, rename it over the target, fsync the folder.
 * (lowdb's own adapter renames without fsync; after power loss users found empty files —
 * typicode/lowdb#549.)
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { sync?: boolean } = {},
): Promise<void> {
  const sync = options.sync !== false
  const tmp = join(dirname(path), `.${basename(path)}.${tempSuffix()}.tmp`)
  const handle = await fs.open(tmp, 'w')
  try {
    await handle.writeFile(data)
    if (sync) await handle.sync()
  } catch (err) {
    await handle.close().catch(() => {})
    await fs.rm(tmp, { force: true })
    throw err
  }
  await handle.close()
  try {
    await renameWithRetry(tmp, path)
  } catch (err) {
    await fs.rm(tmp, { force: true })
    throw err
  }
  // A batch writing many files syncs them all at its end instead (see durability.ts).
  if (sync) await fsyncDir(dirname(path))
}

let tempCounter = 0
const tempPrefix = `${process.pid.toString(36)}-${randomBytes(3).toString('hex')}`

/** Unique per process and call; cheaper than fresh random bytes for every write. */
function tempSuffix(): string {
  return `${tempPrefix}-${(tempCounter++).toString(36)}`
}

/**
 * Make a folder's entries (new files, renames) durable. Windows cannot open folders for fsync,
 * and some file systems refuse; durability of the rename is then the OS's business.
 */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch (err) {
    if (!isIgnorableDirSyncError(err)) throw err
  } finally {
    await handle?.close()
  }
}

function isIgnorableDirSyncError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EACCES'
}

/**
 * On Windows a rename fails with EPERM/EBUSY/EACCES while an antivirus or the search indexer
 * holds the file for a moment; retry for up to about two seconds before giving up.
 */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  const transient = new Set(['EPERM', 'EBUSY', 'EACCES'])
  let delay = 10
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (process.platform !== 'win32' || !transient.has(code) || attempt >= 8) throw err
      await new Promise((r) => setTimeout(r, delay))
      delay *= 2
    }
  }
}

export function pathExists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  )
}

/** Read a file, or null when it does not exist. */
export async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}
