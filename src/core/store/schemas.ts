import { z } from 'zod'
import { ArticleIdSchema, ArticleSummarySchema } from '../../shared/model'
import { ProfileIdSchema, ProfileSchema } from '../../shared/profile'
import { builtInProfiles, DEFAULT_PROFILE_ID } from '../cleaning/profiles'

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
  /** Cleaning profiles of this archive; an archive written before profiles gets the built-ins. */
  profiles: z.array(ProfileSchema).min(1).default(builtInProfiles),
  /** The profile imports and re-cleaning use. */
  activeProfile: ProfileIdSchema.default(DEFAULT_PROFILE_ID),
})
export type ArchiveDoc = z.infer<typeof ArchiveDocSchema>
