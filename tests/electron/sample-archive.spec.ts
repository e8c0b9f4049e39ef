import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { ArchiveService } from '../../src/core/api/service'
import { ensureSampleArchive, sampleSourceFolder } from '../../src/main/sample-archive'
import { callService } from '../../src/main/service-call'
import { ROOT, withTempDir } from './support'

// The first-start path of main with the real service, on real files; no Electron needed.

test('the sample archive is created once from resources/sample, then reused', async () => {
  const source = sampleSourceFolder(false, ROOT, '/nowhere')
  expect(source).toBe(join(ROOT, 'resources', 'sample'))
  test.skip(!existsSync(source), `no sample articles at ${source}`)

  await withTempDir('press-archive-sample-', async (userData) => {
    const service = new ArchiveService({ holder: 'Press Archive (test)', allowSwitchArchive: true })
    try {
      const first = await ensureSampleArchive(service, userData, source)
      expect(first).toEqual({ ok: true, value: join(userData, 'Sample Archive') })
      expect(service.archivePath).toBe(join(userData, 'Sample Archive'))

      const list = await callService(service, 'articles:list', { limit: 100 })
      if (!list.ok) throw new Error(list.error.message)
      const titles = list.value.items.map((item) => item.title)
      expect(
        titles.some((t) => t.startsWith('Ministry of Education: China and 58 countries')),
      ).toBe(true)

      // A later first start (say the last archive was deleted) reuses it without importing again.
      await service.close()
      const again = await ensureSampleArchive(service, userData, source)
      expect(again).toEqual(first)
      const info = await callService(service, 'archive:open', {
        path: join(userData, 'Sample Archive'),
      })
      expect(info.ok && info.value.articleCount).toBe(list.value.total)
    } finally {
      await service.close()
    }
  })
})

test('a missing sample folder still gives an (empty) archive rather than no start', async () => {
  await withTempDir('press-archive-sample-', async (userData) => {
    const service = new ArchiveService({ holder: 'Press Archive (test)', allowSwitchArchive: true })
    try {
      const result = await ensureSampleArchive(service, userData, join(userData, 'no-such-folder'))
      expect(result.ok).toBe(true)
      const info = await callService(service, 'archive:info', {})
      expect(info.ok && info.value?.articleCount).toBe(0)
    } finally {
      await service.close()
    }
  })
})
