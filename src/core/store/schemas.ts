import { z } from 'zod'
import { ProfileIdSchema, ProfileSchema } from '../../shared/profile'
import { ThemeIdSchema, ThemeSchema, ThemeUndoRecordSchema } from '../../shared/themes'
import { builtInProfiles, DEFAULT_PROFILE_ID } from '../cleaning/profiles'

/**
 * The version of archive.json and meta.json this build writes. An archive of a newer version is
 * refused with a message; when the format changes, numbered migrations from older versions go
 * here. The index has a version of its own (INDEX_FORMAT in index-rows.ts): it is a cache,
 * rebuilt rather than migrated.
 */
export const SCHEMA_VERSION = 1

/** Where one passage of a merged theme was, so undoing the merge puts it back exactly. */
export const MovedPassageSchema = z.object({
  articleId: z.string(),
  passageId: z.string(),
  themeId: ThemeIdSchema,
})
export type MovedPassage = z.infer<typeof MovedPassageSchema>

/**
 * An undo record of archive.json: a delete or merge of themes, and for a merge the passages it
 * moved to the theme merged into (absent in records written before passages moved).
 */
export const ArchiveUndoRecordSchema = ThemeUndoRecordSchema.extend({
  passages: z.array(MovedPassageSchema).optional(),
})
export type ArchiveUndoRecord = z.infer<typeof ArchiveUndoRecordSchema>

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
  themeUndo: z.array(ArchiveUndoRecordSchema).default([]),
})
export type ArchiveDoc = z.infer<typeof ArchiveDocSchema>
