import { promises as fs } from 'node:fs'
import type { ArticleMeta, ImportProgress, ImportSummary } from '../../shared/model'
import type { Profile } from '../../shared/profile'
import { ArchiveError, describeIoError } from '../errors'
import type { Archive, BatchWritten } from '../store/archive'
import { articleId, sha256Hex } from './prepare'
import { createWriter } from './worker-pool'
import type { WriteTask } from './writer'
import { collectFiles } from './walk'
import { mapLimited } from '../util/concurrency'

export interface ImportOptions {
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
  /** Files larger than this are refused (a press article is kilobytes; 20 MB is not one). */
  maxFileBytes?: number
  /** Articles written and synced together; each is reported done only when its batch is. */
  batchSize?: number
  /** Least time between two progress reports, so 1,000 files/s do not flood the UI. */
  progressIntervalMs?: number
  /** The cleaning profile; default the archive's active one, null to store texts uncleaned. */
  profile?: Profile | null
  /**
   * What to call a file in the summary, the progress and its article's record, when its path is
   * not the person's own (files uploaded to the browser host are staged under a temp folder).
   */
  describe?: (path: string) => string
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024

/**
 * Import files and folders into an archive. A file that cannot be imported is reported with its
 * reason and the import goes on; cancelling stops once the batches in hand are safely written.
 */
export async function importPaths(
  archive: Archive,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  if (archive.readOnly)
    throw new ArchiveError('read-only', 'This archive is open read-only; nothing can be imported.')
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const batchSize = options.batchSize ?? 500
  const interval = options.progressIntervalMs ?? 100
  const describe = options.describe ?? ((path: string) => path)
  const walked = await collectFiles(paths)
  const summary: ImportSummary = {
    imported: [],
    duplicates: [],
    failed: walked.failed.map((f) => ({ ...f, path: describe(f.path) })),
    skipped: walked.skipped.map((f) => ({ ...f, path: describe(f.path) })),
    cancelled: false,
  }
  const total = walked.files.length
  let done = 0
  let lastReport = 0
  const report = (current: string | null, force = false) => {
    const now = Date.now()
    if (!force && now - lastReport < interval) return
    lastReport = now
    options.onProgress?.({
      done,
      total,
      current,
      imported: summary.imported.length,
      duplicates: summary.duplicates.length,
      failed: summary.failed.length,
    })
  }
  report(null, true)

  const profile = options.profile === undefined ? archive.activeProfile() : options.profile
  const seen = new Map<string, string>() // id → sha256 of everything met in this import
  const writer = createWriter(walked.files.length)
  const reasons = new Map<string, string>()
  /**
   * Start one batch: announce it, hand it to the writer, make it durable, commit it. Called as
   * soon as the batch is read, so the writer queues it behind the batch it is still writing and
   * is never idle while a batch is synced and committed.
   */
  const start = (tasks: Omit<WriteTask, 'dir'>[]) =>
    archive.addBatch(
      tasks.map((t) => articleId(t.sha256)),
      async (dirOf) => {
        const results = await writer.run(
          tasks.map((t) => ({ ...t, dir: dirOf(articleId(t.sha256)) })),
        )
        const written: BatchWritten = { articles: [], files: [], dirs: [] }
        results.forEach((r, i) => {
          if (r.ok) {
            written.articles.push(r.meta)
            written.files.push(...r.files)
            written.dirs.push(...r.dirs)
          } else reasons.set(articleId(tasks[i]!.sha256), r.reason)
        })
        return written
      },
    )
  /** Report a batch once it is committed; batches are reported in the order they were read. */
  const finish = (batch: Batch, added: ArticleMeta[]) => {
    const addedIds = new Set(added.map((m) => m.id))
    for (const meta of added) {
      summary.imported.push({ id: meta.id, path: batch.paths.get(meta.id)!, title: meta.title })
    }
    for (const [id, path] of batch.paths) {
      if (!addedIds.has(id)) {
        summary.failed.push({ path, reason: reasons.get(id) ?? 'it was not written' })
      }
    }
    done += batch.paths.size
    report(null)
  }

  // Batches under way, oldest first.
  const inFlight: Batch[] = []
  const settleOldest = async () => {
    const batch = inFlight.shift()!
    finish(batch, await batch.added)
  }
  try {
    for (let first = 0; first < walked.files.length; first += batchSize) {
      if (options.signal?.aborted) {
        summary.cancelled = true
        break
      }
      const paths = walked.files.slice(first, first + batchSize)
      report(paths[0] === undefined ? null : describe(paths[0]))
      const outcomes = await mapLimited(paths, READ_CONCURRENCY, (path) =>
        readCandidate(path, maxBytes),
      )
      const tasks: Omit<WriteTask, 'dir'>[] = []
      const now = new Date().toISOString()
      paths.forEach((readPath, i) => {
        const path = describe(readPath)
        const outcome = outcomes[i]!
        if ('reason' in outcome) {
          summary.failed.push({ path, reason: outcome.reason })
          done++
          return
        }
        const sha = sha256Hex(outcome.bytes)
        const id = articleId(sha)
        const existing = archive.has(id) ? archive.summary(id)?.original.sha256 : seen.get(id)
        if (existing !== undefined) {
          if (existing === sha) summary.duplicates.push({ id, path })
          else
            summary.failed.push({
              path,
              reason: `its id ${id} is already used by different content (a hash collision); it was not imported`,
            })
          done++
          return
        }
        seen.set(id, sha)
        tasks.push({ path, bytes: outcome.bytes, sha256: sha, now, profile })
      })
      if (tasks.length === 0) continue
      const batch: Batch = {
        paths: new Map(tasks.map((t) => [articleId(t.sha256), t.path])),
        added: start(tasks),
      }
      // Keep a rejection from going unhandled while later batches are read; awaited below.
      batch.added.catch(() => {})
      inFlight.push(batch)
      if (inFlight.length >= BATCHES_IN_FLIGHT) await settleOldest()
    }
    while (inFlight.length > 0) await settleOldest()
  } catch (err) {
    // Nothing may still be writing when the caller hears of the failure.
    await Promise.allSettled(inFlight.map((b) => b.added))
    throw err
  } finally {
    await writer.close()
  }
  report(null, true)
  return summary
}

interface Batch {
  /** id → the path the person knows the file by. */
  paths: Map<string, string>
  added: Promise<ArticleMeta[]>
}

/**
 * Batches handed to the archive and not yet reported: one being synced and committed, one being
 * written, one queued behind it, so the writer always has work while the main thread reads.
 */
const BATCHES_IN_FLIGHT = 3

/** Source files read at once: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 16

async function readCandidate(
  path: string,
  maxBytes: number,
): Promise<{ bytes: Buffer } | { reason: string }> {
  try {
    // Open, size, read, close: four system calls, where a stat and readFile take five or six.
    const handle = await fs.open(path, 'r')
    try {
      const { size } = await handle.stat()
      if (size > maxBytes) {
        return {
          reason: `the file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for one article`,
        }
      }
      // A buffer of its own (not a slice of a pool), so it can be moved to a worker whole.
      const bytes = Buffer.allocUnsafeSlow(size)
      let filled = 0
      while (filled < size) {
        const { bytesRead } = await handle.read(bytes, filled, size - filled, filled)
        if (bytesRead === 0) break
        filled += bytesRead
      }
      return { bytes: filled === size ? bytes : bytes.subarray(0, filled) }
    } finally {
      await handle.close()
    }
  } catch (err) {
    return { reason: describeIoError(err) ?? `the file could not be read (${String(err)})` }
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`
}
