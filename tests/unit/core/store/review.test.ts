import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPaths } from '../../../../src/core/import/importer'
import { Archive } from '../../../../src/core/store/archive'
import { articleDir } from '../../../../src/core/store/layout'
import { countOpen, flaggedVersion, placeFlags } from '../../../../src/core/store/review'
import { flagKey, type CleaningRecord } from '../../../../src/shared/cleaning'
import type { ArticleView, ReviewFlag } from '../../../../src/shared/model'
import { tempDir } from '../../../support/tmp'

/**
 * An article the default profile raises three flags on: Chinese left in the English text
 * (宁波) and two paragraphs that end in an ellipsis, the first of which holds the Chinese.
 */
const ARTICLE = `Trade rose in October
Author:Press Office Time:2022.11.07
Exports grew by 7 % year on year, the ministry said.
Some netizens have recently said that the port of 宁波 is busy and the trade...
The ministry also said that imports fell.
Other readers wrote that the harbour was quiet and the shipping lines were slow...
Source: Xinhua
`
const NINGBO = 'Some netizens have recently said that the port of 宁波 is busy and the trade...'
const HARBOUR = 'Other readers wrote that the harbour was quiet and the shipping lines were slow...'

async function archiveWithFlaggedArticle(): Promise<{
  archive: Archive
  root: string
  id: string
  view: ArticleView
}> {
  const base = tempDir()
  const file = join(base, 'trade.txt')
  writeFileSync(file, ARTICLE)
  const root = join(base, 'archive')
  const archive = await Archive.create(root, { holder: 'test' })
  const summary = await importPaths(archive, [file])
  const id = summary.imported[0]!.id
  return { archive, root, id, view: await archive.getArticle(id) }
}

function words(text: string, flag: Pick<ReviewFlag, 'start' | 'end'>): string | null {
  return flag.start === null || flag.end === null ? null : text.slice(flag.start, flag.end)
}

/** The flag of `kind` raised on `quote` in a freshly imported article's text. */
function flagOn(view: ArticleView, quote: string, kind: string): ReviewFlag {
  const found = view.flags.filter((f) => f.kind === kind && words(view.cleanedText, f) === quote)
  expect(found, `${kind} on ${quote}`).toHaveLength(1)
  return found[0]!
}

function metaBytes(root: string, id: string): string {
  return readFileSync(join(articleDir(root, id), 'meta.json'), 'utf8')
}

