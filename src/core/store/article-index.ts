import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { ArticleMeta, ArticleSummary } from '../../shared/model'
import { ArchiveError } from '../errors'
import { DurableJSONFile } from './durable-json-file'
import { ARTICLES_DIR, INDEX_DIR, articleDir, indexShardPath, shardOf } from './layout'
import { readArticleMeta } from './article-files'
import { IndexShardSchema, SCHEMA_VERSION, type IndexShard } from './schemas'

/** What `load` had to repair, in words for the person who opened the archive. */
export interface IndexRepair {
  shard: string
  reason: 'missing' | 'corrupt'
  articles: number
}

const SHARD_NAME = /^[0-9a-f]{2}$/

/**
 * The metadata index: one small lowdb file per two-hex-digit shard, the same grouping as the
 * article folders. A save rewrites one shard of a few hundred records instead of the whole index
 * (one file of 100k records is ~33 MB and ~0.8 s to write), and a damaged shard is rebuilt from
 * its own article folders alone.
 */
export class ArticleIndex {
  private readonly shards = new Map<string, Low<IndexShard>>()
  private readonly byId = new Map<string, ArticleSummary>()
  private readonly dirty = new Set<string>()
  /** Bumped on every change so list caches know when to sort again. */
  generation = 0

  private constructor(private readonly root: string) {}

  /**
   * Read every shard. A shard file that is missing while its article folder exists, or that
   * does not parse, is rebuilt from the article folders (and written back unless read-only).
   */
  static async load(
    root: string,
    options: { readOnly: boolean },
  ): Promise<{ index: ArticleIndex; repairs: IndexRepair[] }> {
    const index = new ArticleIndex(root)
    if (!options.readOnly) await fs.mkdir(join(root, INDEX_DIR), { recursive: true })
    const [articleShards, indexFiles] = await Promise.all([
      listNames(join(root, ARTICLES_DIR)),
      listNames(join(root, INDEX_DIR)),
    ])
    const indexShards = indexFiles.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))
    const names = new Set([...articleShards, ...indexShards].filter((n) => SHARD_NAME.test(n)))
    const repairs: IndexRepair[] = []
    await Promise.all(
      [...names].map(async (shard) => {
        const low = new Low<IndexShard>(
          new DurableJSONFile(indexShardPath(root, shard), IndexShardSchema),
          emptyShard(),
        )
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
          if (!options.readOnly) index.dirty.add(shard)
        }
        index.shards.set(shard, low)
      }),
    )
    for (const low of index.shards.values()) {
      for (const summary of Object.values(low.data.articles)) index.byId.set(summary.id, summary)
    }
    await index.flush()
    repairs.sort((a, b) => a.shard.localeCompare(b.shard))
    return { index, repairs }
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

  /** Record an article's metadata in memory; `flush` makes it durable. */
  upsert(meta: ArticleMeta): void {
    const summary = summarize(meta)
    const shard = shardOf(meta.id)
    let low = this.shards.get(shard)
    if (!low) {
      low = new Low<IndexShard>(
        new DurableJSONFile(indexShardPath(this.root, shard), IndexShardSchema),
        emptyShard(),
      )
      this.shards.set(shard, low)
    }
    low.data.articles[meta.id] = summary
    this.byId.set(meta.id, summary)
    this.dirty.add(shard)
    this.generation++
  }

  remove(id: string): void {
    const low = this.shards.get(shardOf(id))
    if (!low || !(id in low.data.articles)) return
    delete low.data.articles[id]
    this.byId.delete(id)
    this.dirty.add(shardOf(id))
    this.generation++
  }

  /** Write the shards changed since the last flush, each atomically. */
  async flush(): Promise<void> {
    const names = [...this.dirty]
    this.dirty.clear()
    try {
      await Promise.all(names.map((name) => this.shards.get(name)?.write()))
    } catch (err) {
      for (const name of names) this.dirty.add(name)
      throw err
    }
  }
}

/** The index keeps everything of meta.json but the history and the notes. */
export function summarize(meta: ArticleMeta): ArticleSummary {
  const { history: _history, schemaVersion: _version, notes: _notes, ...summary } = meta
  return summary
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
