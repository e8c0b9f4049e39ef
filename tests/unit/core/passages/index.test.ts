import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPaths } from '../../../../src/core/import/importer'
import { Archive } from '../../../../src/core/store/archive'
import { articleDir } from '../../../../src/core/store/layout'
import { tempDir } from '../../../support/tmp'

const TEXTS = [
  `Harbour traffic grows
The port of Ningbo handled more ships this year than ever before.
Officials expect the new container terminal to open in spring.
`,
  `Grain sold abroad
Farmers sold more grain to the exporters this autumn.
The harvest was the largest in a decade.
`,
  `A quiet week
Nothing of note happened in the county this week.
`,
]

async function archiveWithArticles() {
  const base = tempDir()
  const src = join(base, 'in')
  mkdirSync(src)
  TEXTS.forEach((t, i) => writeFileSync(join(src, `${i}.txt`), t))
  const root = join(base, 'archive')
  const archive = await Archive.create(root, { holder: 'test' })
  const { imported } = await importPaths(archive, [src])
  const byTitle = new Map(imported.map((a) => [a.title, a.id]))
  return {
    archive,
    root,
    harbour: byTitle.get('Harbour traffic grows')!,
    grain: byTitle.get('Grain sold abroad')!,
    quiet: byTitle.get('A quiet week')!,
  }
}

async function spanOf(archive: Archive, id: string, words: string) {
  const text = (await archive.getArticle(id)).cleanedText
  const start = text.indexOf(words)
  expect(start).toBeGreaterThanOrEqual(0)
  return { start, end: start + words.length }
}

function metaOnDisk(root: string, id: string): unknown {
  return JSON.parse(readFileSync(join(articleDir(root, id), 'meta.json'), 'utf8'))
}

