import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../src/core/api/service'
import {
  SORT_KEYS,
  type ArticleMeta,
  type ArticleView,
  type Facets,
  type ListPage,
} from '../../../../src/shared/model'
import type { Result } from '../../../../src/shared/result'
import { tempDir } from '../../../support/tmp'

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

const SOURCES = ['Xinhua', 'People’s Daily', 'China Daily']

/**
 * Article `i` of a varied archive: three sources and none, two years, titles that sort
 * differently from the import order, and every fifth one with a paragraph cut off by an
 * ellipsis (a review flag).
 */
function article(i: number): string {
  const year = i % 2 === 0 ? 2021 : 2022
  const month = String((i % 12) + 1).padStart(2, '0')
  const lines = [
    `${['Trade', 'Ports', 'Grain', 'Rail'][i % 4]} report number ${(i * 37) % 101} (${i})`,
    `Author:Desk ${i % 3} Time:${year}.${month}.0${(i % 9) + 1}`,
    `Figures for the period rose by ${i} percent, the office said.`,
  ]
  if (i % 5 === 0) lines.push('Some readers said that the harbour was busier than ever and...')
  if (i % 4 !== 3) lines.push(`Source: ${SOURCES[i % 3]}`)
  return `${lines.join('\n')}\n`
}

async function archiveOf(count: number): Promise<{ service: ArchiveService; ids: string[] }> {
  const base = tempDir()
  const src = join(base, 'in')
  mkdirSync(src)
  for (let i = 0; i < count; i++) {
    writeFileSync(join(src, `${String(i).padStart(4, '0')}.txt`), article(i))
  }
  const service = new ArchiveService({ holder: 'test', allowSwitchArchive: false })
  await service.create(join(base, 'archive'))
  const summary = value<{ imported: { id: string; path: string }[] }>(
    await service.call('import:paths', { paths: [src] }),
  )
  expect(summary.imported).toHaveLength(count)
  const ids = summary.imported.sort((a, b) => (a.path < b.path ? -1 : 1)).map((a) => a.id)
  return { service, ids }
}

/** Every page of the list for a filter, one after the other. */
async function listAll(service: ArchiveService, filter: object): Promise<string[]> {
  const out: string[] = []
  for (let offset = 0; ; offset += 100) {
    const page = value<ListPage>(
      await service.call('articles:list', { ...filter, offset, limit: 100 }),
    )
    out.push(...page.items.map((a) => a.id))
    if (offset + 100 >= page.total) return out
  }
}

describe('articles:ids', () => {
  it('returns every id the list would show, in the list’s order, for any filter', async () => {
    const { service, ids } = await archiveOf(240)
    // Some edited articles, and some review decisions, so those filters have both answers.
    for (const id of ids.slice(0, 7)) {
      value(await service.call('article:save', { id, text: 'Rewritten by the editor.\n' }))
    }
    const flagged = ids.filter((_, i) => i % 5 === 0)
    for (const id of flagged.slice(-4)) {
      const view = value<ArticleView>(await service.call('article:get', { id }))
      for (const flag of view.flags) {
        value(await service.call('article:reviewFlag', { id, key: flag.key, status: 'ignored' }))
      }
    }
    const filters: object[] = [
      {},
      { source: 'Xinhua' },
      { source: 'Nobody' },
      { year: 2022 },
      { edited: true },
      { edited: false, year: 2021 },
      { review: true },
      { review: false },
      { review: true, source: 'People’s Daily' },
      { text: 'ports 3' },
      { text: '   ' },
      { text: 'grain', year: 2021, review: false },
    ]
    const sizes = new Map<string, number>()
    for (const sort of SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        for (const filter of filters) {
          const query = { ...filter, sort, order }
          const got = value<{ ids: string[] }>(await service.call('articles:ids', query)).ids
          expect(got, JSON.stringify(query)).toEqual(await listAll(service, query))
          sizes.set(JSON.stringify(filter), got.length)
        }
      }
    }
    // The filters really filter (so agreeing with the list is not agreeing on everything).
    expect(sizes.get('{}')).toBe(240)
    expect(sizes.get('{"source":"Nobody"}')).toBe(0)
    expect(sizes.get('{"edited":true}')).toBe(7)
    expect(sizes.get('{"review":true}')).toBe(flagged.length - 4 - 2) // two were rewritten
    expect(sizes.get('{"review":false}')).toBe(240 - (flagged.length - 6))
    for (const [filter, size] of sizes) {
      if (filter !== '{}' && filter !== '{"text":"   "}') expect(size, filter).toBeLessThan(240)
    }
    // Defaults are the list's: newest imported first.
    expect(value<{ ids: string[] }>(await service.call('articles:ids', {})).ids).toEqual(
      await listAll(service, {}),
    )
    await service.close()
  })

  it('takes no paging and checks its filter like the list does', async () => {
    const { service } = await archiveOf(3)
    for (const input of [
      { offset: 0 },
      { limit: 10 },
      { sort: 'size' },
      { order: 'up' },
      { year: 'last' },
      { review: 'yes' },
    ]) {
      const r = await service.call('articles:ids', input)
      expect(r.ok, JSON.stringify(input)).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('invalid-argument')
    }
    await service.close()
  })
})

