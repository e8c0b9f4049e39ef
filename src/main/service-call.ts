import type { Channel } from '../shared/channels'
import type { Request, Response } from '../shared/contract'
import type { Result } from '../shared/result'
import type { ArchiveService } from '../core/api/service'

/**
 * `service.call` typed by channel, for main's own calls (menus, start-up). The service promises
 * never to throw; if it does anyway, the error becomes a Result so a dialog can show it.
 */
export async function callService<C extends Channel>(
  service: ArchiveService,
  channel: C,
  input: Request<C>,
): Promise<Result<Response<C>>> {
  try {
    return (await service.call(channel, input)) as Result<Response<C>>
  } catch (error) {
    return internalError(channel, error)
  }
}

/** A thrown error as a Result, so no stack trace crosses to the UI. */
export function internalError(
  channel: string,
  error: unknown,
): { ok: false; error: { code: 'internal'; message: string } } {
  console.error(`[service] ${channel} threw:`, error)
  const detail = error instanceof Error ? error.message : String(error)
  return { ok: false, error: { code: 'internal', message: `Something went wrong (${detail}).` } }
}
