import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../src/core/api/service'
import { importUploads } from '../../../../src/core/import/uploads'
import { Archive } from '../../../../src/core/store/archive'
import { articleDir } from '../../../../src/core/store/layout'
import type { ImportProgress, ImportSummary } from '../../../../src/shared/model'
import type { Result } from '../../../../src/shared/result'
import { tempDir } from '../../../support/tmp'

const ONE = 'Exports rose in October\nAuthor:Trade Desk Time:2022.11.07\nExports grew by 7 %.\n'
const TWO = 'Imports fell in October\nImports fell by 2 % year on year.\n'
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

/**
 * Every test stages its uploads under a temp folder of its own, so what is left behind there is
 * this test's doing (the system temp folder is shared with everything else running).
 */
let base: string
let staging: string
let savedTmp: string | undefined
beforeEach(() => {
  base = tempDir()
  staging = join(base, 'tmp')
  mkdirSync(staging)
  savedTmp = process.env.TMPDIR
  process.env.TMPDIR = staging
})
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = savedTmp
})

async function newArchive(): Promise<{ archive: Archive; root: string }> {
  const root = join(base, 'archive')
  return { archive: await Archive.create(root, { holder: 'test' }), root }
}

function storedOriginal(root: string, id: string): { name: string; importedFrom: string } {
  return JSON.parse(readFileSync(join(articleDir(root, id), 'meta.json'), 'utf8')).original
}

describe('importUploads', () => {
  it('imports files sent as bytes under their own names and leaves no staging behind', async () => {
    const { archive, root } = await newArchive()
    const progress: ImportProgress[] = []
    let stagedDuringImport: string[] = []
    const summary = await importUploads(
      archive,
      [
        { name: 'october.txt', data: b64(ONE) },
        { name: '进口 report.md', data: b64(TWO) },
      ],
      {
        progressIntervalMs: 0,
        onProgress: (p) => {
          progress.push(p)
          if (stagedDuringImport.length === 0) stagedDuringImport = readdirSync(staging)
        },
      },
    )
    // The files were really staged there, and are gone now.
    expect(stagedDuringImport).toHaveLength(1)
    expect(readdirSync(staging)).toEqual([])
    expect(summary).toMatchObject({ duplicates: [], failed: [], skipped: [], cancelled: false })
    expect(summary.imported.map((i) => [i.path, i.title])).toEqual([
      ['october.txt', 'Exports rose in October'],
      ['进口 report.md', 'Imports fell in October'],
    ])
    const [one, two] = summary.imported.map((i) => i.id)
    expect(storedOriginal(root, one!)).toMatchObject({
      name: 'october.txt',
      importedFrom: 'october.txt',
    })
    expect(storedOriginal(root, two!)).toMatchObject({
      name: '进口 report.md',
      importedFrom: '进口 report.md',
    })
    expect((await archive.getArticle(one!)).originalText).toBe(ONE)
    expect((await archive.getArticle(two!)).originalText).toBe(TWO)
    for (const p of progress) expect(p.current === null || !p.current.includes(staging)).toBe(true)
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2, imported: 2 })
    await archive.close()
  })

  it('imports two files of the same name; the same bytes twice are one article', async () => {
    const { archive } = await newArchive()
    const summary = await importUploads(archive, [
      { name: 'a.txt', data: b64(ONE) },
      { name: 'a.txt', data: b64(TWO) },
      { name: 'copy.txt', data: b64(ONE) },
    ])
    expect(summary.imported.map((i) => i.path)).toEqual(['a.txt', 'a.txt'])
    expect(new Set(summary.imported.map((i) => i.id)).size).toBe(2)
    expect(summary.duplicates).toEqual([{ id: summary.imported[0]!.id, path: 'copy.txt' }])
    expect(archive.articleCount).toBe(2)
    expect(readdirSync(staging)).toEqual([])
    await archive.close()
  })

  it('reports a file that cannot be staged by its name and imports the others', async () => {
    const { archive } = await newArchive()
    // 255 characters pass the boundary, but 765 bytes are too many for a file name.
    const long = `${'报'.repeat(251)}.txt`
    const files = [
      { name: long, data: b64(ONE) },
      ...Array.from({ length: 40 }, (_, i) => ({ name: `n${i}.txt`, data: b64(`${TWO}${i}\n`) })),
    ]
    const summary = await importUploads(archive, files)
    expect(summary.failed).toHaveLength(1)
    expect(summary.failed[0]!.path).toBe(long)
    expect(summary.failed[0]!.reason).not.toContain(staging)
    expect(summary.imported).toHaveLength(40)
    expect(readdirSync(staging)).toEqual([])
    await archive.close()
  })

  it('removes the staging folder when the import itself fails', async () => {
    const { archive, root } = await newArchive()
    await archive.close()
    const readOnly = await Archive.open(root, { readOnly: true })
    await expect(importUploads(readOnly, [{ name: 'a.txt', data: b64(ONE) }])).rejects.toThrow(
      /read-only/,
    )
    expect(readdirSync(staging)).toEqual([])
    await readOnly.close()
  })

  it('names files by their own names when the temp folder is given as a relative path', async () => {
    const { archive, root } = await newArchive()
    const cwd = process.cwd()
    process.chdir(base)
    process.env.TMPDIR = 'tmp'
    let summary: ImportSummary
    try {
      summary = await importUploads(archive, [{ name: 'rel.txt', data: b64(ONE) }])
    } finally {
      process.chdir(cwd)
    }
    expect(summary.imported.map((i) => i.path)).toEqual(['rel.txt'])
    expect(storedOriginal(root, summary.imported[0]!.id).importedFrom).toBe('rel.txt')
    expect(readdirSync(staging)).toEqual([])
    await archive.close()
  })
})

