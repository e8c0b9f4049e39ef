import type { ArticleMeta } from '../../shared/model'
import type { Profile } from '../../shared/profile'
import { describeIoError } from '../errors'
import { writeNewArticleSync } from '../store/article-files'
import { prepareArticle } from './prepare'

/** One file to turn into an article folder. */
export interface WriteTask {
  path: string
  bytes: Uint8Array
  sha256: string
  /** The article folder to create. */
  dir: string
  now: string
  profile: Profile | null
}

export type WriteResult =
  | { ok: true; meta: ArticleMeta; files: string[]; dirs: string[] }
  /** The file is not an article (binary, undecodable…): reported, nothing written. */
  | { ok: false; reason: string }

/**
 * Decode, clean and write one article folder, synchronously. A file that is not an article
 * comes back as a reason; a failure to write (disk full…) throws, and fails the whole batch.
 */
export function prepareAndWrite(task: WriteTask): WriteResult {
  const prepared = prepareArticle(task.bytes, task.path, task.now, task.sha256, task.profile)
  if (!prepared.ok) return prepared
  const written = writeNewArticleSync(task.dir, prepared.article)
  return { ok: true, meta: prepared.article.meta, ...written }
}

/** A write failure as it crosses from a worker: the person's message, kept. */
export function writeFailureMessage(err: unknown): string {
  return describeIoError(err) ?? (err instanceof Error ? err.message : String(err))
}
