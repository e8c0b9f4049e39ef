import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TEXT_EXTENSIONS } from '../../../../src/core/import/walk'
import { folderRootOf } from '../../../../src/renderer/src/components/import/collect-files'
import {
  addToTally,
  encodedSize,
  extensionOf,
  isTextName,
  mergeSummaries,
  overallProgress,
  planUploads,
  UPLOAD_LIMITS,
  type UploadCandidate,
} from '../../../../src/renderer/src/components/import/upload-plan'
import { MAX_BODY_BYTES } from '../../../../src/host/body'
import type { ImportSummary } from '../../../../src/shared/model'

const MB = 1024 * 1024

function file(name: string, size: number, inFolder = false): UploadCandidate {
  return { name, size, path: inFolder ? `Folder/${name}` : name, inFolder }
}

/** The JSON body a call would be, from the sizes alone. */
function bodyBytes(candidates: UploadCandidate[]): number {
  return (
    Buffer.byteLength('{"files":[]}') +
    candidates.reduce(
      (sum, c) =>
        sum +
        Buffer.byteLength(JSON.stringify({ name: c.name, data: '' })) +
        encodedSize(c.size) +
        1,
      0,
    )
  )
}

describe('planUploads', () => {
  it('puts small files in one call', () => {
    const plan = planUploads([file('a.txt', 10), file('b.txt', 20)])
    expect(plan.chunks).toEqual([[0, 1]])
    expect(plan.total).toBe(2)
  })

  it('starts a new call before one would pass the byte budget or the file count', () => {
    const limits = { callBytes: 1000, callFiles: 3, fileBytes: 10_000 }
    const bySize = planUploads([file('a', 600), file('b', 600), file('c', 10)], limits)
    expect(bySize.chunks).toEqual([[0], [1, 2]])
    const byCount = planUploads(
      Array.from({ length: 7 }, (_, i) => file(`f${i}`, 1)),
      limits,
    )
    expect(byCount.chunks).toEqual([[0, 1, 2], [3, 4, 5], [6]])
  })

  it('sends a file larger than the budget in a call of its own', () => {
    const plan = planUploads([file('a', 10), file('big', 16 * MB), file('c', 10)])
    expect(plan.chunks).toEqual([[0], [1], [2]])
  })

  it('refuses a file too large for one call, and says what to do instead', () => {
    const plan = planUploads([file('huge.txt', 19 * MB), file('ok.txt', 5)])
    expect(plan.chunks).toEqual([[1]])
    expect(plan.failed).toHaveLength(1)
    expect(plan.failed[0]!.path).toBe('huge.txt')
    expect(plan.failed[0]!.reason).toMatch(/19\.0 MB.*desktop app/)
  })

  it('keeps the largest file it sends within what the host reads per call', () => {
    const largest = file('x'.repeat(255), UPLOAD_LIMITS.fileBytes)
    expect(planUploads([largest]).chunks).toEqual([[0]])
    expect(bodyBytes([largest])).toBeLessThan(MAX_BODY_BYTES)
  })

  it('passes over files in folders that are not text by their name, as the desktop does', () => {
    const plan = planUploads([
      file('photo.JPG', 10, true),
      file('notes.md', 10, true),
      file('README', 10, true),
      file('scan.pdf', 10, false),
    ])
    expect(plan.skipped).toEqual([
      { path: 'Folder/photo.JPG', reason: 'not a text file by its name (.jpg)' },
    ])
    // A file chosen on its own is always tried: the archive decides.
    expect(plan.chunks).toEqual([[1, 2, 3]])
  })

  it('refuses names no file can have', () => {
    const plan = planUploads([file('a/b', 1), file('..', 1), file('x'.repeat(256), 1)])
    expect(plan.chunks).toEqual([])
    expect(plan.failed).toHaveLength(3)
  })

  it('accounts for every file once, in order, with every call within the limits', () => {
    const candidate = fc.record({
      name: fc.stringMatching(/^[a-z0-9一-龥]{1,40}\.(txt|md|pdf)$/),
      size: fc.oneof(fc.integer({ min: 0, max: 4096 }), fc.integer({ min: 0, max: 20 * MB })),
      inFolder: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 60 }), (raw) => {
        const candidates = raw.map((c) => ({ ...c, path: c.name }))
        const plan = planUploads(candidates)
        const sent = plan.chunks.flat()
        expect(sent).toEqual([...sent].sort((a, b) => a - b))
        expect(sent.length + plan.failed.length + plan.skipped.length).toBe(candidates.length)
        expect(plan.total).toBe(sent.length)
        for (const chunk of plan.chunks) {
          expect(chunk.length).toBeGreaterThan(0)
          expect(chunk.length).toBeLessThanOrEqual(UPLOAD_LIMITS.callFiles)
          const body = bodyBytes(chunk.map((i) => candidates[i]!))
          if (chunk.length > 1) expect(body).toBeLessThanOrEqual(UPLOAD_LIMITS.callBytes)
          expect(body).toBeLessThan(MAX_BODY_BYTES)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('text names', () => {
  it('agree with the desktop importer on which extensions are text', () => {
    for (const ext of TEXT_EXTENSIONS) expect(isTextName(`name${ext}`)).toBe(true)
    expect(isTextName('a.pdf')).toBe(false)
    expect(isTextName('archive.tar.gz')).toBe(false)
    expect(extensionOf('Report.TXT')).toBe('.txt')
    expect(extensionOf('.profile')).toBe('')
  })
})

describe('progress and summaries over several calls', () => {
  const summary = (imported: number, duplicates: number, failed: number): ImportSummary => ({
    imported: Array.from({ length: imported }, (_, i) => ({ id: `${i}`, path: `${i}`, title: '' })),
    duplicates: Array.from({ length: duplicates }, (_, i) => ({ id: `${i}`, path: `${i}` })),
    failed: Array.from({ length: failed }, (_, i) => ({ path: `${i}`, reason: 'bad' })),
    skipped: [],
    cancelled: false,
  })

  it('adds a running call’s progress to the calls before it', () => {
    let tally = { done: 0, imported: 0, duplicates: 0, failed: 1 }
    tally = addToTally(tally, 10, summary(8, 1, 1))
    expect(tally).toEqual({ done: 10, imported: 8, duplicates: 1, failed: 2 })
    const progress = overallProgress(
      tally,
      { done: 4, total: 5, current: 'c.txt', imported: 3, duplicates: 1, failed: 0 },
      15,
    )
    expect(progress).toEqual({
      done: 14,
      total: 15,
      current: 'c.txt',
      imported: 11,
      duplicates: 2,
      failed: 2,
    })
  })

  it('never reports more done than there is', () => {
    const progress = overallProgress(
      { done: 10, imported: 0, duplicates: 0, failed: 0 },
      { done: 9, total: 9, current: null, imported: 0, duplicates: 0, failed: 0 },
      12,
    )
    expect(progress.done).toBe(12)
  })

  it('merges the calls’ summaries into one, cancelled if any was', () => {
    const merged = mergeSummaries([summary(1, 0, 1), { ...summary(2, 1, 0), cancelled: true }])
    expect(merged.imported).toHaveLength(3)
    expect(merged.duplicates).toHaveLength(1)
    expect(merged.failed).toHaveLength(1)
    expect(merged.cancelled).toBe(true)
    expect(mergeSummaries([]).cancelled).toBe(false)
  })
})

describe('folderRootOf', () => {
  it('finds the picked folder from a file in it', () => {
    expect(folderRootOf('/home/ann/Press/2021/a.txt', 'Press/2021/a.txt')).toBe('/home/ann/Press')
    expect(folderRootOf('C:\\Users\\Ann\\Press\\a.txt', 'Press/a.txt')).toBe(
      'C:\\Users\\Ann\\Press',
    )
  })

  it('gives up when the path and the relative path disagree', () => {
    expect(folderRootOf('/home/ann/Other/a.txt', 'Press/a.txt')).toBeNull()
    expect(folderRootOf('a.txt', 'Press/sub/a.txt')).toBeNull()
  })
})
