import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { ArticleIdSchema, ArticleSummarySchema } from '../../shared/model'
import { fsyncDir, readIfExists, writeFileAtomic } from '../fs/atomic'

const EntrySchema = z.discriminatedUnion('op', [
  /** These articles' folders are about to be written. */
  z.object({ op: z.literal('begin'), ids: z.array(ArticleIdSchema) }),
  /** This article's folder is written; its summary belongs in the index. */
  z.object({ op: z.literal('put'), article: ArticleSummarySchema }),
  z.object({ op: z.literal('del'), id: ArticleIdSchema }),
])
export type LogEntry = z.infer<typeof EntrySchema>

/**
 * The index's write-ahead log (index/log.jsonl). Each batch of changes is one fsynced append,
 * so a save or an import batch costs a few hundred bytes of I/O instead of rewriting index
 * shards; the shards absorb the log now and then (`ArticleIndex.compact`).
 *
 * It is also the recovery journal: an id that has a `begin` but no later `put` or `del` names
 * the only folders a crash can have left half-written, so opening never scans 100k folders.
 */
export class IndexLog {
  private entries = 0

  constructor(readonly path: string) {}

  /** How many entries the log holds; past a threshold the index compacts it away. */
  get size(): number {
    return this.entries
  }

  async append(entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return
    const created = this.entries === 0
    const handle = await fs.open(this.path, 'a')
    try {
      await handle.writeFile(entries.map((e) => JSON.stringify(e)).join('\n') + '\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
    // A log file that did not exist must also be durable as a folder entry.
    if (created) await fsyncDir(dirname(this.path))
    this.entries += entries.length
  }

  /**
   * Everything in the log, in order. A line torn by a crash (only ever the last one) is left
   * out: the write it announced was never reported done.
   */
  async read(): Promise<LogEntry[]> {
    const bytes = await readIfExists(this.path)
    if (!bytes) return []
    const out: LogEntry[] = []
    for (const line of bytes.toString('utf8').split('\n')) {
      if (!line) continue
      let json: unknown
      try {
        json = JSON.parse(line)
      } catch {
        continue
      }
      const parsed = EntrySchema.safeParse(json)
      if (parsed.success) out.push(parsed.data)
    }
    this.entries = out.length
    return out
  }

  /** Start the log afresh with just these entries (none: remove it). */
  async reset(entries: readonly LogEntry[] = []): Promise<void> {
    if (entries.length === 0) await fs.rm(this.path, { force: true })
    else await writeFileAtomic(this.path, entries.map((e) => JSON.stringify(e)).join('\n') + '\n')
    this.entries = entries.length
  }
}

/** Ids begun and never finished, in the order of the log. */
export function unfinishedIds(entries: readonly LogEntry[]): string[] {
  const open = new Set<string>()
  for (const e of entries) {
    if (e.op === 'begin') for (const id of e.ids) open.add(id)
    else if (e.op === 'put') open.delete(e.article.id)
    else open.delete(e.id)
  }
  return [...open]
}
