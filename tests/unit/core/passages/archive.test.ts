import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPaths } from '../../../../src/core/import/importer'
import { Archive } from '../../../../src/core/store/archive'
import type { Passage } from '../../../../src/shared/model'
import { tempDir } from '../../../support/tmp'

const ARTICLE = `Harbour traffic grows
The port of Ningbo handled more ships this year than ever before.
Officials expect the new container terminal to open in spring.
Farmers nearby sold more grain to the exporters.
`
const TERMINAL = 'the new container terminal'

async function archiveWithArticle(): Promise<{ archive: Archive; root: string; id: string }> {
  const base = tempDir()
  const file = join(base, 'harbour.txt')
  writeFileSync(file, ARTICLE)
  const root = join(base, 'archive')
  const archive = await Archive.create(root, { holder: 'test' })
  const summary = await importPaths(archive, [file])
  return { archive, root, id: summary.imported[0]!.id }
}

async function spanOf(archive: Archive, id: string, words: string) {
  const text = (await archive.getArticle(id)).cleanedText
  const start = text.indexOf(words)
  expect(start).toBeGreaterThanOrEqual(0)
  return { text, start, end: start + words.length }
}

function wordsOf(text: string, p: Passage): string {
  return text.slice(p.start, p.end)
}

describe('passages in an archive', () => {
  it('are added on words, stay on them through an edit before them, a reopening and a rebuild', async () => {
    const { archive, root, id } = await archiveWithArticle()
    const theme = await archive.createTheme({ name: 'Ports' })
    const { text, start, end } = await spanOf(archive, id, TERMINAL)
    const added = await archive.addPassage(id, theme.id, { start, end })
    expect(added).toMatchObject({ themeId: theme.id, quote: TERMINAL, start, end })
    expect(added.detached).toBeUndefined()

    const edited = 'A new first line.\n' + text
    await archive.saveCleaned(id, edited, 'person')
    const [moved] = (await archive.getArticle(id)).meta.passages!
    expect(moved).toMatchObject({ id: added.id, quote: TERMINAL, start: start + 18 })
    expect(wordsOf(edited, moved!)).toBe(TERMINAL)
    // The list's summary does not carry passages.
    expect([...archive.allSummaries()][0]).not.toHaveProperty('passages')
    await archive.close()

    const reopened = await Archive.open(root, { holder: 'test', rebuildIndex: true })
    const view = await reopened.getArticle(id)
    expect(view.meta.passages).toEqual([moved])
    expect(wordsOf(view.cleanedText, view.meta.passages![0]!)).toBe(TERMINAL)
    await reopened.close()
  })

  it('refuse an unknown theme, an empty span and one beyond the text', async () => {
    const { archive, id } = await archiveWithArticle()
    const theme = await archive.createTheme({ name: 'Ports' })
    const length = (await archive.getArticle(id)).cleanedText.length
    await expect(archive.addPassage(id, 't_zzzzzzzzzz', { start: 0, end: 4 })).rejects.toThrow()
    await expect(archive.addPassage(id, theme.id, { start: 3, end: 3 })).rejects.toMatchObject({
      code: 'invalid-argument',
    })
    await expect(
      archive.addPassage(id, theme.id, { start: 0, end: length + 1 }),
    ).rejects.toMatchObject({ code: 'invalid-argument' })
    expect((await archive.getArticle(id)).meta.passages).toBeUndefined()
    await archive.close()
  })

  it('are kept detached with their words when an edit takes the words away, and come back on a restore', async () => {
    const { archive, id } = await archiveWithArticle()
    const theme = await archive.createTheme({ name: 'Ports' })
    const { text, start, end } = await spanOf(archive, id, TERMINAL)
    const first = (await archive.getArticle(id)).meta.history.at(-1)!
    const added = await archive.addPassage(id, theme.id, { start, end })

    await archive.saveCleaned(id, text.replace(TERMINAL, 'a terminal'), 'person')
    const [gone] = (await archive.getArticle(id)).meta.passages!
    expect(gone).toMatchObject({ id: added.id, quote: TERMINAL, detached: true })
    expect(await archive.passages({ detached: true })).toHaveLength(1)
    expect(await archive.passages({ detached: false })).toHaveLength(0)

    // A detached passage is not moved back by itself, even when its words return.
    await archive.restore(id, first.file)
    expect((await archive.getArticle(id)).meta.passages![0]).toMatchObject({ detached: true })
    await archive.close()
  })

  it('follow the spans the editor mapped through an edit inside them', async () => {
    const { archive, id } = await archiveWithArticle()
    const theme = await archive.createTheme({ name: 'Ports' })
    const { text, start, end } = await spanOf(archive, id, TERMINAL)
    const added = await archive.addPassage(id, theme.id, { start, end })
    const edited = text.replace(TERMINAL, 'the new terminal')
    const mappedEnd = start + 'the new terminal'.length

    await expect(
      archive.saveCleaned(id, edited, 'person', undefined, undefined, [
        { id: 'p_zzzzzzzzzz', start, end: mappedEnd },
      ]),
    ).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(
      archive.saveCleaned(id, edited, 'person', undefined, undefined, [
        { id: added.id, start, end: edited.length + 1 },
      ]),
    ).rejects.toMatchObject({ code: 'invalid-argument' })
    expect((await archive.getArticle(id)).cleanedText).toBe(text)

    await archive.saveCleaned(id, edited, 'person', undefined, undefined, [
      { id: added.id, start, end: mappedEnd },
    ])
    const [kept] = (await archive.getArticle(id)).meta.passages!
    expect(kept).toMatchObject({ start, end: mappedEnd, quote: 'the new terminal' })
    expect(kept!.detached).toBeUndefined()

    // A span mapped to nothing (all its words deleted) is kept detached.
    await archive.saveCleaned(
      id,
      edited.replace('the new terminal', ''),
      'person',
      undefined,
      undefined,
      [{ id: added.id, start, end: start }],
    )
    expect((await archive.getArticle(id)).meta.passages![0]).toMatchObject({
      quote: 'the new terminal',
      detached: true,
    })
    await archive.close()
  })

  it('are listed by theme across the archive, removed, and hidden while their theme is deleted', async () => {
    const { archive, id } = await archiveWithArticle()
    const ports = await archive.createTheme({ name: 'Ports' })
    const farming = await archive.createTheme({ name: 'Farming' })
    const terminal = await spanOf(archive, id, TERMINAL)
    const grain = await spanOf(archive, id, 'sold more grain')
    const a = await archive.addPassage(id, ports.id, terminal)
    const b = await archive.addPassage(id, farming.id, grain)

    const listed = await archive.passages({ themeId: ports.id })
    expect(listed).toEqual([{ ...a, articleId: id, title: 'Harbour traffic grows' }])
    expect((await archive.passages()).map((p) => p.id).sort()).toEqual([a.id, b.id].sort())

    const undo = await archive.removeThemes([farming.id], null)
    expect((await archive.passages()).map((p) => p.id)).toEqual([a.id])
    await archive.undoThemes(undo)
    expect((await archive.passages({ themeId: farming.id })).map((p) => p.id)).toEqual([b.id])

    // A parent theme lists its sub-themes' passages too, as the list's theme filter does.
    const trade = await archive.createTheme({ name: 'Trade' })
    await archive.updateTheme(ports.id, { parentId: trade.id })
    expect((await archive.passages({ themeId: trade.id })).map((p) => p.id)).toEqual([a.id])

    await archive.removePassage(id, a.id)
    expect(await archive.passages({ themeId: ports.id })).toEqual([])
    await expect(archive.removePassage(id, a.id)).rejects.toMatchObject({ code: 'not-found' })
    await archive.close()
  })
})
