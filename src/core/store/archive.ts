import { promises as fs } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { Low } from 'lowdb'
import type {
  ArchivePassage,
  Passage,
  ArchiveInfo,
  ArticleMeta,
  ArticleSummary,
  ArticleView,
  EditableMeta,
  Facets,
  FlagStatus,
  HistoryEntry,
  ListPage,
} from '../../shared/model'
import { SORT_KEYS } from '../../shared/model'
import { ArchiveError } from '../errors'
import { decodeWith } from '../import/decode'
import { pathExists } from '../fs/atomic'
import { makeDurable } from '../fs/durability'
import { Mutex } from '../util/mutex'
import { ArticleIndex, type IndexRepair } from './article-index'
import {
  readArticleMeta,
  readCleaned,
  readCleaningRecord,
  readOriginal,
  readVersion,
  recoverArticle,
  writeArticleMeta,
  writeCleaningRecord,
  writeVersion,
} from './article-files'
import { newestGoodArchiveDoc, rotateBackups } from './backups'
import { DurableJSONFile } from './durable-json-file'
import { ArchiveLock, describeHolder, lockHolder } from './lock'
import { ARCHIVE_FILE, ARTICLES_DIR, INDEX_DIR, articleDir, isShardName } from './layout'
import { Listing, type ListQuery } from './listing'
import { ArchiveDocSchema, SCHEMA_VERSION, type ArchiveDoc, type MovedPassage } from './schemas'
import { builtInProfiles, DEFAULT_PROFILE_ID } from '../cleaning/profiles'
import { flagKey, type CleaningRecord } from '../../shared/cleaning'
import { countOpen, flaggedVersion, placeFlags } from './review'
import {
  checkMappedSpans,
  makePassage,
  movePassages,
  passagesOfThemes,
  relocatePassages,
  restorePassages,
  type MappedSpan,
} from './passages'
import type { Span } from '../../shared/anchor'
import type { Profile } from '../../shared/profile'
import { themesOf, type Theme, type ThemePatch, type ThemeWithCount } from '../../shared/themes'
import { forEachLimited, mapLimited } from '../util/concurrency'
import type {
  ArticleSuggestions,
  SuggestionPreview,
  ThemeSuggestion,
} from '../../shared/suggestions'
import type { CodebookFormat, CodebookSummary } from '../../shared/codebook'
import { compileKeywords } from '../themes/suggest'
import { exportCodebook, parseCodebook, planCodebookImport } from '../themes/codebook'
import {
  createTheme,
  descendantsOf,
  findTheme,
  newUndoToken,
  planRemoval,
  removalOf,
  restoreTags,
  restoreVocabulary,
  UNDO_KEPT,
  updateTheme,
  type ThemeInput,
} from '../themes/vocabulary'

/** Articles re-tagged per turn of the write queue: a save waits for one batch at most. */
const TAG_BATCH = 500

/** What the writer of a batch reports: the articles it laid down and the paths to make durable. */
export interface BatchWritten {
  articles: ArticleMeta[]
  files: string[]
  dirs: string[]
}

export interface OpenOptions {
  readOnly?: boolean
  /** Named in the lock so a second writer is told who holds the archive. */
  holder?: string
  /** Throw the index away and rebuild it from the article folders (ignored when read-only). */
  rebuildIndex?: boolean
}

/**
 * One archive folder, opened by the one process allowed to write it (or read-only by others).
 * Every change goes through a single queue so the index, the journal and the article folders
 * never see two writers, even from one process.
 */
export class Archive {
  private readonly writes = new Mutex()
  private readonly listing: Listing
  private backupsDone: Promise<void> = Promise.resolve()
  private closed = false

  private constructor(
    readonly root: string,
    readonly readOnly: boolean,
    private readonly doc: Low<ArchiveDoc>,
    private readonly index: ArticleIndex,
    private readonly lock: ArchiveLock | null,
    readonly notices: string[],
  ) {
    this.listing = new Listing(index, () => this.doc.data.themes)
  }

  /** Make a new, empty archive in `path` (which must be missing or an empty folder). */
  static async create(
    path: string,
    options: { name?: string; holder?: string } = {},
  ): Promise<Archive> {
    const root = resolve(path)
    await fs.mkdir(root, { recursive: true })
    const existing = (await fs.readdir(root)).filter((n) => !n.startsWith('.'))
    if (existing.length > 0) {
      throw new ArchiveError(
        'invalid-argument',
        existing.includes(ARCHIVE_FILE)
          ? `There is already an archive in ${root}; open it instead.`
          : `${root} is not empty; choose an empty folder for a new archive.`,
      )
    }
    const doc = new Low<ArchiveDoc>(
      new DurableJSONFile(join(root, ARCHIVE_FILE), ArchiveDocSchema, true),
      {
        schemaVersion: SCHEMA_VERSION,
        name: options.name?.trim() || basename(root),
        createdAt: new Date().toISOString(),
        settings: {},
        profiles: builtInProfiles(),
        activeProfile: DEFAULT_PROFILE_ID,
        themes: [],
        themeUndo: [],
      },
    )
    await fs.mkdir(join(root, ARTICLES_DIR), { recursive: true })
    await fs.mkdir(join(root, INDEX_DIR), { recursive: true })
    await doc.write()
    return Archive.open(root, { holder: options.holder })
  }

