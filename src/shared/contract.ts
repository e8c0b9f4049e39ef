import { z } from 'zod'
import type { Channel, EventName, MethodName } from './channels'
import {
  ArticleIdSchema,
  EditableMetaSchema,
  HistoryEntrySchema,
  PassageIdSchema,
  type ArchivePassage,
  type ArchiveInfo,
  type ArticleMeta,
  type ArticleView,
  type Facets,
  type HistoryEntry,
  type ImportProgress,
  type ImportSummary,
  type ListPage,
  type Passage,
} from './model'
import type { Change, Flag } from './cleaning'
import { ProfileIdSchema, ProfileSchema, type Profile, type RuleInfo } from './profile'
import type { Result } from './result'
import type { SuggestionPreview, ThemeSuggestion } from './suggestions'
import { CODEBOOK_FORMATS, type CodebookSummary } from './codebook'
import { ListFilterSchema } from './list-filter'
import { REPORT_FORMATS, ReportOptionsSchema, ReportScopeSchema } from './report'
import {
  ThemeCreateSchema,
  ThemeIdSchema,
  ThemePatchSchema,
  UndoTokenSchema,
  type Theme,
  type ThemeWithCount,
} from './themes'

const Offset = z.number().int().nonnegative()
const MappedSpanSchema = z.object({ id: PassageIdSchema, start: Offset, end: Offset }).strict()

const Path = z.string().min(1, 'a path is required').max(4096)
/** Names a finished export; random, so a page cannot guess another's. */
const ExportTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'an export token')
const Empty = z.object({}).strict()

/**
 * A file sent by the browser host's page (dropped or picked there, so it has no path here).
 * The name is a bare file name; folders arrive as their files.
 */
