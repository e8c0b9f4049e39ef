import { resolve } from 'node:path'
import { isChannel } from '../../shared/channels'
import { requestSchemas } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { ArchiveError, toApiError } from '../errors'
import { Archive } from '../store/archive'
import { handlers, type EventListener, type ExportSink, type HandlerContext } from './handlers'

export type { EventListener }

export interface ServiceOptions {
  /** Who holds the archive lock, shown to a second writer: e.g. "Press Archive (app)". */
  holder: string
  /** Whether calls may open or create other archives (the app: yes; the browser host: no). */
  allowSwitchArchive: boolean
}

/**
 * The one implementation of the contract. The Electron IPC wiring and the browser host both
 * hand every call to `call`, which validates the input and returns a Result, never throws.
 */
export class ArchiveService {
  private archive: Archive | null = null
  private readonly listeners = new Set<EventListener>()
  private importAbort: AbortController | null = null
  private exportSink: ExportSink | null = null
  private exportAbort: AbortController | null = null

  constructor(private readonly options: ServiceOptions) {}

  get archivePath(): string | null {
    return this.archive?.root ?? null
  }

  async call(channel: string, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'invalid-argument', message: `Unknown call "${channel.slice(0, 80)}".` },
      }
    }
    const parsed = requestSchemas[channel].safeParse(input ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
      return {
        ok: false,
        error: {
          code: 'invalid-argument',
          message: `Invalid ${channel} request${where}: ${issue?.message ?? 'invalid input'}.`,
        },
      }
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data, this.context()) }
    } catch (err) {
      const error = toApiError(err)
      if (error.code === 'internal') console.error(`[${channel}]`, err)
      return { ok: false, error }
    }
  }

  /** Where exports go: the browser host and the app each give theirs; without one, none is made. */
  setExportSink(sink: ExportSink | null): void {
    this.exportSink = sink
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Open an archive directly (at start-up), closing the one open before. */
  async open(path: string, options: { readOnly?: boolean } = {}): Promise<Archive> {
    const current = this.archive
    if (
      current &&
      current.root === resolve(path) &&
      current.readOnly === (options.readOnly ?? false)
    )
      return current
    return this.replace(resolve(path), () =>
      Archive.open(path, { readOnly: options.readOnly, holder: this.options.holder }),
    )
  }

  async create(path: string, name?: string): Promise<Archive> {
    return this.replace(resolve(path), () =>
      Archive.create(path, { name, holder: this.options.holder }),
    )
  }

  /** Flush, release the lock. Safe to call twice. */
  async close(): Promise<void> {
    this.importAbort?.abort()
    this.exportAbort?.abort()
    const archive = this.archive
    this.archive = null
    await archive?.close()
  }

  private async replace(root: string, openNext: () => Promise<Archive>): Promise<Archive> {
    if (this.importAbort)
      throw new ArchiveError('busy', 'An import is running; wait for it or cancel it first.')
    if (this.archive?.root === root) {
      // Reopening the same folder in another mode: we hold its lock, so let go of it first.
      await this.archive.close()
      this.archive = null
    }
    // Otherwise open the new one before closing the old: a failed open leaves the current in place.
    const next = await openNext()
    await this.archive?.close()
    this.archive = next
    next.sortListsAhead()
    this.emit('archive:changed', { reason: 'open' })
    return next
  }

  private emit: EventListener = (event, payload) => {
    for (const listener of this.listeners) {
      try {
        listener(event, payload)
      } catch (err) {
        console.error('An event listener failed:', err)
      }
    }
  }

  private context(): HandlerContext {
    return {
      archive: this.archive,
      allowSwitchArchive: this.options.allowSwitchArchive,
      open: (path, readOnly) => this.open(path, { readOnly }),
      create: (path, name) => this.create(path, name),
      emit: this.emit,
      importAbort: this.importAbort,
      setImportAbort: (controller) => {
        this.importAbort = controller
      },
      exportSink: this.exportSink,
      exportAbort: this.exportAbort,
      setExportAbort: (controller) => {
        this.exportAbort = controller
      },
    }
  }
}
