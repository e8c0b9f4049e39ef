import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../src/core/api/service'
import { DEFAULT_PROFILE_ID, MINIMAL_PROFILE_ID } from '../../../../src/core/cleaning/profiles'
import type { Result } from '../../../../src/shared/result'
import { tempDir } from '../../../support/tmp'

const ARTICLE =
  'Customs: my country exports rose\nAuthor:Trade Desk Time:2022.08.07\nThe value of my country’s trade rose 10 %.\nSource: Xinhua\n'

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

/** Through the service, as the app and the host call it. */
async function archiveWithArticle(): Promise<{ service: ArchiveService; id: string }> {
  const base = tempDir()
  const file = join(base, 'a.txt')
  writeFileSync(file, ARTICLE)
  const service = new ArchiveService({ holder: 'test', allowSwitchArchive: true })
  await service.create(join(base, 'archive'))
  const summary = value<{ imported: { id: string }[] }>(
    await service.call('import:paths', { paths: [file] }),
  )
  return { service, id: summary.imported[0]!.id }
}

describe('profiles and re-cleaning', () => {
  it('import runs the active profile and keeps its change log', async () => {
    const { service, id } = await archiveWithArticle()
    const view = value<{
      cleanedText: string
      originalText: string
      meta: { title: string }
      cleaning: { profile: string; changes: { rule: string }[] }
    }>(await service.call('article:get', { id }))
    expect(view.originalText).toBe(ARTICLE)
    expect(view.cleanedText).toContain('China’s trade')
    expect(view.cleanedText).not.toContain('my country')
    expect(view.cleaning.profile).toBe(DEFAULT_PROFILE_ID)
    expect(view.cleaning.changes.some((c) => c.rule === 'glossary')).toBe(true)
    await service.close()
  })

  it('re-cleaning never overwrites a person’s edit; it proposes instead', async () => {
    const { service, id } = await archiveWithArticle()
    value(await service.call('article:save', { id, text: 'My own words.\n' }))
    const r = value<{ applied: boolean; edited: boolean; proposal: string; current: string }>(
      await service.call('article:reclean', { id, apply: true }),
    )
    expect(r).toMatchObject({ applied: false, edited: true, current: 'My own words.\n' })
    expect(r.proposal).toContain('China’s trade')
    const after = value<{ cleanedText: string }>(await service.call('article:get', { id }))
    expect(after.cleanedText).toBe('My own words.\n')
    await service.close()
  })

  it('applies a changed profile to an article nobody edited, as a version made by a rule', async () => {
    const { service, id } = await archiveWithArticle()
    const { profiles } = value<{ profiles: { id: string; glossary: unknown[] }[] }>(
      await service.call('profiles:list', {}),
    )
    const profile = profiles.find((p) => p.id === DEFAULT_PROFILE_ID)!
    value(
      await service.call('profiles:save', {
        profile: {
          ...profile,
          glossary: [...profile.glossary, { from: 'trade', to: 'commerce' }],
        },
      }),
    )
    const r = value<{ applied: boolean }>(
      await service.call('article:reclean', { id, apply: true }),
    )
    expect(r.applied).toBe(true)
    const history = value<{ by: string }[]>(await service.call('article:history', { id }))
    expect(history.map((h) => h.by)).toEqual(['import', 'rule'])
    await service.close()
  })

  it('validates profiles and keeps at least one', async () => {
    const { service } = await archiveWithArticle()
    const bad = await service.call('profiles:save', { profile: { id: 'Bad Id', name: 'x' } })
    expect(bad.ok).toBe(false)
    const emptyTerm = await service.call('profiles:save', {
      profile: { id: 'x', name: 'x', glossary: [{ from: ' ', to: 'y' }] },
    })
    expect(!emptyTerm.ok && emptyTerm.error.message).toMatch(/glossary term cannot be empty/)
    value(await service.call('profiles:setActive', { id: MINIMAL_PROFILE_ID }))
    value(await service.call('profiles:delete', { id: DEFAULT_PROFILE_ID }))
    const last = await service.call('profiles:delete', { id: MINIMAL_PROFILE_ID })
    expect(!last.ok && last.error.message).toMatch(/at least one profile/)
    const missing = await service.call('profiles:setActive', { id: 'nope' })
    expect(!missing.ok && missing.error.code).toBe('not-found')
    await service.close()
  })

  it('previews a profile being edited without storing anything', async () => {
    const { service } = await archiveWithArticle()
    const preview = value<{ cleaned: string }>(
      await service.call('clean:preview', {
        text: 'our country grew.\n',
        profile: {
          id: 'draft',
          name: 'Draft',
          glossary: [{ from: 'our country', to: 'the nation' }],
        },
      }),
    )
    expect(preview.cleaned).toBe('The nation grew.\n')
    const minimal = value<{ cleaned: string }>(
      await service.call('clean:preview', {
        text: 'our  country\r\n',
        profile: MINIMAL_PROFILE_ID,
      }),
    )
    expect(minimal.cleaned).toContain('our')
    expect(minimal.cleaned).not.toContain('\r')
    await service.close()
  })
})