const UploadedFile = z
  .object({
    name: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', 'a file name, without folders')
      .refine((n) => new TextEncoder().encode(n).length <= 255, 'a file name of at most 255 bytes'),
    /** The file's bytes, base64. */
    data: z
      .string()
      .max(28_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 data')
      .refine((d) => d.length % 4 === 0, 'base64 data'),
  })
  .strict()

/**
 * The request schema of every call. Both bindings (Electron IPC and the browser host) validate
 * against this table before a handler runs, so a handler only ever sees well-formed input.
 */
export const requestSchemas = {
  'archive:info': Empty,
  'archive:open': z.object({ path: Path, readOnly: z.boolean().optional() }).strict(),
  'archive:create': z.object({ path: Path, name: z.string().min(1).max(200).optional() }).strict(),
  'articles:list': ListFilterSchema.extend({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  }).strict(),
  /** Every id a filter matches, in list order: select-all and bulk work over 100k articles. */
  'articles:ids': ListFilterSchema.strict(),
  'articles:facets': Empty,
  'article:get': z.object({ id: ArticleIdSchema }).strict(),
  'article:save': z
    .object({
      id: ArticleIdSchema,
      text: z.string().max(20_000_000),
      note: z.string().max(500).optional(),
      /**
       * Where the article's passages are in `text`, mapped by the editor through the person's
       * edits; passages not given are found again by their words.
       */
      passages: z.array(MappedSpanSchema).max(100_000).optional(),
    })
    .strict(),
  'article:updateMeta': z
    .object({ id: ArticleIdSchema, patch: EditableMetaSchema.partial().strict() })
    .strict(),
  'article:history': z.object({ id: ArticleIdSchema }).strict(),
  'article:version': z
    .object({ id: ArticleIdSchema, file: HistoryEntrySchema.shape.file })
    .strict(),
  'article:restore': z
    .object({ id: ArticleIdSchema, file: HistoryEntrySchema.shape.file })
    .strict(),
  'article:reclean': z.object({ id: ArticleIdSchema, apply: z.boolean().default(false) }).strict(),
  'article:reviewFlag': z
    .object({
      id: ArticleIdSchema,
      key: z.string().min(1).max(300),
      status: z.enum(['open', 'resolved', 'ignored']),
    })
    .strict(),
  'import:paths': z.object({ paths: z.array(Path).min(1).max(10_000) }).strict(),
  'import:files': z.object({ files: z.array(UploadedFile).min(1).max(1000) }).strict(),
  'import:cancel': Empty,
  'themes:list': Empty,
  'themes:create': ThemeCreateSchema,
  'themes:update': z.object({ id: ThemeIdSchema, patch: ThemePatchSchema }).strict(),
  /** Delete a theme: its articles lose it, its sub-themes move to the top. Can be undone. */
  'themes:delete': z.object({ id: ThemeIdSchema }).strict(),
  /** Fold themes into another: their articles get `into` instead. Can be undone. */
  'themes:merge': z
    .object({ from: z.array(ThemeIdSchema).min(1).max(1000), into: ThemeIdSchema })
    .strict(),
  'themes:undo': z.object({ token: UndoTokenSchema }).strict(),
  /** Tag (or with `remove`, untag) articles given by id or by the list's filter. */
  'articles:tag': z
    .object({
      ids: z.array(ArticleIdSchema).max(100_000).optional(),
      filter: ListFilterSchema.strict().optional(),
      themeId: ThemeIdSchema,
      remove: z.boolean().default(false),
    })
    .strict()
    .refine((r) => (r.ids === undefined) !== (r.filter === undefined), {
      message: 'give either ids or a filter',
    }),
  /** Themes whose keywords occur in an article, with the words that matched. */
  'themes:suggest': z.object({ id: ArticleIdSchema }).strict(),
  /** Turn down a suggested theme for an article, for good (`undo` takes that back). */
  'themes:dismiss': z
    .object({ id: ArticleIdSchema, themeId: ThemeIdSchema, undo: z.boolean().default(false) })
    .strict(),
  /** Suggestions for every untagged article, changing nothing: a preview to choose from. */
  'themes:suggestUntagged': z
    .object({ limit: z.number().int().min(1).max(100_000).default(2000) })
    .strict(),
  /** Tag each article with the suggested themes a person kept. */
  'themes:applySuggestions': z
    .object({
      items: z
        .array(
          z
            .object({ id: ArticleIdSchema, themeIds: z.array(ThemeIdSchema).min(1).max(1000) })
            .strict(),
        )
        .max(100_000),
    })
    .strict(),
  /** The vocabulary as a codebook file to save. */
  'themes:export': z.object({ format: z.enum(CODEBOOK_FORMATS) }).strict(),
  /** Merge a codebook into the vocabulary by name; a dry run only says what it would do. */
  'themes:import': z
    .object({
      format: z.enum(CODEBOOK_FORMATS),
      text: z.string().max(10_000_000),
      dryRun: z.boolean().default(true),
    })
    .strict(),
  /** Tag some of an article's current cleaned text with a theme. */
  'passages:add': z
    .object({ id: ArticleIdSchema, themeId: ThemeIdSchema, start: Offset, end: Offset })
    .strict(),
  'passages:remove': z.object({ id: ArticleIdSchema, passageId: PassageIdSchema }).strict(),
  /** The archive's passages, of one theme and/or only detached (or only placed) ones. */
  'passages:list': z
    .object({ themeId: ThemeIdSchema.optional(), detached: z.boolean().optional() })
    .strict(),
  'profiles:list': Empty,
  'profiles:save': z.object({ profile: ProfileSchema }).strict(),
  'profiles:delete': z.object({ id: ProfileIdSchema }).strict(),
  'profiles:setActive': z.object({ id: ProfileIdSchema }).strict(),
  /** Clean a text without storing anything, e.g. the profile editor's live preview. */
  'clean:preview': z
    .object({
      text: z.string().max(2_000_000),
      /** An unsaved profile being edited, or the id of a stored one; default the active one. */
      profile: z.union([ProfileSchema, ProfileIdSchema]).optional(),
    })
    .strict(),
  /**
   * Export a report. The caller never names where it is written: the app asks the person with a
   * save dialog, the browser host keeps it for the page to download.
   */
  'export:report': z
    .object({
      scope: ReportScopeSchema,
      options: ReportOptionsSchema.prefault({}),
      format: z.enum(REPORT_FORMATS).default('pdf'),
    })
    .strict(),
  'export:cancel': Empty,
  /** Open a report this process saved (the app only), by the token its export returned. */
  'export:open': z.object({ token: ExportTokenSchema }).strict(),
  /** Show a saved report in its folder (the app only). */
  'export:reveal': z.object({ token: ExportTokenSchema }).strict(),
} satisfies Record<Channel, z.ZodType>

/** What each call returns when it succeeds. */
export interface Responses {
  'archive:info': ArchiveInfo | null
  'archive:open': ArchiveInfo
  'archive:create': ArchiveInfo
  'articles:list': ListPage
  'articles:ids': { ids: string[] }
  'articles:facets': Facets
  'article:get': ArticleView
  'article:save': { meta: ArticleMeta; version: HistoryEntry }
  'article:updateMeta': ArticleMeta
  'article:history': HistoryEntry[]
  'article:version': { text: string }
  'article:restore': { meta: ArticleMeta; version: HistoryEntry }
  'article:reclean': RecleanResult
  'article:reviewFlag': ArticleMeta
  'import:paths': ImportSummary
  'import:files': ImportSummary
  'import:cancel': { cancelled: boolean }
  'themes:list': { themes: ThemeWithCount[] }
  'themes:create': Theme
  'themes:update': Theme
  'themes:delete': { undo: string }
  'themes:merge': { undo: string }
  'themes:undo': { restored: string[] }
  'articles:tag': { changed: number }
  'themes:suggest': { suggestions: ThemeSuggestion[] }
  'themes:dismiss': ArticleMeta
  'themes:suggestUntagged': SuggestionPreview
  'themes:applySuggestions': { changed: number }
  'themes:export': { text: string; fileName: string }
  'themes:import': CodebookSummary
  'passages:add': Passage
  'passages:remove': ArticleMeta
  'passages:list': { passages: ArchivePassage[] }
  'profiles:list': { profiles: Profile[]; active: string; rules: RuleInfo[] }
  'profiles:save': Profile
  'profiles:delete': { deleted: string }
  'profiles:setActive': { active: string }
  'clean:preview': CleanPreview
  'export:report': ExportOutcome
  'export:cancel': { cancelled: boolean }
  'export:open': { opened: boolean }
  'export:reveal': { revealed: boolean }
}

/** How far an export is: articles rendered, then printed (`phase` names the step). */
export interface ExportProgress {
  done: number
  total: number
  phase: string
}

/**
 * A finished export, or `cancelled` when the person closed the app's save dialog. `download` is
 * the browser host's (fetch `/exports/<token>`), `saved` the app's (open or reveal by token).
 */
export type ExportOutcome =
  | { cancelled: true }
  | {
      cancelled: false
      articles: number
      fileName: string
      size: number
      download?: { token: string }
      saved?: { token: string; name: string }
    }

/** Re-cleaning an article: the proposal, and whether it was applied (never over a person's edit). */
export interface RecleanResult {
  id: string
  proposal: string
  current: string
  changes: Change[]
  flags: Flag[]
  edited: boolean
  applied: boolean
}

export interface CleanPreview {
  cleaned: string
  metadata: { title?: string; author?: string; date?: string; source?: string; editor?: string }
  changes: Change[]
  flags: Flag[]
}

/** The payload of every event pushed to the UI. */
export interface EventPayloads {
  'import:progress': ImportProgress
  /** Articles or settings changed (by any caller, the listener included): reload what is shown. */
  'archive:changed': {
    reason: 'import' | 'open' | 'save' | 'meta' | 'profiles' | 'review' | 'themes'
  }
  /** The app's menu asks the UI for something only the UI can do (never sent by the host). */
  'menu:command': { command: import('./channels').MenuCommand }
  'export:progress': ExportProgress
}

/** Input as the caller writes it (defaults may be left out). */
export type Request<C extends Channel> = z.input<(typeof requestSchemas)[C]>
/** Input as a handler receives it, after validation and defaults. */
export type ParsedRequest<C extends Channel> = z.output<(typeof requestSchemas)[C]>
export type Response<C extends Channel> = Responses[C]

/** The object the UI talks to: `window.api` in the app, an HTTP client in the browser host. */
export type ArchiveApi = {
  [C in Channel as MethodName<C>]: (input: Request<C>) => Promise<Result<Response<C>>>
} & {
  /** Subscribe to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
  /**
   * The path of a file dropped on the window, in the desktop app only (a web page is never told
   * paths; the browser host's page sends dropped files' bytes with `importFiles` instead).
   */
  pathForFile?(file: File): string
}
