import { randomBytes } from 'node:crypto'
import { isAscii } from 'node:buffer'
import { closeSync, fstatSync, openSync, promises as fs, readSync } from 'node:fs'
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

/**
 * The first half of writeFileAtomic: write `data` to a temp file beside `path` and fsync it.
 * Returns the temp file, for the caller to rename over `path` when the time comes (and remove if
 * it never does); several can be prepared at once and their fsyncs then share journal commits.
 */
export async function writeTempSynced(path: string, data: string | Uint8Array): Promise<string> {
  const tmp = join(dirname(path), `.${basename(path)}.${tempSuffix()}.tmp`)
  await writeSynced(tmp, data, 'w')
  return tmp
}

/**
 * Create a file that must not exist yet (a new history version) and fsync it; the folder entry
 * is the caller's to make durable. A leftover of that name from an interrupted write, listed
 * nowhere, is removed first: a new file is never written into an old one's inode.
 */
export async function writeNewFileSynced(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeSynced(path, data, 'wx')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    await fs.rm(path, { force: true })
    await writeSynced(path, data, 'wx')
  }
}

async function writeSynced(path: string, data: string | Uint8Array, flag: 'w' | 'wx') {
  const handle = await fs.open(path, flag)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (err) {
    await handle.close().catch(() => {})
    await fs.rm(path, { force: true })
    throw err
  }
  await handle.close()
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

/**
 * Read a UTF-8 text file, or null when it does not exist. The bytes go through a buffer that is
 * reused, and a file of ASCII only (as the index writes them, see asciiJson) becomes a one-byte
 * string without UTF-8 decoding: both about halve the cost of reading the index of 100k articles.
 */
export async function readTextIfExists(path: string): Promise<string | null> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(path, 'r')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  const reading = new TextReading()
  try {
    reading.expect((await handle.stat()).size)
    for (;;) {
      const { buffer, at } = reading.room()
      const { bytesRead } = await handle.read(buffer, at, buffer.length - at, at)
      if (!reading.filled(bytesRead)) return reading.text()
    }
  } finally {
    await handle.close()
    reading.release()
  }
}

/**
 * readTextIfExists with blocking calls, for files that are read and parsed on this thread at once
 * anyway (the index shards at open): one thread-pool round trip per call (open, stat, read,
 * close) cost more than the reading itself, and opening 256 shards this way took about half the
 * time, while parsing them blocks the thread for longer than reading does.
 */
export function readTextSyncIfExists(path: string): string | null {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  const reading = new TextReading()
  try {
    reading.expect(fstatSync(fd).size)
    for (;;) {
      const { buffer, at } = reading.room()
      if (!reading.filled(readSync(fd, buffer, at, buffer.length - at, at))) return reading.text()
    }
  } finally {
    closeSync(fd)
    reading.release()
  }
}

/** Read buffers kept between reads: fresh memory for every file was a third of opening 100k. */
const spareBuffers: Buffer[] = []

/** One text file being read into a reused buffer; the same for blocking and async reads. */
class TextReading {
  private buffer = spareBuffers.pop() ?? Buffer.allocUnsafeSlow(64 * 1024)
  private length = 0

  expect(size: number): void {
    if (this.buffer.length < size)
      this.buffer = Buffer.allocUnsafeSlow(Math.max(size, this.buffer.length * 2))
  }

  /** Where the next read goes; a full buffer (the file grew since its size was taken) grows. */
  room(): { buffer: Buffer; at: number } {
    if (this.length === this.buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(this.buffer.length * 2)
      this.buffer.copy(bigger, 0, 0, this.length)
      this.buffer = bigger
    }
    return { buffer: this.buffer, at: this.length }
  }

  /** Counts what a read brought; false at the end of the file. */
  filled(bytesRead: number): boolean {
    this.length += bytesRead
    return bytesRead > 0
  }

  text(): string {
    const bytes = this.buffer.subarray(0, this.length)
    return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')
  }

  /** Keep a few, none of them huge: one archive.json of many profiles is no reason to hold MBs. */
  release(): void {
    if (spareBuffers.length < 8 && this.buffer.length <= 8 * 1024 * 1024)
      spareBuffers.push(this.buffer)
  }
}

/**
 * JSON with every character outside ASCII written as a \u escape: the same value for any
 * reader, and read back without UTF-8 decoding (see readTextIfExists).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, escapeChar)
}

const NON_ASCII = /[\u007f-\uffff]/g

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
}
