import { CHANNELS, methodName, type Channel } from '../../../shared/channels'
import type { ArchiveApi } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { failure, isResult, UNREACHABLE } from './result'
import { takeToken } from './token'

/** The header the host checks on every call (a cookie would ride along on forged requests). */
const TOKEN_HEADER = 'X-Press-Archive-Token'
const EVENTS_URL = '/api/events'

type Call = (input: unknown) => Promise<Result<unknown>>

/**
 * The contract over HTTP, for the browser host: each call is `POST /api/<channel>` with the input
 * as JSON, and the reply's body is the Result. The host answers every call with a Result, even a
 * refusal, so anything else (no answer, not JSON) means the service is not there.
 */
export function createHttpApi(token: string | null = takeToken()): ArchiveApi {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token !== null) headers[TOKEN_HEADER] = token

  async function post(channel: Channel, input: unknown): Promise<Result<unknown>> {
    let reply: Response
    try {
      reply = await fetch('/api/' + channel, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
      })
    } catch {
      return failure(UNREACHABLE)
    }
    let body: unknown
    try {
      body = await reply.json()
    } catch {
      return failure(UNREACHABLE)
    }
    return isResult(body) ? body : failure(UNREACHABLE)
  }

  const calls: Record<string, Call> = {}
  for (const channel of CHANNELS) calls[methodName(channel)] = (input) => post(channel, input)

  // The loop cannot be typed per method, hence the cast; the method names come from CHANNELS.
  return { ...calls, on: createEventHub(EVENTS_URL) } as unknown as ArchiveApi
}

/**
 * `on` for the browser: every subscription shares one EventSource (the host authorises it by the
 * cookie it set with the page). It is opened with the first listener and closed with the last.
 */
function createEventHub(url: string): ArchiveApi['on'] {
  let source: EventSource | null = null
  let listeners = 0

  return (event, listener) => {
    if (typeof EventSource === 'undefined') return () => {}
    const current = (source ??= new EventSource(url))
    listeners += 1
    const handler = (message: MessageEvent<string>): void => {
      let payload: unknown
      try {
        payload = JSON.parse(message.data)
      } catch {
        return
      }
      listener(payload as Parameters<typeof listener>[0])
    }
    current.addEventListener(event, handler)

    let subscribed = true
    return () => {
      if (!subscribed) return
      subscribed = false
      current.removeEventListener(event, handler)
      listeners -= 1
      if (listeners === 0 && source === current) {
        current.close()
        source = null
      }
    }
  }
}