describe('review flags of an imported article', () => {
  it('come with the article: keyed, open, on the words they were raised on', async () => {
    const { archive, id, view } = await archiveWithFlaggedArticle()
    expect(view.cleaning!.flags.length).toBe(3)
    expect(view.flags).toHaveLength(3)
    for (const [i, flag] of view.flags.entries()) {
      const raised = view.cleaning!.flags[i]!
      expect(flag).toMatchObject({
        rule: raised.rule,
        kind: raised.kind,
        message: raised.message,
        key: flagKey(raised),
        status: 'open',
        start: raised.start,
        end: raised.end,
      })
    }
    expect(new Set(view.flags.map((f) => f.key)).size).toBe(3)
    expect(words(view.cleanedText, flagOn(view, '宁波', 'cjk-in-english'))).toBe('宁波')
    expect(words(view.cleanedText, flagOn(view, NINGBO, 'cut-off-line'))).toBe(NINGBO)
    expect(words(view.cleanedText, flagOn(view, HARBOUR, 'cut-off-line'))).toBe(HARBOUR)
    expect(view.meta.review).toEqual({})
    expect(view.meta.openFlags).toBe(3)
    expect(archive.summary(id)?.openFlags).toBe(3)
    expect(archive.facets().review).toBe(1)
    await archive.close()
  })

  it('records decisions, keeps the count of open flags, and takes a decision back', async () => {
    const { archive, root, id, view } = await archiveWithFlaggedArticle()
    const [a, b, c] = view.flags.map((f) => f.key)
    const resolved = await archive.reviewFlag(id, a!, 'resolved')
    expect(resolved.review).toEqual({ [a!]: 'resolved' })
    expect(resolved.openFlags).toBe(2)
    expect(JSON.parse(metaBytes(root, id))).toMatchObject({
      review: { [a!]: 'resolved' },
      openFlags: 2,
    })
    expect(archive.summary(id)?.openFlags).toBe(2)
    expect(archive.summary(id)).not.toHaveProperty('review')

    await archive.reviewFlag(id, b!, 'ignored')
    const after = await archive.getArticle(id)
    expect(after.flags.map((f) => f.status)).toEqual(['resolved', 'ignored', 'open'])
    expect(after.meta.openFlags).toBe(1)

    // Deciding again replaces the decision; 'open' removes it.
    expect((await archive.reviewFlag(id, b!, 'resolved')).review[b!]).toBe('resolved')
    const reopened = await archive.reviewFlag(id, a!, 'open')
    expect(reopened.review).toEqual({ [b!]: 'resolved' })
    expect(reopened.openFlags).toBe(2)
    // Taking back a decision that was never made changes nothing.
    expect((await archive.reviewFlag(id, c!, 'open')).openFlags).toBe(2)

    await archive.reviewFlag(id, a!, 'ignored')
    const done = await archive.reviewFlag(id, c!, 'resolved')
    expect(done.openFlags).toBe(0)
    expect(archive.summary(id)?.openFlags).toBe(0)
    await archive.close()
  })

  it('shows in the list’s “needs review” filter and its facet until every flag is decided', async () => {
    const { archive, id, view } = await archiveWithFlaggedArticle()
    const plain = join(tempDir(), 'plain.txt')
    writeFileSync(plain, 'A calm report\nNothing here needs a second look.\n')
    const other = (await importPaths(archive, [plain])).imported[0]!.id
    expect(archive.summary(other)?.openFlags).toBe(0)
    const list = (review?: boolean) =>
      archive
        .list({ offset: 0, limit: 10, sort: 'title', order: 'asc', review })
        .items.map((a) => a.id)
    expect(list(true)).toEqual([id])
    expect(list(false)).toEqual([other])
    expect(list().sort()).toEqual([id, other].sort())
    expect(archive.facets()).toMatchObject({ total: 2, review: 1 })
    for (const flag of view.flags) await archive.reviewFlag(id, flag.key, 'ignored')
    expect(list(true)).toEqual([])
    expect(list(false).sort()).toEqual([id, other].sort())
    expect(archive.facets().review).toBe(0)
    await archive.close()
  })

  it('rejects an unknown flag key as not found and changes nothing', async () => {
    const { archive, root, id, view } = await archiveWithFlaggedArticle()
    await archive.reviewFlag(id, view.flags[0]!.key, 'resolved')
    const dir = articleDir(root, id)
    const before = {
      meta: metaBytes(root, id),
      cleaned: readFileSync(join(dir, 'cleaned.txt'), 'utf8'),
      history: historyFiles(dir),
      summary: archive.summary(id),
    }
    const key = view.flags[1]!.key
    for (const unknown of [`${key}x`, 'cut-off-line/cut-off-line@0-1', 'nothing']) {
      await expect(archive.reviewFlag(id, unknown, 'resolved')).rejects.toMatchObject({
        code: 'not-found',
      })
    }
    expect({
      meta: metaBytes(root, id),
      cleaned: readFileSync(join(dir, 'cleaned.txt'), 'utf8'),
      history: historyFiles(dir),
      summary: archive.summary(id),
    }).toEqual(before)
    await expect(archive.reviewFlag('0000000000000000', key, 'resolved')).rejects.toMatchObject({
      code: 'not-found',
    })
    await archive.close()
  })

  it('an article stored uncleaned has no flags, and any key is unknown', async () => {
    const base = tempDir()
    const file = join(base, 'raw.txt')
    writeFileSync(file, ARTICLE)
    const archive = await Archive.create(join(base, 'archive'))
    const id = (await importPaths(archive, [file], { profile: null })).imported[0]!.id
    const view = await archive.getArticle(id)
    expect(view.cleaning).toBeNull()
    expect(view.flags).toEqual([])
    expect(view.meta.openFlags).toBe(0)
    await expect(
      archive.reviewFlag(id, 'cut-off-line/cut-off-line@0-1', 'resolved'),
    ).rejects.toMatchObject({ code: 'not-found' })
    await archive.close()
  })
})