  static async open(path: string, options: OpenOptions = {}): Promise<Archive> {
    const root = resolve(path)
    const readOnly = options.readOnly ?? false
    const doc = new Low<ArchiveDoc>(
      new DurableJSONFile(join(root, ARCHIVE_FILE), ArchiveDocSchema, true),
      {
        schemaVersion: SCHEMA_VERSION,
        name: basename(root),
        createdAt: new Date().toISOString(),
        settings: {},
        profiles: builtInProfiles(),
        activeProfile: DEFAULT_PROFILE_ID,
        themes: [],
        themeUndo: [],
      },
    )
    const stat = await fs.stat(root).catch(() => null)
    if (!stat?.isDirectory())
      throw new ArchiveError('not-found', `There is no archive folder at ${root}.`)
    const notices: string[] = []
    let restored = false
    try {
      await doc.read()
    } catch (err) {
      if (!(err instanceof ArchiveError && err.code === 'corrupt')) throw err
      const backup = await newestGoodArchiveDoc(root)
      if (!backup) throw err
      doc.data = backup.doc
      restored = true
      notices.push(
        `archive.json was damaged; the copy from ${backup.from} in backups/ was ${readOnly ? 'used' : 'restored'}.`,
      )
    }
    if (!(await pathExists(join(root, ARCHIVE_FILE)))) {
      throw new ArchiveError(
        'not-found',
        `${root} is not a Press Archive folder (it has no ${ARCHIVE_FILE}).`,
      )
    }
    if (doc.data.schemaVersion > SCHEMA_VERSION) {
      throw new ArchiveError(
        'invalid-argument',
        `This archive was written by a newer Press Archive (format ${doc.data.schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update Press Archive to open it.`,
      )
    }

    let lock: ArchiveLock | null = null
    if (readOnly) {
      const holder = await lockHolder(root)
      if (holder) notices.push(`Opened read-only. ${describeHolder(holder)}`)
    } else {
      lock = await ArchiveLock.acquire(root, options.holder ?? 'Press Archive')
      if (restored) await doc.write()
    }
    try {
      if (options.rebuildIndex && !readOnly) await removeIndexShards(root)
      const { index, repairs, unfinished } = await ArticleIndex.load(root, { readOnly })
      notices.push(...describeRepairs(repairs, readOnly))
      const archive = new Archive(root, readOnly, doc, index, lock, notices)
      if (unfinished.length > 0) {
        if (readOnly) {
          notices.push(
            'An earlier write was interrupted; open the archive for writing to finish recovering it.',
          )
        } else {
          notices.push(...(await archive.recover(unfinished)))
          await index.compact()
        }
      }
      if (!readOnly)
        archive.backupsDone = rotateBackups(root).catch((err) =>
          console.error('Backup failed:', err),
        )
      return archive
    } catch (err) {
      await lock?.release()
      throw err
    }
  }

  get name(): string {
    return this.doc.data.name
  }

  get articleCount(): number {
    return this.index.size
  }

  info(): ArchiveInfo {
    return {
      path: this.root,
      name: this.name,
      articleCount: this.index.size,
      readOnly: this.readOnly,
      schemaVersion: this.doc.data.schemaVersion,
      notices: [...this.notices],
    }
  }

  has(id: string): boolean {
    return this.index.has(id)
  }

  summary(id: string): ArticleSummary | undefined {
    return this.index.get(id)
  }

  allSummaries(): Iterable<ArticleSummary> {
    return this.index.all()
  }

  list(query: ListQuery): ListPage {
    return this.listing.page(query)
  }

  ids(query: Omit<ListQuery, 'offset' | 'limit'>): string[] {
    return this.listing.ids(query)
  }

  facets(): Facets {
    return this.listing.facets()
  }

  /**
   * Make every column's sort order ahead, in small steps between other work, so the first click
   * on a column header after opening a large archive is answered at once (see Listing.sortAhead).
   * For the app and the browser host; a command that lists once has no use for it.
   */
  sortListsAhead(): void {
    this.listing.sortAhead(SORT_KEYS)
  }

  async getMeta(id: string): Promise<ArticleMeta> {
    this.requireArticle(id)
    return readArticleMeta(articleDir(this.root, id))
  }

