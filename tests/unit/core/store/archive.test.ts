import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPaths } from '../../../../src/core/import/importer'
import { Archive } from '../../../../src/core/store/archive'
import { checkArchive } from '../../../../src/core/store/check'
import { ARCHIVE_FILE } from '../../../../src/core/store/layout'
import { tempDir } from '../../../support/tmp'

const ARTICLE = `Ministry of Commerce: my country's exports grew in October
Author:Press Office Time:2022.11.07
The Ministry of Commerce said on the 7th that exports grew by 7 % year on year.
Source: Xinhua
- END -
`

async function archiveWith(
  files: Record<string, string | Buffer>,
): Promise<{ archive: Archive; root: string; src: string }> {
  const base = tempDir()
  const src = join(base, 'in')
  const root = join(base, 'archive')
  for (const [name, content] of Object.entries(files)) {
    const path = join(src, name)
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, content)
  }
  const archive = await Archive.create(root, { holder: 'test' })
  return { archive, root, src }
}

describe('Archive', () => {
  it('creates the layout and refuses a non-empty folder', async () => {
    const base = tempDir()
    const archive = await Archive.create(join(base, 'a'), { name: 'Press 2022' })
    expect(archive.info()).toMatchObject({
      name: 'Press 2022',
      articleCount: 0,
      readOnly: false,
      schemaVersion: 1,
    })
    expect(existsSync(join(base, 'a', ARCHIVE_FILE))).toBe(true)
    expect(existsSync(join(base, 'a', '.lock'))).toBe(true)
    await archive.close()
    expect(existsSync(join(base, 'a', '.lock'))).toBe(false)
    writeFileSync(join(base, 'b.txt'), 'x')
    await expect(Archive.create(base)).rejects.toThrow(/not empty/)
    await expect(Archive.create(join(base, 'a'))).rejects.toThrow(/already an archive/)
  })

  it('imports, keeps the original byte for byte and reads header metadata', async () => {
    const { archive, root, src } = await archiveWith({ 'one.txt': ARTICLE })
    const summary = await importPaths(archive, [src])
    expect(summary.imported).toHaveLength(1)
    const id = summary.imported[0]!.id
    const page = archive.list({ offset: 0, limit: 10, sort: 'title', order: 'asc' })
    expect(page.total).toBe(1)
    expect(page.items[0]).toMatchObject({
      id,
      author: 'Press Office',
      date: '2022-11-07',
      source: 'Xinhua',
    })
    const dir = join(root, 'articles', id.slice(0, 2), id)
    expect(readFileSync(join(dir, 'original.txt')).equals(readFileSync(join(src, 'one.txt')))).toBe(
      true,
    )
    expect(statSync(join(dir, 'original.txt')).mode & 0o222).toBe(0)
    const view = await archive.getArticle(id)
    expect(view.originalText).toBe(ARTICLE)
    expect(view.meta.history).toHaveLength(1)
    expect(view.meta.history[0]!.by).toBe('import')
    await archive.close()
  })

  it('reports the same bytes imported twice as a duplicate and stores them once', async () => {
    const { archive, root, src } = await archiveWith({ 'a.txt': ARTICLE, 'copy/b.txt': ARTICLE })
    const first = await importPaths(archive, [src])
    expect(first.imported).toHaveLength(1)
    expect(first.duplicates).toHaveLength(1)
    const again = await importPaths(archive, [src])
    expect(again.imported).toHaveLength(0)
    expect(again.duplicates).toHaveLength(2)
    const shards = readdirSync(join(root, 'articles'))
    expect(shards.flatMap((s) => readdirSync(join(root, 'articles', s)))).toHaveLength(1)
    await archive.close()
  })

  it('keeps every save as a version, restores by making a new one', async () => {
    const { archive, src } = await archiveWith({ 'a.txt': ARTICLE })
    const id = (await importPaths(archive, [src])).imported[0]!.id
    const saved = await archive.saveCleaned(id, 'Edited text\n', 'person')
    expect(saved.meta.edited).toBe(true)
    await archive.saveCleaned(id, 'Edited twice\n', 'person')
    const history = await archive.history(id)
    expect(history.map((h) => h.by)).toEqual(['import', 'person', 'person'])
    expect(new Set(history.map((h) => h.file)).size).toBe(3)
    expect(await archive.version(id, history[1]!.file)).toBe('Edited text\n')
    const restored = await archive.restore(id, history[0]!.file)
    expect(restored.version.by).toBe('restore')
    expect((await archive.getArticle(id)).cleanedText).toBe(
      await archive.version(id, history[0]!.file),
    )
    expect(await archive.history(id)).toHaveLength(4)
    await expect(archive.version(id, '2020-01-01T00-00-00.000Z.txt')).rejects.toThrow(/no version/)
    await archive.close()
  })

  it('persists metadata edits and finds them after reopening', async () => {
    const { archive, root, src } = await archiveWith({ 'a.txt': ARTICLE })
    const id = (await importPaths(archive, [src])).imported[0]!.id
    await archive.updateMeta(id, { title: 'A better title', date: '2022-11-08' })
    await archive.close()
    const reopened = await Archive.open(root)
    expect(reopened.summary(id)).toMatchObject({ title: 'A better title', date: '2022-11-08' })
    expect((await reopened.getMeta(id)).title).toBe('A better title')
    await reopened.close()
  })

  it('opens read-only beside a writer and refuses every change', async () => {
    const { archive, root, src } = await archiveWith({ 'a.txt': ARTICLE })
    const id = (await importPaths(archive, [src])).imported[0]!.id
    await expect(Archive.open(root, { holder: 'second' })).rejects.toThrow(
      /open for writing in test \(process \d+/,
    )
    const reader = await Archive.open(root, { readOnly: true })
    expect(reader.info().readOnly).toBe(true)
    expect(reader.info().notices.join(' ')).toMatch(/read-only/)
    expect(reader.summary(id)?.title).toMatch(/Ministry of Commerce/)
    await expect(reader.saveCleaned(id, 'x', 'person')).rejects.toThrow(/read-only/)
    await expect(importPaths(reader, [src])).rejects.toThrow(/read-only/)
    await reader.close()
    await archive.close()
  })

  it('takes over a lock whose process is gone', async () => {
    const { archive, root } = await archiveWith({})
    await archive.close()
    writeFileSync(
      join(root, '.lock'),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: hostname(),
        holder: 'a crashed app',
        since: '2020-01-01T00:00:00Z',
        nonce: 'dead',
      }),
    )
    const reopened = await Archive.open(root, { holder: 'test' })
    expect(JSON.parse(readFileSync(join(root, '.lock'), 'utf8')).pid).toBe(process.pid)
    await reopened.close()
  })

  it('rebuilds the index when it is deleted or truncated, and says so', async () => {
    const { archive, root, src } = await archiveWith({
      'a.txt': ARTICLE,
      'b.txt': ARTICLE.replace('October', 'November'),
    })
    await importPaths(archive, [src])
    await archive.close()
    const index = join(root, 'index')
    const shards = readdirSync(index).filter((n) => n.endsWith('.json'))
    expect(shards.length).toBeGreaterThan(0)
    // Truncate one shard mid-way, as a crash of a careless writer would.
    const first = join(index, shards[0]!)
    writeFileSync(first, readFileSync(first, 'utf8').slice(0, 20))
    let reopened = await Archive.open(root)
    expect(reopened.articleCount).toBe(2)
    expect(reopened.info().notices.join(' ')).toMatch(/damaged part/)
    await reopened.close()
    rmSync(index, { recursive: true })
    reopened = await Archive.open(root)
    expect(reopened.articleCount).toBe(2)
    expect(reopened.info().notices.join(' ')).toMatch(/missing .* rebuilt from 2 article folder/)
    await reopened.close()
    // And after the repair the index is written back: no notice the next time.
    reopened = await Archive.open(root)
    expect(reopened.info().notices).toEqual([])
    await reopened.close()
  })

  it('reports files it cannot import and goes on', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ])
    const { archive, src } = await archiveWith({
      'a.txt': ARTICLE,
      'picture.txt': png,
      'empty.txt': '',
      'photo.jpg': png,
      'locked.txt': 'Secret title\nbody\n',
    })
    chmodSync(join(src, 'locked.txt'), 0o000)
    const summary = await importPaths(archive, [src])
    const reasons = Object.fromEntries(summary.failed.map((f) => [basename(f.path), f.reason]))
    expect(summary.imported).toHaveLength(process.getuid?.() === 0 ? 2 : 1)
    expect(reasons['picture.txt']).toMatch(/PNG/)
    expect(reasons['empty.txt']).toMatch(/empty/)
    if (process.getuid?.() !== 0) expect(reasons['locked.txt']).toMatch(/Permission denied/)
    expect(summary.skipped.map((s) => basename(s.path))).toEqual(['photo.jpg'])
    await archive.close()
  })

  it('refuses a file over the size limit with its size in the reason', async () => {
    const { archive, src } = await archiveWith({ 'big.txt': 'x'.repeat(3000) })
    const summary = await importPaths(archive, [src], { maxFileBytes: 1024 })
    expect(summary.failed[0]?.reason).toMatch(/3 KB, over the 1 KB limit/)
    await archive.close()
  })

  it('survives a folder with a symlink loop', async () => {
    const { archive, src } = await archiveWith({ 'nested/a.txt': ARTICLE })
    symlinkSync('..', join(src, 'nested', 'loop'))
    const summary = await importPaths(archive, [src])
    expect(summary.imported).toHaveLength(1)
    expect(summary.failed).toEqual([])
    await archive.close()
  })

  it('cancels after the batch in hand, keeping what was reported', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 30; i++)
      files[`f${String(i).padStart(2, '0')}.txt`] = `Title ${i}\nBody ${i}\n`
    const { archive, root } = await archiveWith({})
    const { src } = await archiveWith(files)
    const stop = new AbortController()
    const summary = await importPaths(archive, [src], {
      batchSize: 5,
      signal: stop.signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.imported >= 10) stop.abort()
      },
    })
    expect(summary.cancelled).toBe(true)
    expect(summary.imported.length).toBeGreaterThanOrEqual(10)
    expect(summary.imported.length).toBeLessThan(30)
    await archive.close()
    const reopened = await Archive.open(root)
    expect(reopened.articleCount).toBe(summary.imported.length)
    await reopened.close()
  })

  it('pages, sorts and filters in the core', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 25; i++)
      files[`f${i}.txt`] =
        `Headline number ${i}\nAuthor:Desk ${i % 3} Time:2021.0${(i % 9) + 1}.15\nSource: ${i % 2 ? 'Xinhua' : 'CCTV'}\nBody ${i}\n`
    const { archive, src } = await archiveWith(files)
    await importPaths(archive, [src])
    // Numbers in titles sort as numbers: 2 before 10.
    const page = archive.list({ offset: 10, limit: 5, sort: 'title', order: 'asc' })
    expect(page.total).toBe(25)
    expect(page.items.map((a) => a.title)).toEqual([
      'Headline number 10',
      'Headline number 11',
      'Headline number 12',
      'Headline number 13',
      'Headline number 14',
    ])
    expect(
      archive.list({ offset: 0, limit: 100, sort: 'date', order: 'asc', source: 'Xinhua' }).total,
    ).toBe(12)
    expect(
      archive.list({ offset: 0, limit: 100, sort: 'date', order: 'asc', text: 'HEADLINE 7' }).total,
    ).toBe(2)
    const facets = archive.facets()
    expect(facets.sources).toEqual([
      { name: 'CCTV', count: 13 },
      { name: 'Xinhua', count: 12 },
    ])
    expect(facets.years).toEqual([{ year: 2021, count: 25 }])
    await archive.close()
  })

  it('keeps backups of archive.json', async () => {
    const { archive, root } = await archiveWith({})
    await archive.close()
    await (await Archive.open(root)).close()
    const names = readdirSync(join(root, 'backups'))
    expect(names.some((n) => /^archive\..+\.json$/.test(n))).toBe(true)
    expect(names.some((n) => n.startsWith('index.'))).toBe(true)
  })

  it('refuses an archive from a newer version with a clear message', async () => {
    const { archive, root } = await archiveWith({})
    await archive.close()
    const doc = JSON.parse(readFileSync(join(root, ARCHIVE_FILE), 'utf8'))
    writeFileSync(join(root, ARCHIVE_FILE), JSON.stringify({ ...doc, schemaVersion: 99 }))
    await expect(Archive.open(root)).rejects.toThrow(/newer Press Archive/)
  })

  it('keeps the import version in cleaned.txt until the first save gives it a file of its own', async () => {
    const { archive, root, src } = await archiveWith({ 'a.txt': ARTICLE })
    const [id] = (await importPaths(archive, [src])).imported.map((i) => i.id) as [string]
    const dir = join(root, 'articles', id.slice(0, 2), id)
    const imported = readFileSync(join(dir, 'cleaned.txt'), 'utf8')
    const [first] = await archive.history(id)
    // No history folder after an import: the only version is cleaned.txt itself.
    expect(existsSync(join(dir, 'history'))).toBe(false)
    expect(await archive.version(id, first!.file)).toBe(imported)
    expect((await checkArchive(root)).problems).toEqual([])

    await archive.saveCleaned(id, 'Edited\n', 'person')
    await archive.saveCleaned(id, 'Edited again\n', 'person')
    const versions = await archive.history(id)
    expect(readdirSync(join(dir, 'history')).sort()).toEqual(versions.map((v) => v.file).sort())
    // The import version's file holds the imported text, untouched by the saves after it.
    expect(readFileSync(join(dir, 'history', first!.file), 'utf8')).toBe(imported)
    expect(await archive.version(id, first!.file)).toBe(imported)
    await archive.close()
    expect((await checkArchive(root)).problems).toEqual([])
  })

  it('a first save cut short after making the history folder loses nothing', async () => {
    const { archive, root, src } = await archiveWith({ 'a.txt': ARTICLE })
    const [id] = (await importPaths(archive, [src])).imported.map((i) => i.id) as [string]
    const dir = join(root, 'articles', id.slice(0, 2), id)
    const imported = readFileSync(join(dir, 'cleaned.txt'), 'utf8')
    await archive.close()
    // As a crash between making the folder and linking the import version into it leaves it.
    mkdirSync(join(dir, 'history'))

    const reopened = await Archive.open(root)
    const [first] = await reopened.history(id)
    expect(await reopened.version(id, first!.file)).toBe(imported)
    await reopened.saveCleaned(id, 'Edited\n', 'person')
    expect(await reopened.version(id, first!.file)).toBe(imported)
    expect((await reopened.getArticle(id)).cleanedText).toBe('Edited\n')
    await reopened.close()
    expect((await checkArchive(root)).problems).toEqual([])
  })

  it('reports a missing version file of an edited article as damage, not as the current text', async () => {
    const { archive, root, src } = await archiveWith({ 'a.txt': ARTICLE })
    const [id] = (await importPaths(archive, [src])).imported.map((i) => i.id) as [string]
    await archive.saveCleaned(id, 'Edited\n', 'person')
    const [first] = await archive.history(id)
    rmSync(join(root, 'articles', id.slice(0, 2), id, 'history', first!.file))
    await expect(archive.version(id, first!.file)).rejects.toMatchObject({ code: 'corrupt' })
    await archive.close()
    const report = await checkArchive(root)
    expect(report.problems.map((p) => p.problem).join(' ')).toMatch(/is missing/)
  })

  it('recovers a save that failed half-way, even after later saves succeed', async () => {
    const { archive, root, src } = await archiveWith({
      'a.txt': ARTICLE,
      'b.txt': ARTICLE.replace('October', 'November'),
    })
    const [a, b] = (await importPaths(archive, [src])).imported.map((i) => i.id) as [string, string]
    await archive.saveCleaned(a, 'Kept\n', 'person')
    const cleanedA = join(root, 'articles', a.slice(0, 2), a, 'cleaned.txt')
    // A folder in the way makes the last step of the save (renaming over cleaned.txt) fail.
    rmSync(cleanedA)
    mkdirSync(join(cleanedA, 'blocker'), { recursive: true })
    await expect(archive.saveCleaned(a, 'Lost?\n', 'person')).rejects.toThrow()
    rmSync(cleanedA, { recursive: true })
    await archive.saveCleaned(b, 'B edited\n', 'person')
    await archive.close()

    const reopened = await Archive.open(root)
    expect(reopened.info().notices.join(' ')).toMatch(/interrupted/)
    const view = await reopened.getArticle(a)
    // meta.json had recorded the new version, so it is the current text again, and the index agrees.
    expect(view.meta.history.map((h) => h.by)).toEqual(['import', 'person', 'person'])
    expect(view.cleanedText).toBe('Lost?\n')
    expect(reopened.summary(a)?.edited).toBe(true)
    expect((await reopened.getArticle(b)).cleanedText).toBe('B edited\n')
    await reopened.close()
  })

  it('restores a damaged archive.json from its newest good backup, and says so', async () => {
    const base = tempDir()
    const root = join(base, 'a')
    await (await Archive.create(root, { name: 'Kept name' })).close()
    await (await Archive.open(root)).close() // leaves a backup
    writeFileSync(join(root, ARCHIVE_FILE), '{"schemaVersion": 1, "na')
    const reopened = await Archive.open(root)
    expect(reopened.name).toBe('Kept name')
    expect(reopened.info().notices.join(' ')).toMatch(
      /archive.json was damaged; the copy from .* was restored/,
    )
    await reopened.close()
    expect(JSON.parse(readFileSync(join(root, ARCHIVE_FILE), 'utf8')).name).toBe('Kept name')
  })
})
