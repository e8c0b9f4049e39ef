import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  chmodSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../../src/core/store/archive'
import { CLI, HAS_SHARED, SEED_DIR, skipNoteWithoutShared } from '../../support/paths'
import { tempDir } from '../../support/tmp'

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const ARTICLE =
  'Customs: foreign trade rose\nAuthor: Trade Desk\nDate: 2022-08-07\nThe total value rose 10.4 %.\nSource: Xinhua\n'

function folderWith(files: Record<string, string>): string {
  const dir = tempDir()
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

describe('press-archive (the command line, spawned)', () => {
  skipNoteWithoutShared('the seed import check of the command line')
  it.skipIf(!HAS_SHARED)(
    'imports the seed with its header metadata, and a second import is a duplicate',
    () => {
      const archive = join(tempDir(), 'A')
      const first = cli('import', archive, SEED_DIR)
      expect(first.stderr).toBe('')
      expect(first.code).toBe(0)
      expect(first.stdout).toMatch(/1 imported, 0 duplicate/)

      const list = cli('list', archive, '--json')
      expect(list.code).toBe(0)
      const items = JSON.parse(list.stdout)
      expect(items).toHaveLength(1)
      expect(items[0]).toMatchObject({
        author: "The official account of Xi'an",
        date: '2022-09-21',
        source: 'China News Network',
        title: expect.stringMatching(/^Ministry of Education: China and 58 countries/),
      })

      const again = cli('import', archive, SEED_DIR, '--json')
      expect(again.code).toBe(0)
      const summary = JSON.parse(again.stdout)
      expect(summary.imported).toHaveLength(0)
      expect(summary.duplicates).toHaveLength(1)

      const id: string = items[0].id
      const seedFile = readdirSync(SEED_DIR).find((n) => n.endsWith('.txt'))!
      const stored = readFileSync(join(archive, 'articles', id.slice(0, 2), id, 'original.txt'))
      expect(stored.equals(readFileSync(join(SEED_DIR, seedFile)))).toBe(true)

      const show = cli('show', archive, id.slice(0, 6))
      expect(show.code).toBe(0)
      expect(show.stdout).toContain('date:     2022-09-21')
    },
  )

  it('create makes an empty named archive and refuses a folder that is not empty', () => {
    const archive = join(tempDir(), 'New')
    const made = cli('create', archive, '--name', 'Reports 2022', '--json')
    expect(made.stderr).toBe('')
    expect(made.code).toBe(0)
    expect(JSON.parse(made.stdout)).toMatchObject({ name: 'Reports 2022', articleCount: 0 })
    expect(cli('list', archive, '--json').stdout.trim()).toBe('[]')

    const again = cli('create', archive)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already an archive/)
    const busy = folderWith({ 'notes.txt': 'mine' })
    expect(cli('create', busy).stderr).toMatch(/not empty/)
    expect(readFileSync(join(busy, 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('refuses a second writer with a message naming the lock holder', async () => {
    const root = join(tempDir(), 'A')
    const held = await Archive.create(root, { holder: 'Press Archive (app)' })
    try {
      const r = cli('import', root, folderWith({ 'a.txt': ARTICLE }))
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(
        new RegExp(`open for writing in Press Archive \\(app\\) \\(process ${process.pid} on `),
      )
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      // Reading stays possible while it is held.
      expect(cli('list', root).code).toBe(0)
    } finally {
      await held.close()
    }
  })

  it('exits 2 on wrong usage and 1 on failure, with one-line errors', () => {
    expect(cli().code).toBe(2)
    const unknown = cli('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/)
    const badFlag = cli('list', 'x', '--nope')
    expect(badFlag.code).toBe(2)
    expect(badFlag.stderr).toMatch(/Unknown option '--nope'/)
    expect(cli('import', 'only-archive').code).toBe(2)
    const missing = cli('list', join(tempDir(), 'nothing-here'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/There is no archive folder at/)
    expect(missing.stderr).not.toMatch(/\n\s+at /)
    const debug = cli('list', join(tempDir(), 'nothing-here'), '--debug')
    expect(debug.stderr).toMatch(/\n\s+at /)
  })

  it('reports failed files, goes on, and exits 1', () => {
    const root = join(tempDir(), 'A')
    const src = folderWith({ 'a.txt': ARTICLE, 'empty.txt': '' })
    const r = cli('import', root, src)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/failed .*empty\.txt: the file is empty/)
    expect(r.stdout).toMatch(/1 imported, 0 duplicate\(s\), 1 failed/)
  })

  it('check finds a changed original and a missing folder; rebuild restores a deleted index', () => {
    const root = join(tempDir(), 'A')
    const src = folderWith({ 'a.txt': ARTICLE, 'b.txt': ARTICLE.replace('rose', 'fell') })
    expect(cli('import', root, src).code).toBe(0)
    expect(cli('check', root).code).toBe(0)

    rmSync(join(root, 'index'), { recursive: true })
    const rebuilt = cli('rebuild', root)
    expect(rebuilt.code).toBe(0)
    expect(rebuilt.stdout).toMatch(/now lists 2 article/)

    const items = JSON.parse(cli('list', root, '--json').stdout) as { id: string }[]
    const victim = join(root, 'articles', items[0]!.id.slice(0, 2), items[0]!.id, 'original.txt')
    chmodSync(victim, 0o644)
    writeFileSync(victim, 'tampered')
    const check = cli('check', root, '--json')
    expect(check.code).toBe(1)
    const report = JSON.parse(check.stdout)
    expect(report.problems).toHaveLength(1)
    expect(report.problems[0].problem).toMatch(/no longer matches its hash/)
    expect(report.ok).toEqual([items[1]!.id])
  })

  it('imports a single named file, copying nothing but what it names', () => {
    const dir = tempDir()
    const root = join(dir, 'A')
    mkdirSync(join(dir, 'in'))
    writeFileSync(join(dir, 'in', 'one.txt'), ARTICLE)
    copyFileSync(join(dir, 'in', 'one.txt'), join(dir, 'in', 'two.txt'))
    const r = cli('import', root, join(dir, 'in', 'one.txt'), '--json')
    expect(JSON.parse(r.stdout).imported).toHaveLength(1)
  })

  it('clean prints the cleaned text, or JSON with metadata, changes and flags', () => {
    const dir = folderWith({
      'a.txt':
        'Trade: my country grew\nAuthor:Desk Time:2022.08.07\nmy country grew 5 %.\nSource: Xinhua\n',
    })
    const text = cli('clean', join(dir, 'a.txt'))
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('China grew 5%.')
    expect(text.stdout).not.toContain('Author:')
    const json = JSON.parse(cli('clean', join(dir, 'a.txt'), '--json').stdout)
    expect(json.metadata).toMatchObject({
      title: 'Trade: China grew',
      author: 'Desk',
      date: '2022-08-07',
      source: 'Xinhua',
    })
    expect(json.changes.length).toBeGreaterThan(0)
    expect(Array.isArray(json.flags)).toBe(true)
    const minimal = cli('clean', join(dir, 'a.txt'), '--profile', 'minimal')
    expect(minimal.stdout).toContain('my country grew 5 %.')
    expect(cli('clean', join(dir, 'a.txt'), '--profile', 'nope').code).toBe(2)
    writeFileSync(
      join(dir, 'b.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    )
    const png = cli('clean', join(dir, 'b.png'), join(dir, 'a.txt'))
    expect(png.code).toBe(1)
    expect(png.stderr).toMatch(/b\.png: a PNG image/)
    expect(png.stdout).toContain('China grew 5%.')
  })

  it('reclean proposes by default and applies only to articles nobody edited', () => {
    const root = join(tempDir(), 'A')
    const src = folderWith({ 'a.txt': ARTICLE, 'b.txt': ARTICLE.replace('rose', 'fell') })
    expect(cli('import', root, src).code).toBe(0)
    const report = JSON.parse(cli('reclean', root, '--json').stdout) as {
      changed: boolean
      applied: boolean
    }[]
    expect(report).toHaveLength(2)
    expect(report.every((r) => !r.changed && !r.applied)).toBe(true)
    expect(cli('reclean', root, '--apply').stdout).toMatch(
      /2 article\(s\) re-cleaned .*0 would change, 0 applied/,
    )
  })

  it('imports through its worker threads when there are many files', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 80; i++)
      files[`f${i}.txt`] = `Report ${i}: my country grew\nAuthor:Desk Time:2022.08.07\nBody ${i}.\n`
    const root = join(tempDir(), 'A')
    const r = cli('import', root, folderWith(files), '--json')
    expect(r.stderr).toBe('')
    const summary = JSON.parse(r.stdout)
    expect(summary.imported).toHaveLength(80)
    expect(summary.imported[0].title).toMatch(/^Report \d+: China grew$/)
    expect(cli('check', root).code).toBe(0)
  })
})
