import { z } from 'zod'
import type { ArticleSummary } from '../../shared/model'
import { ProfileIdSchema, ProfileSchema } from '../../shared/profile'
import { ThemeSchema, ThemeUndoRecordSchema } from '../../shared/themes'
import { builtInProfiles, DEFAULT_PROFILE_ID } from '../cleaning/profiles'

/**
 * The version of the on-disk format this build writes. An archive of a newer version is refused
 * with a message; when the format changes, numbered migrations from older versions go here.
 */
export const SCHEMA_VERSION = 1

export type IndexShard = {
  schemaVersion: typeof SCHEMA_VERSION
  articles: Record<string, ArticleSummary>
}

/**
 * An index shard, checked by hand rather than by the full summary schema: opening 100k
 * articles ran the schema over every record and spent about a second in it. The index is our
 * own cache, rebuilt from the meta.json files (which are fully validated) when it fails this.
 */
export const IndexShardSchema = z.custom<IndexShard>((value) => {
  if (typeof value !== 'object' || value === null) return false
  const shard = value as { schemaVersion?: unknown; articles?: unknown }
  if (shard.schemaVersion !== SCHEMA_VERSION) return false
  if (typeof shard.articles !== 'object' || shard.articles === null) return false
  // for…in rather than Object.entries: 100k articles would cost 100k throwaway pairs per open.
  const articles = shard.articles as Record<string, unknown>
  for (const id in articles) {
    if (!looksLikeSummary(id, articles[id])) return false
  }
  return true
}, 'an index shard holds article summaries')

function looksLikeSummary(id: string, r: unknown): boolean {
  if (typeof r !== 'object' || r === null) return false
  const a = r as Record<string, unknown>
  const original = a['original'] as Record<string, unknown> | null | undefined
  return (
    a['id'] === id &&
    ID.test(id) &&
    typeof a['title'] === 'string' &&
    nullableString(a['author']) &&
    nullableString(a['date']) &&
    nullableString(a['source']) &&
    typeof a['importedAt'] === 'string' &&
    typeof a['updatedAt'] === 'string' &&
    typeof a['edited'] === 'boolean' &&
    typeof original === 'object' &&
    original !== null &&
    typeof original['sha256'] === 'string' &&
    typeof original['name'] === 'string'
  )
}

const ID = /^[0-9a-f]{16}$/

function nullableString(v: unknown): boolean {
  return v === null || typeof v === 'string'
}

export const ArchiveDocSchema = z.object({
  schemaVersion: z.number().int().min(1),
  name: z.string(),
  createdAt: z.string(),
  /** Free-form settings of the archive (profiles, glossary and themes get their own keys). */
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Cleaning profiles of this archive; an archive written before profiles gets the built-ins. */
  profiles: z.array(ProfileSchema).min(1).default(builtInProfiles),
  /** The profile imports and re-cleaning use. */
  activeProfile: ProfileIdSchema.default(DEFAULT_PROFILE_ID),
  /** The archive's theme vocabulary, in the order people arranged it. */
  themes: z.array(ThemeSchema).default([]),
  /** The latest deletes and merges of themes, newest last, so they can be undone. */
  themeUndo: z.array(ThemeUndoRecordSchema).default([]),
})
export type ArchiveDoc = z.infer<typeof ArchiveDocSchema>
