import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asciiJson } from '../../../../src/core/fs/atomic'
import { importPaths } from '../../../../src/core/import/importer'
import { Archive } from '../../../../src/core/store/archive'
import { fromShardFile, SUMMARY_COLUMNS, toShardFile } from '../../../../src/core/store/index-rows'
import {
  ArticleSummarySchema,
  TEXT_ENCODINGS,
  type ArticleSummary,
} from '../../../../src/shared/model'
import { tempDir } from '../../../support/tmp'

const SHARD = /^[0-9a-f]{2}\.json$/

function shardFiles(root: string): string[] {
  return readdirSync(join(root, 'index')).filter((n) => SHARD.test(n))
}

/**
 * Rewrite every shard of an archive as the first index format wrote it: one object per article
 * under its id, without the fields that format did not have.
 */
function writeFormat1Index(root: string, summaries: readonly ArticleSummary[]): void {
  const shards = new Map<string, Record<string, unknown>>()
  for (const s of summaries) {
    const { passageThemes: _added, ...format1 } = s
    const shard = shards.get(s.id.slice(0, 2)) ?? {}
    shard[s.id] = format1
    shards.set(s.id.slice(0, 2), shard)
  }
  for (const [name, articles] of shards) {
    writeFileSync(join(root, 'index', `${name}.json`), asciiJson({ schemaVersion: 1, articles }))
  }
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('国务院常务会议部署稳经济措施', 'Café “quotes” — dash', '😀', ''),
)
const hex = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n })
const themeIds = fc.array(
  fc
    .string({
      unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz'),
      minLength: 10,
      maxLength: 10,
    })
    .map((s) => `t_${s}`),
  { maxLength: 4 },
)

const summaryArb: fc.Arbitrary<ArticleSummary> = fc.record(
  {
    id: hex(16),
    title: text,
    author: fc.option(text),
    date: fc.option(fc.constantFrom('2024-02-29', '1999-12-31')),
    source: fc.option(text),
    url: fc.option(text),
    language: fc.option(fc.constantFrom('zh', 'en')),
    importedAt: fc.constant('2026-11-28T10:00:00.000Z'),
    updatedAt: text,
    edited: fc.boolean(),
    openFlags: fc.nat(),
    themes: themeIds,
    dismissedThemes: themeIds,
    passageThemes: themeIds,
    original: fc.record({
      name: text,
      ext: fc.constantFrom('txt', 'md'),
      encoding: fc.constantFrom(...TEXT_ENCODINGS),
      bom: fc.boolean(),
      size: fc.nat(),
      sha256: hex(64),
    }),
  },
  {
    requiredKeys: [
      'id',
      'title',
      'author',
      'date',
      'source',
      'url',
      'language',
      'importedAt',
      'updatedAt',
      'edited',
      'openFlags',
      'original',
    ],
  },
)

describe('the row format of index shards', () => {
  it('names every field of the summary, with the optional ones never nullable', () => {
    const shape = ArticleSummarySchema.shape
    const top = SUMMARY_COLUMNS.filter((c) => !c.inOriginal).map((c) => c.name)
    const original = SUMMARY_COLUMNS.filter((c) => c.inOriginal).map((c) => c.name)
    expect([...top, 'original'].sort()).toEqual(Object.keys(shape).sort())
    expect(original.sort()).toEqual(Object.keys(shape.original.shape).sort())
    for (const c of SUMMARY_COLUMNS.filter((c) => !c.inOriginal)) {
      const schema = shape[c.name as keyof typeof shape]
      // An absent optional field is written as null, so null must not be a value of its own.
      // Optional: may be absent once parsed (a field with a default is always there).
      const absent = schema.safeParse(undefined)
      expect([c.name, absent.success && absent.data === undefined]).toEqual([c.name, c.optional])
      if (c.optional) expect(schema.safeParse(null).success).toBe(false)
    }
  })

  it('gives back every summary exactly, absent fields absent, through ASCII JSON', () => {
    fc.assert(
      fc.property(fc.array(summaryArb, { maxLength: 5 }), (summaries) => {
        const written = asciiJson(toShardFile(summaries))
        expect([...written].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true)
        const read = fromShardFile(JSON.parse(written))
        expect(read).toStrictEqual(summaries.map((s) => ArticleSummarySchema.parse(s)))
      }),
      { numRuns: 300 },
    )
  })

  it('tells a shard of another format or field list from a damaged one', () => {
    const shard = toShardFile([])
    expect(fromShardFile({ schemaVersion: 1, articles: {} })).toBe('outdated')
    expect(fromShardFile({ ...shard, fields: shard.fields.slice(1) })).toBe('outdated')
    expect(fromShardFile({ ...shard, rows: [[1, 2]] })).toBe('corrupt')
    expect(fromShardFile([])).toBe('corrupt')
  })
})

