import { createHash } from 'node:crypto'
import { basename, extname } from 'node:path'
import { IsoDateSchema, type ArticleMeta } from '../../shared/model'
import type { Profile } from '../../shared/profile'
import { cleanText } from '../cleaning/profiles'
import type { NewArticle } from '../store/article-files'
import { newVersionFile } from '../store/article-files'
import { decodeText } from './decode'
import { readHeaderMeta } from './metadata'
import { sniffBinary } from './sniff'

/** The id of an article is the start of the SHA-256 of its original bytes. */
export function articleId(sha256: string): string {
  return sha256.slice(0, 16)
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export type Prepared = { ok: true; article: NewArticle } | { ok: false; reason: string }

/**
 * Turn one file's bytes into an article ready to be written: checks that it is text, decodes it,
 * reads its press header. Pure (no I/O), so it can run in a worker.
 */
export function prepareArticle(
  bytes: Uint8Array,
  sourcePath: string,
  now: string,
  sha256 = sha256Hex(bytes),
  profile: Profile | null = null,
): Prepared {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' }
  const binary = sniffBinary(bytes)
  if (binary) return { ok: false, reason: binary }
  let decoded
  try {
    decoded = decodeText(bytes)
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) }
  }
  if (decoded.text.trim() === '') return { ok: false, reason: 'the file holds only white space' }

  const header = readHeaderMeta(decoded.text)
  const clean = profile ? cleanText(decoded.text, profile) : null
  // What the header says wins; what cleaning found fills the gaps. The title is the exception:
  // cleaning's is the same line with its repairs (glossary, repetitions, spacing) applied.
  const found = clean?.metadata ?? {}
  const ext = extname(sourcePath).slice(1).toLowerCase()
  const meta: ArticleMeta = {
    schemaVersion: 1,
    id: articleId(sha256),
    title: found.title || header.title || basename(sourcePath, extname(sourcePath)),
    author: header.author ?? found.author ?? null,
    date: header.date ?? (found.date && isRealDateString(found.date) ? found.date : null),
    source: header.source ?? found.source ?? null,
    url: null,
    language: header.language,
    notes: null,
    original: {
      name: basename(sourcePath),
      ext: /^[a-z0-9]{1,10}$/.test(ext) ? ext : 'txt',
      encoding: decoded.encoding,
      bom: decoded.bom,
      size: bytes.length,
      sha256,
      importedFrom: sourcePath,
    },
    importedAt: now,
    updatedAt: now,
    edited: false,
    history: [],
    review: {},
    openFlags: clean?.flags.length ?? 0,
  }
  meta.history.push({ file: newVersionFile(meta, now), at: now, by: 'import' })
  const cleaning = clean && {
    profile: profile!.id,
    at: now,
    changes: clean.changes,
    flags: clean.flags,
  }
  return {
    ok: true,
    article: { meta, bytes, cleanedText: clean?.cleaned ?? decoded.text, cleaning },
  }
}

function isRealDateString(value: string): boolean {
  return IsoDateSchema.safeParse(value).success
}
