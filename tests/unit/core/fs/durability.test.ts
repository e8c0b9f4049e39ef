import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeDurable } from '../../../../src/core/fs/durability'
import { tempDir } from '../../../support/tmp'

describe('makeDurable', () => {
  it('answers every batch, also many at once, and leaves the files as written', async () => {
    const dir = tempDir()
    const batches = Array.from({ length: 12 }, (_, b) => {
      const folder = join(dir, `batch-${b}`)
      mkdirSync(folder)
      const files = Array.from({ length: 5 }, (_, f) => {
        const path = join(folder, `${f}.txt`)
        writeFileSync(path, `batch ${b} file ${f}\n`)
        return path
      })
      return { folder, files }
    })
    await Promise.all(batches.map((b) => makeDurable(b.files, [b.folder, dir])))
    await makeDurable([], [])
    for (const [b, batch] of batches.entries()) {
      expect(readFileSync(batch.files[4]!, 'utf8')).toBe(`batch ${b} file 4\n`)
    }
  })

  it('does not keep the process alive once its batches are durable', () => {
    const dir = tempDir()
    const file = join(dir, 'a.txt')
    writeFileSync(file, 'a')
    const script = join(dir, 'sync-once.mts')
    writeFileSync(
      script,
      `import { makeDurable } from ${JSON.stringify(resolve('src/core/fs/durability.ts'))}
await makeDurable([${JSON.stringify(file)}], [${JSON.stringify(dir)}])
console.log('durable')\n`,
    )
    // Exits on its own: a helper left holding the event loop would run into the timeout.
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('durable')
    expect(run.status).toBe(0)
  })
})
