import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { asciiJson, readTextIfExists } from '../../../../src/core/fs/atomic'
import { importPaths } from '../../../../src/core/import/importer'
import { Archive } from '../../../../src/core/store/archive'
import { tempDir } from '../../../support/tmp'

describe('index shards', () => {
  it('are written in ASCII only and read back with every character', async () => {
    const base = tempDir()
    const src = join(base, 'in')
    mkdirSync(src)
    const titles = ['国务院常务会议部署稳经济措施', 'Café “quotes” — dash', 'Emoji 😀 in a title']
    titles.forEach((t, i) =>
      writeFileSync(join(src, `${i}.txt`), `${t}\n\n${'Body text. '.repeat(30)}\n`),
    )
    const root = join(base, 'archive')
    const archive = await Archive.create(root)
    await importPaths(archive, [src], { profile: null })
    await archive.close()

    const shards = readdirSync(join(root, 'index')).filter((n) => /^[0-9a-f]{2}\.json$/.test(n))
    expect(shards.length).toBeGreaterThan(0)
    for (const name of shards) {
      const bytes = readFileSync(join(root, 'index', name))
      expect(bytes.every((b) => b < 0x80)).toBe(true)
    }
    const reopened = await Archive.open(root, { readOnly: true })
    const listed = reopened.list({ offset: 0, limit: 10, sort: 'title', order: 'asc' })
    expect(listed.items.map((a) => a.title).sort()).toEqual([...titles].sort())
    await reopened.close()
  })
})

describe('readTextIfExists', () => {
  it('reads UTF-8 and ASCII files of any size, one after another, and null for none', async () => {
    const dir = tempDir()
    const big = '汉字 and ASCII. '.repeat(20_000) // over the first read buffer
    const small = asciiJson({ title: '标题', n: 1 })
    writeFileSync(join(dir, 'big.txt'), big)
    writeFileSync(join(dir, 'small.json'), small)
    expect(await readTextIfExists(join(dir, 'big.txt'))).toBe(big)
    expect(JSON.parse((await readTextIfExists(join(dir, 'small.json')))!)).toEqual({
      title: '标题',
      n: 1,
    })
    expect(await readTextIfExists(join(dir, 'big.txt'))).toBe(big)
    expect(await readTextIfExists(join(dir, 'missing.json'))).toBeNull()
  })
})
