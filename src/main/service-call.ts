import type { Channel } from '../shared/channels'
import type { Request, Response } from '../shared/contract'
import type { Result } from '../shared/result'
import type { ArchiveService } from '../core/api/service'
import { toApiError } from '../core/errors'

/**
 * `service.call` that cannot throw, for IPC and main's own calls. The service promises to answer
 * with a Result; if it throws anyway, the error is logged whole and answered in core's words
 * (`toApiError`: a plain sentence, never an unexpected error's message, path or stack), so no raw
 * error text reaches a dialog or the UI.
 */
export async function callServiceSafely(
  service: Pick<ArchiveService, 'call'>,
  channel: Channel,
  input: unknown,
): Promise<Result<unknown>> {
  try {
    return await service.call(channel, input)
  } catch (error) {
    console.error(`[service] ${channel} threw:`, error)
    return { ok: false, error: toApiError(error) }
  }
}

/** `callServiceSafely` typed by channel, for main's own calls (menus, start-up). */
export async function callService<C extends Channel>(
  service: Pick<ArchiveService, 'call'>,
  channel: C,
  input: Request<C>,
): Promise<Result<Response<C>>> {
  return (await callServiceSafely(service, channel, input)) as Result<Response<C>>
}
