import { promises as fs } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { Low } from 'lowdb'
import type {
  ArchiveInfo,
  ArticleMeta,
  ArticleSummary,
  ArticleView,
  EditableMeta,
  Facets,
  HistoryEntry,
  ListPage,
} from '../../shared/model'
import { ArchiveError } from '../errors'
import { decodeWith } from '../import/decode'
import { Mutex } from '../util/mutex'
import { ArticleIndex, type IndexRepair } from './article-index'
import {
  readArticleMeta,
  readCleaned,
  readOriginal,
  readVersion,
  recoverArticle,
  writeArticleMeta,
  writeNewArticle,
  writeVersion,
  type NewArticle,
} from './article-files'
import { rotateBackups } from './backups'
import { DurableJSONFile } from './durable-json-file'
import { Journal } from './journal'
import { ArchiveLock, describeHolder, lockHolder } from './lock'
import { ARCHIVE_FILE, ARTICLES_DIR, INDEX_DIR, JOURNAL_FILE, articleDir } from './layout'
import { Listing, type ListQuery } from './listing'
import { ArchiveDocSchema, SCHEMA_VERSION, type ArchiveDoc } from './schemas'

export interface OpenOptions {
  readOnly?: boolean
  /** Named in the lock so a second writer is told who holds the archive. */
  holder?: string
  /** Throw the index away and rebuild it from the article folders (ignored when read-only). */
  rebuildIndex?: boolean
}

/** How many article folders a batch writes at once; more only adds seeks. */
const WRITE_CONCURRENCY = 8

/**
 * One archive folder, opened by the one process allowed to write it (or read-only by others).
 * Every change goes through a single queue so the index, the journal and the article folders
 * never see two writers, even from one process.
 */
export class Archive {
  private readonly writes = new Mutex()
  private readonly listing: Listing
  private backupsDone: Promise<void> = Promise.resolve()
  private closed = false

  private constructor(
    readonly root: string,
    readonly readOnly: boolean,
    private readonly doc: Low<ArchiveDoc>,
    private readonly index: ArticleIndex,
    private readonly journal: Journal,
    private readonly lock: ArchiveLock | null,
    readonly notices: string[],
  ) {
    this.listing = new Listing(index)
  }

  /** Make a new, empty archive in `path` (which must be missing or an empty folder). */
  static async create(
    path: string,
    options: { name?: string; holder?: string } = {},
  ): Promise<Archive> {
    const root = resolve(path)
    await fs.mkdir(root, { recursive: true })
    const existing = (await fs.readdir(root)).filter((n) => !n.startsWith('.'))
    if (existing.length > 0) {
      throw new ArchiveError(
        'invalid-argument',
        existing.includes(ARCHIVE_FILE)
          ? `There is already an archive in ${root}; open it instead.`
          : `${root} is not empty; choose an empty folder for a new archive.`,
      )
    }
    const doc = new Low<ArchiveDoc>(
      new DurableJSONFile(join(root, ARCHIVE_FILE), ArchiveDocSchema, true),
      {
        schemaVersion: SCHEMA_VERSION,
        name: options.name?.trim() || basename(root),
        createdAt: new Date().toISOString(),
        settings: {},
      },
    )
    await fs.mkdir(join(root, ARTICLES_DIR), { recursive: true })
    await fs.mkdir(join(root, INDEX_DIR), { recursive: true })
    await doc.write()
    return Archive.open(root, { holder: options.holder })
  }

