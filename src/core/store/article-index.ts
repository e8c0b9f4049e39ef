import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { ArticleMeta, ArticleSummary } from '../../shared/model'
import { ArchiveError } from '../errors'
import { forEachLimited } from '../util/concurrency'
import { DurableJSONFile } from './durable-json-file'
import { IndexLog, unfinishedIds } from './index-log'
import {
  ARTICLES_DIR,
  INDEX_DIR,
  INDEX_LOG_FILE,
  articleDir,
  indexShardPath,
  isShardName,
  shardOf,
} from './layout'
import { readArticleMeta } from './article-files'
import { IndexShardSchema, SCHEMA_VERSION, type IndexShard } from './schemas'

/** What `load` had to repair, in words for the person who opened the archive. */
export interface IndexRepair {
  shard: string
  reason: 'missing' | 'corrupt'
  articles: number
}

/** Past this many log entries the shards absorb the log (about a second's work at 100k). */
const COMPACT_AFTER_ENTRIES = 20_000

/**
 * The metadata index: one small lowdb file per two-hex-digit shard (the same grouping as the
 * article folders) plus a write-ahead log. Changes are appended to the log, fsynced, and kept
 * in memory; the shards are rewritten only when the log grows long or the archive closes. One
 * file of 100k records is ~33 MB and ~0.8 s to write, so neither a save nor an import batch may
 * rewrite it; a damaged shard is rebuilt from its own article folders alone.
 */
export class ArticleIndex {
  private readonly shards = new Map<string, Low<IndexShard>>()
  private readonly byId = new Map<string, ArticleSummary>()
  private readonly dirty = new Set<string>()
  /** Ids begun and not yet committed or dropped: the log must keep naming them. */
  private readonly open = new Set<string>()
  /** Bumped on every change so list caches know when to sort again. */
  generation = 0

  private constructor(
    private readonly root: string,
    private readonly log: IndexLog,
    private readonly readOnly: boolean,
  ) {}

