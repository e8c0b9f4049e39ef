import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sha256Hex } from '../../../../src/core/import/prepare'
import { createWriter, type ArticleWriter } from '../../../../src/core/import/worker-pool'
import type { WriteTask } from '../../../../src/core/import/writer'
import { tempDir } from '../../../support/tmp'

let writer: ArticleWriter | null = null
afterEach(async () => {
  await writer?.close()
  writer = null
})

function tasks(root: string, from: number, count: number): WriteTask[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k
    const bytes = Buffer.from(`Headline ${i}\n\n${'A sentence of the story. '.repeat(20)}\n`)
    return {
      path: `/in/${i}.txt`,
      bytes,
      sha256: sha256Hex(bytes),
      dir: join(root, String(i).padStart(4, '0')),
      now: '2026-01-02T03:04:05.000Z',
      profile: null,
    }
  })
}

describe('the import writer', () => {
  it('writes overlapping runs in worker threads and returns each run in its order', async () => {
    const root = tempDir()
    writer = createWriter(1000)
    const first = tasks(root, 0, 45)
    const second = tasks(root, 45, 30)
    const expected = [...first, ...second].map((t) => Buffer.from(t.bytes))
    const [a, b] = await Promise.all([writer.run(first), writer.run(second)])
    const results = [...a, ...b]
    expect(results).toHaveLength(75)
    results.forEach((r, i) => {
      expect(r.ok).toBe(true)
      if (!r.ok) return
      expect(r.meta.title).toBe(`Headline ${i}`)
      expect(readFileSync(join(root, String(i).padStart(4, '0'), 'original.txt'))).toEqual(
        expected[i],
      )
    })
  })

  it('reports a file that is not an article with its reason and writes nothing for it', async () => {
    const root = tempDir()
    writer = createWriter(1000)
    const batch = tasks(root, 0, 3)
    const empty = Buffer.alloc(0)
    batch[1] = { ...batch[1]!, bytes: empty, sha256: sha256Hex(empty) }
    const results = await writer.run(batch)
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
    expect(results[1]).toMatchObject({ ok: false, reason: 'the file is empty' })
    expect(existsSync(batch[1]!.dir)).toBe(false)
  })

  it('fails a run whose folder cannot be written, once no thread still writes for it', async () => {
    const root = tempDir()
    writer = createWriter(1000)
    const batch = tasks(root, 0, 40)
    // A folder that exists already is never written into: the run fails.
    const taken = batch[20]!.dir
    await writer.run([batch[20]!])
    await expect(writer.run(batch)).rejects.toThrow()
    expect(existsSync(taken)).toBe(true)
    // The writer is still usable afterwards.
    const later = await writer.run(tasks(tempDir(), 100, 2))
    expect(later.every((r) => r.ok)).toBe(true)
  })
})
