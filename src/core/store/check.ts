import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { isArticleId, type ArticleMeta } from '../../shared/model'
import { pathExists } from '../fs/atomic'
import { ArchiveError } from '../errors'
import { sha256Hex } from '../import/prepare'
import { Archive } from './archive'
import { livesInCleaned, readArticleMeta } from './article-files'
import { ARTICLES_DIR, ARTICLE_FILES, articleDir, isShardName } from './layout'

export interface CheckReport {
  /** Ids of the articles found whole: original matching its hash, texts and history present. */
  ok: string[]
  problems: { id: string | null; path: string; problem: string }[]
  notices: string[]
  readOnly: boolean
}

/**
 * Verify an archive: every original against its hash, every index entry against its folder,
 * every article folder against the index. Takes the lock when it can, so an interrupted import
 * is recovered first; when another process holds it, checks read-only and leaves alone the
 * folders that process may be writing.
 */
export async function checkArchive(
  path: string,
  holder = 'press-archive check',
): Promise<CheckReport> {
  let archive: Archive
  try {
    archive = await Archive.open(path, { holder })
  } catch (err) {
    if (!(err instanceof ArchiveError && err.code === 'locked')) throw err
    archive = await Archive.open(path, { readOnly: true })
  }
  const report: CheckReport = {
    ok: [],
    problems: [],
    notices: archive.info().notices,
    readOnly: archive.readOnly,
  }
  try {
    const indexed = new Set<string>()
    for (const summary of archive.allSummaries()) indexed.add(summary.id)
    for (const id of indexed) {
      const problem = await checkArticle(archive.root, id)
      if (problem) report.problems.push({ id, path: articleDir(archive.root, id), problem })
      else report.ok.push(id)
    }
    for (const { id, dir } of await listArticleFolders(archive.root)) {
      if (indexed.has(id)) continue
      const hasMeta = await fs.access(join(dir, ARTICLE_FILES.meta)).then(
        () => true,
        () => false,
      )
      report.problems.push({
        id,
        path: dir,
        problem: hasMeta
          ? 'the article folder is not in the index (run `press-archive rebuild`)'
          : 'an incomplete article folder (no meta.json); if no import is running, it can be deleted',
      })
    }
  } finally {
    await archive.close()
  }
  return report
}

async function checkArticle(root: string, id: string): Promise<string | null> {
  const dir = articleDir(root, id)
  let meta: ArticleMeta
  try {
    meta = await readArticleMeta(dir)
  } catch (err) {
    return err instanceof ArchiveError ? err.message : `meta.json could not be read: ${String(err)}`
  }
  if (meta.id !== id) return `meta.json names another article (${meta.id})`
  let original: Buffer
  try {
    original = await fs.readFile(join(dir, ARTICLE_FILES.original(meta.original.ext)))
  } catch {
    return `the original file ${ARTICLE_FILES.original(meta.original.ext)} is missing`
  }
  if (sha256Hex(original) !== meta.original.sha256)
    return 'the original file no longer matches its hash: it has been changed'
  if (!(await pathExists(join(dir, ARTICLE_FILES.cleaned)))) return 'cleaned.txt is missing'
  for (const entry of meta.history) {
    if (livesInCleaned(meta, entry.file)) continue
    if (!(await pathExists(join(dir, ARTICLE_FILES.history, entry.file))))
      return `history version ${entry.file} is missing`
  }
  return null
}

async function listArticleFolders(root: string): Promise<{ id: string; dir: string }[]> {
  const out: { id: string; dir: string }[] = []
  const shards = await fs.readdir(join(root, ARTICLES_DIR)).catch(() => [] as string[])
  for (const shard of shards.filter(isShardName).sort()) {
    for (const id of (await fs.readdir(join(root, ARTICLES_DIR, shard))).sort()) {
      if (isArticleId(id) && id.startsWith(shard))
        out.push({ id, dir: join(root, ARTICLES_DIR, shard, id) })
    }
  }
  return out
}