  static async open(path: string, options: OpenOptions = {}): Promise<Archive> {
    const root = resolve(path)
    const readOnly = options.readOnly ?? false
    const doc = new Low<ArchiveDoc>(
      new DurableJSONFile(join(root, ARCHIVE_FILE), ArchiveDocSchema, true),
      {
        schemaVersion: SCHEMA_VERSION,
        name: basename(root),
        createdAt: new Date().toISOString(),
        settings: {},
      },
    )
    const stat = await fs.stat(root).catch(() => null)
    if (!stat?.isDirectory())
      throw new ArchiveError('not-found', `There is no archive folder at ${root}.`)
    await doc.read()
    if (!(await exists(join(root, ARCHIVE_FILE)))) {
      throw new ArchiveError(
        'not-found',
        `${root} is not a Press Archive folder (it has no ${ARCHIVE_FILE}).`,
      )
    }
    if (doc.data.schemaVersion > SCHEMA_VERSION) {
      throw new ArchiveError(
        'invalid-argument',
        `This archive was written by a newer Press Archive (format ${doc.data.schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update Press Archive to open it.`,
      )
    }

    const notices: string[] = []
    let lock: ArchiveLock | null = null
    if (readOnly) {
      const holder = await lockHolder(root)
      if (holder) notices.push(`Opened read-only. ${describeHolder(holder)}`)
    } else {
      lock = await ArchiveLock.acquire(root, options.holder ?? 'Press Archive')
    }
    try {
      if (options.rebuildIndex && !readOnly) await removeIndexShards(root)
      const journal = new Journal(join(root, INDEX_DIR, JOURNAL_FILE))
      const pending = await journal.pending()
      const { index, repairs } = await ArticleIndex.load(root, { readOnly })
      notices.push(...describeRepairs(repairs))
      const archive = new Archive(root, readOnly, doc, index, journal, lock, notices)
      if (pending.length > 0) {
        if (readOnly) {
          notices.push(
            'An earlier write was interrupted; open the archive for writing to finish recovering it.',
          )
        } else {
          const recovered = await archive.recover(pending)
          notices.push(
            `An earlier import or save was interrupted; ${recovered} article(s) were checked and kept consistent.`,
          )
        }
      }
      if (!readOnly)
        archive.backupsDone = rotateBackups(root).catch((err) =>
          console.error('Backup failed:', err),
        )
      return archive
    } catch (err) {
      await lock?.release()
      throw err
    }
  }

  get name(): string {
    return this.doc.data.name
  }

  get articleCount(): number {
    return this.index.size
  }

  info(): ArchiveInfo {
    return {
      path: this.root,
      name: this.name,
      articleCount: this.index.size,
      readOnly: this.readOnly,
      schemaVersion: this.doc.data.schemaVersion,
      notices: [...this.notices],
    }
  }

  has(id: string): boolean {
    return this.index.has(id)
  }

  summary(id: string): ArticleSummary | undefined {
    return this.index.get(id)
  }

  allSummaries(): Iterable<ArticleSummary> {
    return this.index.all()
  }

  list(query: ListQuery): ListPage {
    return this.listing.page(query)
  }

  facets(): Facets {
    return this.listing.facets()
  }

  async getMeta(id: string): Promise<ArticleMeta> {
    this.requireArticle(id)
    return readArticleMeta(articleDir(this.root, id))
  }

  async getArticle(id: string): Promise<ArticleView> {
    const meta = await this.getMeta(id)
    const dir = articleDir(this.root, id)
    const [original, cleanedText] = await Promise.all([readOriginal(dir, meta), readCleaned(dir)])
    return {
      meta,
      originalText: decodeWith(
        original,
        meta.original.encoding as Parameters<typeof decodeWith>[1],
      ),
      cleanedText,
    }
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return (await this.getMeta(id)).history
  }

  async version(id: string, file: string): Promise<string> {
    const meta = await this.getMeta(id)
    return readVersion(articleDir(this.root, id), meta, file)
  }

  /**
   * Write a batch of new articles durably: journal, folders, index. When this resolves every
   * article of the batch is on disk, and only then may it be reported imported.
   */
  addBatch(articles: readonly NewArticle[]): Promise<ArticleMeta[]> {
    return this.write(async () => {
      const fresh = articles.filter((a) => !this.index.has(a.meta.id))
      await this.journal.begin(fresh.map((a) => a.meta.id))
      await forEachLimited(fresh, WRITE_CONCURRENCY, (a) =>
        writeNewArticle(articleDir(this.root, a.meta.id), a),
      )
      for (const a of fresh) this.index.upsert(a.meta)
      await this.commitIndex()
      return fresh.map((a) => a.meta)
    })
  }

