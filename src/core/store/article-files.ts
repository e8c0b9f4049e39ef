import { linkSync, mkdirSync, promises as fs, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { CleaningRecord } from '../../shared/cleaning'
import { ArticleMetaSchema, type ArticleMeta, type HistoryEntry } from '../../shared/model'
import { ArchiveError } from '../errors'
import {
  fsyncDir,
  readIfExists,
  renameWithRetry,
  writeFileAtomic,
  writeTempSynced,
} from '../fs/atomic'
import { parseJsonFile } from './durable-json-file'
import { ARTICLE_FILES, fileStamp } from './layout'

/** Read and validate an article's meta.json. */
export async function readArticleMeta(dir: string): Promise<ArticleMeta> {
  const path = join(dir, ARTICLE_FILES.meta)
  const bytes = await readIfExists(path)
  if (bytes === null) throw new ArchiveError('not-found', `No article at ${dir}.`)
  return parseJsonFile(path, bytes, ArticleMetaSchema)
}

export function writeArticleMeta(dir: string, meta: ArticleMeta): Promise<void> {
  return writeFileAtomic(join(dir, ARTICLE_FILES.meta), metaJson(meta))
}

function metaJson(meta: ArticleMeta): string {
  return JSON.stringify(meta, null, 2) + '\n'
}

export interface NewArticle {
  meta: ArticleMeta
  bytes: Uint8Array
  cleanedText: string
  /** How the cleaned text was made; null when it is the original text as decoded. */
  cleaning: CleaningRecord | null
}

/** What a new article's writes left to be made durable by the batch. */
export interface WrittenPaths {
  files: string[]
  dirs: string[]
}

/**
 * Lay down a new article folder, synchronously and without syncing: it runs in the import
 * workers, where blocking calls cost no event loop and save the thread-pool hops of ~20 small
 * async operations per article; the batch makes everything durable at once at its end (see
 * durability.ts). No temp files or renames are needed: until the batch is committed to the
 * index log the folder counts for nothing, and recovery removes it whole.
 */
export function writeNewArticleSync(dir: string, article: NewArticle): WrittenPaths {
  const first = article.meta.history[0]
  if (!first) throw new Error('a new article needs its first history entry')
  const history = join(dir, ARTICLE_FILES.history)
  makeArticleDir(dir)
  mkdirSync(history)
  // 'wx': a folder of this id that somehow exists already is an error, never overwritten.
  // The original is created read-only: it is never written again.
  const originalPath = join(dir, ARTICLE_FILES.original(article.meta.original.ext))
  writeFileSync(originalPath, article.bytes, { flag: 'wx', mode: 0o444 })
  const cleaned = join(dir, ARTICLE_FILES.cleaned)
  writeFileSync(cleaned, article.cleanedText, { flag: 'wx' })
  // The first version is the same text: a hard link saves a write. Later saves replace
  // cleaned.txt by rename (a new inode), so this version never changes with it.
  const firstVersion = join(history, first.file)
  try {
    linkSync(cleaned, firstVersion)
  } catch {
    writeFileSync(firstVersion, article.cleanedText, { flag: 'wx' })
  }
  const files = [originalPath, cleaned, firstVersion]
  if (article.cleaning) {
    const record = join(dir, ARTICLE_FILES.cleaning)
    writeFileSync(record, JSON.stringify(article.cleaning), { flag: 'wx' })
    files.push(record)
  }
  const meta = join(dir, ARTICLE_FILES.meta)
  writeFileSync(meta, metaJson(article.meta), { flag: 'wx' })
  files.push(meta)
  return { files, dirs: [history, dir, dirname(dir)] }
}

/**
 * Create an article's folder, and its shard folder only when that is missing: two system calls
 * where a recursive mkdir of the history folder takes four.
 */
function makeArticleDir(dir: string): void {
  try {
    mkdirSync(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    mkdirSync(dirname(dir), { recursive: true })
    mkdirSync(dir)
  }
}

/** A history file name for a version made now, unique among the article's versions. */
export function newVersionFile(meta: Pick<ArticleMeta, 'history'>, now: string): string {
  const taken = new Set(meta.history.map((h) => h.file))
  const stamp = fileStamp(now)
  let file = `${stamp}.txt`
  for (let n = 1; taken.has(file); n++) file = `${stamp}-${n}.txt`
  return file
}

/**
 * Store a new version of the cleaned text. Order matters for crash safety: the history file is
 * durable before meta.json (which lists it) is replaced, and cleaned.txt is replaced after
 * meta.json. If a crash leaves cleaned.txt out of step with meta.json, recovery copies the
 * newest listed version back into it.
 *
 * The three files are written and fsynced at once (their fsyncs share journal commits), then
 * meta.json and cleaned.txt are renamed into place and the folder synced once: two rounds of
 * syncing where one file after the other took six, which was most of a save at 100k.
 */
export async function writeVersion(
  dir: string,
  meta: ArticleMeta,
  text: string,
  by: HistoryEntry['by'],
  note?: string,
): Promise<{ meta: ArticleMeta; version: HistoryEntry }> {
  const at = new Date().toISOString()
  const version: HistoryEntry = {
    file: newVersionFile(meta, at),
    at,
    by,
    ...(note ? { note } : {}),
  }
  const next: ArticleMeta = {
    ...meta,
    updatedAt: at,
    edited: meta.edited || by === 'person' || by === 'restore',
    history: [...meta.history, version],
  }
  const historyDir = join(dir, ARTICLE_FILES.history)
  const metaPath = join(dir, ARTICLE_FILES.meta)
  const cleanedPath = join(dir, ARTICLE_FILES.cleaned)
  const [history, metaTmp, cleanedTmp] = await Promise.allSettled([
    writeVersionFile(historyDir, version.file, text),
    writeTempSynced(metaPath, metaJson(next)),
    writeTempSynced(cleanedPath, text),
  ])
  try {
    if (history.status === 'rejected') throw history.reason
    if (metaTmp.status === 'rejected') throw metaTmp.reason
    if (cleanedTmp.status === 'rejected') throw cleanedTmp.reason
    await renameWithRetry(metaTmp.value, metaPath)
    await renameWithRetry(cleanedTmp.value, cleanedPath)
  } catch (err) {
    // Temp files not renamed are removed (a renamed one is no longer there to remove).
    const temps = [metaTmp, cleanedTmp].flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    await Promise.all(temps.map((t) => fs.rm(t, { force: true })))
    throw err
  }
  await fsyncDir(dir)
  return { meta: next, version }
}

/**
 * Create a new history file and make it durable, its data and its folder entry at once: the
 * folder is synced while the file is, not after it (one round of syncing where a save took two),
 * both before meta.json, which lists it, is renamed into place. A leftover of the same name from
 * an interrupted write, listed nowhere, is removed first: a new file never reuses an old inode.
 */
async function writeVersionFile(historyDir: string, file: string, text: string): Promise<void> {
  const path = join(historyDir, file)
  const handle = await fs.open(path, 'wx').catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err
    await fs.rm(path, { force: true })
    return fs.open(path, 'wx')
  })
  try {
    const synced = await Promise.allSettled([
      handle.writeFile(text).then(() => handle.sync()),
      fsyncDir(historyDir),
    ])
    for (const r of synced) if (r.status === 'rejected') throw r.reason
  } catch (err) {
    await handle.close().catch(() => {})
    await fs.rm(path, { force: true })
    throw err
  }
  await handle.close()
}

