import type { Channel, EventName } from '../../shared/channels'
import type { EventPayloads, ExportOutcome, ParsedRequest, Response } from '../../shared/contract'
import { ArchiveError } from '../errors'
import { recleanArticle } from '../cleaning/reclean'
import { cleanText, ruleCatalogue } from '../cleaning/profiles'
import { importPaths, type ImportOptions } from '../import/importer'
import { importUploads } from '../import/uploads'
import type { ImportSummary } from '../../shared/model'
import type { Profile } from '../../shared/profile'
import type { Archive } from '../store/archive'
import type { PdfPrinter } from '../export/printer'
import { exportReport, reportFileName, reportTitle, resolveScope } from '../export/report'
import type { ReportFormat } from '../../shared/report'

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void

/** A finished report, as core made it. */
export interface ExportFile {
  bytes: Uint8Array
  fileName: string
  mimeType: string
}

/** How the page reaches a finished export: the browser host's download, the app's saved file. */
export interface ExportDelivered {
  download?: { token: string }
  saved?: { token: string; name: string }
}

/** Where one export goes once it is made. */
export interface ExportDestination {
  deliver(file: ExportFile): Promise<ExportDelivered>
}

/**
 * Where finished exports go. Each host decides, so a page never names a path to write: the
 * browser host keeps them for download, the app saves where the person chose in its dialog.
 */
export interface ExportSink {
  /** Prints in place of the system Chromium (the app prints with Electron). */
  printer?: PdfPrinter
  /** Asked before anything is made (the app's save dialog); null means the person cancelled. */
  destination(suggested: {
    fileName: string
    format: ReportFormat
  }): Promise<ExportDestination | null>
  /** Open or reveal a report this process saved, by its token; false when there is none. */
  open(token: string): Promise<boolean>
  reveal(token: string): Promise<boolean>
}

/** The state a handler works on: the open archive and what the host allows. */
export interface HandlerContext {
  readonly archive: Archive | null
  readonly allowSwitchArchive: boolean
  open(path: string, readOnly: boolean): Promise<Archive>
  create(path: string, name?: string): Promise<Archive>
  emit: EventListener
  /** The running import's controller, so `import:cancel` can reach it. */
  importAbort: AbortController | null
  setImportAbort(controller: AbortController | null): void
  /** Where exports go; null where exporting is not offered. */
  exportSink: ExportSink | null
  /** The running export's controller, so `export:cancel` can reach it. */
  exportAbort: AbortController | null
  setExportAbort(controller: AbortController | null): void
}

export type Handlers = {
  [C in Channel]: (input: ParsedRequest<C>, ctx: HandlerContext) => Promise<Response<C>>
}

function requireArchive(ctx: HandlerContext): Archive {
  if (!ctx.archive)
    throw new ArchiveError('no-archive', 'No archive is open. Open or create one first.')
  return ctx.archive
}

function requireSwitch(ctx: HandlerContext): void {
  if (!ctx.allowSwitchArchive) {
    throw new ArchiveError(
      'not-allowed',
      'This window serves one archive; start another host to open a different one.',
    )
  }
}

function requireSink(ctx: HandlerContext): ExportSink {
  if (!ctx.exportSink) throw new ArchiveError('not-allowed', 'Reports cannot be exported here.')
  return ctx.exportSink
}

/**
 * One export at a time, cancellable, its progress pushed as events. The host's sink says where
 * it goes and is asked first (the app's save dialog), so a cancelled dialog makes nothing.
 */
async function runExport(
  ctx: HandlerContext,
  request: ParsedRequest<'export:report'>,
): Promise<ExportOutcome> {
  const archive = requireArchive(ctx)
  const sink = requireSink(ctx)
  if (ctx.exportAbort) {
    throw new ArchiveError('busy', 'A report is already being exported; wait for it or cancel it.')
  }
  const controller = new AbortController()
  ctx.setExportAbort(controller)
  try {
    // Resolved before the dialog, so a report of nothing is refused before asking where to save.
    const ids = resolveScope(archive, request.scope)
    const destination = await sink.destination({
      fileName: reportFileName(reportTitle(archive, ids, request.options), request.format),
      format: request.format,
    })
    if (!destination) return { cancelled: true }
    const report = await exportReport(archive, request, {
      printer: sink.printer,
      signal: controller.signal,
      onProgress: (progress) => ctx.emit('export:progress', progress),
    })
    const delivered = await destination.deliver(report)
    return {
      cancelled: false,
      articles: report.articles,
      fileName: report.fileName,
      size: report.bytes.byteLength,
      ...delivered,
    }
  } finally {
    ctx.setExportAbort(null)
  }
}

