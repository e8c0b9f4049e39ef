import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPaths } from '../../../src/core/import/importer'
import { Archive } from '../../../src/core/store/archive'
import { CLI } from '../../support/paths'
import { tempDir } from '../../support/tmp'

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** An archive with one article and two passages of "Ports", one of them detached. */
async function archiveWithPassages(): Promise<{ root: string; id: string }> {
  const base = tempDir()
  const file = join(base, 'harbour.txt')
  writeFileSync(
    file,
    'Harbour traffic grows\nThe port handled more ships.\nA new terminal opens.\n',
  )
  const root = join(base, 'archive')
  const archive = await Archive.create(root, { holder: 'test' })
  const id = (await importPaths(archive, [file])).imported[0]!.id
  const ports = await archive.createTheme({ name: 'Ports' })
  await archive.createTheme({ name: 'Farming' })
  const text = (await archive.getArticle(id)).cleanedText
  const at = (words: string) => ({
    start: text.indexOf(words),
    end: text.indexOf(words) + words.length,
  })
  await archive.addPassage(id, ports.id, at('more ships'))
  await archive.addPassage(id, ports.id, at('new terminal'))
  await archive.saveCleaned(id, text.replace('new terminal', 'terminal'), 'person')
  await archive.close()
  return { root, id }
}

describe('press-archive passages (spawned)', () => {
  it('lists the passages of a theme named in any case, marking the detached ones', async () => {
    const { root, id } = await archiveWithPassages()
    const plain = cli('passages', root, '--theme', 'ports')
    expect(plain.stderr).toBe('')
    expect(plain.code).toBe(0)
    expect(plain.stdout).toBe(
      `${id}  Harbour traffic grows\n  “more ships”\n` +
        `${id}  Harbour traffic grows  (detached)\n  “new terminal”\n` +
        `2 passage(s) tagged with "Ports".\n`,
    )

    const asJson = cli('passages', root, '--theme', 'Ports', '--json')
    expect(asJson.code).toBe(0)
    const listed = JSON.parse(asJson.stdout) as { articleId: string; quote: string }[]
    expect(listed.map((p) => [p.articleId, p.quote])).toEqual([
      [id, 'more ships'],
      [id, 'new terminal'],
    ])

    const none = cli('passages', root, '--theme', 'Farming')
    expect(none.stdout).toBe('0 passage(s) tagged with "Farming".\n')
  })

  it('needs --theme, and a theme that exists', async () => {
    const { root } = await archiveWithPassages()
    expect(cli('passages', root).code).toBe(2)
    const missing = cli('passages', root, '--theme', 'Weather')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no theme named "Weather"/)
  })
})