describe('review flags after a person’s edits', () => {
  it('follow their words when text is added before them', async () => {
    const { archive, id, view } = await archiveWithFlaggedArticle()
    const edited = `A summary written by the editor.\n\n${view.cleanedText}`
    const { meta } = await archive.saveCleaned(id, edited, 'person')
    expect(meta.openFlags).toBe(3)
    const after = await archive.getArticle(id)
    expect(after.cleanedText).toBe(edited)
    const shift = edited.length - view.cleanedText.length
    expect(after.flags.map((f) => [f.key, f.start, f.end])).toEqual(
      view.flags.map((f) => [f.key, f.start! + shift, f.end! + shift]),
    )
    for (const [i, flag] of after.flags.entries()) {
      expect(words(edited, flag)).toBe(words(view.cleanedText, view.flags[i]!))
    }
    await archive.close()
  })

  it('lose their place when their words are edited away, and stop counting as open', async () => {
    const { archive, root, id, view } = await archiveWithFlaggedArticle()
    const harbour = flagOn(view, HARBOUR, 'cut-off-line')
    const cjk = flagOn(view, '宁波', 'cjk-in-english')
    const ningbo = flagOn(view, NINGBO, 'cut-off-line')

    const withoutHarbour = view.cleanedText.replace(`\n${HARBOUR}\n`, '\n')
    expect(withoutHarbour).not.toContain('harbour')
    const first = await archive.saveCleaned(id, withoutHarbour, 'person', 'cut a teaser')
    expect(first.meta.openFlags).toBe(2)
    expect(JSON.parse(metaBytes(root, id)).openFlags).toBe(2)
    expect(archive.summary(id)?.openFlags).toBe(2)
    let after = await archive.getArticle(id)
    const byKey = (key: string) => after.flags.find((f) => f.key === key)!
    expect(byKey(harbour.key)).toMatchObject({ status: 'open', start: null, end: null })
    expect(words(after.cleanedText, byKey(cjk.key))).toBe('宁波')
    expect(words(after.cleanedText, byKey(ningbo.key))).toBe(NINGBO)

    // A second edit is placed from the text the flags were raised on, not the first edit's.
    const translated = withoutHarbour.replace('宁波', 'Ningbo')
    const second = await archive.saveCleaned(id, translated, 'person')
    expect(second.meta.openFlags).toBe(0)
    expect(second.meta.history.map((h) => h.by)).toEqual(['import', 'person', 'person'])
    after = await archive.getArticle(id)
    expect(after.flags.every((f) => f.start === null && f.end === null)).toBe(true)
    expect(after.flags.every((f) => f.status === 'open')).toBe(true)
    expect(archive.facets().review).toBe(0)
    expect(
      archive.list({ offset: 0, limit: 10, sort: 'title', order: 'asc', review: true }).total,
    ).toBe(0)
    // A flag whose words are gone can still be decided (it is kept, just moot).
    expect((await archive.reviewFlag(id, harbour.key, 'resolved')).openFlags).toBe(0)
    await archive.close()
  })

  it('come back with their words when an earlier version is restored', async () => {
    const { archive, id, view } = await archiveWithFlaggedArticle()
    const imported = view.meta.history[0]!
    await archive.saveCleaned(id, view.cleanedText.replace(`${HARBOUR}\n`, ''), 'person')
    expect(archive.summary(id)?.openFlags).toBe(2)
    const { meta } = await archive.restore(id, imported.file)
    expect(meta.openFlags).toBe(3)
    const after = await archive.getArticle(id)
    expect(after.cleanedText).toBe(view.cleanedText)
    expect(after.flags).toEqual(view.flags)
    await archive.close()
  })

  // Known fault in Archive.withOpenFlags: it skips the recount whenever the stored count is 0,
  // so words brought back by a restore after every remaining flag was gone or decided do not
  // count again. Turn this into a plain `it` once the recount no longer takes that shortcut.
  it('count again when the words of an undecided flag come back after the count fell to 0', async () => {
    const { archive, id, view } = await archiveWithFlaggedArticle()
    const harbour = flagOn(view, HARBOUR, 'cut-off-line')
    for (const flag of view.flags) {
      if (flag.key !== harbour.key) await archive.reviewFlag(id, flag.key, 'resolved')
    }
    await archive.saveCleaned(id, view.cleanedText.replace(`${HARBOUR}\n`, ''), 'person')
    expect(archive.summary(id)?.openFlags).toBe(0)
    await archive.restore(id, view.meta.history[0]!.file)
    const after = await archive.getArticle(id)
    expect(countOpen(after.flags)).toBe(1)
    expect(after.meta.openFlags).toBe(1)
    await archive.close()
  })
})

describe('re-cleaning applied', () => {
  it('starts a new review: decisions cleared, every new flag open', async () => {
    const { archive, id, view } = await archiveWithFlaggedArticle()
    await archive.reviewFlag(id, view.flags[0]!.key, 'resolved')
    await archive.reviewFlag(id, view.flags[1]!.key, 'ignored')
    const recleaned = view.cleanedText.replace('宁波', 'Ningbo')
    const start = recleaned.indexOf(HARBOUR)
    const record: CleaningRecord = {
      profile: 'test',
      at: new Date().toISOString(),
      changes: [],
      flags: [
        {
          rule: 'cut-off-line',
          kind: 'cut-off-line',
          start,
          end: start + HARBOUR.length,
          message: 'cut off',
        },
        { rule: 'long-sentence', kind: 'long-sentence', start: 0, end: 10, message: 'long' },
      ],
    }
    const { meta } = await archive.saveCleaned(id, recleaned, 'rule', 're-cleaned', record)
    expect(meta.review).toEqual({})
    expect(meta.openFlags).toBe(2)
    expect(archive.summary(id)?.openFlags).toBe(2)
    const after = await archive.getArticle(id)
    expect(after.flags.map((f) => [f.key, f.status, f.start, f.end])).toEqual(
      record.flags.map((f) => [flagKey(f), 'open', f.start, f.end]),
    )
    // The new record's flags are the ones to decide about now.
    await expect(archive.reviewFlag(id, view.flags[2]!.key, 'resolved')).rejects.toMatchObject({
      code: 'not-found',
    })
    expect((await archive.reviewFlag(id, flagKey(record.flags[1]!), 'resolved')).openFlags).toBe(1)
    // A person's edit after it is placed against the re-cleaned text.
    const edited = `Lead.\n${recleaned}`
    expect((await archive.saveCleaned(id, edited, 'person')).meta.openFlags).toBe(1)
    const placed = await archive.getArticle(id)
    expect(words(edited, placed.flags[0]!)).toBe(HARBOUR)
    expect(placed.flags[0]!.start).toBe(start + 6)
    await archive.close()
  })
})

