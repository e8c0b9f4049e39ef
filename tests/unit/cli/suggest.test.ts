import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI } from '../../support/paths'
import { tempDir } from '../../support/tmp'

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** An archive of three articles: one about grain, one about ports, one about neither. */
function archiveOfThree(): { base: string; archive: string } {
  const base = tempDir()
  const src = join(base, 'in')
  mkdirSync(src)
  writeFileSync(join(src, 'a.txt'), 'Grain harvest rises\nThe wheat harvest rose.\n')
  writeFileSync(join(src, 'b.txt'), 'Ports are busier\nMore ships reached the harbour.\n')
  writeFileSync(join(src, 'c.txt'), 'Weather\nIt rained.\n')
  const archive = join(base, 'A')
  expect(cli('import', archive, src).code).toBe(0)
  return { base, archive }
}

// Each case runs the real command line a dozen times or more; a busy machine needs the room.
const SPAWNED = { timeout: 120_000 }

describe('press-archive suggest (spawned)', SPAWNED, () => {
  it('previews suggestions for untagged articles, and tags them with --apply', () => {
    const { base, archive } = archiveOfThree()
    const codebook = join(base, 'codebook.csv')
    writeFileSync(
      codebook,
      'name,parent,color,description,keywords,pinned\r\nFarming,,,,harvest; wheat,\r\nShipping,,,,harbour,\r\n',
    )
    expect(cli('themes', archive, '--import', codebook).code).toBe(0)

    const preview = cli('suggest', archive)
    expect(preview.stderr).toBe('')
    expect(preview.code).toBe(0)
    expect(preview.stdout).toMatch(
      /Grain harvest rises\n {2}Farming {2}\(matched: harvest, wheat\)\n/,
    )
    expect(preview.stdout).toMatch(/Ports are busier\n {2}Shipping {2}\(matched: harbour\)\n/)
    expect(preview.stdout).toMatch(
      /2 of 3 untagged article\(s\) have suggestions; run with --apply to tag them\.\n$/,
    )
    // A preview changes nothing.
    expect(
      JSON.parse(cli('themes', archive, '--json').stdout).map((t: { count: number }) => t.count),
    ).toEqual([0, 0])

    const applied = cli('suggest', archive, '--apply', '--json')
    expect(applied.code).toBe(0)
    expect(JSON.parse(applied.stdout)).toMatchObject({
      untagged: 3,
      withSuggestions: 2,
      applied: true,
      changed: 2,
    })
    expect(cli('themes', archive).stdout).toBe('Farming  (1)\nShipping  (1)\n2 theme(s).\n')
    const again = cli('suggest', archive)
    expect(again.stdout).toMatch(/0 of 1 untagged article\(s\) have suggestions/)
  })
})

describe('press-archive themes --export / --import (spawned)', SPAWNED, () => {
  it('exports a codebook that imports into another archive as the same vocabulary', () => {
    const { base, archive } = archiveOfThree()
    expect(cli('themes', archive, '--add', 'Economy', '--color', '#112233').code).toBe(0)
    expect(cli('themes', archive, '--add', 'Trade, "ports"', '--parent', 'Economy').code).toBe(0)
    for (const ext of ['csv', 'json']) {
      const file = join(base, `book.${ext}`)
      const exported = cli('themes', archive, '--export', file)
      expect(exported.stdout).toBe(`Wrote 2 theme(s) to ${file}.\n`)
      const other = join(base, `other-${ext}`)
      expect(cli('create', other).code).toBe(0)

      const dry = cli('themes', other, '--import', file, '--dry-run')
      expect(dry.code).toBe(0)
      expect(dry.stdout).toBe(
        'created    2: Economy, Trade, "ports"\nupdated    0\nunchanged  0\nNothing was changed (a dry run).\n',
      )
      expect(cli('themes', other).stdout).toBe('0 theme(s).\n')

      expect(cli('themes', other, '--import', file).stdout).toMatch(/Imported\.\n$/)
      const strip = (list: { id: string; parentId: string | null }[]) =>
        list.map(({ id: _id, parentId, ...rest }) => ({ ...rest, parent: parentId !== null }))
      expect(strip(JSON.parse(cli('themes', other, '--json').stdout))).toEqual(
        strip(JSON.parse(cli('themes', archive, '--json').stdout)).map((t) => ({ ...t, count: 0 })),
      )
    }
    expect(readFileSync(join(base, 'book.csv'), 'utf8')).toContain('"Trade, ""ports""",Economy,')
  })

  it('refuses a bad codebook whole, listing every problem, and exits 1', () => {
    const { base, archive } = archiveOfThree()
    const file = join(base, 'bad.csv')
    writeFileSync(file, 'name,parent,color\nGood,,\nBad,,blue\nLost,Nowhere,\n')
    const r = cli('themes', archive, '--import', file)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      'error      Row 3 ("Bad"): the colour "blue" is not written #rrggbb.',
    )
    expect(r.stdout).toContain('error      Row 4 ("Lost"): there is no theme named "Nowhere"')
    expect(r.stdout).toMatch(/2 error\(s\): nothing was imported\.\n$/)
    expect(cli('themes', archive).stdout).toBe('0 theme(s).\n')
  })

  it('needs a .csv or .json file, and one of --export or --import', () => {
    const { base, archive } = archiveOfThree()
    const r = cli('themes', archive, '--export', join(base, 'book.txt'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/must end in \.csv or \.json/)
    const both = cli('themes', archive, '--export', 'a.csv', '--import', 'b.csv')
    expect(both.code).toBe(2)
  })
})
