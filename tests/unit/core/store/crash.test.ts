import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleId, sha256Hex } from '../../../../src/core/import/prepare'
import { importPaths } from '../../../../src/core/import/importer'
import { Archive } from '../../../../src/core/store/archive'
import { checkArchive } from '../../../../src/core/store/check'
import { REPO } from '../../../support/paths'
import { tempDir } from '../../../support/tmp'

const CHILD = join(REPO, 'tests/support/crash-child.ts')

/**
 * Run the child until it has printed `until` lines matching `pattern`, then SIGKILL it. Returns
 * the highest number it reported before dying.
 */
function runAndKill(args: string[], pattern: RegExp, until: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let last = 0
    let buffer = ''
    let stderr = ''
    let killed = false
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const m = pattern.exec(line)
        // Lines read after the kill was sent still count: they were printed after a durable write.
        if (m) last = Math.max(last, Number(m[1]))
        if (line === 'finished') reject(new Error('the child finished before it could be killed'))
      }
      if (!killed && last >= until) {
        killed = true
        child.kill('SIGKILL')
      }
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(last)
      else reject(new Error(`child exited without being killed: ${stderr}`))
    })
  })
}

function article(i: number): string {
  return `Report ${i}: my country's grain output rose\nAuthor:Desk ${i} Time:2022.09.${String((i % 28) + 1).padStart(2, '0')}\n${'The harvest was good. '.repeat(40)}\nSource: Xinhua\n`
}

describe('crash safety', () => {
  it('after SIGKILL mid-import the archive opens, check passes, and every article reported done is there', async () => {
    const base = tempDir()
    const src = join(base, 'in')
    mkdirSync(src)
    const count = 600
    const names: string[] = []
    for (let i = 0; i < count; i++) {
      const name = `a${String(i).padStart(4, '0')}.txt`
      names.push(name)
      writeFileSync(join(src, name), article(i))
    }
    const root = join(base, 'archive')
    await (await Archive.create(root)).close()

    const reported = await runAndKill(['import', root, src], /^done (\d+)$/, 100)
    expect(reported).toBeGreaterThanOrEqual(100)

    const report = await checkArchive(root)
    expect(report.problems).toEqual([])
    const archive = await Archive.open(root)
    // Files are imported in name order, so the first `reported` files are the ones reported done.
    for (const name of names.slice(0, reported)) {
      expect(
        archive.has(articleId(sha256Hex(Buffer.from(article(Number(name.slice(1, 5))))))),
      ).toBe(true)
    }
    // The import can simply be run again: the rest comes in, what is there is a duplicate.
    const rest = await importPaths(archive, [src])
    expect(rest.failed).toEqual([])
    expect(archive.articleCount).toBe(count)
    await archive.close()
    expect((await checkArchive(root)).problems).toEqual([])
  })

  it('after SIGKILL in a stream of saves every reported save is in the history and check passes', async () => {
    const base = tempDir()
    const src = join(base, 'in')
    mkdirSync(src)
    writeFileSync(join(src, 'a.txt'), article(1))
    const root = join(base, 'archive')
    const archive = await Archive.create(root)
    const id = (await importPaths(archive, [src])).imported[0]!.id
    await archive.close()

    const reported = await runAndKill(['saves', root, id], /^saved (\d+)$/, 40)

    expect((await checkArchive(root)).problems).toEqual([])
    const reopened = await Archive.open(root)
    const history = await reopened.history(id)
    const texts = await Promise.all(history.map((h) => reopened.version(id, h.file)))
    for (let n = 1; n <= reported; n++)
      expect(texts).toContain(`version ${n}\n${'text '.repeat(200)}\n`)
    // cleaned.txt is the newest listed version, whatever moment the kill came at.
    expect((await reopened.getArticle(id)).cleanedText).toBe(texts.at(-1))
    await reopened.close()
  })
})
