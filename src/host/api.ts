import type { IncomingMessage, ServerResponse } from 'node:http'
import { isChannel } from '../shared/channels'
import type { Result } from '../shared/result'
import type { ArchiveService } from '../core/api/service'
import { HttpFailure, isJsonContentType, parseJsonBody, readBody } from './body'
import { sendJson } from './respond'

/**
 * Answer `POST /api/<channel>` (authorisation already checked). The service validates the input
 * and returns a Result, which goes back with status 200 whether it succeeded or not: statuses
 * other than 200 are the host refusing the request itself, before the service saw it.
 */
export async function handleApiCall(
  service: Pick<ArchiveService, 'call'>,
  rawChannel: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let channel: string
  try {
    // `articles:list` may arrive as `articles%3Alist`.
    channel = decodeURIComponent(rawChannel)
  } catch {
    throw new HttpFailure(404, 'not-found', 'There is no such call.')
  }
  if (!isChannel(channel)) throw new HttpFailure(404, 'not-found', 'There is no such call.')
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new HttpFailure(415, 'invalid-argument', 'API calls must send application/json.')
  }
  const input = parseJsonBody(await readBody(req))
  const result: Result<unknown> = await service.call(channel, input)
  sendJson(res, 200, result)
}
