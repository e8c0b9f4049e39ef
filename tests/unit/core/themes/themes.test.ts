import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../src/core/api/service'
import { Archive } from '../../../../src/core/store/archive'
import type { ArticleMeta, Facets, ListPage } from '../../../../src/shared/model'
import type { Result } from '../../../../src/shared/result'
import { THEME_PALETTE, type Theme, type ThemeWithCount } from '../../../../src/shared/themes'
import { tempDir } from '../../../support/tmp'

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

function failure(r: Result<unknown>): { code: string; message: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`)
  return r.error
}

interface Fixture {
  service: ArchiveService
  root: string
  /** Article ids in the order of their file names (article 0 first). */
  ids: string[]
}

async function archiveOf(count: number): Promise<Fixture> {
  const base = tempDir()
  const src = join(base, 'in')
  mkdirSync(src)
  for (let i = 0; i < count; i++) {
    const topic = ['Trade', 'Ports', 'Grain'][i % 3]
    writeFileSync(
      join(src, `${String(i).padStart(4, '0')}.txt`),
      `${topic} report ${i}\nFigures for the period rose by ${i} percent.\n`,
    )
  }
  const root = join(base, 'archive')
  const service = new ArchiveService({ holder: 'test', allowSwitchArchive: false })
  await service.create(root)
  const summary = value<{ imported: { id: string; path: string }[] }>(
    await service.call('import:paths', { paths: [src] }),
  )
  const ids = summary.imported.sort((a, b) => (a.path < b.path ? -1 : 1)).map((a) => a.id)
  return { service, root, ids }
}

function metaOf(root: string, id: string): ArticleMeta {
  return JSON.parse(readFileSync(join(root, 'articles', id.slice(0, 2), id, 'meta.json'), 'utf8'))
}

function archiveJson(root: string): { themes: Theme[]; themeUndo: unknown[] } {
  return JSON.parse(readFileSync(join(root, 'archive.json'), 'utf8'))
}

async function create(service: ArchiveService, input: object): Promise<Theme> {
  return value<Theme>(await service.call('themes:create', input))
}

async function list(service: ArchiveService): Promise<ThemeWithCount[]> {
  return value<{ themes: ThemeWithCount[] }>(await service.call('themes:list', {})).themes
}

async function idsOf(service: ArchiveService, filter: object): Promise<string[]> {
  return value<{ ids: string[] }>(await service.call('articles:ids', filter)).ids.sort()
}

describe('the theme vocabulary', () => {
  it('creates themes with defaults, a distinct palette colour each, and lists them with counts', async () => {
    const { service, root } = await archiveOf(0)
    const a = await create(service, { name: '  Vocational education ' })
    expect(a).toEqual({
      id: expect.stringMatching(/^t_[0-9a-z]{10}$/),
      name: 'Vocational education',
      color: THEME_PALETTE[0],
      description: '',
      parentId: null,
      keywords: [],
      pinned: false,
    })
    const b = await create(service, {
      name: 'Belt and Road',
      color: '#AABBCC',
      description: 'Infrastructure abroad',
      keywords: ['BRI', 'bri', 'Silk Road'],
      pinned: true,
      parentId: a.id,
    })
    expect(b).toMatchObject({ color: '#aabbcc', keywords: ['BRI', 'Silk Road'], pinned: true })
    const c = await create(service, { name: 'Epidemic control' })
    expect(c.color).toBe(THEME_PALETTE[1])
    expect(new Set(THEME_PALETTE).size).toBe(THEME_PALETTE.length)

    expect(await list(service)).toEqual([
      { ...a, count: 0 },
      { ...b, count: 0 },
      { ...c, count: 0 },
    ])
    expect(archiveJson(root).themes).toEqual([a, b, c])
  })

  it('refuses bad input, duplicate names and loops, and a refused call changes nothing', async () => {
    const { service, root } = await archiveOf(0)
    const parent = await create(service, { name: 'Trade' })
    const child = await create(service, { name: 'Exports', parentId: parent.id })
    const grandchild = await create(service, { name: 'Rare earths', parentId: child.id })
    const before = readFileSync(join(root, 'archive.json'), 'utf8')

    const refused = [
      await service.call('themes:create', { name: '' }),
      await service.call('themes:create', { name: 'x'.repeat(101) }),
      await service.call('themes:create', { name: 'Ok', color: 'red' }),
      await service.call('themes:create', { name: 'Ok', description: 'x'.repeat(2001) }),
      await service.call('themes:create', { name: 'Ok', keywords: ['x'.repeat(101)] }),
      await service.call('themes:create', { name: 'Ok', keywords: Array(201).fill('k') }),
      await service.call('themes:create', { name: 'Ok', id: 't_0123456789' }),
      await service.call('themes:create', { name: 'Ok', parentId: 't_0000000000' }),
      await service.call('themes:create', { name: 'tRADE' }),
      await service.call('themes:update', { id: child.id, patch: { name: ' TRADE' } }),
      await service.call('themes:update', { id: parent.id, patch: { parentId: grandchild.id } }),
      await service.call('themes:update', { id: parent.id, patch: { parentId: parent.id } }),
      await service.call('themes:update', { id: 't_0000000000', patch: { pinned: true } }),
      await service.call('themes:update', { id: parent.id, patch: { count: 3 } }),
      await service.call('themes:delete', { id: 't_0000000000' }),
      await service.call('themes:merge', { from: [parent.id], into: parent.id }),
      await service.call('themes:merge', { from: [], into: parent.id }),
      await service.call('themes:undo', { token: 'u_000000000000' }),
    ]
    expect(refused.map((r) => failure(r).code)).toEqual([
      ...Array(7).fill('invalid-argument'),
      'not-found',
      'invalid-argument',
      'invalid-argument',
      'invalid-argument',
      'invalid-argument',
      'not-found',
      'invalid-argument',
      'not-found',
      'invalid-argument',
      'invalid-argument',
      'not-found',
    ])
    expect(failure(refused[8]!).message).toMatch(/already a theme named "Trade"/)
    expect(failure(refused[10]!).message).toMatch(/under itself or under one of its own/)
    expect(readFileSync(join(root, 'archive.json'), 'utf8')).toBe(before)
  })

  it('updates a theme: renames (its own name in another case too), recolours, moves it', async () => {
    const { service } = await archiveOf(0)
    const a = await create(service, { name: 'Ports' })
    const b = await create(service, { name: 'Shipping' })
    const renamed = value<Theme>(
      await service.call('themes:update', { id: a.id, patch: { name: 'PORTS' } }),
    )
    expect(renamed.name).toBe('PORTS')
    const moved = value<Theme>(
      await service.call('themes:update', {
        id: b.id,
        patch: { parentId: a.id, color: '#123456', keywords: ['harbour'] },
      }),
    )
    expect(moved).toEqual({ ...b, parentId: a.id, color: '#123456', keywords: ['harbour'] })
    const top = value<Theme>(
      await service.call('themes:update', { id: b.id, patch: { parentId: null } }),
    )
    expect(top.parentId).toBeNull()
  })
})

describe('tagging articles', () => {
  it('tags and untags by ids and by filter, writing only articles whose tags change', async () => {
    const { service, root, ids } = await archiveOf(9)
    const t = await create(service, { name: 'Trade' })
    expect(
      value(await service.call('articles:tag', { ids: ids.slice(0, 4), themeId: t.id })),
    ).toEqual({ changed: 4 })
    // Article 3 is tagged already: only the new two count.
    expect(
      value(await service.call('articles:tag', { ids: ids.slice(3, 6), themeId: t.id })),
    ).toEqual({ changed: 2 })
    expect(metaOf(root, ids[0]!).themes).toEqual([t.id])
    expect(metaOf(root, ids[6]!).themes).toBeUndefined()
    expect((await list(service))[0]!.count).toBe(6)

    // "Grain" articles are 2, 5 and 8; 2 and 5 are tagged.
    expect(
      value(
        await service.call('articles:tag', {
          filter: { text: 'grain' },
          themeId: t.id,
          remove: true,
        }),
      ),
    ).toEqual({ changed: 2 })
    expect(metaOf(root, ids[2]!).themes).toEqual([])
    expect(await idsOf(service, { themes: [t.id] })).toEqual(
      [ids[0], ids[1], ids[3], ids[4]].sort(),
    )

    const facets = value<Facets>(await service.call('articles:facets', {}))
    expect(facets.themes).toEqual([{ id: t.id, count: 4 }])
    expect(facets.untagged).toBe(5)
  })

  it('refuses unknown themes and articles, ids and a filter together, and changes nothing', async () => {
    const { service, root, ids } = await archiveOf(3)
    const t = await create(service, { name: 'Trade' })
    const missing = 'ffffffffffffffff'
    const refused = [
      await service.call('articles:tag', { ids, themeId: 't_0000000000' }),
      await service.call('articles:tag', { ids: [ids[0], missing], themeId: t.id }),
      await service.call('articles:tag', { ids, filter: {}, themeId: t.id }),
      await service.call('articles:tag', { themeId: t.id }),
      await service.call('articles:tag', { ids: ['nope'], themeId: t.id }),
    ]
    expect(refused.map((r) => failure(r).code)).toEqual([
      'not-found',
      'not-found',
      'invalid-argument',
      'invalid-argument',
      'invalid-argument',
    ])
    for (const id of ids) expect(metaOf(root, id).themes).toBeUndefined()
  })

  it('filters by any of, all of, untagged, and a parent including its sub-themes', async () => {
    const { service, ids } = await archiveOf(6)
    const trade = await create(service, { name: 'Trade' })
    const exports = await create(service, { name: 'Exports', parentId: trade.id })
    const rare = await create(service, { name: 'Rare earths', parentId: exports.id })
    const ports = await create(service, { name: 'Ports' })
    const tag = async (themeId: string, which: number[]) =>
      value(await service.call('articles:tag', { ids: which.map((i) => ids[i]), themeId }))
    await tag(trade.id, [0])
    await tag(exports.id, [1])
    await tag(rare.id, [2, 3])
    await tag(ports.id, [3, 4])
    const pick = (...which: number[]) => which.map((i) => ids[i]!).sort()

    expect(await idsOf(service, { themes: [trade.id] })).toEqual(pick(0, 1, 2, 3))
    expect(await idsOf(service, { themes: [exports.id] })).toEqual(pick(1, 2, 3))
    expect(await idsOf(service, { themes: [rare.id, ports.id] })).toEqual(pick(2, 3, 4))
    expect(await idsOf(service, { themes: [rare.id, ports.id], themeMatch: 'all' })).toEqual(
      pick(3),
    )
    expect(await idsOf(service, { themes: [trade.id, ports.id], themeMatch: 'all' })).toEqual(
      pick(3),
    )
    expect(await idsOf(service, { untagged: true })).toEqual(pick(5))
    expect(await idsOf(service, { untagged: false })).toEqual(pick(0, 1, 2, 3, 4))
    const page = value<ListPage>(
      await service.call('articles:list', { themes: [exports.id], text: 'grain' }),
    )
    expect(page.items.map((a) => a.id)).toEqual([ids[2]])
    expect(page.items[0]!.themes).toEqual([rare.id])

    const counts = Object.fromEntries((await list(service)).map((t) => [t.name, t.count]))
    expect(counts).toEqual({ Trade: 1, Exports: 1, 'Rare earths': 2, Ports: 2 })
  })

  it('tags, deletes and restores more articles than one batch', async () => {
    const { service, root, ids } = await archiveOf(1203)
    const t = await create(service, { name: 'Everything' })
    expect(value(await service.call('articles:tag', { filter: {}, themeId: t.id }))).toEqual({
      changed: 1203,
    })
    expect((await list(service))[0]!.count).toBe(1203)
    expect(metaOf(root, ids[1202]!).themes).toEqual([t.id])
    expect(await idsOf(service, { untagged: true })).toEqual([])

    const { undo } = value<{ undo: string }>(await service.call('themes:delete', { id: t.id }))
    expect(await idsOf(service, { untagged: true })).toHaveLength(1203)
    expect(metaOf(root, ids[1202]!).themes).toEqual([])
    value(await service.call('themes:undo', { token: undo }))
    expect((await list(service))[0]!.count).toBe(1203)
    expect(metaOf(root, ids[1202]!).themes).toEqual([t.id])
  })
})

describe('deleting and merging themes, and undoing them', () => {
  it('delete takes the theme off its articles and lifts its children; undo restores exactly', async () => {
    const { service, root, ids } = await archiveOf(5)
    const other = await create(service, { name: 'Other' })
    const trade = await create(service, { name: 'Trade', keywords: ['exports'] })
    const child = await create(service, { name: 'Exports', parentId: trade.id })
    const tag = async (themeId: string, which: number[]) =>
      value(await service.call('articles:tag', { ids: which.map((i) => ids[i]), themeId }))
    await tag(trade.id, [0, 1, 2])
    await tag(other.id, [1])
    await tag(trade.id, [1]) // already there: stays in its place
    const beforeDoc = archiveJson(root).themes
    const beforeMeta = ids.map((id) => metaOf(root, id).themes)

    const { undo } = value<{ undo: string }>(await service.call('themes:delete', { id: trade.id }))
    expect(archiveJson(root).themes).toEqual([other, { ...child, parentId: null }])
    expect(metaOf(root, ids[0]!).themes).toEqual([])
    expect(metaOf(root, ids[1]!).themes).toEqual([other.id])
    expect(await idsOf(service, { untagged: true })).toEqual(
      [ids[0], ids[2], ids[3], ids[4]].sort(),
    )

    value(await service.call('themes:undo', { token: undo }))
    expect(archiveJson(root).themes).toEqual(beforeDoc)
    expect(archiveJson(root).themeUndo).toEqual([])
    expect(ids.map((id) => metaOf(root, id).themes)).toEqual(beforeMeta)
    expect(Object.fromEntries((await list(service)).map((t) => [t.name, t.count]))).toEqual({
      Other: 1,
      Trade: 3,
      Exports: 0,
    })
    // A token is used once.
    expect(failure(await service.call('themes:undo', { token: undo })).code).toBe('not-found')
  })

  it('merge moves articles, children and keywords to the target; undo restores exactly', async () => {
    const { service, root, ids } = await archiveOf(5)
    const a = await create(service, { name: 'Harbours', keywords: ['quay'] })
    const b = await create(service, { name: 'Ports', keywords: ['port'] })
    const c = await create(service, { name: 'Docks' })
    const child = await create(service, { name: 'Container ports', parentId: a.id })
    const tag = async (themeId: string, which: number[]) =>
      value(await service.call('articles:tag', { ids: which.map((i) => ids[i]), themeId }))
    await tag(a.id, [0, 1])
    await tag(c.id, [1, 2])
    await tag(b.id, [2, 3])
    const beforeDoc = archiveJson(root).themes
    const beforeMeta = ids.map((id) => metaOf(root, id).themes)

    const { undo } = value<{ undo: string }>(
      await service.call('themes:merge', { from: [a.id, c.id], into: b.id }),
    )
    expect(archiveJson(root).themes).toEqual([
      { ...b, keywords: ['port', 'quay'] },
      { ...child, parentId: b.id },
    ])
    expect(ids.map((id) => metaOf(root, id).themes)).toEqual([
      [b.id],
      [b.id],
      [b.id],
      [b.id],
      undefined,
    ])
    expect((await list(service))[0]!.count).toBe(4)

    // Tagged anew after the merge: undo keeps that and takes back only what the merge did.
    await tag(b.id, [4])
    value(await service.call('themes:undo', { token: undo }))
    expect(archiveJson(root).themes).toEqual(beforeDoc)
    expect(ids.slice(0, 4).map((id) => metaOf(root, id).themes)).toEqual(beforeMeta.slice(0, 4))
    expect(metaOf(root, ids[4]!).themes).toEqual([b.id])
  })

  it('keeps the last 20 undo records', async () => {
    const { service, root } = await archiveOf(0)
    const tokens: string[] = []
    for (let i = 0; i < 22; i++) {
      const t = await create(service, { name: `Theme ${i}` })
      tokens.push(value<{ undo: string }>(await service.call('themes:delete', { id: t.id })).undo)
    }
    expect(archiveJson(root).themeUndo).toHaveLength(20)
    expect(failure(await service.call('themes:undo', { token: tokens[0] })).code).toBe('not-found')
    value(await service.call('themes:undo', { token: tokens[21] }))
    expect((await list(service)).map((t) => t.name)).toEqual(['Theme 21'])
  })
})

describe('themes on disk', () => {
  it('survive closing, reopening and rebuilding the index from the article folders', async () => {
    const { service, root, ids } = await archiveOf(4)
    const t = await create(service, { name: 'Trade' })
    const u = await create(service, { name: 'Ports', parentId: t.id })
    value(await service.call('articles:tag', { ids: ids.slice(0, 2), themeId: t.id }))
    value(await service.call('articles:tag', { ids: [ids[1]], themeId: u.id }))
    await service.close()

    for (const rebuildIndex of [false, true]) {
      const archive = await Archive.open(root, { holder: 'test', rebuildIndex })
      try {
        expect(archive.themes()).toEqual([
          { ...t, count: 2 },
          { ...u, count: 1 },
        ])
        expect(archive.summary(ids[1]!)?.themes).toEqual([t.id, u.id])
        expect(archive.ids({ sort: 'title', order: 'asc', untagged: true }).sort()).toEqual(
          ids.slice(2).sort(),
        )
      } finally {
        await archive.close()
      }
    }
  })

  it('a read-only archive refuses theme changes', async () => {
    const { service, root, ids } = await archiveOf(1)
    const t = await create(service, { name: 'Trade' })
    await service.close()
    const archive = await Archive.open(root, { readOnly: true })
    try {
      await expect(archive.createTheme({ name: 'More' })).rejects.toMatchObject({
        code: 'read-only',
      })
      await expect(archive.tagArticles(ids, t.id, false)).rejects.toMatchObject({
        code: 'read-only',
      })
    } finally {
      await archive.close()
    }
  })
})