  /**
   * Read every shard, then replay the log. A shard file that is missing while its article
   * folder exists, or that does not parse, is rebuilt from the article folders. Returns the ids
   * that a crash left half-written, for the archive to recover.
   */
  static async load(
    root: string,
    options: { readOnly: boolean },
  ): Promise<{ index: ArticleIndex; repairs: IndexRepair[]; unfinished: string[] }> {
    const index = new ArticleIndex(
      root,
      new IndexLog(join(root, INDEX_DIR, INDEX_LOG_FILE)),
      options.readOnly,
    )
    if (!options.readOnly) await fs.mkdir(join(root, INDEX_DIR), { recursive: true })
    const [articleShards, indexFiles] = await Promise.all([
      listNames(join(root, ARTICLES_DIR)),
      listNames(join(root, INDEX_DIR)),
    ])
    const indexShards = indexFiles.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))
    const names = new Set([...articleShards, ...indexShards].filter(isShardName))
    const repairs: IndexRepair[] = []
    // A few shards at a time: reading all 256 at once only piles up garbage for the collector.
    await forEachLimited([...names], 8, async (shard) => {
      const low = index.newShard(shard)
      let reason: IndexRepair['reason'] | null = null
      try {
        await low.read()
        if (!indexShards.includes(shard)) reason = 'missing'
      } catch (err) {
        if (!(err instanceof ArchiveError && err.code === 'corrupt')) throw err
        reason = 'corrupt'
      }
      if (reason) {
        low.data = { schemaVersion: SCHEMA_VERSION, articles: await scanShard(root, shard) }
        repairs.push({ shard, reason, articles: Object.keys(low.data.articles).length })
        index.dirty.add(shard)
      }
      index.shards.set(shard, low)
    })
    // In id order (shards by name, each written in id order, see compact): sorting by a date
    // then meets each day's records already in id order, which is nearly free to sort.
    for (const shard of [...index.shards.keys()].sort()) {
      const articles = index.shards.get(shard)!.data.articles
      for (const id in articles) index.byId.set(id, articles[id]!)
    }
    const entries = await index.log.read()
    for (const entry of entries) {
      if (entry.op === 'put') index.put(entry.article)
      else if (entry.op === 'del') index.delete(entry.id)
    }
    const unfinished = unfinishedIds(entries)
    for (const id of unfinished) index.open.add(id)
    // Repairs are written back at once, unless a crash left work for recovery to finish first.
    if (repairs.length > 0 && unfinished.length === 0) await index.compact()
    repairs.sort((a, b) => a.shard.localeCompare(b.shard))
    return { index, repairs, unfinished }
  }

  get size(): number {
    return this.byId.size
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  get(id: string): ArticleSummary | undefined {
    return this.byId.get(id)
  }

  all(): IterableIterator<ArticleSummary> {
    return this.byId.values()
  }

  /** Whether a write of this article has begun and not yet been committed or dropped. */
  isOpen(id: string): boolean {
    return this.open.has(id)
  }

  /** Announce, durably, that these articles' folders are about to be written. */
  async begin(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await this.log.append([{ op: 'begin', ids: [...ids] }])
    for (const id of ids) this.open.add(id)
  }

  /** Record finished articles: durable once this resolves (one fsynced append). */
  async commit(metas: readonly ArticleMeta[]): Promise<void> {
    const summaries = metas.map(summarize)
    await this.log.append(summaries.map((article) => ({ op: 'put' as const, article })))
    for (const summary of summaries) {
      this.put(summary)
      this.open.delete(summary.id)
    }
    if (this.log.size >= COMPACT_AFTER_ENTRIES) await this.compact()
  }

  /** Forget articles whose folders are gone (an import that never finished). */
  async drop(ids: readonly string[]): Promise<void> {
    await this.log.append(ids.map((id) => ({ op: 'del' as const, id })))
    for (const id of ids) {
      this.delete(id)
      this.open.delete(id)
    }
  }

  /** Ids whose folders may be half-written (a failed or interrupted write). */
  unfinished(): string[] {
    return [...this.open]
  }

  /**
   * Fold the log into the shards: rewrite the shards it touched, each atomically, then empty the
   * log. A crash in between replays the log over shards that already hold it, to the same result.
   * Ids still unfinished stay named in the fresh log, so their recovery is not forgotten.
   */
  async compact(): Promise<void> {
    if (this.readOnly) return
    const names = [...this.dirty]
    for (const name of names) {
      const low = this.shards.get(name)
      if (low) low.data.articles = inIdOrder(low.data.articles)
    }
    await Promise.all(names.map((name) => this.shards.get(name)?.write()))
    for (const name of names) this.dirty.delete(name)
    await this.log.reset(this.open.size > 0 ? [{ op: 'begin', ids: [...this.open] }] : [])
  }

  private put(summary: ArticleSummary): void {
    const shard = shardOf(summary.id)
    let low = this.shards.get(shard)
    if (!low) {
      low = this.newShard(shard)
      this.shards.set(shard, low)
    }
    low.data.articles[summary.id] = summary
    this.byId.set(summary.id, summary)
    this.dirty.add(shard)
    this.generation++
  }

  private delete(id: string): void {
    const low = this.shards.get(shardOf(id))
    if (!low || !(id in low.data.articles)) return
    delete low.data.articles[id]
    this.byId.delete(id)
    this.dirty.add(shardOf(id))
    this.generation++
  }

  private newShard(shard: string): Low<IndexShard> {
    return new Low<IndexShard>(
      new DurableJSONFile(indexShardPath(this.root, shard), IndexShardSchema),
      emptyShard(),
    )
  }
}

/** The index keeps everything of meta.json but the history, the notes and flag decisions. */
export function summarize(meta: ArticleMeta): ArticleSummary {
  const {
    history: _history,
    schemaVersion: _version,
    notes: _notes,
    review: _review,
    passages: _passages,
    original,
    ...rest
  } = meta
  const { importedFrom: _from, ...kept } = original
  return { ...rest, original: kept }
}

/** The same records with their keys in id order (the order JSON keeps them in). */
function inIdOrder(articles: IndexShard['articles']): IndexShard['articles'] {
  const ids = Object.keys(articles)
  let sorted = true
  for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1]! < ids[i]!
  if (sorted) return articles
  const out: IndexShard['articles'] = {}
  for (const id of ids.sort()) out[id] = articles[id]!
  return out
}

function emptyShard(): IndexShard {
  return { schemaVersion: SCHEMA_VERSION, articles: {} }
}

/** Re-read the meta.json of every article folder of one shard. Folders without one are skipped. */
export async function scanShard(root: string, shard: string): Promise<IndexShard['articles']> {
  const articles: IndexShard['articles'] = {}
  const ids = await listNames(join(root, ARTICLES_DIR, shard))
  for (const id of ids) {
    const meta = await readArticleMeta(articleDir(root, id)).catch(() => null)
    if (meta && meta.id === id) articles[id] = summarize(meta)
  }
  return articles
}

async function listNames(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}