  async getArticle(id: string): Promise<ArticleView> {
    const meta = await this.getMeta(id)
    const dir = articleDir(this.root, id)
    const [original, cleanedText, cleaning] = await Promise.all([
      readOriginal(dir, meta),
      readCleaned(dir),
      readCleaningRecord(dir),
    ])
    const flaggedText = await this.flaggedText(dir, meta, cleanedText, cleaning)
    return {
      meta,
      originalText: decodeWith(original, meta.original.encoding),
      cleanedText,
      cleaning,
      flags: placeFlags(cleaning, meta.review, flaggedText, cleanedText),
    }
  }

  /** Record a person's decision about a review flag ('open' takes a decision back). */
  reviewFlag(id: string, key: string, status: FlagStatus): Promise<ArticleMeta> {
    return this.changeArticle(id, async (dir, meta) => {
      const [record, text] = await Promise.all([readCleaningRecord(dir), readCleaned(dir)])
      if (!record?.flags.some((f) => flagKey(f) === key)) {
        throw new ArchiveError('not-found', `This article has no review flag "${key}".`)
      }
      const review = { ...meta.review }
      if (status === 'open') delete review[key]
      else review[key] = status
      const flaggedText = await this.flaggedText(dir, meta, text, record)
      const flags = placeFlags(record, review, flaggedText, text)
      const next: ArticleMeta = { ...meta, review, openFlags: countOpen(flags) }
      await writeArticleMeta(dir, next)
      return { meta: next }
    }).then((r) => r.meta)
  }

  /** The text a cleaning record's flags were raised on (read only when it is not `current`). */
  private async flaggedText(
    dir: string,
    meta: ArticleMeta,
    current: string,
    record: CleaningRecord | null,
  ): Promise<string> {
    const flagged = flaggedVersion(meta)
    if (!record || record.flags.length === 0 || !flagged || flagged === meta.history.at(-1)) {
      return current
    }
    return readVersion(dir, meta, flagged.file).catch(() => current)
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return (await this.getMeta(id)).history
  }

  async version(id: string, file: string): Promise<string> {
    const meta = await this.getMeta(id)
    return readVersion(articleDir(this.root, id), meta, file)
  }

  /**
   * Add a batch of new articles durably: announce their ids in the index log, let `write` lay
   * down their folders (in workers, during an import), make everything durable at once, then
   * commit them to the index. When this resolves every article it returns is on disk, and only
   * then may it be reported imported. If `write` fails, every folder of the batch is removed
   * (none was reported) and the error is passed on.
   *
   * Only the log appends take the write queue: the folders are written and synced outside it,
   * so an import's next batch is written while this one is made durable (and a save does not
   * wait for a whole batch). An id already begun by a batch still under way is left out.
   */
  async addBatch(
    ids: readonly string[],
    write: (dirOf: (id: string) => string) => Promise<BatchWritten>,
  ): Promise<ArticleMeta[]> {
    const fresh = await this.write(async () => {
      const unclaimed = ids.filter((id) => !this.index.has(id) && !this.index.isOpen(id))
      await this.index.begin(unclaimed)
      return unclaimed
    })
    if (fresh.length === 0) return []
    let written: BatchWritten
    try {
      written = await write((id) => articleDir(this.root, id))
      const announced = new Set(fresh)
      if (written.articles.some((m) => !announced.delete(m.id))) {
        throw new Error('a batch wrote an article it did not announce')
      }
      await makeDurable(written.files, [join(this.root, ARTICLES_DIR), ...written.dirs])
    } catch (err) {
      await this.writes.run(() => this.recover(fresh)).catch(() => {})
      throw err
    }
    return this.write(async () => {
      await this.index.commit(written.articles)
      const done = new Set(written.articles.map((m) => m.id))
      const skipped = fresh.filter((id) => !done.has(id))
      if (skipped.length > 0) await this.index.drop(skipped)
      return written.articles
    })
  }

  /** Save a new cleaned text as a version of its own. */
  saveCleaned(
    id: string,
    text: string,
    by: HistoryEntry['by'],
    note?: string,
    cleaning?: CleaningRecord,
    mapped: readonly MappedSpan[] = [],
  ): Promise<{ meta: ArticleMeta; version: HistoryEntry }> {
    return this.changeArticle(id, async (dir, meta) => {
      // Passages move with their words: where the editor mapped them through the person's
      // edits, or found again by their words; detached (never moved elsewhere) when gone.
      const passages = meta.passages ?? []
      checkMappedSpans(mapped, passages, text)
      const withFlags = await this.withOpenFlags(dir, meta, text, cleaning)
      const next =
        passages.length > 0
          ? {
              ...withFlags,
              passages: relocatePassages(passages, await readCleaned(dir), text, mapped),
            }
          : withFlags
      const result = await writeVersion(dir, next, text, by, note)
      // The record describes how this text was made; after a person's edit it still tells
      // which changes the rules made to the original.
      if (cleaning) await writeCleaningRecord(dir, cleaning)
      return result
    })
  }