/** The last cleaning's change log and flags, or null (an article cleaned by nothing). */
export async function readCleaningRecord(dir: string): Promise<CleaningRecord | null> {
  const bytes = await readIfExists(join(dir, ARTICLE_FILES.cleaning))
  if (bytes === null) return null
  try {
    return JSON.parse(bytes.toString('utf8')) as CleaningRecord
  } catch {
    // A damaged record loses the change highlighting only; the texts themselves are intact.
    return null
  }
}

export function writeCleaningRecord(dir: string, record: CleaningRecord): Promise<void> {
  return writeFileAtomic(join(dir, ARTICLE_FILES.cleaning), JSON.stringify(record))
}

export async function readCleaned(dir: string): Promise<string> {
  return fs.readFile(join(dir, ARTICLE_FILES.cleaned), 'utf8')
}

export async function readVersion(dir: string, meta: ArticleMeta, file: string): Promise<string> {
  if (!meta.history.some((h) => h.file === file)) {
    throw new ArchiveError('not-found', `This article has no version ${file}.`)
  }
  return fs.readFile(join(dir, ARTICLE_FILES.history, file), 'utf8')
}

export async function readOriginal(dir: string, meta: ArticleMeta): Promise<Buffer> {
  return fs.readFile(join(dir, ARTICLE_FILES.original(meta.original.ext)))
}

/**
 * Bring one article folder back to a consistent state after a failed or interrupted write.
 * A new article (`isNew`: never committed to the index) is removed whole, whatever state it is
 * in: it was never reported imported, and importing its file again brings it back. For an
 * existing article, cleaned.txt is made equal to the newest version meta.json lists.
 * Returns the article's meta, or null when the folder was removed.
 */
export async function recoverArticle(dir: string, isNew: boolean): Promise<ArticleMeta | null> {
  if (isNew) {
    await fs.rm(dir, { recursive: true, force: true })
    return null
  }
  const meta = await readArticleMeta(dir)
  const newest = meta.history.at(-1)
  if (newest) {
    const text = await fs.readFile(join(dir, ARTICLE_FILES.history, newest.file), 'utf8')
    const cleaned = await readIfExists(join(dir, ARTICLE_FILES.cleaned))
    if (cleaned === null || cleaned.toString('utf8') !== text) {
      await writeFileAtomic(join(dir, ARTICLE_FILES.cleaned), text)
    }
  }
  return meta
}
