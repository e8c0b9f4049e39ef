import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EventListener } from '../../../src/core/api/service'
import type { EventName } from '../../../src/shared/channels'
import { isChannel } from '../../../src/shared/channels'
import { requestSchemas, type EventPayloads } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/result'
import type { HostService } from '../../../src/host/server'

export const SECRET = 'TOP-SECRET-do-not-serve-7f3a'
export const INDEX_HTML =
  '<!doctype html><title>Press Archive</title><script src="/assets/app.js"></script>'
export const APP_JS = 'console.log("press archive")'

/**
 * A built renderer in a temp folder, with a secret beside it and every kind of trap inside:
 * dotfiles, a symlink to the secret, a symlink to the folder above, and a sibling folder whose
 * name starts like the renderer's.
 */
export async function makeRendererDir(): Promise<{
  root: string
  dir: string
  cleanup(): Promise<void>
}> {
  const root = await mkdtemp(join(tmpdir(), 'pa-host-'))
  const dir = join(root, 'renderer')
  await mkdir(join(dir, 'assets'), { recursive: true })
  await writeFile(join(dir, 'index.html'), INDEX_HTML)
  await writeFile(join(dir, 'assets', 'app.js'), APP_JS)
  await writeFile(join(dir, 'assets', 'style.css'), 'body{margin:0}')
  await writeFile(join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await writeFile(join(dir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  await writeFile(join(dir, 'assets', 'app.js.map'), '{"version":3}')
  await writeFile(join(dir, '.env'), SECRET)
  await writeFile(join(dir, 'assets', '.hidden.js'), SECRET)
  await writeFile(join(root, 'secret.txt'), SECRET)
  await mkdir(join(root, 'renderer-evil'))
  await writeFile(join(root, 'renderer-evil', 'secret.txt'), SECRET)
  await symlink(join(root, 'secret.txt'), join(dir, 'assets', 'leak.js'))
  await symlink(root, join(dir, 'outside'))
  await symlink('app.js', join(dir, 'assets', 'alias.js'))
  return { root, dir, cleanup: () => rm(root, { recursive: true, force: true }) }
}

export interface FakeService extends HostService {
  calls: { channel: string; input: unknown }[]
  listenerCount(): number
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
}

/**
 * Stands in for ArchiveService: validates with the real request schemas, records every call,
 * echoes the parsed input, and throws on `import:cancel` to stand for a handler bug.
 */
export function fakeService(): FakeService {
  const calls: { channel: string; input: unknown }[] = []
  const listeners = new Set<EventListener>()
  return {
    calls,
    async call(channel: string, input: unknown): Promise<Result<unknown>> {
      calls.push({ channel, input })
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'invalid-argument', message: 'no such channel' } }
      }
      if (channel === 'import:cancel') {
        throw new Error('kaboom in /home/someone/secret/place.ts')
      }
      const parsed = requestSchemas[channel].safeParse(input)
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-argument', message: 'bad input: ' + channel } }
      }
      return { ok: true, value: { channel, input: parsed.data } }
    },
    subscribe(listener: EventListener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    listenerCount: () => listeners.size,
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload)
    },
  }
}

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/**
 * node:http sends the path exactly as given (fetch would normalise `..` and `%2e%2e` away) and
 * lets us set Host, Origin and Cookie by hand.
 */
export function request(
  port: number,
  options: {
    method?: string
    path: string
    headers?: Record<string, string | number>
    body?: string | Buffer
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Bytes straight onto the socket, for request targets no client library will send. */
export function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.on('error', reject)
  })
}

/** Poll until `check` holds; the server notices a client going away a moment after it goes. */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
