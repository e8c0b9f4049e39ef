import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type Channel, type EventName } from '../shared/channels'
import type { EventPayloads } from '../shared/contract'
import type { Result } from '../shared/result'
import type { ArchiveService } from '../core/api/service'
import { isAppUrl, type RendererLocation } from './renderer-location'
import { callServiceSafely } from './service-call'

export interface IpcOptions {
  service: ArchiveService
  location: RendererLocation
  /** Our UI windows; a message from any other web contents is refused. */
  windows(): BrowserWindow[]
  /** Resolves when start-up has opened its archive; calls wait for it so the UI sees it. */
  ready: Promise<void>
  /** Told about every answered call, e.g. so main can remember an archive the UI opened. */
  afterCall?(channel: Channel, result: Result<unknown>): void
}

/**
 * Bind every channel of the contract to the service. The handler checks who is asking before
 * anything else (only the main frame of our own window, showing our own UI) and hands the input
 * to `service.call`, which validates it; failures come back as Results, never as exceptions.
 */
export function registerIpcHandlers(options: IpcOptions): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, options)) {
        console.warn(`[ipc] refused ${channel} from ${event.senderFrame?.url ?? 'a gone frame'}`)
        return {
          ok: false,
          error: { code: 'not-allowed', message: 'This page may not talk to the archive.' },
        }
      }
      await options.ready
      const result = await callServiceSafely(options.service, channel, input)
      options.afterCall?.(channel, result)
      return result
    })
  }
}

/** VS Code's validatedIpcMain does the same: an unknown sender gets nothing from the archive. */
function isTrustedSender(event: IpcMainInvokeEvent, options: IpcOptions): boolean {
  const frame = event.senderFrame
  if (!frame) return false
  const ours = options.windows().some((win) => win.webContents.id === event.sender.id)
  if (!ours) return false
  const main = event.sender.mainFrame
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false
  return isAppUrl(frame.url, options.location)
}

/**
 * The one way main pushes an event to the UI, service events and menu commands alike: to each
 * given window that is still there, on the channel named after the event (the preload's `on`
 * listens there).
 */
export function sendToWindows<E extends EventName>(
  windows: BrowserWindow[],
  event: E,
  payload: EventPayloads[E],
): void {
  for (const win of windows) {
    if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(event, payload)
  }
}

/**
 * Forward the service's events (import progress, archive changes) to every window of ours.
 * Returns the function that stops forwarding.
 */
export function forwardServiceEvents(
  service: ArchiveService,
  windows: () => BrowserWindow[],
): () => void {
  return service.subscribe((event, payload) => sendToWindows(windows(), event, payload))
}
