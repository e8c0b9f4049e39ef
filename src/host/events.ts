import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ArchiveService } from '../core/api/service'

/** Proxies and idle-connection reapers close silent streams; a comment every 15 s keeps it open. */
export const HEARTBEAT_MS = 15_000
/**
 * A client that stops reading would make us buffer every import event forever; past this we drop
 * its stream and let EventSource reconnect.
 */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024

const EVENT_NAME = /^[\w:.-]+$/

/** One `text/event-stream` frame; JSON never contains a raw newline, so `data:` is one line. */
export function formatEvent(event: string, payload: unknown): string | null {
  if (!EVENT_NAME.test(event)) return null
  const data = JSON.stringify(payload ?? null)
  return `event: ${event}\ndata: ${data}\n\n`
}

/**
 * The open server-sent-event streams: each subscribes to the service while its client is
 * connected and unsubscribes when it goes, so a closed tab leaves no listener behind.
 */
export class EventStreams {
  private readonly open = new Map<ServerResponse, () => void>()

  constructor(
    private readonly service: Pick<ArchiveService, 'subscribe'>,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  attach(req: IncomingMessage, res: ServerResponse): void {
    req.socket.setNoDelay(true)
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    })
    // Sends the headers at once, so the client's EventSource reports `open` straight away.
    res.write('retry: 2000\n\n')

    const send = (text: string) => {
      if (res.writableEnded || res.destroyed) return
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        res.destroy()
        return
      }
      res.write(text)
    }
    const unsubscribe = this.service.subscribe((event, payload) => {
      try {
        const frame = formatEvent(event, payload)
        if (frame !== null) send(frame)
      } catch (error) {
        // Never throw into the service's emitter because one client's stream failed.
        console.error('[host] could not send an event', error)
      }
    })
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), this.heartbeatMs)
    heartbeat.unref()

    let cleaned = false
    const cleanup = () => {
      if (cleaned) return
      cleaned = true
      clearInterval(heartbeat)
      unsubscribe()
      this.open.delete(res)
    }
    this.open.set(res, cleanup)
    // `close` also fires when the client goes away (tab closed, fetch aborted).
    res.on('close', cleanup)
    res.on('error', cleanup)
  }

  /** End every stream and unsubscribe it: the host is closing. */
  closeAll(): void {
    for (const [res, cleanup] of this.open) {
      cleanup()
      res.end()
    }
  }
}