describe('review decisions on disk', () => {
  it('persist after reopening, and a rebuilt index keeps the count of open flags', async () => {
    const { archive, root, id, view } = await archiveWithFlaggedArticle()
    const [a, b] = view.flags.map((f) => f.key)
    await archive.reviewFlag(id, a!, 'resolved')
    await archive.reviewFlag(id, b!, 'ignored')
    await archive.saveCleaned(id, `Lead.\n${view.cleanedText}`, 'person')
    const expected = await archive.getArticle(id)
    expect(expected.meta.openFlags).toBe(1)
    await archive.close()

    const reopened = await Archive.open(root)
    expect(await reopened.getArticle(id)).toEqual(expected)
    expect(reopened.summary(id)?.openFlags).toBe(1)
    expect(reopened.facets().review).toBe(1)
    await reopened.close()

    const rebuilt = await Archive.open(root, { rebuildIndex: true })
    expect(rebuilt.summary(id)?.openFlags).toBe(1)
    expect(rebuilt.ids({ sort: 'title', order: 'asc', review: true })).toEqual([id])
    expect(rebuilt.facets().review).toBe(1)
    expect((await rebuilt.getArticle(id)).flags.map((f) => f.status)).toEqual([
      'resolved',
      'ignored',
      'open',
    ])
    await rebuilt.close()
  })
})

describe('placeFlags, countOpen, flaggedVersion', () => {
  const text = 'One. Two words here. Three.'
  const record: CleaningRecord = {
    profile: 'p',
    at: '2022-01-01T00:00:00.000Z',
    changes: [],
    flags: [
      { rule: 'r', kind: 'k', start: 5, end: 20, message: 'm' },
      { rule: 'r', kind: 'k', start: 21, end: 27, message: 'm' },
      { rule: 'q', kind: 'j', start: 0, end: 4, message: 'm', suggestion: 'One!' },
    ],
  }

  it('keeps positions on the unchanged text and applies decisions by key', () => {
    const review = { [flagKey(record.flags[1]!)]: 'ignored' as const }
    const flags = placeFlags(record, review, text, text)
    expect(flags).toEqual([
      { ...record.flags[0], key: 'r/k@5-20', status: 'open' },
      { ...record.flags[1], key: 'r/k@21-27', status: 'ignored' },
      { ...record.flags[2], key: 'q/j@0-4', status: 'open' },
    ])
    expect(countOpen(flags)).toBe(2)
    expect(placeFlags(null, review, text, text)).toEqual([])
  })

  it('places flags on an edited text and drops the position of words that are gone', () => {
    const edited = 'Zero. One. Three.'
    const flags = placeFlags(record, {}, text, edited)
    expect(flags.map((f) => [f.key, f.start, f.end])).toEqual([
      ['r/k@5-20', null, null],
      ['r/k@21-27', 11, 17],
      ['q/j@0-4', 6, 10],
    ])
    expect(countOpen(flags)).toBe(2)
    expect(countOpen(placeFlags(record, { 'q/j@0-4': 'resolved' }, text, edited))).toBe(1)
  })

  it('takes the newest version an import or a rule made', () => {
    const at = '2022-01-01T00:00:00.000Z'
    expect(flaggedVersion({ history: [] })).toBeUndefined()
    expect(
      flaggedVersion({
        history: [
          { file: 'a.txt', at, by: 'import' },
          { file: 'b.txt', at, by: 'rule' },
          { file: 'c.txt', at, by: 'person' },
          { file: 'd.txt', at, by: 'restore' },
        ],
      })?.file,
    ).toBe('b.txt')
    expect(
      flaggedVersion({
        history: [
          { file: 'a.txt', at, by: 'import' },
          { file: 'c.txt', at, by: 'person' },
        ],
      })?.file,
    ).toBe('a.txt')
  })
})

/** The article's history files; none before its first save (the import version is cleaned.txt). */
function historyFiles(dir: string): string[] {
  return existsSync(join(dir, 'history')) ? readdirSync(join(dir, 'history')) : []
}