describe('import:files through the service', () => {
  async function service(): Promise<{ service: ArchiveService; root: string }> {
    const root = join(base, 'archive')
    const service = new ArchiveService({ holder: 'test', allowSwitchArchive: false })
    await service.create(root)
    return { service, root }
  }

  it('imports uploaded files, reports progress by their names and announces the change', async () => {
    const { service: s, root } = await service()
    const events: [string, unknown][] = []
    s.subscribe((event, payload) => events.push([event, payload]))
    const summary = value<ImportSummary>(
      await s.call('import:files', {
        files: [
          { name: 'a.txt', data: b64(ONE) },
          { name: 'a.txt', data: b64(TWO) },
        ],
      }),
    )
    expect(summary.imported.map((i) => i.path)).toEqual(['a.txt', 'a.txt'])
    for (const { id } of summary.imported) {
      expect(storedOriginal(root, id)).toMatchObject({ name: 'a.txt', importedFrom: 'a.txt' })
    }
    const list = value<{ total: number }>(await s.call('articles:list', {}))
    expect(list.total).toBe(2)
    expect(events.at(-1)).toEqual(['archive:changed', { reason: 'import' }])
    const progress = events.filter(([e]) => e === 'import:progress').map(([, p]) => p)
    expect(progress.length).toBeGreaterThan(0)
    expect(JSON.stringify(progress)).not.toContain(staging)
    expect(readdirSync(staging)).toEqual([])
    await s.close()
  })

  it('rejects bad files at the boundary and imports none of them', async () => {
    const { service: s } = await service()
    const good = { name: 'good.txt', data: b64(ONE) }
    const attempts: [unknown, RegExp][] = [
      [{ files: [good, { name: '../evil.txt', data: b64(ONE) }] }, /files\.1\.name/],
      [{ files: [good, { name: 'dir/evil.txt', data: b64(ONE) }] }, /file name, without folders/],
      [{ files: [{ name: 'dir\\evil.txt', data: b64(ONE) }] }, /without folders/],
      [{ files: [{ name: '..', data: b64(ONE) }] }, /without folders/],
      [{ files: [{ name: '.', data: b64(ONE) }] }, /without folders/],
      [{ files: [{ name: 'nul\0.txt', data: b64(ONE) }] }, /without folders/],
      [{ files: [{ name: '', data: b64(ONE) }] }, /name/],
      [{ files: [good, { name: 'x.txt', data: 'not base64!' }] }, /base64/],
      [{ files: [{ name: 'x.txt', data: 'data:text/plain;base64,QQ==' }] }, /base64/],
      [{ files: [{ name: 'x.txt', data: 'QQ==QQ==' }] }, /base64/],
      [{ files: [{ name: 'x.txt', data: 'a-b_' }] }, /base64/],
      [{ files: [{ name: 'x.txt', data: b64(ONE), path: '/etc/passwd' }] }, /path|Unrecognized/i],
      [{ files: [] }, /files/],
      [{ paths: ['/etc/passwd'] }, /files|Unrecognized/i],
    ]
    for (const [input, message] of attempts) {
      const result = await s.call('import:files', input)
      expect(result.ok, JSON.stringify(input)).toBe(false)
      if (result.ok) continue
      expect(result.error.code).toBe('invalid-argument')
      expect(result.error.message).toMatch(message)
    }
    expect(value<{ total: number }>(await s.call('articles:list', {})).total).toBe(0)
    expect(readdirSync(staging)).toEqual([])
    await s.close()
  })

  it('refuses to import into a read-only archive and leaves no staging behind', async () => {
    const { service: s, root } = await service()
    await s.open(root, { readOnly: true })
    const result = await s.call('import:files', { files: [{ name: 'a.txt', data: b64(ONE) }] })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('read-only')
    expect(readdirSync(staging)).toEqual([])
    await s.close()
  })
})