  /** Save a new cleaned text as a version of its own. */
  saveCleaned(
    id: string,
    text: string,
    by: HistoryEntry['by'],
    note?: string,
  ): Promise<{ meta: ArticleMeta; version: HistoryEntry }> {
    return this.write(async () => {
      const dir = articleDir(this.root, id)
      const meta = await this.getMeta(id)
      await this.journal.begin([id])
      const result = await writeVersion(dir, meta, text, by, note)
      this.index.upsert(result.meta)
      await this.commitIndex()
      return result
    })
  }

  /** Restoring a version is itself a new version: nothing is ever lost. */
  async restore(id: string, file: string): Promise<{ meta: ArticleMeta; version: HistoryEntry }> {
    const text = await this.version(id, file)
    return this.saveCleaned(id, text, 'restore', `restored ${file}`)
  }

  updateMeta(id: string, patch: Partial<EditableMeta>): Promise<ArticleMeta> {
    return this.write(async () => {
      const dir = articleDir(this.root, id)
      const meta = await this.getMeta(id)
      const next: ArticleMeta = { ...meta, ...patch, updatedAt: new Date().toISOString() }
      await this.journal.begin([id])
      await writeArticleMeta(dir, next)
      this.index.upsert(next)
      await this.commitIndex()
      return next
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.writes.run(async () => {})
    await this.backupsDone
    await this.lock?.release()
  }

  private async commitIndex(): Promise<void> {
    await this.index.flush()
    await this.journal.clear()
  }

  /** Re-read the folders named by an unfinished journal and make index and folders agree. */
  private async recover(ids: string[]): Promise<number> {
    let kept = 0
    for (const id of ids) {
      const meta = await recoverArticle(articleDir(this.root, id))
      if (meta) {
        this.index.upsert(meta)
        kept++
      } else {
        this.index.remove(id)
      }
    }
    await this.commitIndex()
    return kept
  }

  private write<T>(task: () => Promise<T>): Promise<T> {
    if (this.readOnly) {
      return Promise.reject(
        new ArchiveError('read-only', 'This archive is open read-only; nothing can be changed.'),
      )
    }
    if (this.closed)
      return Promise.reject(new ArchiveError('no-archive', 'The archive has been closed.'))
    return this.writes.run(task)
  }

  private requireArticle(id: string): void {
    if (!this.index.has(id))
      throw new ArchiveError('not-found', `There is no article ${id} in this archive.`)
  }
}

function describeRepairs(repairs: IndexRepair[]): string[] {
  if (repairs.length === 0) return []
  const missing = repairs.filter((r) => r.reason === 'missing')
  const corrupt = repairs.filter((r) => r.reason === 'corrupt')
  const count = (list: IndexRepair[]) => list.reduce((n, r) => n + r.articles, 0)
  const out: string[] = []
  if (missing.length)
    out.push(
      `The index was missing ${missing.length} part(s); they were rebuilt from ${count(missing)} article folder(s).`,
    )
  if (corrupt.length)
    out.push(
      `The index had ${corrupt.length} damaged part(s) (${corrupt.map((r) => r.shard).join(', ')}); they were rebuilt from ${count(corrupt)} article folder(s).`,
    )
  return out
}

async function removeIndexShards(root: string): Promise<void> {
  const dir = join(root, INDEX_DIR)
  const names = await fs.readdir(dir).catch(() => [] as string[])
  await Promise.all(
    names
      .filter((n) => /^[0-9a-f]{2}\.json$/.test(n))
      .map((n) => fs.rm(join(dir, n), { force: true })),
  )
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  )
}

async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await fn(item)
    }
  })
  await Promise.all(workers)
}
