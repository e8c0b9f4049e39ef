import type { IncomingMessage } from 'node:http'
import type { ErrorCode } from '../shared/result'

/** Above any article's text (the contract caps one at 20 M characters) plus its JSON envelope. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024
/** How long the rest of a refused body is read and discarded before the connection is cut. */
const DRAIN_MS = 10_000

/** A refusal with its HTTP status, thrown while reading a request and answered by the router. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/**
 * `application/json`, optionally with a UTF-8 charset. Requiring it also keeps plain HTML forms
 * (which can only send form or text types) from posting to the API.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase())
  if (type !== 'application/json') return false
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param))
}

/**
 * Read and discard the rest of a refused body before answering. Answering first and closing
 * (which Node does when the client asked for `Connection: close`) would close the socket with
 * unread data, and the TCP reset that follows can destroy our 413 before the client reads it.
 * A client still sending after `DRAIN_MS` is cut off without an answer.
 */
function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete) return resolve()
    const cut = setTimeout(() => {
      req.destroy()
      resolve()
    }, DRAIN_MS)
    cut.unref()
    const done = () => {
      clearTimeout(cut)
      resolve()
    }
    req.once('end', done)
    req.once('close', done)
    req.resume()
  })
}

/**
 * Read the whole body. Past `limit` it stops keeping what arrives, so an endless upload costs at
 * most `limit` bytes of memory, and rejects with a 413 once the rest has been discarded.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const refuse = async (): Promise<never> => {
    await drain(req)
    const size = formatSize(limit)
    throw new HttpFailure(413, 'invalid-argument', `A request body may be at most ${size}.`)
  }
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return refuse()

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (outcome: Error | Promise<never> | null) => {
      if (settled) return
      settled = true
      req.off('data', onData)
      if (outcome === null) resolve(Buffer.concat(chunks, size))
      else if (outcome instanceof Error) reject(outcome)
      else outcome.catch(reject)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        chunks.length = 0
        finish(refuse())
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => finish(null))
    req.on('error', (error) => finish(error))
    req.on('close', () =>
      finish(new HttpFailure(400, 'invalid-argument', 'The request was cut off.')),
    )
  })
}

/** Parse a body as strict UTF-8 JSON; anything else is the caller's mistake, not ours. */
export function parseJsonBody(body: Buffer): unknown {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body)
    return JSON.parse(text)
  } catch {
    throw new HttpFailure(400, 'invalid-argument', 'The request body is not valid JSON.')
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${bytes} bytes`
}
