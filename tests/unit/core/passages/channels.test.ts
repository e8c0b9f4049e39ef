import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../src/core/api/service'
import type { ArchivePassage, ArticleView, Passage } from '../../../../src/shared/model'
import type { Result } from '../../../../src/shared/result'
import type { Theme } from '../../../../src/shared/themes'
import { tempDir } from '../../../support/tmp'

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

describe('the passages channels', () => {
  it('add, save with mapped spans, list and remove through the contract', async () => {
    const base = tempDir()
    const file = join(base, 'a.txt')
    writeFileSync(file, 'Grain harvest rises\nThe harvest rose in the north.\n')
    const service = new ArchiveService({ holder: 'test', allowSwitchArchive: false })
    await service.create(join(base, 'archive'))
    const id = value<{ imported: { id: string }[] }>(
      await service.call('import:paths', { paths: [file] }),
    ).imported[0]!.id
    const theme = value<Theme>(await service.call('themes:create', { name: 'Harvest' }))
    const text = value<ArticleView>(await service.call('article:get', { id })).cleanedText
    const start = text.indexOf('rose in the north')
    const end = start + 'rose in the north'.length

    const empty = await service.call('passages:add', { id, themeId: theme.id, start, end: start })
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const passage = value<Passage>(
      await service.call('passages:add', { id, themeId: theme.id, start, end }),
    )

    const edited = text.replace('rose in the north', 'rose in the far north')
    const bad = await service.call('article:save', {
      id,
      text: edited,
      passages: [{ id: passage.id, start: -1, end }],
    })
    expect(bad.ok).toBe(false)
    value(
      await service.call('article:save', {
        id,
        text: edited,
        passages: [{ id: passage.id, start, end: end + 4 }],
      }),
    )
    const view = value<ArticleView>(await service.call('article:get', { id }))
    expect(view.meta.passages).toMatchObject([{ id: passage.id, quote: 'rose in the far north' }])

    const listed = value<{ passages: ArchivePassage[] }>(
      await service.call('passages:list', { themeId: theme.id }),
    ).passages
    expect(listed.map((p) => [p.articleId, p.title, p.quote])).toEqual([
      [id, 'Grain harvest rises', 'rose in the far north'],
    ])
    value(await service.call('passages:remove', { id, passageId: passage.id }))
    expect(
      value<{ passages: unknown[] }>(await service.call('passages:list', {})).passages,
    ).toEqual([])
    await service.close()
  })
})