  /**
   * The meta of an article about to get `text`, with its count of open flags brought up to
   * date: a new cleaning record starts with all its flags open; after a person's edit, flags
   * whose words are gone no longer wait for anyone.
   */
  private async withOpenFlags(
    dir: string,
    meta: ArticleMeta,
    text: string,
    cleaning: CleaningRecord | undefined,
  ): Promise<ArticleMeta> {
    if (cleaning) return { ...meta, review: {}, openFlags: cleaning.flags.length }
    const record = await readCleaningRecord(dir)
    // Only undecided flags can count; their words may come back even when none counts now.
    if (!record?.flags.some((f) => meta.review[flagKey(f)] === undefined)) return meta
    const current = await readCleaned(dir)
    const flaggedText = await this.flaggedText(dir, meta, current, record)
    return { ...meta, openFlags: countOpen(placeFlags(record, meta.review, flaggedText, text)) }
  }

  /** Restoring a version is itself a new version: nothing is ever lost. */
  async restore(id: string, file: string): Promise<{ meta: ArticleMeta; version: HistoryEntry }> {
    const text = await this.version(id, file)
    return this.saveCleaned(id, text, 'restore', `restored ${file}`)
  }

  updateMeta(id: string, patch: Partial<EditableMeta>): Promise<ArticleMeta> {
    return this.changeArticle(id, async (dir, meta) => {
      const next: ArticleMeta = { ...meta, ...patch, updatedAt: new Date().toISOString() }
      await writeArticleMeta(dir, next)
      return { meta: next }
    }).then((r) => r.meta)
  }

  /** The archive's cleaning profiles and which one is active. */
  profiles(): { profiles: Profile[]; active: string } {
    return { profiles: structuredClone(this.doc.data.profiles), active: this.activeProfile().id }
  }

  /** The profile imports and re-cleaning use; falls back to the first if the active one is gone. */
  activeProfile(): Profile {
    const { profiles, activeProfile } = this.doc.data
    return profiles.find((p) => p.id === activeProfile) ?? profiles[0]!
  }

  /** Add a profile or replace the one with the same id. */
  saveProfile(profile: Profile): Promise<Profile> {
    return this.write(async () => {
      const profiles = this.doc.data.profiles.filter((p) => p.id !== profile.id)
      const at = this.doc.data.profiles.findIndex((p) => p.id === profile.id)
      profiles.splice(at < 0 ? profiles.length : at, 0, profile)
      await this.updateDoc({ profiles })
      return profile
    })
  }

  deleteProfile(id: string): Promise<void> {
    return this.write(async () => {
      const profiles = this.doc.data.profiles.filter((p) => p.id !== id)
      if (profiles.length === this.doc.data.profiles.length) {
        throw new ArchiveError('not-found', `There is no profile "${id}".`)
      }
      if (profiles.length === 0) {
        throw new ArchiveError('invalid-argument', 'An archive keeps at least one profile.')
      }
      const activeProfile =
        this.doc.data.activeProfile === id ? profiles[0]!.id : this.doc.data.activeProfile
      await this.updateDoc({ profiles, activeProfile })
    })
  }

  setActiveProfile(id: string): Promise<void> {
    return this.write(async () => {
      if (!this.doc.data.profiles.some((p) => p.id === id)) {
        throw new ArchiveError('not-found', `There is no profile "${id}".`)
      }
      await this.updateDoc({ activeProfile: id })
    })
  }

  /** The theme vocabulary, in its order, each theme with the number of articles tagged with it. */
  themes(): ThemeWithCount[] {
    const counts = new Map(this.listing.facets().themes.map((t) => [t.id, t.count]))
    return this.doc.data.themes.map((t) => ({
      ...structuredClone(t),
      count: counts.get(t.id) ?? 0,
    }))
  }

  createTheme(input: ThemeInput): Promise<Theme> {
    return this.write(async () => {
      const theme = createTheme(this.doc.data.themes, input)
      await this.updateDoc({ themes: [...this.doc.data.themes, theme] })
      return structuredClone(theme)
    })
  }

  updateTheme(id: string, patch: ThemePatch): Promise<Theme> {
    return this.write(async () => {
      const theme = updateTheme(this.doc.data.themes, id, patch)
      await this.updateDoc({ themes: this.doc.data.themes.map((t) => (t.id === id ? theme : t)) })
      return structuredClone(theme)
    })
  }