describe('passages in the index', () => {
  it('name their themes in the summary, through saves, re-cleaning, restores and a reopening', async () => {
    const { archive, root, harbour, quiet } = await archiveWithArticles()
    const ports = await archive.createTheme({ name: 'Ports' })
    const trade = await archive.createTheme({ name: 'Trade' })
    expect(archive.summary(harbour)).not.toHaveProperty('passageThemes')

    const p = await archive.addPassage(harbour, ports.id, await spanOf(archive, harbour, 'Ningbo'))
    await archive.addPassage(harbour, trade.id, await spanOf(archive, harbour, 'more ships'))
    await archive.addPassage(harbour, ports.id, await spanOf(archive, harbour, 'terminal'))
    expect(archive.summary(harbour)!.passageThemes).toEqual([ports.id, trade.id])

    const { cleanedText } = await archive.getArticle(harbour)
    const first = (await archive.history(harbour))[0]!.file
    await archive.saveCleaned(harbour, `A new first line.\n${cleanedText}`, 'person')
    await archive.saveCleaned(harbour, cleanedText, 'rule', 're-cleaned')
    await archive.restore(harbour, first)
    expect(archive.summary(harbour)!.passageThemes).toEqual([ports.id, trade.id])

    await archive.removePassage(harbour, p.id)
    expect(archive.summary(harbour)!.passageThemes).toEqual([trade.id, ports.id])
    await archive.close()

    const reopened = await Archive.open(root, { readOnly: true })
    expect(reopened.summary(harbour)!.passageThemes).toEqual([trade.id, ports.id])
    expect(reopened.summary(quiet)).not.toHaveProperty('passageThemes')
    expect((await reopened.passages({ themeId: trade.id })).map((x) => x.articleId)).toEqual([
      harbour,
    ])
    await reopened.close()
  })

  it('are listed from the articles the index names, without reading the others', async () => {
    const { archive, root, harbour, grain } = await archiveWithArticles()
    const ports = await archive.createTheme({ name: 'Ports' })
    const a = await archive.addPassage(harbour, ports.id, await spanOf(archive, harbour, 'Ningbo'))
    // A passage written into meta.json behind the index's back is not seen: the index says
    // this article has none, so its meta.json is never read.
    const meta = metaOnDisk(root, grain) as Record<string, unknown>
    writeFileSync(
      join(articleDir(root, grain), 'meta.json'),
      JSON.stringify({ ...meta, passages: [{ ...a, id: 'p_0000000000' }] }),
    )
    expect((await archive.passages()).map((p) => [p.articleId, p.id])).toEqual([[harbour, a.id]])
    await archive.close()
  })

  it('move to the theme merged into, and an undo puts each back exactly', async () => {
    const { archive, root, harbour, grain, quiet } = await archiveWithArticles()
    const ports = await archive.createTheme({ name: 'Ports' })
    const farming = await archive.createTheme({ name: 'Farming' })
    const economy = await archive.createTheme({ name: 'Economy' })
    await archive.tagArticles([harbour], ports.id, false)
    await archive.addPassage(harbour, ports.id, await spanOf(archive, harbour, 'Ningbo'))
    await archive.addPassage(harbour, economy.id, await spanOf(archive, harbour, 'more ships'))
    await archive.addPassage(harbour, farming.id, await spanOf(archive, harbour, 'terminal'))
    // Passages of a merged theme in an article not tagged with it move too.
    await archive.addPassage(grain, farming.id, await spanOf(archive, grain, 'sold more grain'))
    const before = [harbour, grain, quiet].map((id) => metaOnDisk(root, id))

    const undo = await archive.removeThemes([ports.id, farming.id], economy.id)
    const merged = await archive.passages({ themeId: economy.id })
    expect(merged).toHaveLength(4)
    expect(await archive.passages()).toEqual(merged)
    expect(archive.summary(harbour)!.passageThemes).toEqual([economy.id])
    expect(archive.summary(grain)!.passageThemes).toEqual([economy.id])
    expect(archive.summary(quiet)).not.toHaveProperty('passageThemes')

    await archive.undoThemes(undo)
    expect([harbour, grain, quiet].map((id) => metaOnDisk(root, id))).toEqual(before)
    expect(archive.summary(harbour)!.passageThemes).toEqual([ports.id, economy.id, farming.id])
    expect(
      (await archive.passages({ themeId: farming.id })).map((p) => p.articleId).sort(),
    ).toEqual([harbour, grain].sort())
    await archive.close()
  })

  it('of a merge cut short by a crash are put back exactly by its undo', async () => {
    const { archive, root, harbour, grain } = await archiveWithArticles()
    const farming = await archive.createTheme({ name: 'Farming' })
    const economy = await archive.createTheme({ name: 'Economy' })
    await archive.addPassage(harbour, farming.id, await spanOf(archive, harbour, 'terminal'))
    await archive.addPassage(grain, farming.id, await spanOf(archive, grain, 'sold more grain'))
    const grainBefore = readFileSync(join(articleDir(root, grain), 'meta.json'))
    const before = [harbour, grain].map((id) => metaOnDisk(root, id))
    const undo = await archive.removeThemes([farming.id], economy.id)
    await archive.close()
    // As if the process died after the batch with the first article: the second is untouched
    // on disk, and the index is rebuilt from the folders.
    writeFileSync(join(articleDir(root, grain), 'meta.json'), grainBefore)

    const reopened = await Archive.open(root, { holder: 'test', rebuildIndex: true })
    expect((await reopened.passages()).map((p) => p.articleId)).toEqual([harbour])
    await reopened.undoThemes(undo)
    expect([harbour, grain].map((id) => metaOnDisk(root, id))).toEqual(before)
    expect(
      (await reopened.passages({ themeId: farming.id })).map((p) => p.articleId).sort(),
    ).toEqual([harbour, grain].sort())
    await reopened.close()
  })

  it('of a deleted theme stay on it, hidden, and come back with an undo', async () => {
    const { archive, root, harbour } = await archiveWithArticles()
    const ports = await archive.createTheme({ name: 'Ports' })
    await archive.addPassage(harbour, ports.id, await spanOf(archive, harbour, 'Ningbo'))
    const before = metaOnDisk(root, harbour)
    const listed = await archive.passages()

    const undo = await archive.removeThemes([ports.id], null)
    expect(metaOnDisk(root, harbour)).toEqual(before)
    expect(await archive.passages()).toEqual([])
    await archive.undoThemes(undo)
    expect(metaOnDisk(root, harbour)).toEqual(before)
    expect(await archive.passages()).toEqual(listed)
    await archive.close()
  })
})
