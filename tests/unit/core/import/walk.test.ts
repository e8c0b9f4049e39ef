import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectFiles } from '../../../../src/core/import/walk'
import { tempDir } from '../../../support/tmp'

describe('collectFiles', () => {
  it('lists text files of nested folders in name order, leaving hidden ones out', async () => {
    const root = tempDir()
    mkdirSync(join(root, 'b'))
    mkdirSync(join(root, 'a', 'inner'), { recursive: true })
    mkdirSync(join(root, '.hidden'))
    for (const f of ['b/2.txt', 'b/10.txt', 'a/inner/x.md', 'a/z.txt', '.hidden/h.txt', 'a/.h.txt'])
      writeFileSync(join(root, f), 'text')
    writeFileSync(join(root, 'a', 'photo.jpg'), 'not text')
    const result = await collectFiles([root])
    expect(result.files).toEqual(
      ['a/inner/x.md', 'a/z.txt', 'b/10.txt', 'b/2.txt'].map((f) => join(root, f)),
    )
    expect(result.skipped.map((s) => s.path)).toEqual([join(root, 'a', 'photo.jpg')])
    expect(result.failed).toEqual([])
  })

  it('follows links to files and folders once, and ends a link loop', async () => {
    const root = tempDir()
    mkdirSync(join(root, 'real'))
    writeFileSync(join(root, 'real', 'one.txt'), 'text')
    symlinkSync(join(root, 'real'), join(root, 'link-to-real'))
    symlinkSync(join(root, 'real', 'one.txt'), join(root, 'also-one.txt'))
    symlinkSync(root, join(root, 'real', 'loop'))
    symlinkSync(join(root, 'missing.txt'), join(root, 'dangling.txt'))
    const result = await collectFiles([root])
    // The file is met three times (by its link, through the linked folder, directly): kept once.
    expect(result.files).toEqual([join(root, 'also-one.txt')])
    expect(result.failed.map((f) => f.path)).toEqual([join(root, 'dangling.txt')])
  })

  it('takes a file named on its own whatever its extension, and reports a missing one', async () => {
    const root = tempDir()
    writeFileSync(join(root, 'notes.log'), 'text')
    const result = await collectFiles([join(root, 'notes.log'), join(root, 'gone.txt')])
    expect(result.files).toEqual([join(root, 'notes.log')])
    expect(result.failed.map((f) => f.path)).toEqual([join(root, 'gone.txt')])
  })
})