  /**
   * Delete themes, or with `into` merge them into another theme. The vocabulary and an undo
   * record are written first, then the articles a batch per turn of the write queue (so a save
   * never waits for all of them): a crash in between leaves articles naming a theme that no
   * longer exists, which is ignored everywhere, and the undo record still restores them.
   * Returns the undo token.
   */
  async removeThemes(ids: readonly string[], into: string | null): Promise<string> {
    const { token, articles, retag, moved } = await this.write(async () => {
      const removal = planRemoval(this.doc.data.themes, ids, into)
      const gone = new Set(ids)
      const articles: { id: string; before: string[] }[] = []
      const withPassages: string[] = []
      for (const a of this.index.all()) {
        const tags = themesOf(a)
        if (tags.some((id) => gone.has(id))) articles.push({ id: a.id, before: [...tags] })
        if (into !== null && a.passageThemes?.some((id) => gone.has(id))) withPassages.push(a.id)
      }
      // A merge moves the merged themes' passages too; the record says where each one was.
      const metas = await mapLimited(withPassages, 16, (id) => this.getMeta(id))
      const passages = passagesOfThemes(metas, gone)
      const token = newUndoToken()
      const record = {
        token,
        at: new Date().toISOString(),
        kind: into === null ? ('delete' as const) : ('merge' as const),
        into,
        removed: removal.removed,
        changed: removal.changed,
        articles,
        ...(passages.length > 0 && { passages }),
      }
      await this.updateDoc({
        themes: removal.themes,
        themeUndo: [...this.doc.data.themeUndo, record].slice(-UNDO_KEPT),
      })
      const touched = new Set([...articles.map((a) => a.id), ...withPassages])
      return {
        token,
        articles: [...touched],
        retag: removal.retag,
        moved: passagesByArticle(passages),
      }
    })
    for (let at = 0; at < articles.length; at += TAG_BATCH) {
      const batch = articles.slice(at, at + TAG_BATCH)
      const goOn = await this.write(async () => {
        // Undone already, or merged into a theme deleted meanwhile: the rest is left alone.
        if (!this.doc.data.themeUndo.some((r) => r.token === token)) return false
        if (into !== null && !this.doc.data.themes.some((t) => t.id === into)) return false
        await this.retag(
          batch.filter((id) => this.index.has(id)),
          retag,
          (passages, id) => {
            const mine = moved.get(id)
            return mine && into !== null ? movePassages(passages, mine, into) : null
          },
        )
        return true
      })
      if (!goOn) break
    }
    return token
  }

  /**
   * Take back a delete or merge: its themes return as they were and so do its articles' tags
   * (an article re-tagged since keeps what else it was given). The articles are written before
   * the vocabulary, so after a crash the same token still finishes the job.
   */
  undoThemes(token: string): Promise<string[]> {
    return this.write(async () => {
      const record = this.doc.data.themeUndo.find((r) => r.token === token)
      if (!record) {
        throw new ArchiveError(
          'not-found',
          'That change can no longer be undone (it was undone already, or is too old).',
        )
      }
      const themes = restoreVocabulary(this.doc.data.themes, record)
      const removal = removalOf(record)
      const before = new Map(record.articles.map((a) => [a.id, a.before]))
      const moved = passagesByArticle(record.passages ?? [])
      const ids = [...new Set([...before.keys(), ...moved.keys()])].filter((id) =>
        this.index.has(id),
      )
      for (let at = 0; at < ids.length; at += TAG_BATCH) {
        const batch = ids.slice(at, at + TAG_BATCH)
        await this.retag(
          batch,
          (tags, id) => (before.has(id) ? restoreTags(tags, before.get(id)!, removal) : null),
          (passages, id) => {
            const mine = moved.get(id)
            return mine && record.into !== null
              ? restorePassages(passages, mine, record.into)
              : null
          },
        )
      }
      await this.updateDoc({
        themes,
        themeUndo: this.doc.data.themeUndo.filter((r) => r.token !== token),
      })
      return record.removed.map((r) => r.theme.id)
    })
  }

  /** Tag some of an article's current cleaned text with a theme. */
  addPassage(id: string, themeId: string, span: Span): Promise<Passage> {
    return this.changeArticle(id, async (dir, meta) => {
      findTheme(this.doc.data.themes, themeId)
      const passage = makePassage(await readCleaned(dir), themeId, span)
      const next: ArticleMeta = { ...meta, passages: [...(meta.passages ?? []), passage] }
      await writeArticleMeta(dir, next)
      return { meta: next, passage }
    }).then((r) => r.passage)
  }

  removePassage(id: string, passageId: string): Promise<ArticleMeta> {
    return this.changeArticle(id, async (dir, meta) => {
      const passages = meta.passages ?? []
      if (!passages.some((p) => p.id === passageId)) {
        throw new ArchiveError('not-found', `This article has no passage "${passageId}".`)
      }
      const next: ArticleMeta = { ...meta, passages: passages.filter((p) => p.id !== passageId) }
      await writeArticleMeta(dir, next)
      return { meta: next }
    }).then((r) => r.meta)
  }

