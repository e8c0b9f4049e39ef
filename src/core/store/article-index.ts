import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { ArticleMeta, ArticleSummary } from '../../shared/model'
import { asciiJson, readTextSyncIfExists, writeFileAtomic } from '../fs/atomic'
import { IndexLog, unfinishedIds } from './index-log'
import { fromShardFile, toShardFile } from './index-rows'
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
import { forEachLimited } from '../util/concurrency'

/** What `load` had to repair, in words for the person who opened the archive. */
export interface IndexRepair {
  shard: string
  /** `outdated`: written by an earlier version in another format (an upgrade, not damage). */
  reason: 'missing' | 'corrupt' | 'outdated'
  articles: number
}

/** Past this many log entries the shards absorb the log (about a second's work at 100k). */
const COMPACT_AFTER_ENTRIES = 20_000

/** How many of the latest changes `changedSince` can name. */
const MAX_CHANGES_KEPT = 65_536

/**
 * The metadata index: one small file per two-hex-digit shard (the same grouping as the article
 * folders, rows in the format of index-rows.ts) plus a write-ahead log. Changes are appended to
 * the log, fsynced, and kept in memory; the shards are rewritten only when the log grows long or
 * the archive closes. One file of 100k records is ~20 MB and ~0.5 s to write, so neither a save
 * nor an import batch may rewrite it; a damaged shard is rebuilt from its own article folders.
 */
export class ArticleIndex {
  /** Every summary, by id; a shard's rows are gathered from here when it is written. */
  private readonly byId = new Map<string, ArticleSummary>()
  /** Shards whose file no longer matches memory. */
  private readonly dirty = new Set<string>()
  /** Ids begun and not yet committed or dropped: the log must keep naming them. */
  private readonly open = new Set<string>()
  /** Bumped on every change so list caches know when to sort again. */
  generation = 0
  /** The latest changes, one per generation, so a kept sorted order can be repaired. */
  private readonly changes: { generation: number; id: string }[] = []

  private constructor(
    private readonly root: string,
    private readonly log: IndexLog,
    private readonly readOnly: boolean,
  ) {}

  /**
   * Read every shard, then replay the log. A shard file that is missing while its article
   * folder exists, that does not parse, or that an earlier version wrote in another format, is
   * rebuilt from the article folders (in memory only when read-only). Returns the ids that a
   * crash left half-written, for the archive to recover.
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
    const indexShards = new Set(
      indexFiles.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)),
    )
    const names = [...new Set([...articleShards, ...indexShards])].filter(isShardName).sort()
    // Read in one blocking pass, a shard parsed as soon as it is read: interleaving 256 reads
    // only piled up garbage for the collector. Repairs read article folders, so they wait.
    const read = new Map<string, ArticleSummary[]>()
    const broken: { shard: string; reason: IndexRepair['reason'] }[] = []
    for (const shard of names) {
      const result = indexShards.has(shard) ? readShard(indexShardPath(root, shard)) : 'missing'
      if (typeof result === 'string') broken.push({ shard, reason: result })
      else read.set(shard, result)
    }
    const repairs: IndexRepair[] = []
    await forEachLimited(broken, 8, async ({ shard, reason }) => {
      const articles = await scanShard(root, shard)
      read.set(shard, articles)
      repairs.push({ shard, reason, articles: articles.length })
      index.dirty.add(shard)
    })
    // In id order (shards by name, each written in id order, see compact): sorting by a date
    // then meets each day's records already in id order, which is nearly free to sort.
    for (const shard of names) {
      for (const summary of read.get(shard) ?? []) index.byId.set(summary.id, summary)
    }
    const entries = await index.log.read()
    // A shard rebuilt from its folders already holds what the log says of its articles (a
    // log entry is written after its folder), and an older version's entries may lack fields.
    const rebuilt = new Set(broken.map((b) => b.shard))
    for (const entry of entries) {
      if (entry.op === 'put') {
        if (!rebuilt.has(shardOf(entry.article.id))) index.put(entry.article)
      } else if (entry.op === 'del') {
        if (!rebuilt.has(shardOf(entry.id))) index.delete(entry.id)
      }
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

  /** The ids changed since `generation` (repeats possible), or null when no longer known. */
  changedSince(generation: number): string[] | null {
    const first = this.changes[0]
    if (generation === this.generation) return []
    // Known only while every generation since is recorded, one change each.
    if (!first || first.generation > generation + 1) return null
    if (this.generation - first.generation !== this.changes.length - 1) return null
    return this.changes.slice(generation + 1 - first.generation).map((c) => c.id)
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
    const rows = new Map<string, ArticleSummary[]>(names.map((name) => [name, []]))
    for (const summary of this.byId.values()) rows.get(shardOf(summary.id))?.push(summary)
    await Promise.all(
      names.map((name) => {
        const summaries = rows.get(name)!.sort((a, b) => (a.id < b.id ? -1 : 1))
        return writeFileAtomic(indexShardPath(this.root, name), asciiJson(toShardFile(summaries)))
      }),
    )
    for (const name of names) this.dirty.delete(name)
    await this.log.reset(this.open.size > 0 ? [{ op: 'begin', ids: [...this.open] }] : [])
  }

  private put(summary: ArticleSummary): void {
    this.byId.set(summary.id, summary)
    this.dirty.add(shardOf(summary.id))
    this.changed(summary.id)
  }

  private delete(id: string): void {
    if (!this.byId.delete(id)) return
    this.dirty.add(shardOf(id))
    this.changed(id)
  }

  private changed(id: string): void {
    this.generation++
    this.changes.push({ generation: this.generation, id })
    // Past a few tens of thousands a list sorts afresh anyway (see Listing); forget the oldest.
    if (this.changes.length > MAX_CHANGES_KEPT) this.changes.splice(0, MAX_CHANGES_KEPT / 2)
  }
}

/**
 * A shard file's summaries, or why it must be rebuilt. Read with a blocking call (see
 * readTextSyncIfExists): the text is parsed on this thread as soon as it is read.
 */
function readShard(path: string): ArticleSummary[] | 'missing' | 'corrupt' | 'outdated' {
  const text = readTextSyncIfExists(path)
  if (text === null) return 'missing'
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return 'corrupt'
  }
  return fromShardFile(json)
}

/**
 * The index keeps everything of meta.json but the history, the notes and flag decisions; of
 * the passages, only which themes they have (see ArticleSummary.passageThemes).
 */
export function summarize(meta: ArticleMeta): ArticleSummary {
  const {
    history: _history,
    schemaVersion: _version,
    notes: _notes,
    review: _review,
    passages,
    original,
    ...rest
  } = meta
  const { importedFrom: _from, ...kept } = original
  const summary: ArticleSummary = { ...rest, original: kept }
  if (passages && passages.length > 0) {
    summary.passageThemes = [...new Set(passages.map((p) => p.themeId))]
  }
  return summary
}

/**
 * Re-read the meta.json of every article folder of one shard, in id order. Folders without one
 * are skipped.
 */
export async function scanShard(root: string, shard: string): Promise<ArticleSummary[]> {
  const articles: ArticleSummary[] = []
  const ids = (await listNames(join(root, ARTICLES_DIR, shard))).sort()
  for (const id of ids) {
    const meta = await readArticleMeta(articleDir(root, id)).catch(() => null)
    if (meta && meta.id === id) articles.push(summarize(meta))
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
