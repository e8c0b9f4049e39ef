import { z } from 'zod'
import { ArticleIdSchema, ArticleSummarySchema } from '../../shared/model'

/**
 * The version of the on-disk format this build writes. An archive of a newer version is refused
 * with a message; when the format changes, numbered migrations from older versions go here.
 */
export const SCHEMA_VERSION = 1

export const IndexShardSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.record(ArticleIdSchema, ArticleSummarySchema),
})
export type IndexShard = z.infer<typeof IndexShardSchema>

export const ArchiveDocSchema = z.object({
  schemaVersion: z.number().int().min(1),
  name: z.string(),
  createdAt: z.string(),
  /** Free-form settings of the archive (profiles, glossary and themes get their own keys). */
  settings: z.record(z.string(), z.unknown()).default({}),
})
export type ArchiveDoc = z.infer<typeof ArchiveDocSchema>
