import type { Channel, EventName } from '../../shared/channels'
import type { EventPayloads, ParsedRequest, Response } from '../../shared/contract'
import { ArchiveError } from '../errors'
import { importPaths } from '../import/importer'
import type { Archive } from '../store/archive'

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void

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
  'articles:facets': async (_input, ctx) => requireArchive(ctx).facets(),
  'article:get': async (input, ctx) => requireArchive(ctx).getArticle(input.id),
  'article:save': async (input, ctx) => {
    const result = await requireArchive(ctx).saveCleaned(input.id, input.text, 'person', input.note)
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
  'import:paths': async (input, ctx) => {
    const archive = requireArchive(ctx)
    if (ctx.importAbort)
      throw new ArchiveError('busy', 'An import is already running; wait for it or cancel it.')
    const controller = new AbortController()
    ctx.setImportAbort(controller)
    try {
      return await importPaths(archive, input.paths, {
        signal: controller.signal,
        onProgress: (progress) => ctx.emit('import:progress', progress),
      })
    } finally {
      ctx.setImportAbort(null)
      ctx.emit('archive:changed', { reason: 'import' })
    }
  },
  'import:cancel': async (_input, ctx) => {
    if (!ctx.importAbort) return { cancelled: false }
    ctx.importAbort.abort()
    return { cancelled: true }
  },
}
