import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../src/core/api/service'
import type { ArticleMeta } from '../../../../src/shared/model'
import type { Result } from '../../../../src/shared/result'
import type { CodebookSummary } from '../../../../src/shared/codebook'
import type { SuggestionPreview, ThemeSuggestion } from '../../../../src/shared/suggestions'
import type { Theme } from '../../../../src/shared/themes'
import { tempDir } from '../../../support/tmp'

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

function failure(r: Result<unknown>): { code: string; message: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`)
  return r.error
}

const TEXTS: Record<string, string> = {
  grain: 'Grain harvest rises\nThe wheat harvest rose; farmers sold more grain.\n',
  port: 'Ports are busier\nMore ships and container traffic came to the harbour.\n',
  school: '教育部发布通知\n来华留学生人数增加。\n',
  none: 'Weather\nIt rained.\n',
}

async function fixture() {
  const base = tempDir()
  const src = join(base, 'in')
  mkdirSync(src)
  for (const [name, text] of Object.entries(TEXTS)) writeFileSync(join(src, `${name}.txt`), text)
  const root = join(base, 'archive')
  const service = new ArchiveService({ holder: 'test', allowSwitchArchive: false })
  await service.create(root)
  const summary = value<{ imported: { id: string; path: string }[] }>(
    await service.call('import:paths', { paths: [src] }),
  )
  const ids = Object.fromEntries(
    summary.imported.map((a) => [a.path.replace(/^.*[\\/]/, '').replace('.txt', ''), a.id]),
  )
  const make = async (name: string, keywords: string[]) =>
    value<Theme>(await service.call('themes:create', { name, keywords }))
  const farming = await make('Farming', ['harvest', 'wheat', 'rice'])
  const shipping = await make('Shipping', ['harbour', 'container traffic'])
  const education = await make('Education', ['留学', '教育部'])
  const events: string[] = []
  service.subscribe((event, payload) => {
    if (event === 'archive:changed') events.push((payload as { reason: string }).reason)
  })
  return { service, root, ids: ids as Record<string, string>, farming, shipping, education, events }
}

function metaOf(root: string, id: string): ArticleMeta {
  return JSON.parse(readFileSync(join(root, 'articles', id.slice(0, 2), id, 'meta.json'), 'utf8'))
}

describe('theme suggestions', () => {
  it('suggests themes for an article with the words that matched, and remembers a dismissal', async () => {
    const { service, root, ids, farming, events } = await fixture()
    const got = value<{ suggestions: ThemeSuggestion[] }>(
      await service.call('themes:suggest', { id: ids['grain'] }),
    )
    expect(got.suggestions).toEqual([
      { themeId: farming.id, matched: ['harvest', 'wheat'], count: 3 },
    ])

    value(await service.call('themes:dismiss', { id: ids['grain'], themeId: farming.id }))
    expect(events).toEqual(['themes'])
    expect(metaOf(root, ids['grain']!).dismissedThemes).toEqual([farming.id])
    const after = value<{ suggestions: ThemeSuggestion[] }>(
      await service.call('themes:suggest', { id: ids['grain'] }),
    )
    expect(after.suggestions).toEqual([])

    // Remembered across openings, and taken back with undo.
    await service.close()
    await service.open(root)
    expect(
      value<{ suggestions: unknown[] }>(await service.call('themes:suggest', { id: ids['grain'] }))
        .suggestions,
    ).toEqual([])
    value(
      await service.call('themes:dismiss', { id: ids['grain'], themeId: farming.id, undo: true }),
    )
    expect(metaOf(root, ids['grain']!).dismissedThemes).toEqual([])
    await service.close()
  })

  it('previews suggestions for the untagged articles, then applies only the chosen ones', async () => {
    const { service, root, ids, farming, shipping, education, events } = await fixture()
    value(await service.call('articles:tag', { ids: [ids['port']], themeId: education.id }))
    value(await service.call('themes:dismiss', { id: ids['school'], themeId: education.id }))
    events.length = 0

    const preview = value<SuggestionPreview>(await service.call('themes:suggestUntagged', {}))
    expect(preview.untagged).toBe(3)
    expect(preview.withSuggestions).toBe(1)
    expect(preview.items).toEqual([
      {
        id: ids['grain'],
        title: 'Grain harvest rises',
        suggestions: [{ themeId: farming.id, matched: ['harvest', 'wheat'], count: 3 }],
      },
    ])
    expect(events).toEqual([])
    const before = readFileSync(
      join(root, 'articles', ids['none']!.slice(0, 2), ids['none']!, 'meta.json'),
      'utf8',
    )

    const applied = value<{ changed: number }>(
      await service.call('themes:applySuggestions', {
        items: [
          { id: ids['grain'], themeIds: [farming.id, shipping.id] },
          // Already has it: not written.
          { id: ids['port'], themeIds: [education.id] },
        ],
      }),
    )
    expect(applied.changed).toBe(1)
    expect(events).toEqual(['themes'])
    expect(metaOf(root, ids['grain']!).themes).toEqual([farming.id, shipping.id])
    expect(
      readFileSync(
        join(root, 'articles', ids['none']!.slice(0, 2), ids['none']!, 'meta.json'),
        'utf8',
      ),
    ).toBe(before)
    const facets = value<{ untagged: number }>(await service.call('articles:facets', {}))
    expect(facets.untagged).toBe(2)
    await service.close()
  })

  it('applies nothing when any article or theme is unknown', async () => {
    const { service, root, ids, farming } = await fixture()
    const error = failure(
      await service.call('themes:applySuggestions', {
        items: [
          { id: ids['grain'], themeIds: [farming.id] },
          { id: ids['port'], themeIds: ['t_0000000000'] },
        ],
      }),
    )
    expect(error.code).toBe('not-found')
    expect(metaOf(root, ids['grain']!).themes ?? []).toEqual([])
    await service.close()
  })

  it('lists the preview up to a limit while counting them all', async () => {
    const { service } = await fixture()
    const preview = value<SuggestionPreview>(
      await service.call('themes:suggestUntagged', { limit: 1 }),
    )
    expect(preview.withSuggestions).toBe(3)
    expect(preview.items).toHaveLength(1)
    await service.close()
  })
})

describe('codebook import through the archive', () => {
  it('dry-runs, applies, and refuses a bad codebook whole', async () => {
    const { service, root, farming } = await fixture()
    const archiveJson = () => readFileSync(join(root, 'archive.json'), 'utf8')
    const csv = 'name,parent,keywords\nFarming,,grain\nCrops,Farming,rice\n'
    const dry = value<CodebookSummary>(
      await service.call('themes:import', { format: 'csv', text: csv, dryRun: true }),
    )
    expect(dry).toEqual({
      created: ['Crops'],
      updated: ['Farming'],
      unchanged: [],
      errors: [],
      applied: false,
    })
    const untouched = archiveJson()

    const bad = 'name,parent,color\nFarming,,#00ff00\nBroken,,blue\n'
    const refused = failure(
      await service.call('themes:import', { format: 'csv', text: bad, dryRun: false }),
    )
    expect(refused.message).toMatch(/nothing was changed.*Row 3 \("Broken"\).*#rrggbb/)
    expect(archiveJson()).toBe(untouched)

    const done = value<CodebookSummary>(
      await service.call('themes:import', { format: 'csv', text: csv, dryRun: false }),
    )
    expect(done.applied).toBe(true)
    const themes = value<{ themes: Theme[] }>(await service.call('themes:list', {})).themes
    const crops = themes.find((t) => t.name === 'Crops')!
    expect(crops.parentId).toBe(farming.id)
    expect(themes.find((t) => t.id === farming.id)!.keywords).toEqual(['grain'])

    const exported = value<{ text: string; fileName: string }>(
      await service.call('themes:export', { format: 'json' }),
    )
    expect(exported.fileName).toBe('archive codebook.json')
    expect(JSON.parse(exported.text).themes.map((t: { name: string }) => t.name)).toEqual([
      'Farming',
      'Shipping',
      'Education',
      'Crops',
    ])
    await service.close()
  })
})
