import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { ArchiveError } from '../errors'
import { LOCK_FILE } from './layout'

const LockInfoSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  holder: z.string(),
  since: z.string(),
  nonce: z.string(),
})
export type LockInfo = z.infer<typeof LockInfoSchema>

/** The one process that may write an archive holds its `.lock` (lowdb allows one writer: #333). */
export class ArchiveLock {
  private constructor(
    private readonly path: string,
    readonly info: LockInfo,
  ) {}

  /**
   * Take the lock or fail with a message naming who holds it. A lock left by a process that no
   * longer exists on this machine is taken over.
   */
  static async acquire(root: string, holder: string): Promise<ArchiveLock> {
    const path = join(root, LOCK_FILE)
    const info: LockInfo = {
      pid: process.pid,
      host: hostname(),
      holder,
      since: new Date().toISOString(),
      nonce: randomBytes(8).toString('hex'),
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const handle = await fs.open(path, 'wx')
        try {
          await handle.writeFile(JSON.stringify(info))
          await handle.sync()
        } finally {
          await handle.close()
        }
        return new ArchiveLock(path, info)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const current = await readLock(path)
      if (current === 'missing') continue
      if (current !== 'unreadable' && isLive(current)) {
        throw new ArchiveError('locked', describeHolder(current))
      }
      await takeOverStale(path, current)
    }
    throw new ArchiveError(
      'locked',
      'The archive is being opened by another process at the same moment; try again.',
    )
  }

  /** Whether this lock file is still ours (someone may have removed it by hand). */
  async stillHeld(): Promise<boolean> {
    const current = await readLock(this.path)
    return typeof current === 'object' && current.nonce === this.info.nonce
  }

  async release(): Promise<void> {
    if (await this.stillHeld()) await fs.rm(this.path, { force: true })
  }
}

/** Who holds the lock of an archive, or null; for read-only openers that want to say so. */
export async function lockHolder(root: string): Promise<LockInfo | null> {
  const current = await readLock(join(root, LOCK_FILE))
  return typeof current === 'object' && isLive(current) ? current : null
}

export function describeHolder(info: LockInfo): string {
  return `The archive is open for writing in ${info.holder} (process ${info.pid} on ${info.host}, since ${info.since}). Close it there, or open this archive read-only.`
}

async function readLock(path: string): Promise<LockInfo | 'missing' | 'unreadable'> {
  let text: string
  try {
    text = await fs.readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw err
  }
  try {
    const parsed = LockInfoSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : 'unreadable'
  } catch {
    // A writer killed between creating and filling the lock leaves it empty.
    return 'unreadable'
  }
}

/**
 * A lock on another machine (a shared folder) cannot be checked, so it counts as live. An
 * unreadable lock is a torn write from a crash; it only counts as stale once it is old enough that
 * its writer cannot still be filling it in.
 */
function isLive(info: LockInfo): boolean {
  if (info.host !== hostname()) return true
  if (info.pid === process.pid) return true
  try {
    process.kill(info.pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Move a stale lock aside, then check that what was moved is the stale lock we judged (and not a
 * fresh lock another process took in between); if it is not, put it back.
 */
async function takeOverStale(path: string, judged: LockInfo | 'unreadable'): Promise<void> {
  if (judged === 'unreadable') {
    const stat = await fs.stat(path).catch(() => null)
    if (stat && Date.now() - stat.mtimeMs < 2000) {
      await new Promise((r) => setTimeout(r, 200))
      return
    }
  }
  const aside = `${path}.stale-${randomBytes(4).toString('hex')}`
  try {
    await fs.rename(path, aside)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  const moved = await readLock(aside)
  const same =
    judged === 'unreadable'
      ? moved === 'unreadable'
      : typeof moved === 'object' && moved.nonce === judged.nonce
  if (same) {
    await fs.rm(aside, { force: true })
    return
  }
  // We moved a live lock: give it back (link fails if a third process locked in between).
  await fs.link(aside, path).catch(() => {})
  await fs.rm(aside, { force: true })
}
