import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../src/core/api/service'
import { startHost, type RunningHost } from '../../../src/host/server'
import { tempDir } from '../../support/tmp'
import { makeRendererDir } from './support'

const ARTICLE =
  'Customs: foreign trade rose\nAuthor:Trade Desk Time:2022.08.07\nThe total rose 10.4 %.\nSource: Xinhua\n'

// Replies are read as loose JSON: the shape is what is under test.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ApiReply = { ok: boolean; value?: any; error?: { code: string; message: string } }

/** The host bound to the real service over a real archive: what `press-archive serve` runs. */
describe('browser host with the real archive service', () => {
  let host: RunningHost
  let service: ArchiveService
  let root: string
  let id: string
  let cleanupRenderer: () => Promise<void>

  beforeEach(async () => {
    const base = tempDir()
    root = join(base, 'archive')
    const src = join(base, 'in.txt')
    writeFileSync(src, ARTICLE)
    service = new ArchiveService({ holder: 'test host', allowSwitchArchive: false })
    await service.create(root)
    const imported = await service.call('import:paths', { paths: [src] })
    if (!imported.ok) throw new Error(imported.error.message)
    id = (imported.value as { imported: { id: string }[] }).imported[0]!.id
    const renderer = await makeRendererDir()
    cleanupRenderer = renderer.cleanup
    host = await startHost({ service, rendererDir: renderer.dir, port: 0 })
  })

  afterEach(async () => {
    await host.close()
    await service.close()
    await cleanupRenderer()
  })

  function api(channel: string, body: unknown) {
    return fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Press-Archive-Token': host.token },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<ApiReply>)
  }

  function snapshot(): string {
    const dir = join(root, 'articles', id.slice(0, 2), id)
    return JSON.stringify({
      meta: readFileSync(join(dir, 'meta.json'), 'utf8'),
      cleaned: readFileSync(join(dir, 'cleaned.txt'), 'utf8'),
      history: historyFiles(dir),
      index: readdirSync(join(root, 'index')).map((n) =>
        readFileSync(join(root, 'index', n), 'utf8'),
      ),
    })
  }

  it('answers the contract: list, get, save, history', async () => {
    const list = await api('articles:list', { limit: 10 })
    expect(list.ok).toBe(true)
    expect(list.value.items[0]).toMatchObject({
      id,
      author: 'Trade Desk',
      date: '2022-08-07',
      source: 'Xinhua',
    })
    const saved = await api('article:save', { id, text: 'Edited\n' })
    expect(saved.ok).toBe(true)
    const history = await api('article:history', { id })
    expect(history.value.map((h: { by: string }) => h.by)).toEqual(['import', 'person'])
  })

  it('rejects invalid arguments with a specific message and changes nothing', async () => {
    const before = snapshot()
    const attempts: [string, unknown, RegExp][] = [
      ['article:save', { id: '../../etc/passwd', text: 'x' }, /id/],
      ['article:save', { id, text: 42 }, /text/],
      ['article:save', { id, text: 'x', extra: true }, /extra|Unrecognized/i],
      ['article:updateMeta', { id, patch: { date: '2022-02-30' } }, /date does not exist/],
      ['article:updateMeta', { id, patch: { date: '21.09.2022' } }, /YYYY-MM-DD/],
      ['article:updateMeta', { id, patch: { original: { size: 1 } } }, /original|Unrecognized/i],
      ['article:version', { id, file: '../../../archive.json' }, /file/],
      ['article:restore', { id, file: '../meta.json' }, /file/],
      ['articles:list', { limit: 1_000_000 }, /limit/],
      ['import:paths', { paths: [] }, /paths/],
    ]
    for (const [channel, body, message] of attempts) {
      const result = await api(channel, body)
      expect(result.ok, `${channel} ${JSON.stringify(body)}`).toBe(false)
      expect(result.error?.code).toBe('invalid-argument')
      expect(result.error?.message).toMatch(message)
    }
    expect(snapshot()).toBe(before)
  })

  it('will not switch archives or read versions that do not exist', async () => {
    const open = await api('archive:open', { path: '/' })
    expect(open.error?.code).toBe('not-allowed')
    const create = await api('archive:create', { path: join(tempDir(), 'new') })
    expect(create.error?.code).toBe('not-allowed')
    const version = await api('article:version', { id, file: '2000-01-01T00-00-00.000Z.txt' })
    expect(version.error?.code).toBe('not-found')
    const missing = await api('article:get', { id: '0000000000000000' })
    expect(missing.error).toEqual({
      code: 'not-found',
      message: 'There is no article 0000000000000000 in this archive.',
    })
  })

  it('serves nothing of the archive folder', async () => {
    for (const path of [
      '/archive.json',
      `/articles/${id.slice(0, 2)}/${id}/original.txt`,
      '/.lock',
      '/index/',
    ]) {
      const res = await fetch(`http://127.0.0.1:${host.port}${path}`, {
        headers: { 'X-Press-Archive-Token': host.token },
      })
      expect(res.status, path).toBe(404)
    }
  })
})

/** The article's history files; none before its first save (the import version is cleaned.txt). */
function historyFiles(dir: string): string[] {
  return existsSync(join(dir, 'history')) ? readdirSync(join(dir, 'history')) : []
}
