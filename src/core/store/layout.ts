import { join } from 'node:path'

/** Where everything lives inside an archive folder (see README, "The archive on disk"). */
export const ARCHIVE_FILE = 'archive.json'
export const INDEX_DIR = 'index'
export const ARTICLES_DIR = 'articles'
export const BACKUPS_DIR = 'backups'
export const LOCK_FILE = '.lock'
export const INDEX_LOG_FILE = 'log.jsonl'

/** Articles and index shards are grouped by the first two hex digits of the id. */
export function shardOf(id: string): string {
  return id.slice(0, 2)
}

export function isShardName(name: string): boolean {
  return /^[0-9a-f]{2}$/.test(name)
}

export function articleDir(root: string, id: string): string {
  return join(root, ARTICLES_DIR, shardOf(id), id)
}

export function indexShardPath(root: string, shard: string): string {
  return join(root, INDEX_DIR, `${shard}.json`)
}

export const ARTICLE_FILES = {
  meta: 'meta.json',
  cleaned: 'cleaned.txt',
  /** The change log and review flags of the last cleaning (cleaning.json). */
  cleaning: 'cleaning.json',
  history: 'history',
  original: (ext: string) => `original.${ext}`,
} as const

/** `2026-11-28T17:30:05.123Z` → `2026-11-28T17-30-05.123Z`: colons are not allowed on Windows. */
export function fileStamp(iso: string): string {
  return iso.replace(/:/g, '-')
}
