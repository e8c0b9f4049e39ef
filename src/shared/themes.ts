import { z } from 'zod'

/** Theme ids are made by the archive: `t_` and ten base-36 characters, never reused for another. */
export const ThemeIdSchema = z
  .string()
  .regex(/^t_[0-9a-z]{10}$/, 'a theme id is t_ and ten letters or digits')

export const ThemeNameSchema = z
  .string()
  .trim()
  .min(1, 'a theme needs a name')
  .max(100, 'a theme name is at most 100 characters')

export const ThemeColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb')
  .transform((c) => c.toLowerCase())

export const ThemeFieldsSchema = z.object({
  name: ThemeNameSchema,
  color: ThemeColorSchema,
  description: z.string().max(2000, 'a description is at most 2000 characters'),
  /** The theme this one sits under; null at the top of the tree. */
  parentId: ThemeIdSchema.nullable(),
  /** Words whose occurrence in an article suggests this theme. */
  keywords: z
    .array(z.string().trim().min(1).max(100, 'a keyword is at most 100 characters'))
    .max(200, 'a theme has at most 200 keywords'),
  /** Pinned themes are the ones keys 1–9 toggle. */
  pinned: z.boolean(),
})

export const ThemeSchema = ThemeFieldsSchema.extend({ id: ThemeIdSchema })
export type Theme = z.infer<typeof ThemeSchema>

/** A new theme: only the name is required; the archive picks a colour from THEME_PALETTE. */
export const ThemeCreateSchema = ThemeFieldsSchema.partial().required({ name: true }).strict()
export type ThemeCreate = z.input<typeof ThemeCreateSchema>

export const ThemePatchSchema = ThemeFieldsSchema.partial().strict()
export type ThemePatch = z.output<typeof ThemePatchSchema>

/** A theme as the vocabulary lists it: with the number of articles tagged with it. */
export type ThemeWithCount = Theme & { count: number }

/**
 * Default colours of new themes, in the order they are handed out: mid-tone hues far apart on
 * the colour wheel, each with enough contrast against both a light and a dark background to
 * read as a chip border or a highlight.
 */
export const THEME_PALETTE = [
  '#3b82f6',
  '#e0573a',
  '#2e9e5b',
  '#b866d8',
  '#d69e1a',
  '#1fa2b8',
  '#e0609a',
  '#7c8c2a',
  '#8a6cf0',
  '#c2703d',
  '#4f9e9a',
  '#9c7a5c',
] as const

/** Undo tokens name one record of a delete or a merge. */
export const UndoTokenSchema = z.string().regex(/^u_[0-9a-z]{12}$/, 'an undo token')

/** What an article's theme list was before a delete or merge changed it. */
export const ThemeUndoRecordSchema = z.object({
  token: UndoTokenSchema,
  at: z.string(),
  kind: z.enum(['delete', 'merge']),
  /** The theme a merge moved the articles to; null for a delete. */
  into: ThemeIdSchema.nullable(),
  /** The themes removed, with where each stood in the vocabulary. */
  removed: z.array(z.object({ index: z.number().int().nonnegative(), theme: ThemeSchema })),
  /** Remaining themes as they were before (moved to another parent, given keywords). */
  changed: z.array(ThemeSchema),
  /** Articles whose theme list changed, with the list as it was. */
  articles: z.array(z.object({ id: z.string(), before: z.array(z.string()) })),
})
export type ThemeUndoRecord = z.infer<typeof ThemeUndoRecordSchema>

/** An article's theme ids; records written before themes existed have none. */
export function themesOf(article: { themes?: readonly string[] | undefined }): readonly string[] {
  return article.themes ?? []
}

/** The form names are compared in: unique case-insensitively within an archive. */
export function themeNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase()
}