describe('article:reviewFlag through the service', () => {
  it('records a decision, announces it, and the list and facets follow', async () => {
    const { service, ids } = await archiveOf(10)
    const events: [string, unknown][] = []
    service.subscribe((event, payload) => events.push([event, payload]))
    const id = ids[5]!
    const view = value<ArticleView>(await service.call('article:get', { id }))
    expect(view.flags).toHaveLength(1)
    const flag = view.flags[0]!
    expect(flag).toMatchObject({ kind: 'cut-off-line', status: 'open' })
    expect(view.cleanedText.slice(flag.start!, flag.end!)).toMatch(/^Some readers.*\.\.\.$/)
    const review = (body: object) =>
      service.call('articles:list', { ...body, sort: 'title', order: 'asc' })
    expect(
      value<ListPage>(await review({ review: true }))
        .items.map((a) => a.id)
        .sort(),
    ).toEqual([ids[0]!, ids[5]!].sort())
    expect(value<Facets>(await service.call('articles:facets', {})).review).toBe(2)

    const meta = value<ArticleMeta>(
      await service.call('article:reviewFlag', { id, key: flag.key, status: 'resolved' }),
    )
    expect(meta).toMatchObject({ id, review: { [flag.key]: 'resolved' }, openFlags: 0 })
    expect(events).toContainEqual(['archive:changed', { reason: 'review' }])
    expect(value<ListPage>(await review({ review: true })).items.map((a) => a.id)).toEqual([ids[0]])
    expect(value<Facets>(await service.call('articles:facets', {})).review).toBe(1)
    const after = value<ArticleView>(await service.call('article:get', { id }))
    expect(after.flags[0]).toMatchObject({ key: flag.key, status: 'resolved' })
    expect(after.meta.openFlags).toBe(0)

    value(await service.call('article:reviewFlag', { id, key: flag.key, status: 'open' }))
    expect(value<Facets>(await service.call('articles:facets', {})).review).toBe(2)
    await service.close()
  })

  it('answers an unknown key with not-found and bad input with invalid-argument', async () => {
    const { service, ids } = await archiveOf(6)
    const id = ids[5]!
    const { flags } = value<ArticleView>(await service.call('article:get', { id }))
    const key = flags[0]!.key
    const events: string[] = []
    service.subscribe((event) => events.push(event))
    const missing = await service.call('article:reviewFlag', {
      id,
      key: 'long-sentence/long-sentence@0-1',
      status: 'resolved',
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const noArticle = await service.call('article:reviewFlag', {
      id: '0000000000000000',
      key,
      status: 'resolved',
    })
    expect(noArticle).toMatchObject({ ok: false, error: { code: 'not-found' } })
    for (const input of [
      { id, key, status: 'done' },
      { id, key: '', status: 'resolved' },
      { id, key: 'x'.repeat(301), status: 'resolved' },
      { id: '../x', key, status: 'resolved' },
      { id, key, status: 'resolved', note: 'extra' },
    ]) {
      const r = await service.call('article:reviewFlag', input)
      expect(r, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      })
    }
    expect(events).toEqual([])
    const view = value<ArticleView>(await service.call('article:get', { id }))
    expect(view.meta.review).toEqual({})
    expect(view.meta.openFlags).toBe(1)
    await service.close()
  })
})
