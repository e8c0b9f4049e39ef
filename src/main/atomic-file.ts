import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const RENAME_ATTEMPTS = 6

/**
 * Replace `file` with `data` so that a crash at any moment leaves the old or the new content,
 * never a torn file: write a temp file beside it, fsync, rename over, fsync the folder.
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`)
  try {
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(data, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(temp, file)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(dirname(file))
}

/** On Windows a rename fails with EPERM/EBUSY while antivirus or the indexer holds the file. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const transient = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES'
      if (!transient || attempt >= RENAME_ATTEMPTS) throw error
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt))
    }
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; there it is skipped. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
