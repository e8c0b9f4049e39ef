import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { dirname, join } from 'node:path'
import { ArticleMetaSchema, type ArticleMeta, type HistoryEntry } from '../../shared/model'
import { ArchiveError } from '../errors'
import { readIfExists, writeFileAtomic } from '../fs/atomic'
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
  return writeFileAtomic(join(dir, ARTICLE_FILES.meta), JSON.stringify(meta, null, 2) + '\n')
}

export interface NewArticle {
  meta: ArticleMeta
  bytes: Uint8Array
  cleanedText: string
}

/** What a new article's writes left to be made durable by the batch. */
export interface WrittenPaths {
  files: string[]
  dirs: string[]
}

/**
 * Lay down a new article folder without syncing anything: the batch that writes many articles
 * makes all of them durable at once at its end (see durability.ts). meta.json is written last;
 * until the batch is committed to the index log, recovery checks each folder of the batch
 * (meta.json readable, original matching its hash) and removes what is incomplete.
 */
export async function writeNewArticle(dir: string, article: NewArticle): Promise<WrittenPaths> {
  const first = article.meta.history[0]
  if (!first) throw new Error('a new article needs its first history entry')
  const history = join(dir, ARTICLE_FILES.history)
  await fs.mkdir(history, { recursive: true })
  const unsynced = { sync: false }
  const originalPath = join(dir, ARTICLE_FILES.original(article.meta.original.ext))
  await writeFileAtomic(originalPath, article.bytes, unsynced)
  // The original is never written again; make that the file system's rule too.
  await fs.chmod(originalPath, 0o444)
  const cleaned = join(dir, ARTICLE_FILES.cleaned)
  await writeFileAtomic(cleaned, article.cleanedText, unsynced)
  // The first version is the same text: a hard link saves a write. Later saves replace
  // cleaned.txt by rename (a new inode), so this version never changes with it.
  const firstVersion = join(history, first.file)
  await fs
    .link(cleaned, firstVersion)
    .catch(() => writeFileAtomic(firstVersion, article.cleanedText, unsynced))
  const meta = join(dir, ARTICLE_FILES.meta)
  await writeFileAtomic(meta, JSON.stringify(article.meta, null, 2) + '\n', unsynced)
  return { files: [originalPath, cleaned, firstVersion, meta], dirs: [history, dir, dirname(dir)] }
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
 * Store a new version of the cleaned text. Order matters for crash safety: the history file,
 * then meta.json (which lists it), then cleaned.txt. If a crash leaves cleaned.txt behind
 * meta.json, recovery copies the newest listed version back into it.
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
  await writeFileAtomic(join(dir, ARTICLE_FILES.history, version.file), text)
  await writeArticleMeta(dir, next)
  await writeFileAtomic(join(dir, ARTICLE_FILES.cleaned), text)
  return { meta: next, version }
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
 * A new article (`isNew`) whose meta.json is missing or torn never finished importing and is
 * removed; it was never reported done. cleaned.txt is made equal to the newest listed version.
 * Returns the article's meta, or null when the folder was removed.
 */
export async function recoverArticle(dir: string, isNew: boolean): Promise<ArticleMeta | null> {
  let meta: ArticleMeta
  try {
    meta = await readArticleMeta(dir)
  } catch (err) {
    const unusable =
      err instanceof ArchiveError && (err.code === 'not-found' || err.code === 'corrupt')
    if (isNew && unusable) {
      await fs.rm(dir, { recursive: true, force: true })
      return null
    }
    throw err
  }
  if (isNew && !(await isComplete(dir, meta))) {
    await fs.rm(dir, { recursive: true, force: true })
    return null
  }
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

/** A new article survived a crash whole when its original matches its hash and its texts exist. */
async function isComplete(dir: string, meta: ArticleMeta): Promise<boolean> {
  const original = await readIfExists(join(dir, ARTICLE_FILES.original(meta.original.ext)))
  if (!original || createHash('sha256').update(original).digest('hex') !== meta.original.sha256) {
    return false
  }
  const first = meta.history[0]
  return (
    first !== undefined &&
    (await readIfExists(join(dir, ARTICLE_FILES.cleaned))) !== null &&
    (await readIfExists(join(dir, ARTICLE_FILES.history, first.file))) !== null
  )
}