describe('an archive whose index an earlier version wrote', () => {
  async function oldArchive() {
    const base = tempDir()
    const src = join(base, 'in')
    mkdirSync(src)
    const titles = ['国务院常务会议部署稳经济措施', 'Harbour traffic grows', 'Grain sold abroad']
    titles.forEach((t, i) =>
      writeFileSync(join(src, `${i}.txt`), `${t}\n\n${'Officials expect growth. '.repeat(20)}\n`),
    )
    const root = join(base, 'archive')
    const archive = await Archive.create(root, { holder: 'test' })
    const { imported } = await importPaths(archive, [src], { profile: null })
    const theme = await archive.createTheme({ name: 'Economy' })
    await archive.tagArticles([imported[0]!.id], theme.id, false)
    await archive.addPassage(imported[1]!.id, theme.id, { start: 0, end: 9 })
    const listed = archive.list({ offset: 0, limit: 10, sort: 'title', order: 'asc' })
    const passages = await archive.passages()
    await archive.close()
    writeFormat1Index(root, listed.items)
    return { root, listed, passages, themeId: theme.id }
  }

  it('is upgraded on opening: listed the same, with its passages, and written in the new format', async () => {
    const { root, listed, passages, themeId } = await oldArchive()
    const archive = await Archive.open(root, { holder: 'test' })
    expect(archive.info().notices.join(' ')).toMatch(/index was upgraded/)
    expect(archive.info().notices.join(' ')).not.toMatch(/damaged/)
    expect(archive.list({ offset: 0, limit: 10, sort: 'title', order: 'asc' })).toEqual(listed)
    expect(listed.items.filter((a) => a.passageThemes).map((a) => a.passageThemes)).toEqual([
      [themeId],
    ])
    expect(await archive.passages()).toEqual(passages)
    await archive.close()
    for (const name of shardFiles(root)) {
      expect(JSON.parse(readFileSync(join(root, 'index', name), 'latin1'))).toMatchObject({
        format: 2,
      })
    }
    const again = await Archive.open(root, { readOnly: true })
    expect(again.info().notices).toEqual([])
    expect(again.list({ offset: 0, limit: 10, sort: 'title', order: 'asc' })).toEqual(listed)
    await again.close()
  })

  it('opens read-only, rebuilt in memory and left as it was on disk', async () => {
    const { root, listed, passages } = await oldArchive()
    const before = shardFiles(root).map((n) => readFileSync(join(root, 'index', n), 'latin1'))
    const archive = await Archive.open(root, { readOnly: true })
    expect(archive.info().notices.join(' ')).toMatch(/rebuilt in memory/)
    expect(archive.list({ offset: 0, limit: 10, sort: 'title', order: 'asc' })).toEqual(listed)
    expect(await archive.passages()).toEqual(passages)
    await archive.close()
    const after = shardFiles(root).map((n) => readFileSync(join(root, 'index', n), 'latin1'))
    expect(after).toEqual(before)
  })
})
