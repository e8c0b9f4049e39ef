import { mkdirSync, promises as fs, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { CleaningRecord } from '../../shared/cleaning'
import { ArticleMetaSchema, type ArticleMeta, type HistoryEntry } from '../../shared/model'
import { ArchiveError } from '../errors'
import {
  fsyncDir,
  pathExists,
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
 *
 * The history folder is not made here: while an article has only its import version, that
 * version is cleaned.txt itself (see `firstVersionIsCleaned`), and the first save creates the
 * folder. Creating a folder costs as much as a file, and most imported articles are never edited.
 */
export function writeNewArticleSync(dir: string, article: NewArticle): WrittenPaths {
  if (article.meta.history.length !== 1)
    throw new Error('a new article has exactly its import version')
  makeArticleDir(dir)
  // 'wx': a folder of this id that somehow exists already is an error, never overwritten.
  // The original is created read-only: it is never written again.
  const originalPath = join(dir, ARTICLE_FILES.original(article.meta.original.ext))
  writeFileSync(originalPath, article.bytes, { flag: 'wx', mode: 0o444 })
  const cleaned = join(dir, ARTICLE_FILES.cleaned)
  writeFileSync(cleaned, article.cleanedText, { flag: 'wx' })
  const files = [originalPath, cleaned]
  if (article.cleaning) {
    const record = join(dir, ARTICLE_FILES.cleaning)
    writeFileSync(record, JSON.stringify(article.cleaning), { flag: 'wx' })
    files.push(record)
  }
  const meta = join(dir, ARTICLE_FILES.meta)
  writeFileSync(meta, metaJson(article.meta), { flag: 'wx' })
  files.push(meta)
  return { files, dirs: [dir, dirname(dir)] }
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
  const madeHistoryDir = await giveFirstVersionItsFile(dir, meta)
  const [history, metaTmp, cleanedTmp, folder] = await Promise.allSettled([
    // Syncing the history folder also makes the first version's new link durable.
    writeVersionFile(historyDir, version.file, text),
    writeTempSynced(metaPath, metaJson(next)),
    writeTempSynced(cleanedPath, text),
    madeHistoryDir ? fsyncDir(dir) : Promise.resolve(),
  ])
  try {
    if (history.status === 'rejected') throw history.reason
    if (folder.status === 'rejected') throw folder.reason
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
 * The version whose text is cleaned.txt itself, with no file of its own: an article's import
 * version while it is the only one (imports do not create the history folder; the first save
 * does). Every other version has its file in history/.
 */
export function livesInCleaned(meta: Pick<ArticleMeta, 'history'>, file: string): boolean {
  return meta.history.length === 1 && meta.history[0]!.file === file
}

/**
 * Before a second version is written, give the first its own file: a hard link to cleaned.txt,
 * which holds that version until now. Later saves replace cleaned.txt by rename (a new inode), so
 * the linked version never changes. Not synced here: the save syncs the history folder (and the
 * article folder, when the history folder is new) before meta.json can list a second version.
 * Returns whether the history folder was created.
 */
async function giveFirstVersionItsFile(dir: string, meta: ArticleMeta): Promise<boolean> {
  const first = meta.history[0]
  if (meta.history.length !== 1 || !first) return false
  const historyDir = join(dir, ARTICLE_FILES.history)
  const path = join(historyDir, first.file)
  // Already there: an archive imported before imports stopped making it, or a save cut short.
  if (await pathExists(path)) return false
  const made = (await fs.mkdir(historyDir, { recursive: true })) !== undefined
  const cleaned = join(dir, ARTICLE_FILES.cleaned)
  try {
    await fs.link(cleaned, path)
  } catch (err) {
    // A file system without hard links gets a copy (a leftover of the name is replaced).
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') await fs.rm(path, { force: true })
    await fs.writeFile(path, await fs.readFile(cleaned), { flag: 'wx' })
    const handle = await fs.open(path, 'r+')
    await handle.sync().finally(() => handle.close())
  }
  return made
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
  const bytes = await readIfExists(join(dir, ARTICLE_FILES.history, file))
  if (bytes !== null) return bytes.toString('utf8')
  if (livesInCleaned(meta, file)) return readCleaned(dir)
  throw new ArchiveError(
    'corrupt',
    `The file of version ${file} is missing (run \`press-archive check\`).`,
  )
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
  // The import version alone is cleaned.txt itself: nothing to bring back in step.
  if (newest && !livesInCleaned(meta, newest.file)) {
    const text = await readVersion(dir, meta, newest.file)
    const cleaned = await readIfExists(join(dir, ARTICLE_FILES.cleaned))
    if (cleaned === null || cleaned.toString('utf8') !== text) {
      await writeFileAtomic(join(dir, ARTICLE_FILES.cleaned), text)
    }
  }
  return meta
}