  /**
   * The passages of the whole archive, optionally of one theme (its sub-themes included, as
   * the list's theme filter does) and detached or not. The index names the themes of each
   * article's passages, so only the meta.json of articles with passages of those themes is
   * read. Passages of a theme that no longer exists (deleted) are left out: an undo brings
   * them back.
   */
  async passages(filter: { themeId?: string; detached?: boolean } = {}): Promise<ArchivePassage[]> {
    const themes = new Set(this.doc.data.themes.map((t) => t.id))
    const wanted =
      filter.themeId === undefined ? null : descendantsOf(this.doc.data.themes, filter.themeId)
    const shown = wanted ?? themes
    const ids: string[] = []
    for (const a of this.index.all()) {
      if (a.passageThemes?.some((t) => shown.has(t))) ids.push(a.id)
    }
    const metas = await mapLimited(ids, 32, (id) =>
      readArticleMeta(articleDir(this.root, id)).catch(() => null),
    )
    const out: ArchivePassage[] = []
    for (const meta of metas) {
      for (const p of meta?.passages ?? []) {
        if (!themes.has(p.themeId)) continue
        if (wanted && !wanted.has(p.themeId)) continue
        if (filter.detached !== undefined && (p.detached === true) !== filter.detached) continue
        out.push({ ...p, articleId: meta!.id, title: meta!.title })
      }
    }
    return out
  }

  /**
   * Tag articles with a theme, or untag them. Only articles whose tags change are written, a
   * batch per turn of the write queue. Returns how many changed.
   */
  async tagArticles(ids: readonly string[], themeId: string, remove: boolean): Promise<number> {
    findTheme(this.doc.data.themes, themeId)
    const missing = ids.filter((id) => !this.index.has(id))
    if (missing.length > 0) {
      throw new ArchiveError(
        'not-found',
        `There is no article ${missing[0]} in this archive${missing.length > 1 ? ` (nor ${missing.length - 1} more)` : ''}; nothing was tagged.`,
      )
    }
    const todo = [...new Set(ids)].filter(
      (id) => themesOf(this.index.get(id)!).includes(themeId) === remove,
    )
    let changed = 0
    for (let at = 0; at < todo.length; at += TAG_BATCH) {
      const batch = todo.slice(at, at + TAG_BATCH)
      changed += await this.write(async () => {
        // The theme may have been deleted while earlier batches were written.
        findTheme(this.doc.data.themes, themeId)
        return this.retag(
          batch.filter((id) => this.index.has(id)),
          (tags) => {
            if (tags.includes(themeId) !== remove) return null
            return remove ? tags.filter((t) => t !== themeId) : [...tags, themeId]
          },
        )
      })
    }
    return changed
  }

  /** Themes suggested for one article by the keywords found in its title and cleaned text. */
  async suggestThemes(id: string): Promise<ThemeSuggestion[]> {
    const meta = await this.getMeta(id)
    const text = await readCleaned(articleDir(this.root, id))
    return compileKeywords(this.doc.data.themes).suggest({ ...meta, text, themes: themesOf(meta) })
  }

  /** Remember that a person turned down a suggested theme for an article (`undo` takes it back). */
  dismissTheme(id: string, themeId: string, undo = false): Promise<ArticleMeta> {
    return this.changeArticle(id, async (dir, meta) => {
      if (!undo) findTheme(this.doc.data.themes, themeId)
      const dismissedThemes = (meta.dismissedThemes ?? []).filter((t) => t !== themeId)
      if (!undo) dismissedThemes.push(themeId)
      const next: ArticleMeta = { ...meta, dismissedThemes }
      await writeArticleMeta(dir, next)
      return { meta: next }
    }).then((r) => r.meta)
  }

