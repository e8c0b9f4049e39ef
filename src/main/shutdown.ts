import { app } from 'electron'

/** If closing the archive hangs, quit anyway after this long rather than never. */
const CLOSE_TIMEOUT_MS = 30_000

/**
 * Quit only after `closeAll` has run once: it flushes settings and releases the archive lock, so
 * the next start (or the CLI) does not find a stale lock. Covers every way out: the Quit menu,
 * Cmd+Q, and closing the last window (which quits on every platform; an app holding an archive
 * lock with no window open would only confuse).
 */
export function quitAfter(closeAll: () => Promise<void>): void {
  let phase: 'running' | 'closing' | 'closed' = 'running'

  app.on('before-quit', (event) => {
    if (phase === 'closed') return
    event.preventDefault()
    if (phase === 'closing') return
    phase = 'closing'
    void withTimeout(closeAll(), CLOSE_TIMEOUT_MS)
      .catch((error: unknown) => console.error('[quit] closing failed:', error))
      .finally(() => {
        phase = 'closed'
        app.quit()
      })
  })

  app.on('window-all-closed', () => app.quit())
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still not closed after ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
