import { z } from 'zod'
import type { CleaningRecord, Flag } from './cleaning'
import { ThemeIdSchema } from './themes'

/** Article ids are the first 16 hex digits of the SHA-256 of the original bytes. */
export const ArticleIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'an article id is 16 hex digits')

export function isArticleId(value: string): boolean {
  return ArticleIdSchema.safeParse(value).success
}

/** The encodings the importer detects; an original is always shown decoded with its own. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const
export type TextEncoding = (typeof TEXT_ENCODINGS)[number]

/** Dates are stored as ISO calendar dates; anything else is rejected at the boundary. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'that date does not exist')

export function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Passage ids are made by the archive: `p_` and ten base-36 characters. */
export const PassageIdSchema = z
  .string()
  .regex(/^p_[0-9a-z]{10}$/, 'a passage id is p_ and ten letters or digits')

/**
 * A span of an article's cleaned text tagged with a theme. `start`/`end` are in the current
 * cleaned text and `quote`/`prefix`/`suffix` are its anchor there (see shared/anchor.ts), so
 * after an edit it is found again on its own words. When its words are gone it is kept,
 * `detached`, with the words it had: never dropped, never moved onto other words.
 */
export const PassageSchema = z.object({
  id: PassageIdSchema,
  themeId: ThemeIdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  createdAt: z.string(),
  detached: z.literal(true).optional(),
})
export type Passage = z.infer<typeof PassageSchema>

/** A passage as a list across the archive shows it: with the article it is in. */
export type ArchivePassage = Passage & { articleId: string; title: string }

export const HistoryEntrySchema = z.object({
  /** File name under history/, e.g. `2026-11-28T17-30-05.123Z.txt`. */
  file: z.string().regex(/^[0-9TZ.-]+\.txt$/),
  at: z.string(),
  /** Who made this version: the import, a cleaning rule run, a person, or a restore. */
  by: z.enum(['import', 'rule', 'person', 'restore']),
  note: z.string().optional(),
})
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>

export const OriginalInfoSchema = z.object({
  /** The file name it was imported from, without folders. */
  name: z.string(),
  /** Extension the original is stored under (`txt`, `md`…), lower case, no dot. */
  ext: z.string().regex(/^[a-z0-9]{1,10}$/),
  /** Encoding it was decoded from: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5`. */
  encoding: z.enum(TEXT_ENCODINGS),
  bom: z.boolean(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where it was imported from, for the record; the archive never reads it again. */
  importedFrom: z.string(),
})
export type OriginalInfo = z.infer<typeof OriginalInfoSchema>

/** The metadata fields a person may edit. */
export const EditableMetaSchema = z.object({
  title: z.string().max(2000),
  author: z.string().max(500).nullable(),
  date: IsoDateSchema.nullable(),
  source: z.string().max(500).nullable(),
  url: z.string().max(2000).nullable(),
  language: z.string().max(20).nullable(),
  notes: z.string().max(100_000).nullable(),
})
export type EditableMeta = z.infer<typeof EditableMetaSchema>

/** One article's own record, stored as meta.json in its folder; the index is rebuilt from these. */
export const ArticleMetaSchema = EditableMetaSchema.extend({
  schemaVersion: z.literal(1),
  id: ArticleIdSchema,
  original: OriginalInfoSchema,
  importedAt: z.string(),
  updatedAt: z.string(),
  /** True once a person has saved text of their own; re-cleaning never overwrites it. */
  edited: z.boolean(),
  history: z.array(HistoryEntrySchema),
  /** What a person decided about review flags, by flag key (see flagKey); absent means open. */
  review: z.record(z.string(), z.enum(['resolved', 'ignored'])).default({}),
  /** Review flags nobody has resolved or ignored yet: the list's "Needs review". */
  openFlags: z.number().int().nonnegative().default(0),
  /**
   * Ids of the archive's themes this article is tagged with. Absent in records written before
   * themes existed (read it with themesOf); kept in the summary, since the list filters by it.
   */
  themes: z.array(ThemeIdSchema).optional(),
  /**
   * Themes a person turned down as suggestions for this article; absent means none. Kept in
   * the summary, so a run over every untagged article need not read each meta.json.
   */
  dismissedThemes: z.array(ThemeIdSchema).optional(),
  /** Passages tagged with themes; absent means none. The summary keeps only their themes. */
  passages: z.array(PassageSchema).optional(),
})
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>

/** What the index keeps of an article: everything the list needs, not its history or notes. */
export const ArticleSummarySchema = ArticleMetaSchema.omit({
  history: true,
  schemaVersion: true,
  notes: true,
  review: true,
  passages: true,
}).extend({
  // Where it was imported from stays in meta.json: at 100k articles the paths alone are a
  // fifth of the index that every opening reads.
  original: OriginalInfoSchema.omit({ importedFrom: true }),
  /**
   * The distinct themes of the article's passages, in the order they first appear; absent when
   * it has none. Derived from `passages` (see summarize), so listing passages or moving them in
   * a merge reads only the meta.json of articles that have some.
   */
  passageThemes: z.array(ThemeIdSchema).optional(),
})
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>

export const SORT_KEYS = ['title', 'date', 'source', 'author', 'importedAt', 'updatedAt'] as const
export type SortKey = (typeof SORT_KEYS)[number]

export interface ListPage {
  total: number
  offset: number
  items: ArticleSummary[]
}

export interface Facets {
  total: number
  edited: number
  /** Articles with open review flags. */
  review: number
  sources: { name: string; count: number }[]
  years: { year: number; count: number }[]
  /** Articles tagged with none of the archive's themes. */
  untagged: number
  /** Articles tagged with each theme (directly, not through a child), in vocabulary order. */
  themes: { id: string; count: number }[]
}

export interface ArticleView {
  meta: ArticleMeta
  /** The original decoded from its encoding, line endings as LF; the bytes on disk are untouched. */
  originalText: string
  cleanedText: string
  /** The change log and flags of the cleaning that made the first version, if any. */
  cleaning: CleaningRecord | null
  /** The cleaning's review flags placed on the current cleaned text, with what was decided. */
  flags: ReviewFlag[]
}

export type FlagStatus = 'open' | 'resolved' | 'ignored'

/**
 * A review flag as the reader shows it. Flags are raised on the text cleaning produced; after a
 * person's edits each is found again by its words and their surroundings. `start`/`end` are in
 * the current cleaned text, or null when the words were edited away (the flag is then moot).
 */
export interface ReviewFlag extends Omit<Flag, 'start' | 'end'> {
  key: string
  status: FlagStatus
  start: number | null
  end: number | null
}

export interface ArchiveInfo {
  path: string
  name: string
  articleCount: number
  readOnly: boolean
  schemaVersion: number
  /** Things the user should know about this opening, e.g. that the index was rebuilt. */
  notices: string[]
}

export interface ImportFailure {
  path: string
  reason: string
}

export interface ImportSummary {
  imported: { id: string; path: string; title: string }[]
  /** Files whose exact bytes are already in the archive (or earlier in the same import). */
  duplicates: { id: string; path: string }[]
  failed: ImportFailure[]
  /** Files inside imported folders that are not text files by their name (images, PDFs…). */
  skipped: ImportFailure[]
  cancelled: boolean
}

export interface ImportProgress {
  done: number
  total: number
  current: string | null
  imported: number
  duplicates: number
  failed: number
}