  /**
   * Suggestions for every untagged article, newest first, changing nothing. The keywords are
   * prepared once and each article's text read once; at most `limit` articles are listed.
   */
  async suggestUntagged(
    limit: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<SuggestionPreview> {
    const matcher = compileKeywords(this.doc.data.themes)
    const ids = this.ids({ sort: 'importedAt', order: 'desc', untagged: true })
    if (!matcher.hasKeywords) return { untagged: ids.length, withSuggestions: 0, items: [] }
    const found: (ArticleSuggestions | null)[] = new Array(ids.length).fill(null)
    let done = 0
    await forEachLimited(
      ids.map((_, i) => i),
      16,
      async (i) => {
        const summary = this.index.get(ids[i]!)
        if (summary) {
          // An article removed or damaged meanwhile simply has no suggestions.
          const text = await readCleaned(articleDir(this.root, summary.id)).catch(() => null)
          if (text !== null) {
            const suggestions = matcher.suggest({ ...summary, text, themes: themesOf(summary) })
            if (suggestions.length > 0)
              found[i] = { id: summary.id, title: summary.title, suggestions }
          }
        }
        if (++done % 500 === 0) onProgress?.(done, ids.length)
      },
    )
    const withSuggestions = found.filter((f): f is ArticleSuggestions => f !== null)
    return {
      untagged: ids.length,
      withSuggestions: withSuggestions.length,
      items: withSuggestions.slice(0, limit),
    }
  }

  /**
   * Add themes to articles (each article its own list), as accepted from suggestions. Every
   * article and theme is checked before anything is written; then only articles that gain a
   * theme are written, a batch per turn of the write queue. Returns how many changed.
   */
  async addThemes(items: readonly { id: string; themeIds: readonly string[] }[]): Promise<number> {
    for (const item of items) {
      this.requireArticle(item.id)
      for (const themeId of item.themeIds) findTheme(this.doc.data.themes, themeId)
    }
    const wanted = new Map<string, Set<string>>()
    for (const item of items) {
      const set = wanted.get(item.id) ?? new Set<string>()
      for (const t of item.themeIds) set.add(t)
      wanted.set(item.id, set)
    }
    const todo = [...wanted.keys()].filter((id) => {
      const tags = themesOf(this.index.get(id)!)
      return [...wanted.get(id)!].some((t) => !tags.includes(t))
    })
    let changed = 0
    for (let at = 0; at < todo.length; at += TAG_BATCH) {
      const batch = todo.slice(at, at + TAG_BATCH)
      changed += await this.write(async () => {
        // A theme deleted while earlier batches were written is no longer given.
        const known = new Set(this.doc.data.themes.map((t) => t.id))
        return this.retag(
          batch.filter((id) => this.index.has(id)),
          (tags, id) => {
            const add = [...(wanted.get(id) ?? [])].filter((t) => known.has(t) && !tags.includes(t))
            return add.length > 0 ? [...tags, ...add] : null
          },
        )
      })
    }
    return changed
  }

  /** The vocabulary as a codebook file (CSV or JSON) and a name to save it under. */
  exportCodebook(format: CodebookFormat): { text: string; fileName: string } {
    return exportCodebook(this.doc.data.themes, format, this.name)
  }

  /**
   * Merge a codebook into the vocabulary by theme name. A dry run only says what would happen;
   * otherwise the whole vocabulary is written at once, and a codebook with any error is
   * refused whole, changing nothing.
   */
  async importCodebook(
    text: string,
    format: CodebookFormat,
    dryRun: boolean,
  ): Promise<CodebookSummary> {
    const plan = () => {
      const parsed = parseCodebook(text, format)
      const { themes, summary } = planCodebookImport(this.doc.data.themes, parsed.rows)
      return { themes, summary: { ...summary, errors: [...parsed.errors, ...summary.errors] } }
    }
    if (dryRun) return plan().summary
    return this.write(async () => {
      const { themes, summary } = plan()
      if (summary.errors.length > 0) {
        const more = summary.errors.length > 3 ? ` (and ${summary.errors.length - 3} more)` : ''
        throw new ArchiveError(
          'invalid-argument',
          `The codebook was not imported; nothing was changed. ${summary.errors.slice(0, 3).join(' ')}${more}`,
        )
      }
      await this.updateDoc({ themes })
      return { ...summary, applied: true }
    })
  }

  /**
   * Give existing articles new theme lists (`change` returns null to leave one alone), and
   * their passages new themes (`movePassages`, likewise), inside a turn of the write queue:
   * announced in the index log, written, committed with one append.
   */
  private async retag(
    ids: readonly string[],
    change: (tags: readonly string[], id: string) => string[] | null,
    movePassages?: (passages: readonly Passage[], id: string) => Passage[] | null,
  ): Promise<number> {
    const metas = await mapLimited(ids, 16, (id) => this.getMeta(id))
    const next: ArticleMeta[] = []
    for (const meta of metas) {
      const tags = change(themesOf(meta), meta.id)
      const passages = meta.passages && movePassages ? movePassages(meta.passages, meta.id) : null
      if (tags || passages) {
        next.push({ ...meta, ...(tags && { themes: tags }), ...(passages && { passages }) })
      }
    }
    if (next.length === 0) return 0
    const changed = next.map((m) => m.id)
    await this.index.begin(changed)
    try {
      await forEachLimited(next, 16, (m) => writeArticleMeta(articleDir(this.root, m.id), m))
    } catch (err) {
      await this.recover(changed).catch(() => {})
      throw err
    }
    await this.index.commit(next)
    return next.length
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.listing.stopSortingAhead()
    await this.writes.run(async () => {
      if (!this.readOnly) await this.index.compact()
    })
    await this.backupsDone
    await this.lock?.release()
  }

  /**
   * Change one existing article under the index log: begin, write, commit. A write that fails
   * part-way is recovered at once (cleaned.txt brought back in line with meta.json), so the
   * archive on disk and the index in memory agree whatever happened.
   */
  private changeArticle<R extends { meta: ArticleMeta }>(
    id: string,
    change: (dir: string, meta: ArticleMeta) => Promise<R>,
  ): Promise<R> {
    return this.write(async () => {
      const dir = articleDir(this.root, id)
      const meta = await this.getMeta(id)
      await this.index.begin([id])
      let result: R
      try {
        result = await change(dir, meta)
      } catch (err) {
        await this.recover([id]).catch(() => {})
        throw err
      }
      await this.index.commit([result.meta])
      return result
    })
  }

  /**
   * Make the folders of unfinished writes consistent and the index agree with them. Returns
   * what the person should be told.
   */
  private async recover(ids: readonly string[]): Promise<string[]> {
    const kept: ArticleMeta[] = []
    const gone: string[] = []
    const failed: string[] = []
    for (const id of ids) {
      try {
        const meta = await recoverArticle(articleDir(this.root, id), !this.index.has(id))
        if (meta) kept.push(meta)
        else gone.push(id)
      } catch (err) {
        failed.push(`${id} (${err instanceof Error ? err.message : String(err)})`)
      }
    }
    await this.index.commit(kept)
    await this.index.drop(gone)
    const notices = [
      `An earlier import or save was interrupted; ${kept.length} article(s) were checked and kept consistent${gone.length ? `, ${gone.length} unfinished import(s) removed (they had not been reported done)` : ''}.`,
    ]
    if (failed.length) {
      notices.push(
        `${failed.length} article(s) could not be recovered and were left as they are: ${failed.join('; ')}. Run \`press-archive check\` for details.`,
      )
    }
    return notices
  }

  /** Change archive.json; memory follows only once the file is written. */
  private async updateDoc(patch: Partial<ArchiveDoc>): Promise<void> {
    const previous = this.doc.data
    this.doc.data = { ...previous, ...patch }
    try {
      await this.doc.write()
    } catch (err) {
      this.doc.data = previous
      throw err
    }
  }

  private write<T>(task: () => Promise<T>): Promise<T> {
    if (this.readOnly) {
      return Promise.reject(
        new ArchiveError('read-only', 'This archive is open read-only; nothing can be changed.'),
      )
    }
    if (this.closed)
      return Promise.reject(new ArchiveError('no-archive', 'The archive has been closed.'))
    return this.writes.run(async () => {
      // Someone may have deleted the lock by hand, or a takeover race lost it: never write then.
      if (this.lock && !(await this.lock.stillHeld())) {
        throw new ArchiveError(
          'locked',
          'This archive is no longer locked by this window (its .lock was removed or taken over); reopen it before making changes.',
        )
      }
      return task()
    })
  }

  private requireArticle(id: string): void {
    if (!this.index.has(id))
      throw new ArchiveError('not-found', `There is no article ${id} in this archive.`)
  }
}

/** Each article's moved passages, as passage id → the theme it had. */
function passagesByArticle(moved: readonly MovedPassage[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>()
  for (const m of moved) {
    const mine = out.get(m.articleId) ?? new Map<string, string>()
    mine.set(m.passageId, m.themeId)
    out.set(m.articleId, mine)
  }
  return out
}

function describeRepairs(repairs: IndexRepair[], readOnly: boolean): string[] {
  if (repairs.length === 0) return []
  const missing = repairs.filter((r) => r.reason === 'missing')
  const corrupt = repairs.filter((r) => r.reason === 'corrupt')
  const outdated = repairs.filter((r) => r.reason === 'outdated')
  const count = (list: IndexRepair[]) => list.reduce((n, r) => n + r.articles, 0)
  const out: string[] = []
  if (outdated.length)
    out.push(
      readOnly
        ? `The index was written by an earlier version of Press Archive; it was rebuilt in memory from ${count(outdated)} article folder(s) (open the archive for writing to keep the upgraded index).`
        : `The index was upgraded to a newer format, rebuilt from ${count(outdated)} article folder(s).`,
    )
  if (missing.length)
    out.push(
      `The index was missing ${missing.length} part(s); they were rebuilt from ${count(missing)} article folder(s).`,
    )
  if (corrupt.length)
    out.push(
      `The index had ${corrupt.length} damaged part(s) (${corrupt.map((r) => r.shard).join(', ')}); they were rebuilt from ${count(corrupt)} article folder(s).`,
    )
  return out
}

async function removeIndexShards(root: string): Promise<void> {
  const dir = join(root, INDEX_DIR)
  const names = await fs.readdir(dir).catch(() => [] as string[])
  await Promise.all(
    names
      .filter((n) => n.endsWith('.json') && isShardName(n.slice(0, -5)))
      .map((n) => fs.rm(join(dir, n), { force: true })),
  )
}
