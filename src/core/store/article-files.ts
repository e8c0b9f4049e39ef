import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { ArticleMetaSchema, type ArticleMeta, type HistoryEntry } from '../../shared/model'
import { ArchiveError } from '../errors'
import { fsyncDir, readIfExists, writeFileAtomic } from '../fs/atomic'
import { ARTICLE_FILES, fileStamp } from './layout'

/** Read and validate an article's meta.json. */
export async function readArticleMeta(dir: string): Promise<ArticleMeta> {
  const bytes = await readIfExists(join(dir, ARTICLE_FILES.meta))
  if (bytes === null) throw new ArchiveError('not-found', `No article at ${dir}.`)
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new ArchiveError('corrupt', `${join(dir, ARTICLE_FILES.meta)} is not valid JSON.`)
  }
  const parsed = ArticleMetaSchema.safeParse(json)
  if (!parsed.success) {
    throw new ArchiveError(
      'corrupt',
      `${join(dir, ARTICLE_FILES.meta)} does not have the expected shape.`,
    )
  }
  return parsed.data
}

export function writeArticleMeta(dir: string, meta: ArticleMeta): Promise<void> {
  return writeFileAtomic(join(dir, ARTICLE_FILES.meta), JSON.stringify(meta, null, 2) + '\n')
}

export interface NewArticle {
  meta: ArticleMeta
  bytes: Uint8Array
  cleanedText: string
}

/**
 * Lay down a new article folder. meta.json is written last: it is what makes the folder an
 * article, so a crash part-way leaves a folder without one, which recovery removes (its import
 * was never reported done).
 */
export async function writeNewArticle(dir: string, article: NewArticle): Promise<void> {
  const first = article.meta.history[0]
  if (!first) throw new Error('a new article needs its first history entry')
  await fs.mkdir(join(dir, ARTICLE_FILES.history), { recursive: true })
  const originalPath = join(dir, ARTICLE_FILES.original(article.meta.original.ext))
  await writeFileAtomic(originalPath, article.bytes)
  // The original is never written again; make that the file system's rule too.
  await fs.chmod(originalPath, 0o444)
  await writeFileAtomic(join(dir, ARTICLE_FILES.history, first.file), article.cleanedText)
  await writeFileAtomic(join(dir, ARTICLE_FILES.cleaned), article.cleanedText)
  await writeArticleMeta(dir, article.meta)
  await fsyncDir(join(dir, '..'))
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
 * Bring one article folder back to a consistent state after a crash: a folder without meta.json
 * is an import that never finished (removed); cleaned.txt is made equal to the newest version.
 * Returns the article's meta, or null when the folder was removed.
 */
export async function recoverArticle(dir: string): Promise<ArticleMeta | null> {
  let meta: ArticleMeta
  try {
    meta = await readArticleMeta(dir)
  } catch (err) {
    if (err instanceof ArchiveError && err.code === 'not-found') {
      await fs.rm(dir, { recursive: true, force: true })
      return null
    }
    throw err
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
