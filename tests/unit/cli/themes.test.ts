import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI } from '../../support/paths'
import { tempDir } from '../../support/tmp'

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** An archive of three articles: two about grain, one about ports. */
function archiveOfThree(): { archive: string; ids: Record<string, string> } {
  const base = tempDir()
  const src = join(base, 'in')
  mkdirSync(src)
  writeFileSync(join(src, 'a.txt'), 'Grain harvest rises\nThe harvest rose.\n')
  writeFileSync(join(src, 'b.txt'), 'Grain prices fall\nPrices fell.\n')
  writeFileSync(join(src, 'c.txt'), 'Ports are busier\nMore ships came.\n')
  const archive = join(base, 'A')
  const imported = cli('import', archive, src, '--json')
  expect(imported.code).toBe(0)
  const summary = JSON.parse(imported.stdout) as { imported: { id: string; path: string }[] }
  const ids = Object.fromEntries(summary.imported.map((a) => [a.path.slice(-5, -4), a.id] as const))
  return { archive, ids }
}

describe('press-archive themes and tag (spawned)', () => {
  it('adds themes, tags by query and by id, and lists the tree with counts', () => {
    const { archive, ids } = archiveOfThree()
    expect(cli('themes', archive, '--add', 'Economy').code).toBe(0)
    const added = cli('themes', archive, '--add', 'Agriculture', '--parent', 'economy', '--json')
    expect(added.stderr).toBe('')
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'Agriculture', parentId: /^t_/ })

    const byQuery = cli('tag', archive, '--query', 'grain', '--theme', 'AGRICULTURE', '--json')
    expect(byQuery.stderr).toBe('')
    expect(byQuery.code).toBe(0)
    expect(JSON.parse(byQuery.stdout)).toMatchObject({ matched: 2, changed: 2, created: false })

    const byId = cli('tag', archive, '--id', ids['c']!.slice(0, 8), '--theme', 'Economy')
    expect(byId.code).toBe(0)
    expect(byId.stdout).toMatch(/1 of 1 article\(s\) tagged with "Economy"/)

    const tree = cli('themes', archive)
    expect(tree.code).toBe(0)
    expect(tree.stdout).toBe('Economy  (1)\n  Agriculture  (2)\n2 theme(s).\n')

    const untag = cli('tag', archive, '--id', ids['a']!, '--theme', 'agriculture', '--remove')
    expect(untag.code).toBe(0)
    const listed = JSON.parse(cli('themes', archive, '--json').stdout) as {
      name: string
      count: number
    }[]
    expect(listed.map((t) => [t.name, t.count])).toEqual([
      ['Economy', 1],
      ['Agriculture', 1],
    ])
  })

  it('fails clearly on an unknown theme, and --create-theme makes it', () => {
    const { archive } = archiveOfThree()
    const unknown = cli('tag', archive, '--query', 'ports', '--theme', 'Shipping')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no theme named "Shipping"/)
    expect(JSON.parse(cli('themes', archive, '--json').stdout)).toEqual([])

    const made = cli('tag', archive, '--query', 'ports', '--theme', 'Shipping', '--create-theme')
    expect(made.code).toBe(0)
    expect(made.stdout).toMatch(/1 of 1 article\(s\) tagged with "Shipping" \(a new theme\)/)
  })

  it('reports wrong usage with exit 2', () => {
    const { archive } = archiveOfThree()
    expect(cli('tag', archive, '--theme', 'X').code).toBe(2)
    expect(cli('tag', archive, '--query', 'grain').code).toBe(2)
    const colour = cli('themes', archive, '--add', 'X', '--color', 'red')
    expect(colour.code).toBe(2)
    expect(colour.stderr).toMatch(/#rrggbb/)
    expect(cli('themes', archive, '--add', 'X').code).toBe(0)
    const twice = cli('themes', archive, '--add', 'x')
    expect(twice.code).toBe(1)
    expect(twice.stderr).toMatch(/already a theme named "X"/)
  })
})