/** One import at a time, cancellable, its progress pushed as events. */
async function runImport(
  ctx: HandlerContext,
  start: (archive: Archive, options: ImportOptions) => Promise<ImportSummary>,
): Promise<ImportSummary> {
  const archive = requireArchive(ctx)
  if (ctx.importAbort)
    throw new ArchiveError('busy', 'An import is already running; wait for it or cancel it.')
  const controller = new AbortController()
  ctx.setImportAbort(controller)
  try {
    return await start(archive, {
      signal: controller.signal,
      onProgress: (progress) => ctx.emit('import:progress', progress),
    })
  } finally {
    ctx.setImportAbort(null)
    ctx.emit('archive:changed', { reason: 'import' })
  }
}

/**
 * A change of themes over many articles, written a batch at a time: even one that fails
 * part-way may have changed some, so the UI is told to reload either way.
 */
async function changingThemes<T>(ctx: HandlerContext, change: (archive: Archive) => Promise<T>) {
  const archive = requireArchive(ctx)
  try {
    return await change(archive)
  } finally {
    ctx.emit('archive:changed', { reason: 'themes' })
  }
}

/** The one table of handlers behind the contract; both the app and the browser host bind it. */
export const handlers: Handlers = {
  'archive:info': async (_input, ctx) => ctx.archive?.info() ?? null,
  'archive:open': async (input, ctx) => {
    requireSwitch(ctx)
    return (await ctx.open(input.path, input.readOnly ?? false)).info()
  },
  'archive:create': async (input, ctx) => {
    requireSwitch(ctx)
    return (await ctx.create(input.path, input.name)).info()
  },
  'articles:list': async (input, ctx) => requireArchive(ctx).list(input),
  'articles:ids': async (input, ctx) => ({ ids: requireArchive(ctx).ids(input) }),
  'articles:facets': async (_input, ctx) => requireArchive(ctx).facets(),
  'article:get': async (input, ctx) => requireArchive(ctx).getArticle(input.id),
  'article:save': async (input, ctx) => {
    const result = await requireArchive(ctx).saveCleaned(
      input.id,
      input.text,
      'person',
      input.note,
      undefined,
      input.passages,
    )
    ctx.emit('archive:changed', { reason: 'save' })
    return result
  },
  'article:updateMeta': async (input, ctx) => {
    const meta = await requireArchive(ctx).updateMeta(input.id, input.patch)
    ctx.emit('archive:changed', { reason: 'meta' })
    return meta
  },
  'article:history': async (input, ctx) => requireArchive(ctx).history(input.id),
  'article:version': async (input, ctx) => ({
    text: await requireArchive(ctx).version(input.id, input.file),
  }),
  'article:restore': async (input, ctx) => {
    const result = await requireArchive(ctx).restore(input.id, input.file)
    ctx.emit('archive:changed', { reason: 'save' })
    return result
  },
  'import:paths': async (input, ctx) =>
    runImport(ctx, (archive, options) => importPaths(archive, input.paths, options)),
  'import:files': async (input, ctx) =>
    runImport(ctx, (archive, options) => importUploads(archive, input.files, options)),
  'article:reviewFlag': async (input, ctx) => {
    const meta = await requireArchive(ctx).reviewFlag(input.id, input.key, input.status)
    ctx.emit('archive:changed', { reason: 'review' })
    return meta
  },
  'article:reclean': async (input, ctx) => {
    const archive = requireArchive(ctx)
    const result = await recleanArticle(archive, input.id, archive.activeProfile(), input.apply)
    if (result.applied) ctx.emit('archive:changed', { reason: 'save' })
    return result
  },
  'themes:list': async (_input, ctx) => ({ themes: requireArchive(ctx).themes() }),
  'themes:create': async (input, ctx) => {
    const theme = await requireArchive(ctx).createTheme(input)
    ctx.emit('archive:changed', { reason: 'themes' })
    return theme
  },
  'themes:update': async (input, ctx) => {
    const theme = await requireArchive(ctx).updateTheme(input.id, input.patch)
    ctx.emit('archive:changed', { reason: 'themes' })
    return theme
  },
  'themes:delete': async (input, ctx) =>
    changingThemes(ctx, async (archive) => ({
      undo: await archive.removeThemes([input.id], null),
    })),
  'themes:merge': async (input, ctx) =>
    changingThemes(ctx, async (archive) => ({
      undo: await archive.removeThemes(input.from, input.into),
    })),
  'themes:undo': async (input, ctx) =>
    changingThemes(ctx, async (archive) => ({
      restored: await archive.undoThemes(input.token),
    })),
  'articles:tag': async (input, ctx) =>
    changingThemes(ctx, async (archive) => {
      const ids = input.ids ?? archive.ids(input.filter!)
      return { changed: await archive.tagArticles(ids, input.themeId, input.remove) }
    }),
  'themes:suggest': async (input, ctx) => ({
    suggestions: await requireArchive(ctx).suggestThemes(input.id),
  }),
  'themes:dismiss': async (input, ctx) => {
    const meta = await requireArchive(ctx).dismissTheme(input.id, input.themeId, input.undo)
    ctx.emit('archive:changed', { reason: 'themes' })
    return meta
  },
  'themes:suggestUntagged': async (input, ctx) => requireArchive(ctx).suggestUntagged(input.limit),
  'themes:applySuggestions': async (input, ctx) =>
    changingThemes(ctx, async (archive) => ({ changed: await archive.addThemes(input.items) })),
  'themes:export': async (input, ctx) => requireArchive(ctx).exportCodebook(input.format),
  'themes:import': async (input, ctx) => {
    const archive = requireArchive(ctx)
    if (input.dryRun) return archive.importCodebook(input.text, input.format, true)
    return changingThemes(ctx, (a) => a.importCodebook(input.text, input.format, false))
  },
  'passages:add': async (input, ctx) => {
    const passage = await requireArchive(ctx).addPassage(input.id, input.themeId, input)
    ctx.emit('archive:changed', { reason: 'themes' })
    return passage
  },
  'passages:remove': async (input, ctx) => {
    const meta = await requireArchive(ctx).removePassage(input.id, input.passageId)
    ctx.emit('archive:changed', { reason: 'themes' })
    return meta
  },
  'passages:list': async (input, ctx) => ({ passages: await requireArchive(ctx).passages(input) }),
  'profiles:list': async (_input, ctx) => ({
    ...requireArchive(ctx).profiles(),
    rules: ruleCatalogue(),
  }),
  'profiles:save': async (input, ctx) => {
    const saved = await requireArchive(ctx).saveProfile(input.profile)
    ctx.emit('archive:changed', { reason: 'profiles' })
    return saved
  },
  'profiles:delete': async (input, ctx) => {
    await requireArchive(ctx).deleteProfile(input.id)
    ctx.emit('archive:changed', { reason: 'profiles' })
    return { deleted: input.id }
  },
  'profiles:setActive': async (input, ctx) => {
    await requireArchive(ctx).setActiveProfile(input.id)
    ctx.emit('archive:changed', { reason: 'profiles' })
    return { active: input.id }
  },
  'clean:preview': async (input, ctx) => {
    let profile: Profile
    if (typeof input.profile === 'object') profile = input.profile
    else {
      const archive = requireArchive(ctx)
      const { profiles } = archive.profiles()
      const found = input.profile
        ? profiles.find((p) => p.id === input.profile)
        : archive.activeProfile()
      if (!found) throw new ArchiveError('not-found', `There is no profile "${input.profile}".`)
      profile = found
    }
    return cleanText(input.text, profile)
  },
  'import:cancel': async (_input, ctx) => {
    if (!ctx.importAbort) return { cancelled: false }
    ctx.importAbort.abort()
    return { cancelled: true }
  },
  'export:report': async (input, ctx) => runExport(ctx, input),
  'export:cancel': async (_input, ctx) => {
    if (!ctx.exportAbort) return { cancelled: false }
    ctx.exportAbort.abort()
    return { cancelled: true }
  },
  // The app's: the browser host's reports are downloads, which it cannot open or reveal.
  'export:open': async (input, ctx) => ({ opened: await requireSink(ctx).open(input.token) }),
  'export:reveal': async (input, ctx) => ({
    revealed: await requireSink(ctx).reveal(input.token),
  }),
}
